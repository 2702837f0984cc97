import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { scanTone } from '../../../electron/contract';
import { useApiQuery } from '../../api/use_api_query';

/**
 * This desk's last scans, newest first, accepted and refused alike: the operator glances here
 * to answer "did that one go through?". Re-read after every scan of this desk and on every
 * check-in push (an undo elsewhere shows here too).
 */
export function RecentScans({ sessionId, revision }: { sessionId: number | null; revision: number }) {
  const { t, i18n } = useTranslation();
  const recent = useApiQuery('checkin.recent', { ownDesk: true, sessionId, limit: 8 }, []);
  const { reload } = recent;
  useEffect(() => {
    if (revision > 0) reload();
  }, [revision, reload]);
  const clock = new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const items = recent.value ?? [];
  return (
    <section className="card desk-recent" aria-labelledby="desk-recent-title">
      <h2 id="desk-recent-title">{t('desk.recent.title')}</h2>
      {recent.status === 'error' ? <p className="muted" role="status">{recent.error.message}</p> : null}
      {items.length === 0 && recent.status === 'ok' ? <p className="muted">{t('desk.recent.none')}</p> : null}
      <ol className="desk-recent-list" data-testid="desk-recent">
        {items.map((entry) => (
          <li key={entry.scanId} className={`desk-recent-item tone-${scanTone(entry.result)}`} data-result={entry.result}>
            <time dateTime={entry.scannedAt}>{clock.format(new Date(entry.scannedAt))}</time>
            <bdi className="desk-recent-name">{entry.displayName ?? t('desk.recent.noName')}</bdi>
            <span className="desk-recent-result">
              {entry.action === 'checkout' && entry.result === 'checked_out' ? t('desk.result.checked_out') : t(`desk.result.${entry.result}`)}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
