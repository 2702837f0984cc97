import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/use_api_query';
import type { DeskSettings } from './desk_storage';

/**
 * Which door this desk keeps (the event desk or a session), whether it checks in or out, who
 * operates it (for the log), and the live count of who is here for that door.
 */
export function DeskToolbar({ settings, onChange, revision }: {
  settings: DeskSettings;
  onChange: (change: Partial<DeskSettings>) => void;
  revision: number;
}) {
  const { t, i18n } = useTranslation();
  const sessions = useApiQuery('sessions.list', {});
  const count = useApiQuery('checkin.dashboard', { sessionId: settings.sessionId, bucketMinutes: 60 }, ['event.changed']);
  const reloadCount = count.reload;
  useEffect(() => {
    if (revision > 0) reloadCount();
  }, [revision, reloadCount]);
  const day = new Intl.DateTimeFormat(i18n.language, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
  const list = sessions.value ?? [];
  // A door remembered from another event (or a deleted session) falls back to the event desk.
  const known = settings.sessionId === null || list.some((s) => s.id === settings.sessionId) || sessions.status !== 'ok';

  return (
    <div className="desk-toolbar" role="group" aria-label={t('desk.toolbar.label')}>
      <label className="desk-field">
        <span>{t('desk.toolbar.door')}</span>
        <select
          value={known && settings.sessionId !== null ? String(settings.sessionId) : ''}
          onChange={(e) => onChange({ sessionId: e.target.value ? Number(e.target.value) : null })}
          data-testid="desk-door"
        >
          <option value="">{t('desk.toolbar.eventDesk')}</option>
          {list.map((s) => (
            <option key={s.id} value={s.id}>
              {`${day.format(new Date(`${s.day}T12:00:00Z`))} ${s.startsAt} · ${s.title}${s.venue ? ` · ${s.venue}` : ''}`}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="desk-mode">
        <legend>{t('desk.toolbar.mode')} <kbd>F7</kbd></legend>
        {(['checkin', 'checkout'] as const).map((mode) => (
          <label key={mode} className={settings.mode === mode ? `desk-mode-option active ${mode}` : 'desk-mode-option'}>
            <input type="radio" name="desk-mode" value={mode} checked={settings.mode === mode} onChange={() => onChange({ mode })} data-testid={`desk-mode-${mode}`} />
            {t(`desk.toolbar.${mode}`)}
          </label>
        ))}
      </fieldset>
      <label className="desk-field">
        <span>{t('desk.toolbar.operator')}</span>
        <input
          type="text"
          value={settings.operator}
          maxLength={80}
          placeholder={t('desk.toolbar.operatorPlaceholder')}
          onChange={(e) => onChange({ operator: e.target.value })}
          data-testid="desk-operator"
        />
      </label>
      {count.value ? (
        <p className="desk-count" data-testid="desk-count" aria-live="polite">
          <span className="desk-count-here">{count.value.here}</span>
          <span className="muted"> / {count.value.expected}</span>
          <span className="desk-count-label">{t('desk.toolbar.here')}</span>
        </p>
      ) : null}
    </div>
  );
}
