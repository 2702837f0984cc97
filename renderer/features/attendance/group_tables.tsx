import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../electron/contract';
import { CategoryTag, countryName } from '../../ui/names';
import type { EventClock } from './event_clock';

/** A small here-of-expected bar, for table rows. */
function Ratio({ here, expected, clock }: { here: number; expected: number; clock: EventClock }) {
  const share = expected > 0 ? Math.min(100, (here / expected) * 100) : 0;
  return (
    <span className="att-ratio">
      <span className="att-ratio-text">{clock.number(here)} / {clock.number(expected)}</span>
      <span className="att-ratio-bar" aria-hidden="true"><span style={{ inlineSize: `${share}%` }} /></span>
    </span>
  );
}

/**
 * By delegation, in protocol order: how many of them are here, whether the delegation is
 * complete, and whether its head has arrived (what protocol staff ask first).
 */
export function DelegationTable({ dashboard, clock }: { dashboard: Dashboard; clock: EventClock }) {
  const { t, i18n } = useTranslation();
  const [onlyIncomplete, setOnlyIncomplete] = useState(false);
  const rows = dashboard.byDelegation.filter((d) => d.expected > 0 && (!onlyIncomplete || !d.complete));
  const complete = dashboard.byDelegation.filter((d) => d.expected > 0 && d.complete).length;
  const total = dashboard.byDelegation.filter((d) => d.expected > 0).length;
  return (
    <section className="card" aria-labelledby="att-delegations-title">
      <div className="att-card-head">
        <h2 id="att-delegations-title">{t('attendance.byDelegation')}</h2>
        <span className="muted" data-testid="att-complete-count">{t('attendance.completeCount', { complete: clock.number(complete), total: clock.number(total) })}</span>
        <label className="att-toggle">
          <input type="checkbox" checked={onlyIncomplete} onChange={(e) => setOnlyIncomplete(e.target.checked)} />
          {t('attendance.onlyIncomplete')}
        </label>
      </div>
      <div className="att-scroll">
        <table className="data-table att-table" data-testid="att-delegations">
          <thead>
            <tr>
              <th scope="col">{t('attendance.delegation')}</th>
              <th scope="col">{t('attendance.hereOfExpected')}</th>
              <th scope="col">{t('attendance.state')}</th>
              <th scope="col">{t('attendance.head')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((d) => (
              <tr key={d.delegationId ?? 'none'} data-complete={d.complete}>
                <td>
                  <bdi className="strong">{d.delegationId === null ? t('attendance.noDelegation') : d.name}</bdi>
                  {d.country && countryName(d.country, i18n.language) !== d.name ? <span className="sub">{countryName(d.country, i18n.language)}</span> : null}
                </td>
                <td><Ratio here={d.here} expected={d.expected} clock={clock} /></td>
                <td>
                  {d.complete ? (
                    <span className="att-pill att-pill-good">✓ {t('attendance.complete')}</span>
                  ) : (
                    <span className="att-pill att-pill-warn">{t('attendance.stillMissing', { count: d.expected - d.here, formatted: clock.number(d.expected - d.here) })}</span>
                  )}
                </td>
                <td>
                  {d.head ? (
                    <span className={d.head.arrived ? 'att-head att-head-in' : 'att-head att-head-out'} data-testid="att-head" data-arrived={d.head.arrived}>
                      <span aria-hidden="true">{d.head.arrived ? '●' : '○'}</span> <bdi>{d.head.displayName}</bdi>
                      <span className="sub">{d.head.arrived ? t('attendance.headArrived') : t('attendance.headNotYet')}</span>
                    </span>
                  ) : (
                    <span className="muted">{t('attendance.noHead')}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** By accreditation category, with each category's colour. */
export function CategoryTable({ dashboard, clock }: { dashboard: Dashboard; clock: EventClock }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="att-categories-title">
      <h2 id="att-categories-title">{t('attendance.byCategory')}</h2>
      <ul className="att-categories" data-testid="att-categories">
        {dashboard.byCategory.filter((c) => c.expected > 0 || c.here > 0).map((c) => (
          <li key={c.code}>
            <CategoryTag name={t(`category.${c.code}`, { defaultValue: c.name })} colour={c.colour} />
            <Ratio here={c.here} expected={c.expected} clock={clock} />
          </li>
        ))}
      </ul>
    </section>
  );
}
