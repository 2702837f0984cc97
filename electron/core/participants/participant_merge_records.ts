/**
 * What a person did under the duplicate record moves with the merge: check-ins (attendance),
 * the scan log and ballots issued in the experience room. Deleting them with the duplicate
 * would lose a real check-in; leaving ballots on the removed id would let the same person be
 * issued a second ballot in that round under the kept record.
 *
 * Where both records are checked in at the same door, the person is there once: the earlier
 * check-in stays open and the later one is marked undone ("merged"). Where both were issued a
 * ballot in the same round, both issues stay as they were (the round's figures must keep
 * adding up) and the duplicate's is left on its old id. Every id touched is journalled, so
 * undoing the merge puts each row back exactly.
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
  // A duplicate's live ballot in a round where the kept record has one too stays where it is.
  const ballotIssues = db
    .prepare(
      `SELECT d.id FROM ballot_issue d WHERE d.participant_id = ? AND (d.status = 'cancelled' OR NOT EXISTS (
         SELECT 1 FROM ballot_issue k WHERE k.participant_id = ? AND k.round_id = d.round_id AND k.status <> 'cancelled'))`,
    )
    .pluck()
    .all(dropId, keepId) as number[];
  const moveIssue = db.prepare('UPDATE ballot_issue SET participant_id = ? WHERE id = ?');
  for (const id of ballotIssues) moveIssue.run(keepId, id);
  return { attendance, attendanceUndone, scans, ballotIssues };
}

/** Puts the moved rows back on the duplicate (re-inserted first) and reopens the closed visits. */
export function restoreMergedRecords(db: Db, dropId: number, moved: MovedRecords): void {
  const back = (table: 'attendance' | 'checkin_scan' | 'ballot_issue', ids: readonly number[]) => {
    const move = db.prepare(`UPDATE ${table} SET participant_id = ? WHERE id = ?`);
    for (const id of ids) move.run(dropId, id);
  };
  back('attendance', moved.attendance);
  back('checkin_scan', moved.scans);
  back('ballot_issue', moved.ballotIssues);
  const reopen = db.prepare('UPDATE attendance SET undone_at = NULL, undo_reason = NULL, undone_by = NULL WHERE id = ? AND undo_reason = ?');
  for (const id of moved.attendanceUndone) reopen.run(id, MERGE_UNDO_REASON);
}
