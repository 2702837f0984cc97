/** Reads and small writes around scans: the recent-scans strip, a person's status, undo. */
import { err, ok, type Result, type ScanLogEntry } from '../../contract';
import type { Db } from '../db/connection';
import { getVisit, latestVisit, openVisit, undoVisit, visitRef } from './attendance_store';

/** The newest scans, newest first: everywhere, at one desk, or in one scope. */
export function recentScans(db: Db, filter: { deskId?: string | undefined; sessionId?: number | null | undefined; limit: number }): ScanLogEntry[] {
  const where: string[] = [];
  const params: Record<string, string | number> = { limit: filter.limit };
  if (filter.deskId !== undefined) {
    where.push('s.desk_id = @deskId');
    params['deskId'] = filter.deskId;
  }
  if (filter.sessionId !== undefined) {
    where.push('coalesce(s.session_id, 0) = @scope');
    params['scope'] = filter.sessionId ?? 0;
  }
  const rows = db
    .prepare(
      `SELECT s.id AS scanId, s.client_scan_id AS clientScanId, s.scanned_at AS scannedAt, s.received_at AS receivedAt,
         s.desk_id AS deskId, s.desk_name AS deskName, s.operator, s.source, s.action, s.session_id AS sessionId, s.result,
         s.participant_id AS participantId, p.display_name AS displayName, p.native_name AS nativeName,
         d.name AS delegationName, s.badge_serial AS badgeSerial, s.offline
       FROM checkin_scan s LEFT JOIN participant p ON p.id = s.participant_id LEFT JOIN delegation d ON d.id = p.delegation_id
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY s.id DESC LIMIT @limit`,
    )
    .all(params) as Array<Omit<ScanLogEntry, 'offline'> & { offline: number }>;
  return rows.map((r) => ({ ...r, offline: r.offline === 1 }));
}

/** A person's check-in at a scope: the open visit, or when they last left. */
export function checkinStatus(db: Db, participantId: number, sessionId: number | null) {
  const open = openVisit(db, participantId, sessionId);
  const last = open ?? latestVisit(db, participantId, sessionId);
  return { participantId, sessionId, current: open ? visitRef(open) : null, checkedOutAt: open ? null : (last?.checkedOutAt ?? null) };
}

/** Takes back a check-in with its reason; the visit stays in the records, marked undone. */
export function undoCheckIn(
  db: Db,
  attendanceId: number,
  reason: string,
  by: string,
  now: string,
): Result<{ attendanceId: number; participantId: number; undoneAt: string; sessionId: number | null }, 'not_found' | 'already_undone'> {
  return db.transaction(() => {
    const visit = getVisit(db, attendanceId);
    if (!visit) return err('not_found', 'This check-in is not in the records (the person may have been removed from the list).');
    if (!undoVisit(db, attendanceId, now, reason, by)) {
      return err('already_undone', `This check-in was already taken back at ${visit.undoneAt ?? 'an earlier moment'}.`);
    }
    return ok({ attendanceId, participantId: visit.participantId, undoneAt: now, sessionId: visit.sessionId });
  }).immediate();
}
