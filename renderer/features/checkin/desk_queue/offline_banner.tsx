import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeskQueueState, useSyncNow } from './use_desk_queue';
import './offline_banner.css';

/**
 * The desk's connection state, for staff at a glance: offline with the number of scans kept
 * on this desk, sending them when the host is back, and "all sent" for a moment after. Nothing
 * shows while all is well, and nothing at all on the desktop window (it is the host).
 */
export function OfflineBanner() {
  const { t, i18n } = useTranslation();
  const state = useDeskQueueState();
  const syncNow = useSyncNow();
  const [justSent, setJustSent] = useState(0);
  const sentFrom = useRef(0);
  const pending = state?.pending ?? 0;

  // "All sent" shows for a few seconds after the queue empties, so staff see the catch-up end.
  useEffect(() => {
    if (pending > 0) {
      sentFrom.current = Math.max(sentFrom.current, pending);
      return undefined;
    }
    if (sentFrom.current === 0) return undefined;
    setJustSent(sentFrom.current);
    sentFrom.current = 0;
    const timer = setTimeout(() => setJustSent(0), 6000);
    return () => clearTimeout(timer);
  }, [pending]);

  if (!state) return null;
  const time = (iso: string) => new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
  const number = new Intl.NumberFormat(i18n.language);

  if (state.offline) {
    return (
      <div className="desk-offline desk-offline-down" role="status" data-testid="offline-banner" data-state="offline" data-pending={pending}>
        <span className="desk-offline-icon" aria-hidden="true">⚠</span>
        <div className="desk-offline-text">
          <strong>{t('deskQueue.offlineTitle')}</strong>
          <span>{state.copyTakenAt ? t('deskQueue.offlineBody', { time: time(state.copyTakenAt) }) : t('deskQueue.offlineNoCopy')}</span>
          {!state.durable ? <span className="desk-offline-warn">{t('deskQueue.notDurable')}</span> : null}
        </div>
        <span className="desk-offline-count" data-testid="offline-pending">
          <span className="desk-offline-number">{number.format(pending)}</span>
          <span>{t('deskQueue.queued', { count: pending })}</span>
        </span>
      </div>
    );
  }
  if (state.syncing && pending > 0) {
    return (
      <div className="desk-offline desk-offline-sync" role="status" data-testid="offline-banner" data-state="syncing" data-pending={pending}>
        <span className="desk-offline-icon" aria-hidden="true">⟳</span>
        <div className="desk-offline-text"><strong>{t('deskQueue.sending', { count: pending, formatted: number.format(pending) })}</strong></div>
      </div>
    );
  }
  if (pending > 0) {
    const why = state.problem === 'other_event' ? t('deskQueue.otherEvent') : (state.problemMessage ?? t('deskQueue.waiting'));
    return (
      <div className="desk-offline desk-offline-stuck" role="status" data-testid="offline-banner" data-state="waiting" data-pending={pending}>
        <span className="desk-offline-icon" aria-hidden="true">⚠</span>
        <div className="desk-offline-text">
          <strong>{t('deskQueue.notSent', { count: pending, formatted: number.format(pending) })}</strong>
          <span>{why}</span>
        </div>
        <button type="button" onClick={syncNow} data-testid="offline-sync-now">{t('deskQueue.sendNow')}</button>
      </div>
    );
  }
  if (justSent > 0) {
    return (
      <div className="desk-offline desk-offline-done" role="status" data-testid="offline-banner" data-state="sent" data-pending={0}>
        <span className="desk-offline-icon" aria-hidden="true">✓</span>
        <div className="desk-offline-text"><strong>{t('deskQueue.allSent', { count: justSent, formatted: number.format(justSent) })}</strong></div>
      </div>
    );
  }
  return null;
}
