import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../electron/contract';
import { PersonName } from '../../ui/names';
import type { EventClock } from './event_clock';

/** A person still missing, as the dashboard and the roll call list them. */
export type MissingPerson = Dashboard['missingPeople'][number];

/** A phone number that a tablet can call with one tap; digits stay left-to-right in Arabic. */
export function PhoneLink({ phone }: { phone: string }) {
  const { t } = useTranslation();
  if (!phone) return <span className="muted">{t('attendance.noPhone')}</span>;
  return (
    <a className="att-phone" href={`tel:${phone.replace(/[^\d+]/gu, '')}`} dir="ltr">
      {phone}
    </a>
  );
}

/**
 * Who is expected and not here, with the contact details to call them. A filter narrows a long
 * list by name, delegation or phone as staff type.
 */
export function MissingList({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLocaleLowerCase();
  const people = needle
    ? dashboard.missingPeople.filter((p) => [p.displayName, p.nativeName, p.delegationName ?? '', p.phone, p.email].some((s) => s.toLocaleLowerCase().includes(needle)))
    : dashboard.missingPeople;
  return (
    <section className="card" aria-labelledby="att-missing-title">
      <div className="att-card-head">
        <h2 id="att-missing-title">{t('attendance.missingTitle', { count: dashboard.missingPeople.length })}</h2>
        {dashboard.missingPeople.length > 8 ? (
          <input
            type="search"
            className="att-filter"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            placeholder={t('attendance.filterMissing')}
            aria-label={t('attendance.filterMissing')}
          />
        ) : null}
      </div>
      {dashboard.missingPeople.length === 0 ? (
        <p className="att-all-here" data-testid="att-all-here">✓ {t('attendance.allHere')}</p>
      ) : (
        <div className="att-scroll">
          <table className="data-table att-table" data-testid="att-missing-list">
            <thead>
              <tr>
                <th scope="col">{t('attendance.name')}</th>
                <th scope="col">{t('attendance.delegation')}</th>
                <th scope="col">{t('attendance.phone')}</th>
                <th scope="col">{t('attendance.email')}</th>
              </tr>
            </thead>
            <tbody>
              {people.map((p) => (
                <tr key={p.participantId} data-participant={p.participantId}>
                  <td>
                    <PersonName displayName={p.displayName} nativeName={p.nativeName} nativeNameLang={p.nativeNameLang} />
                    {p.isHeadOfDelegation ? <span className="att-pill att-pill-info">{t('attendance.headShort')}</span> : null}
                    {dashboard.session && p.arrivedAtEvent ? <span className="sub">{t('attendance.inBuilding')}</span> : null}
                  </td>
                  <td><bdi>{p.delegationName ?? '—'}</bdi></td>
                  <td><PhoneLink phone={p.phone} /></td>
                  <td>{p.email ? <a href={`mailto:${p.email}`} dir="ltr">{p.email}</a> : <span className="muted">—</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** Badges scanned again after their holder was in: when and where, both times. */
export function ScannedTwiceList({ dashboard, clock }: { dashboard: Dashboard; clock: EventClock }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="att-twice-title">
      <h2 id="att-twice-title">{t('attendance.scannedTwiceTitle', { count: dashboard.scannedTwice.length })}</h2>
      {dashboard.scannedTwice.length === 0 ? (
        <p className="muted">{t('attendance.scannedTwiceNone')}</p>
      ) : (
        <div className="att-scroll">
          <table className="data-table att-table" data-testid="att-scanned-twice">
            <thead>
              <tr>
                <th scope="col">{t('attendance.name')}</th>
                <th scope="col">{t('attendance.scannedAgain')}</th>
                <th scope="col">{t('attendance.firstCheckIn')}</th>
              </tr>
            </thead>
            <tbody>
              {dashboard.scannedTwice.map((s) => (
                <tr key={s.scanId}>
                  <td>
                    <bdi className="strong">{s.displayName}</bdi>
                    {s.delegationName ? <span className="sub"><bdi>{s.delegationName}</bdi></span> : null}
                  </td>
                  <td>{t('attendance.atDesk', { time: clock.time(s.scannedAt), desk: s.deskName })}</td>
                  <td>{s.firstAt ? t('attendance.atDesk', { time: clock.time(s.firstAt), desk: s.firstDeskName ?? '' }) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
