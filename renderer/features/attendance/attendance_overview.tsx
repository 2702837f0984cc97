import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/use_api_query';
import { ArrivalsPanel, AttendanceFigures } from './attendance_summary';
import { ATTENDANCE_REFRESH } from './attendance_page';
import { useEventClock } from './event_clock';
import './attendance.css';

/**
 * The overview's live attendance: who is here of everyone expected, and arrivals so far, with
 * the way to the full dashboard. It follows every check-in as it happens.
 */
export function AttendanceOverview() {
  const { t } = useTranslation();
  const dashboard = useApiQuery('checkin.dashboard', { sessionId: null, bucketMinutes: 15 }, ATTENDANCE_REFRESH);
  const clock = useEventClock();
  const d = dashboard.value;
  if (!d) return null; // the overview's own figures still show; an error here is not the overview's
  const incomplete = d.byDelegation.filter((g) => g.expected > 0 && !g.complete).length;
  const headsMissing = d.byDelegation.filter((g) => g.head && !g.head.arrived).length;
  return (
    <section className="att att-overview" aria-labelledby="att-overview-title" data-testid="overview-attendance">
      <div className="att-card-head">
        <h2 id="att-overview-title" className="section-title">{t('attendance.overviewTitle')}</h2>
        <a href="#/attendance" className="att-open" data-testid="open-attendance">{t('attendance.openDashboard')}</a>
      </div>
      <AttendanceFigures dashboard={d} clock={clock} />
      <p className="att-overview-notes">
        <span data-testid="overview-incomplete">{t('attendance.incompleteDelegations', { count: incomplete, formatted: clock.number(incomplete) })}</span>
        {' · '}
        <span>{t('attendance.headsNotArrived', { count: headsMissing, formatted: clock.number(headsMissing) })}</span>
        {' · '}
        <span>{t('attendance.scannedTwiceCount', { count: d.scannedTwice.length, formatted: clock.number(d.scannedTwice.length) })}</span>
      </p>
      <ArrivalsPanel dashboard={d} clock={clock} />
    </section>
  );
}
