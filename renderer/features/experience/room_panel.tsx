import { useTranslation } from 'react-i18next';
import type { Election, RoundDetail } from '../../../electron/contract';
import { ErrorNotice } from '../../ui/page';
import { BoothsCard } from './booths_card';
import { IntegrityStrip } from './integrity_figures';
import { IssuancesCard } from './issuances_card';
import { pickText } from './pick_text';
import { NewRoundForm, RoundActions } from './round_controls';
import { RoundReportCard } from './round_report';
import { clockTime, useEventTimeZone, useRoomQuery } from './use_room_query';

/** The round a room is running: the newest one not archived yet (one round runs at a time). */
export function activeRound(rounds: readonly RoundDetail[]): RoundDetail | null {
  return rounds.find((r) => r.round.status !== 'archived') ?? null;
}

/** Live turnout: cast of eligible, as a bar the group can read from across the room. */
function Turnout({ detail }: { detail: RoundDetail }) {
  const { t } = useTranslation();
  const { eligible, cast, issued } = detail.turnout;
  const share = eligible > 0 ? Math.round((cast / eligible) * 100) : 0;
  return (
    <div className="turnout" data-testid="turnout" data-cast={cast}>
      <div className="turnout-numbers">
        <span className="turnout-big">{cast}</span>
        <span className="muted">{t('room.turnout.ofEligible', { eligible, share })}</span>
        <span className="muted">{t('room.turnout.issued', { count: issued })}</span>
      </div>
      <div className="turnout-bar" role="progressbar" aria-valuemin={0} aria-valuemax={eligible} aria-valuenow={cast} aria-label={t('room.turnout.title')}>
        <span style={{ inlineSize: `${share}%` }} />
      </div>
    </div>
  );
}

/** The presenter's room: the running round with its figures and reports, booths, ballots, and past rounds. */
export function RoomPanel({ elections }: { elections: readonly Election[] }) {
  const { t, i18n } = useTranslation();
  const rounds = useRoomQuery('voting.rounds.list', {});
  const list = rounds.value ?? [];
  const active = activeRound(list);
  const past = list.filter((r) => r !== active);
  const timeZone = useEventTimeZone();
  const contests = elections.find((e) => e.id === active?.round.electionId)?.definition.contests ?? [];

  return (
    <div className="room">
      {rounds.status === 'error' ? <ErrorNotice message={rounds.error.message} onRetry={rounds.reload} retryLabel={t('common.retry')} /> : null}
      {active ? (
        <section className="card round" data-testid="active-round" data-status={active.round.status}>
          <header className="round-head">
            <div>
              <h2><bdi>{active.round.label}</bdi></h2>
              <p className="muted">
                <bdi lang={pickText(active.electionTitle, i18n.language).lang}>{pickText(active.electionTitle, i18n.language).text}</bdi>
                {' · '}
                {active.round.eligibility === 'checked_in' ? t('room.rounds.eligibleCheckedIn') : t('room.rounds.eligibleRegistered')}
              </p>
            </div>
            <span className={`round-status status-${active.round.status}`} data-testid="round-status">{t(`room.status.${active.round.status}`)}</span>
          </header>
          <IntegrityStrip figures={active.integrity} />
          {active.round.status !== 'draft' ? <Turnout detail={active} /> : <p className="muted">{t('room.rounds.draftHint')}</p>}
          <RoundActions detail={active} onChanged={rounds.reload} />
          <div className="reports">
            {active.round.zeroReport ? <RoundReportCard report={active.round.zeroReport} contests={contests} /> : null}
            {active.round.closingReport ? <RoundReportCard report={active.round.closingReport} contests={contests} /> : null}
          </div>
        </section>
      ) : rounds.status === 'ok' ? (
        elections.length > 0 ? <NewRoundForm elections={elections} onCreated={rounds.reload} /> : <p className="muted">{t('room.rounds.noElection')}</p>
      ) : null}
      {active?.round.status === 'open' || active?.round.status === 'closed' ? <IssuancesCard roundId={active.round.id} open={active.round.status === 'open'} /> : null}
      <BoothsCard />
      <section className="card" data-testid="past-rounds">
        <h2>{t('room.past.title')}</h2>
        {past.length === 0 ? (
          <p className="muted">{t('room.past.none')}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('room.past.round')}</th>
                <th scope="col">{t('room.past.hours')}</th>
                <th scope="col" className="num">{t('room.integrity.issued')}</th>
                <th scope="col" className="num">{t('room.integrity.cast')}</th>
                <th scope="col" className="num">{t('room.integrity.cancelled')}</th>
                <th scope="col">{t('room.past.fingerprint')}</th>
                <th scope="col">{t('room.past.check')}</th>
              </tr>
            </thead>
            <tbody>
              {past.map((r) => (
                <tr key={r.round.id} data-testid="past-round">
                  <td><bdi>{r.round.label}</bdi><span className="sub">{pickText(r.electionTitle, i18n.language).text}</span></td>
                  <td>{clockTime(r.round.openedAt, i18n.language, timeZone)}–{clockTime(r.round.closedAt, i18n.language, timeZone)}</td>
                  <td className="num">{r.integrity.issued}</td>
                  <td className="num">{r.integrity.cast}</td>
                  <td className="num">{r.integrity.cancelled}</td>
                  <td><code dir="ltr">{r.round.fingerprint?.slice(0, 16) ?? ''}</code></td>
                  <td className={r.integrity.balanced ? 'ok-text' : 'alarm-text'}>{r.integrity.balanced ? t('room.past.balanced') : t('room.past.mismatch')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
