/** Attendance visits and the scan log: the SQL behind check-in (see migration 0006). */
import { ScanOutcomeSchema, type CheckInRef, type ScanOutcome, type ScanResult, type ScanSource } from '../../contract';
import type { Db } from '../db/connection';
import { statement } from '../db/statement_cache';

/** Where a scan was made: the desk's device id ('host' for the host's own screens) and name. */
export interface Desk {
  readonly deskId: string;
  readonly deskName: string;
}

/** An attendance row as check-in reads it. */
export interface Visit {
  id: number;
  participantId: number;
  sessionId: number | null;
  checkedInAt: string;
  deskId: string;
  deskName: string;
  operator: string;
  scanId: number | null;
  checkedOutAt: string | null;
  undoneAt: string | null;
}

const VISIT_COLUMNS = `id, participant_id AS participantId, session_id AS sessionId, checked_in_at AS checkedInAt,
  desk_id AS deskId, desk_name AS deskName, operator, scan_id AS scanId, checked_out_at AS checkedOutAt, undone_at AS undoneAt`;

/** The person's open visit (checked in, not out, not undone) at the event desk or a session. */
export function openVisit(db: Db, participantId: number, sessionId: number | null): Visit | null {
  const row = statement(db, `SELECT ${VISIT_COLUMNS} FROM attendance WHERE participant_id = ? AND scope = ? AND undone_at IS NULL AND checked_out_at IS NULL`).get(participantId, sessionId ?? 0);
  return (row as Visit | undefined) ?? null;
}

/** The person's most recent visit that was not undone, open or closed. */
export function latestVisit(db: Db, participantId: number, sessionId: number | null): Visit | null {
  const row = statement(db, `SELECT ${VISIT_COLUMNS} FROM attendance WHERE participant_id = ? AND scope = ? AND undone_at IS NULL ORDER BY checked_in_at DESC, id DESC LIMIT 1`).get(participantId, sessionId ?? 0);
  return (row as Visit | undefined) ?? null;
}

/** A closed visit that covers a moment (the person was inside then), for late offline scans. */
export function visitCovering(db: Db, participantId: number, sessionId: number | null, at: string): Visit | null {
  const row = statement(
    db,
    `SELECT ${VISIT_COLUMNS} FROM attendance WHERE participant_id = ? AND scope = ? AND undone_at IS NULL
         AND checked_in_at <= @at AND (checked_out_at IS NULL OR checked_out_at >= @at) ORDER BY checked_in_at LIMIT 1`,
  ).get(participantId, sessionId ?? 0, { at });
  return (row as Visit | undefined) ?? null;
}

/** One visit by id. */
export function getVisit(db: Db, id: number): Visit | null {
  return (statement(db, `SELECT ${VISIT_COLUMNS} FROM attendance WHERE id = ?`).get(id) as Visit | undefined) ?? null;
}

/** The reference a scan answer carries for a visit. */
export function visitRef(v: Visit): CheckInRef {
  return { attendanceId: v.id, at: v.checkedInAt, deskId: v.deskId, deskName: v.deskName, operator: v.operator };
}

/** Opens a visit; the partial UNIQUE index refuses a second open one for the same person and scope. */
export function insertVisit(
  db: Db,
  v: { participantId: number; sessionId: number | null; at: string; desk: Desk; operator: string; auto: boolean },
): number {
  const info = statement(
    db,
    `INSERT INTO attendance (participant_id, session_id, checked_in_at, desk_id, desk_name, operator, auto)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(v.participantId, v.sessionId, v.at, v.desk.deskId, v.desk.deskName, v.operator, v.auto ? 1 : 0);
  return Number(info.lastInsertRowid);
}

/** Moves a visit's start to an earlier scan (an offline scan that happened first wins). */
export function moveVisitStart(db: Db, id: number, s: { at: string; desk: Desk; operator: string; scanId: number }): void {
  statement(db, 'UPDATE attendance SET checked_in_at = ?, desk_id = ?, desk_name = ?, operator = ?, scan_id = ? WHERE id = ?').run(
    s.at,
    s.desk.deskId,
    s.desk.deskName,
    s.operator,
    s.scanId,
    id,
  );
}

/** Links a visit to the scan that made it. */
export function setVisitScan(db: Db, id: number, scanId: number): void {
  statement(db, 'UPDATE attendance SET scan_id = ? WHERE id = ?').run(scanId, id);
}

/** Closes a visit. */
export function closeVisit(db: Db, id: number, at: string, deskName: string, reason: string | null): void {
  statement(db, 'UPDATE attendance SET checked_out_at = max(?, checked_in_at), checkout_desk_name = ?, checkout_reason = ? WHERE id = ? AND checked_out_at IS NULL').run(
    at,
    deskName,
    reason,
    id,
  );
}

/** Marks a visit undone; false when it already was. */
export function undoVisit(db: Db, id: number, at: string, reason: string, by: string): boolean {
  return statement(db, 'UPDATE attendance SET undone_at = ?, undo_reason = ?, undone_by = ? WHERE id = ? AND undone_at IS NULL').run(at, reason, by, id).changes === 1;
}

/** A scan as it goes into the log. */
export interface ScanRecord {
  clientScanId: string;
  scannedAt: string;
  receivedAt: string;
  desk: Desk;
  operator: string;
  source: ScanSource;
  action: 'checkin' | 'checkout';
  sessionId: number | null;
  codeSha256: string | null;
  badgeSerial: number | null;
  badgeRefusal: string | null;
  participantId: number | null;
  result: ScanResult;
  attendanceId: number | null;
  offline: boolean;
}

/** Appends a scan to the log and stores the answer given, so a replay answers the same. */
export function insertScan(db: Db, r: ScanRecord, outcome: (scanId: number) => ScanOutcome): ScanOutcome {
  const info = statement(
    db,
    `INSERT INTO checkin_scan (client_scan_id, scanned_at, received_at, desk_id, desk_name, operator, source, action,
         session_id, code_sha256, badge_serial, badge_refusal, participant_id, result, attendance_id, offline, outcome_json)
       VALUES (@clientScanId, @scannedAt, @receivedAt, @deskId, @deskName, @operator, @source, @action,
         @sessionId, @codeSha256, @badgeSerial, @badgeRefusal, @participantId, @result, @attendanceId, @offline, '{}')`,
  ).run({ ...r, deskId: r.desk.deskId, deskName: r.desk.deskName, offline: r.offline ? 1 : 0 });
  const scanId = Number(info.lastInsertRowid);
  const answer = outcome(scanId);
  statement(db, 'UPDATE checkin_scan SET outcome_json = ? WHERE id = ?').run(JSON.stringify(answer), scanId);
  return answer;
}

/** The stored answer to a clientScanId already recorded, marked as a replay; null when new. */
export function storedOutcome(db: Db, clientScanId: string): ScanOutcome | null {
  const row = statement(db, 'SELECT outcome_json AS json FROM checkin_scan WHERE client_scan_id = ?').get(clientScanId) as { json: string } | undefined;
  if (!row) return null;
  // Re-validated on read like every JSON column: a damaged row fails loudly.
  return { ...ScanOutcomeSchema.parse(JSON.parse(row.json)), replay: true };
}
