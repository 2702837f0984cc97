import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PushTopic } from '../../../electron/contract';
import { useApiQuery } from '../../api/use_api_query';
import { ErrorNotice, Page } from '../../ui/page';
import { ArrivalsPanel, AttendanceFigures } from './attendance_summary';
import { useEventClock } from './event_clock';
import { ExportPanel } from './export_panel';
import { CategoryTable, DelegationTable } from './group_tables';
import { hashFor, useHashIdParam } from './hash_params';
import { MissingList, ScannedTwiceList } from './people_lists';
import './attendance.css';

/** Every check-in, programme or participant change re-reads the dashboard: it is live on every screen. */
export const ATTENDANCE_REFRESH: readonly PushTopic[] = ['checkin.changed', 'event.changed', 'data.changed'];
const BUCKETS = [5, 15, 30, 60] as const;

/** Chooses what the dashboard is about: the event's entrance, or one session of the programme. */
function ScopePicker({ sessionId }: { sessionId: number | null }) {
  const { t } = useTranslation();
  const sessions = useApiQuery('sessions.list', {});
  const clock = useEventClock();
  return (
    <label className="att-field att-scope">
      <span>{t('attendance.scope')}</span>
      <select
        value={sessionId ?? ''}
        onChange={(e) => (window.location.hash = hashFor('attendance', { session: e.target.value ? Number(e.target.value) : null }))}
        data-testid="att-scope"
      >
        <option value="">{t('attendance.wholeEvent')}</option>
        {(sessions.value ?? []).map((s) => (
          <option key={s.id} value={s.id}>
            {`${s.day} ${s.startsAt} · ${s.title} (${clock.number(s.expectedCount)})`}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * The attendance dashboard: here / expected / missing for the event or a session, by
 * delegation (complete? head arrived?) and category, arrivals over time, who is missing with
 * their phone and e-mail, who scanned twice, and the records to export. Live: every check-in
 * anywhere re-reads it.
 */
export function AttendancePage() {
  const { t } = useTranslation();
  const sessionId = useHashIdParam('session');
  const [bucketMinutes, setBucketMinutes] = useState<number>(15);
  const dashboard = useApiQuery('checkin.dashboard', { sessionId, bucketMinutes }, ATTENDANCE_REFRESH);
  const whoami = useApiQuery('devices.whoami', {}, []);
  const clock = useEventClock();
  const d = dashboard.value;
  const session = d?.session ?? null;
  const subtitle = session
    ? `${session.title} · ${session.day} ${session.startsAt}–${session.endsAt} · ${session.venue}`
    : t('attendance.wholeEventHint');

  return (
    <Page title={t('attendance.title')} subtitle={<bdi>{subtitle}</bdi>} actions={<ScopePicker sessionId={sessionId} />}>
      {dashboard.status === 'error' ? (
        <ErrorNotice message={dashboard.error.message} onRetry={dashboard.reload} retryLabel={t('common.retry')} />
      ) : null}
      {d ? (
        <div className="att" data-testid="attendance-dashboard" data-session={sessionId ?? ''}>
          <div className="att-toolbar">
            <span className="att-live" role="status">
              <span className="att-live-dot" aria-hidden="true" /> {t('attendance.liveAt', { time: clock.time(d.updatedAt) })}
            </span>
            {session ? (
              <span className="att-links">
                <a href={hashFor('checkin', { session: session.id })} data-testid="att-door-link">{t('attendance.doorCheckin')}</a>
                <a href={hashFor('programme', { rollcall: session.id })} data-testid="att-rollcall-link">{t('attendance.openRollCall')}</a>
              </span>
            ) : null}
          </div>
          <AttendanceFigures dashboard={d} clock={clock} />
          <div className="att-grid">
            <ArrivalsPanel
              dashboard={d}
              clock={clock}
              tools={
                <label className="att-bucket">
                  <span>{t('attendance.bucket')}</span>
                  <select value={bucketMinutes} onChange={(e) => setBucketMinutes(Number(e.target.value))} data-testid="att-bucket">
                    {BUCKETS.map((b) => <option key={b} value={b}>{t('attendance.minutes', { count: b })}</option>)}
                  </select>
                </label>
              }
            />
            <CategoryTable dashboard={d} clock={clock} />
          </div>
          <DelegationTable dashboard={d} clock={clock} />
          <MissingList dashboard={d} />
          <ScannedTwiceList dashboard={d} clock={clock} />
          {whoami.value?.role === 'admin' ? <ExportPanel sessionId={sessionId} /> : null}
        </div>
      ) : dashboard.status === 'loading' ? (
        <p className="muted">{t('common.loading')}</p>
      ) : null}
    </Page>
  );
}
