import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Participant } from '../../../electron/contract';
import { useApi } from '../../api/api_context';

/**
 * Erasure on request: find the person, type their name as listed to confirm, and every row
 * about them goes from the event and from every backup in its folder. Says what it did, and
 * that copies elsewhere (USB sticks, exports) must be erased by hand.
 */
export function ErasePersonSection() {
  const { t } = useTranslation();
  const api = useApi();
  const [query, setQuery] = useState('');
  const [matches, setMatches] = useState<Participant[]>([]);
  const [person, setPerson] = useState<Participant | null>(null);
  const [confirm, setConfirm] = useState('');
  const [result, setResult] = useState<{ text?: string; rows?: number; backups?: number; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  async function find(text: string) {
    setQuery(text);
    if (!text.trim()) return setMatches([]);
    const r = await api.call('participants.list', { query: text, limit: 5 });
    setMatches(r.ok ? r.value.items : []);
  }

  async function erase(e: FormEvent) {
    e.preventDefault();
    if (!person) return;
    setBusy(true);
    const r = await api.call('privacy.eraseParticipant', { participantId: person.id, confirmName: confirm });
    setBusy(false);
    if (!r.ok) return setResult({ text: r.error.message, error: true });
    const rows = r.value.tables.reduce((n, x) => n + x.rows, 0);
    setResult({ rows, backups: r.value.backupsScrubbed, error: false });
    setPerson(null);
    setConfirm('');
    setMatches([]);
    setQuery('');
  }

  return (
    <div className="card" data-testid="erase-person">
      <h2>{t('erase.title')}</h2>
      <p className="muted">{t('erase.intro')}</p>
      {result ? (
        <p className={result.error ? 'notice notice-error' : 'notice backup-ok'} role={result.error ? 'alert' : 'status'}>
          <span>{result.text ?? t('erase.done', { count: result.rows ?? 0, backups: result.backups ?? 0 })}</span>
          <button type="button" onClick={() => setResult(null)}>{t('common.dismiss')}</button>
        </p>
      ) : null}
      {person ? (
        <form className="erase-person" onSubmit={(e) => void erase(e)}>
          <p className="backup-warning">{t('erase.warning', { name: person.displayName })}</p>
          <label>
            {t('erase.typeName')}
            <input value={confirm} onChange={(e) => setConfirm(e.target.value)} autoComplete="off" data-testid="erase-confirm" />
          </label>
          <button type="submit" className="primary" disabled={busy || confirm.trim() !== person.displayName.trim()} data-testid="erase-submit">
            {t('erase.submit')}
          </button>
          <button type="button" onClick={() => setPerson(null)}>{t('backup.cancel')}</button>
        </form>
      ) : (
        <>
          <label className="erase-person">
            <span>{t('erase.find')}</span>
            <input type="search" value={query} onChange={(e) => void find(e.target.value)} placeholder={t('erase.findPlaceholder')} maxLength={200} data-testid="erase-find" />
          </label>
          <ul className="erase-matches">
            {matches.map((p) => (
              <li key={p.id}>
                <span>
                  <bdi className="strong">{p.displayName}</bdi> <span className="muted"><bdi>{p.organisation}</bdi></span>
                </span>
                <button type="button" onClick={() => setPerson(p)}>{t('erase.choose')}</button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
