import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../electron/contract';
import { ArrivalsChart, bucketsUntil } from './arrivals_chart';
import type { EventClock } from './event_clock';

/** The headline figures: here of expected (with a bar), missing, checked out, refused scans. */
export function AttendanceFigures({ dashboard, clock }: { dashboard: Dashboard; clock: EventClock }) {
  const { t } = useTranslation();
  const { here, expected, missing, checkedOut, unexpectedHere, refused } = dashboard;
  const share = expected > 0 ? Math.round((here / expected) * 100) : 0;
  return (
    <div className="att-figures">
      <div className="att-here" data-testid="att-here" data-here={here} data-expected={expected}>
        <div className="att-here-value">
          <span className="att-big">{clock.number(here)}</span>
          <span className="att-of">{t('attendance.ofExpected', { expected: clock.number(expected) })}</span>
        </div>
        <div className="att-label">{t('attendance.here')}</div>
        <div className="att-meter" role="meter" aria-valuemin={0} aria-valuemax={expected} aria-valuenow={here} aria-label={t('attendance.here')}>
          <span style={{ inlineSize: `${Math.min(100, share)}%` }} />
        </div>
        <div className="att-share">{t('attendance.share', { percent: share })}</div>
      </div>
      <div className="att-stat att-missing" data-testid="att-missing" data-value={missing}>
        <span className="att-big">{clock.number(missing)}</span>
        <span className="att-label">{t('attendance.missing')}</span>
      </div>
      <div className="att-stat" data-testid="att-checked-out" data-value={checkedOut}>
        <span className="att-big">{clock.number(checkedOut)}</span>
        <span className="att-label">{t('attendance.checkedOut')}</span>
      </div>
      {unexpectedHere > 0 ? (
        <div className="att-stat" data-testid="att-unexpected">
          <span className="att-big">{clock.number(unexpectedHere)}</span>
          <span className="att-label">{t('attendance.unexpectedHere')}</span>
        </div>
      ) : null}
      <div className="att-stat" data-testid="att-refused" data-value={refused}>
        <span className="att-big">{clock.number(refused)}</span>
        <span className="att-label">{t('attendance.refused')}</span>
      </div>
    </div>
  );
}

/** Arrivals over time, or what to expect before the first one; `tools` sit beside the heading. */
export function ArrivalsPanel({ dashboard, clock, tools }: { dashboard: Dashboard; clock: EventClock; tools?: ReactNode }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="card att-chart-card" aria-labelledby="att-arrivals-title">
      <div className="att-card-head">
        <h2 id="att-arrivals-title">{t('attendance.arrivalsTitle')}</h2>
        {tools}
      </div>
      {dashboard.arrivals.length === 0 ? (
        <p className="muted" data-testid="arrivals-empty">{t('attendance.arrivalsEmpty')}</p>
      ) : (
        <>
          <ArrivalsChart
            buckets={bucketsUntil(dashboard.arrivals, dashboard.bucketMinutes, dashboard.updatedAt)}
            expected={dashboard.expected}
            rtl={i18n.dir() === 'rtl'}
            locale={i18n.language}
            timeZone={clock.timeZone}
            label={t('attendance.arrivalsLabel', { minutes: dashboard.bucketMinutes })}
            totalLabel={t('attendance.runningTotal')}
          />
          <p className="att-legend muted">
            <span className="att-key att-key-bar" aria-hidden="true" /> {t('attendance.legendBars', { minutes: dashboard.bucketMinutes })}
            <span className="att-key att-key-line" aria-hidden="true" /> {t('attendance.runningTotal')}
            <span className="att-key att-key-expected" aria-hidden="true" /> {t('attendance.legendExpected')}
          </p>
        </>
      )}
    </section>
  );
}
