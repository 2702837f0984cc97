import { err, ok, type Issuance, type Result } from '../../contract';
import type { Db } from '../db/connection';
import { getParticipant } from '../participants';
import { issuanceRow, liveIssuance, toIssuance } from './issuance_rows';
import { getRoundRow } from './round_store';
import { eligibility, issuedNotice } from './voters';

type IssueError = 'not_found' | 'wrong_state' | 'not_eligible' | 'already_issued';

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/**
 * Issues the one ballot of this voter in this round. The partial UNIQUE index is the guard:
 * two stations issuing at the same moment get one ballot and one "already received" answer,
 * even from two connections. The round's issue counter moves in the same transaction.
 */
export function issueBallot(
  db: Db,
  input: { roundId: number; participantId: number; station: string },
  now: string,
  timeZone: string,
): Result<Issuance, IssueError> {
  const person = getParticipant(db, input.participantId);
  if (!person) return err('not_found', 'This person is not on the event list (they may have been removed). Search again.');
  const already = (): Result<Issuance, IssueError> => {
    const live = liveIssuance(db, input.roundId, input.participantId);
    const notice = issuedNotice(person, live ? toIssuance(live, person.displayName, timeZone) : null);
    return err('already_issued', notice ?? `${person.displayName} already received a ballot in this round.`);
  };
  try {
    return db.transaction((): Result<Issuance, IssueError> => {
      const row = getRoundRow(db, input.roundId);
      if (!row) return err('not_found', 'That round is not in this event. Refresh the list of rounds.');
      if (row.status !== 'open') {
        return err('wrong_state', row.status === 'draft' ? 'Polls are not open yet: open the round first.' : `Polls of "${row.label}" are closed: no more ballots can be issued.`);
      }
      if (liveIssuance(db, input.roundId, input.participantId)) return already();
      const round = { eligibility: row.eligibility, delegationIds: JSON.parse(row.delegationIdsJson) as number[] };
      const reason = eligibility(db, round, person);
      if (reason) return err('not_eligible', reason);
      const info = db.prepare('INSERT INTO ballot_issue (round_id, participant_id, station, issued_at) VALUES (?, ?, ?, ?)').run(input.roundId, input.participantId, input.station, now);
      db.prepare('UPDATE voting_round SET issued_total = issued_total + 1 WHERE id = ?').run(input.roundId);
      return ok(toIssuance(issuanceRow(db, Number(info.lastInsertRowid)) as NonNullable<ReturnType<typeof issuanceRow>>, person.displayName, timeZone));
    }).immediate();
  } catch (error) {
    // Another connection inserted between our check and our insert: the index said no.
    if (isUniqueViolation(error)) return already();
    throw error;
  }
}

/**
 * Cancels a spoiled or unused ballot with its reason, as the real procedure records a
 * reissue. A ballot already cast cannot be cancelled: it is in the box, and no one can tell
 * which paper is it. A booth waiting with it goes back to idle.
 */
export function cancelIssuance(
  db: Db,
  input: { issuanceId: number; reason: NonNullable<Issuance['cancelReason']>; note: string },
  now: string,
  timeZone: string,
): Result<Issuance, 'not_found' | 'wrong_state'> {
  return db.transaction((): Result<Issuance, 'not_found' | 'wrong_state'> => {
    const row = issuanceRow(db, input.issuanceId);
    if (!row) return err('not_found', 'That ballot is not in this event. Refresh the list.');
    if (row.status === 'cast') return err('wrong_state', 'This ballot was already cast: it is in the box and cannot be taken back.');
    if (row.status === 'cancelled') return err('wrong_state', 'This ballot was already cancelled. Issue a new one if the voter needs it.');
    const round = getRoundRow(db, row.roundId);
    if (round?.status !== 'open') return err('wrong_state', 'Polls of this round are closed; its ballots stay as they are for the report.');
    db.prepare('DELETE FROM booth_assignment WHERE issue_id = ?').run(row.id);
    db.prepare(`UPDATE ballot_issue SET status = 'cancelled', cancel_reason = ?, cancel_note = ?, cancelled_at = ? WHERE id = ? AND status = 'issued'`).run(input.reason, input.note, now, row.id);
    db.prepare('UPDATE voting_round SET cancelled_total = cancelled_total + 1 WHERE id = ?').run(row.roundId);
    const name = getParticipant(db, row.participantId)?.displayName ?? `Participant ${row.participantId}`;
    return ok(toIssuance(issuanceRow(db, row.id) as NonNullable<ReturnType<typeof issuanceRow>>, name, timeZone));
  }).immediate();
}
