import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api_context';
import { useApiQuery } from '../../api/use_api_query';
import { ErrorNotice } from '../../ui/page';

/** Lists the events on this computer, switches between them, and creates a new one. */
export function EventSwitcher() {
  const { t } = useTranslation();
  const api = useApi();
  const events = useApiQuery('event.list', {}, ['event.changed']);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form, setForm] = useState({ name: '', startDate: '', endDate: '', withDemoData: false });

  async function open(id: string) {
    setBusy(true);
    const result = await api.call('event.open', { id });
    setBusy(false);
    setMessage(result.ok ? null : result.error.message);
  }

  async function create(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const result = await api.call('event.create', { ...form, endDate: form.endDate || form.startDate });
    setBusy(false);
    if (result.ok) setForm({ name: '', startDate: '', endDate: '', withDemoData: false });
    setMessage(result.ok ? null : result.error.message);
  }

  return (
    <div className="card" data-testid="event-switcher">
      <h2>{t('settings.events')}</h2>
      {message ? <ErrorNotice message={message} onRetry={() => setMessage(null)} retryLabel={t('common.dismiss')} /> : null}
      <ul className="event-list">
        {events.value?.map((ev) => (
          <li key={ev.id}>
            <span>
              <bdi className="strong">{ev.name}</bdi> <span className="muted">{ev.startDate} – {ev.endDate}</span>
            </span>
            {ev.current ? (
              <span className="pill">{t('settings.open')}</span>
            ) : (
              <button type="button" disabled={busy} onClick={() => void open(ev.id)}>{t('settings.switch')}</button>
            )}
          </li>
        ))}
      </ul>
      <form className="create-event" onSubmit={(e) => void create(e)}>
        <h3>{t('settings.newEvent')}</h3>
        <label>
          {t('settings.eventName')}
          <input required maxLength={120} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} data-testid="new-event-name" />
        </label>
        <label>
          {t('settings.startDate')}
          <input required type="date" value={form.startDate} onChange={(e) => setForm({ ...form, startDate: e.target.value })} data-testid="new-event-start" />
        </label>
        <label>
          {t('settings.endDate')}
          <input type="date" value={form.endDate} min={form.startDate} onChange={(e) => setForm({ ...form, endDate: e.target.value })} />
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={form.withDemoData} onChange={(e) => setForm({ ...form, withDemoData: e.target.checked })} />
          {t('settings.withDemoData')}
        </label>
        <button type="submit" className="primary" disabled={busy} data-testid="create-event">{t('settings.create')}</button>
      </form>
    </div>
  );
}
