/**
 * What a person did under the duplicate record moves with the merge: check-ins (attendance),
 * the scan log and ballots issued in the experience room. Deleting them with the duplicate
 * would lose a real check-in; leaving ballots on the removed id would let the same person be
 * issued a second ballot in that round under the kept record.
 *
 * Where both records are checked in at the same door, the person is there once: the earlier
 * check-in stays open and the later one is marked undone ("merged"). Where both hold a live
 * ballot in the same round the merge is refused before anything is written
 * (`doubleBallotProblem`): one of them must be cancelled first, or, when that is no longer
 * possible, the records stay apart. Leaving the duplicate's ballot on its removed id is not an
 * option: participant ids are reused (no AUTOINCREMENT), so the next walk-in would inherit it
 * and be refused as "already issued". Every id touched is journalled, so undoing the merge puts
 * each row back exactly.
 */
import { z } from 'zod';
import type { Db } from '../db/connection';

/** The rows a merge moved or closed (kept in the merge journal entry). */
export const MovedRecordsSchema = z.object({
  attendance: z.array(z.number().int()).default([]),
  /** Open visits of the same door closed by the merge (either record's). */
  attendanceUndone: z.array(z.number().int()).default([]),
  scans: z.array(z.number().int()).default([]),
  ballotIssues: z.array(z.number().int()).default([]),
});
export type MovedRecords = z.infer<typeof MovedRecordsSchema>;

const MERGE_UNDO_REASON = 'Same person: merged with another record';

interface OpenVisit {
  id: number;
  participantId: number;
  scope: number;
  checkedInAt: string;
}

interface DoubleBallot {
  roundId: number;
  label: string | null;
  roundStatus: string | null;
  keepStatus: 'issued' | 'cast';
  dropStatus: 'issued' | 'cast';
}

/**
 * Why two records cannot be merged now: both hold a live (issued or cast) ballot in one round,
 * the same person voted twice. Null when there is no such round. Cancelled ballots do not
 * count; a cast ballot can never be cancelled, an issued one only while polls are open.
 */
export function doubleBallotProblem(db: Db, keep: { id: number; display_name: string }, drop: { id: number; display_name: string }): string | null {
  const row = db
    .prepare(
      `SELECT d.round_id AS roundId, r.label, r.status AS roundStatus, k.status AS keepStatus, d.status AS dropStatus
       FROM ballot_issue d
       JOIN ballot_issue k ON k.round_id = d.round_id AND k.participant_id = ? AND k.status <> 'cancelled'
       LEFT JOIN voting_round r ON r.id = d.round_id
       WHERE d.participant_id = ? AND d.status <> 'cancelled' ORDER BY d.round_id LIMIT 1`,
    )
    .get(keep.id, drop.id) as DoubleBallot | undefined;
  if (!row) return null;
  const round = `«${row.label ?? `round ${row.roundId}`}»`;
  if (row.keepStatus === 'cast' && row.dropStatus === 'cast') {
    return `Both records cast a ballot in round ${round}: the same person voted twice. A cast ballot is in the box and cannot be taken back, so these records are not merged: one record must stay for each ballot, to keep the round's figures honest.`;
  }
  if (row.roundStatus !== 'open') {
    return `Both records were issued a ballot in round ${round}: the same person voted twice. Polls of that round are closed, so neither ballot can be cancelled any more; these records are not merged, to keep the round's figures honest.`;
  }
  if (row.keepStatus === 'cast' || row.dropStatus === 'cast') {
    const [cast, issued] = row.keepStatus === 'cast' ? [keep, drop] : [drop, keep];
    return `Both records were issued a ballot in round ${round}: the same person voted twice. The ballot of «${cast.display_name}» is cast and stays; cancel the ballot of «${issued.display_name}» (not cast yet) in the experience room first, then merge.`;
  }
  return `Both records were issued a ballot in round ${round}: the same person got two ballots. Cancel one of the two ballots in the experience room first, then merge.`;
}

/** Moves the duplicate's records to the kept one, inside the caller's transaction. */
export function moveMergedRecords(db: Db, dropId: number, keepId: number, actor: string, now: string): MovedRecords {
  const open = db
    .prepare(
      `SELECT id, participant_id AS participantId, scope, checked_in_at AS checkedInAt FROM attendance
       WHERE participant_id IN (?, ?) AND undone_at IS NULL AND checked_out_at IS NULL ORDER BY checked_in_at, id`,
    )
    .all(dropId, keepId) as OpenVisit[];
  const attendanceUndone: number[] = [];
  const firstAt = new Map<number, OpenVisit>();
  const undo = db.prepare('UPDATE attendance SET undone_at = ?, undo_reason = ?, undone_by = ? WHERE id = ?');
  for (const visit of open) {
    const first = firstAt.get(visit.scope);
    if (!first) firstAt.set(visit.scope, visit);
    else if (first.participantId !== visit.participantId) {
      undo.run(now, MERGE_UNDO_REASON, actor, visit.id);
      attendanceUndone.push(visit.id);
    }
  }
  const attendance = db.prepare('SELECT id FROM attendance WHERE participant_id = ?').pluck().all(dropId) as number[];
  db.prepare('UPDATE attendance SET participant_id = ? WHERE participant_id = ?').run(keepId, dropId);
  const scans = db.prepare('SELECT id FROM checkin_scan WHERE participant_id = ?').pluck().all(dropId) as number[];
  db.prepare('UPDATE checkin_scan SET participant_id = ? WHERE participant_id = ?').run(keepId, dropId);
  // All of them: a round where both hold a live ballot was refused up front (doubleBallotProblem),
  // and the unique index `ballot_issue_once` would roll the merge back if one slipped through.
  const ballotIssues = db.prepare('SELECT id FROM ballot_issue WHERE participant_id = ? ORDER BY id').pluck().all(dropId) as number[];
  const moveIssue = db.prepare('UPDATE ballot_issue SET participant_id = ? WHERE id = ?');
  for (const id of ballotIssues) moveIssue.run(keepId, id);
  return { attendance, attendanceUndone, scans, ballotIssues };
}

/**
 * Puts the moved rows back on the duplicate (re-inserted first) and reopens the visits the merge
 * closed, except one whose person is checked in at that door again since (checked out and back
 * in after the merge): that later visit is the truth, so the closed one stays closed.
 */
export function restoreMergedRecords(db: Db, dropId: number, moved: MovedRecords): void {
  const back = (table: 'attendance' | 'checkin_scan' | 'ballot_issue', ids: readonly number[]) => {
    const move = db.prepare(`UPDATE ${table} SET participant_id = ? WHERE id = ?`);
    for (const id of ids) move.run(dropId, id);
  };
  back('attendance', moved.attendance);
  back('checkin_scan', moved.scans);
  back('ballot_issue', moved.ballotIssues);
  // Reopening next to an open visit would break `attendance_one_open_visit` (and fail the undo).
  const reopen = db.prepare(
    `UPDATE attendance SET undone_at = NULL, undo_reason = NULL, undone_by = NULL
     WHERE id = @id AND undo_reason = @reason AND NOT EXISTS (
       SELECT 1 FROM attendance o WHERE o.participant_id = attendance.participant_id AND o.scope = attendance.scope
         AND o.id <> attendance.id AND o.undone_at IS NULL AND o.checked_out_at IS NULL)`,
  );
  for (const id of moved.attendanceUndone) reopen.run({ id, reason: MERGE_UNDO_REASON });
}
