import type { Issuance } from '../../contract';
import type { Db } from '../db/connection';

/** One ballot_issue row with its booth (while a ballot waits at one). */
export interface IssuanceRow {
  id: number;
  roundId: number;
  participantId: number;
  station: string;
  issuedAt: string;
  status: Issuance['status'];
  boothName: string | null;
  cancelReason: Issuance['cancelReason'];
  cancelNote: string | null;
  cancelledAt: string | null;
}

const ISSUE_COLUMNS = `i.id, i.round_id AS roundId, i.participant_id AS participantId, i.station, i.issued_at AS issuedAt,
  i.status, d.name AS boothName, i.cancel_reason AS cancelReason, i.cancel_note AS cancelNote, i.cancelled_at AS cancelledAt`;
const ISSUE_FROM = 'ballot_issue i LEFT JOIN booth_assignment b ON b.issue_id = i.id LEFT JOIN device d ON d.id = b.device_id';

/** A time as the room reads it: hours and minutes in the event's time zone ("14:03"). */
export function localClock(iso: string, timeZone: string): string {
  const date = new Date(iso);
  try {
    return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(date);
  } catch {
    return date.toISOString().slice(11, 16);
  }
}

/** The API shape of an issue row. */
export function toIssuance(row: IssuanceRow, voterName: string, timeZone: string): Issuance {
  return { ...row, voterName, issuedAtLocal: localClock(row.issuedAt, timeZone) };
}

/** One issue row by id, or null. */
export function issuanceRow(db: Db, id: number): IssuanceRow | null {
  return (db.prepare(`SELECT ${ISSUE_COLUMNS} FROM ${ISSUE_FROM} WHERE i.id = ?`).get(id) as IssuanceRow | undefined) ?? null;
}

/** A voter's live (not cancelled) ballot in a round, or null. */
export function liveIssuance(db: Db, roundId: number, participantId: number): IssuanceRow | null {
  return (
    (db.prepare(`SELECT ${ISSUE_COLUMNS} FROM ${ISSUE_FROM} WHERE i.round_id = ? AND i.participant_id = ? AND i.status <> 'cancelled'`).get(roundId, participantId) as
      | IssuanceRow
      | undefined) ?? null
  );
}

/** A round's issue rows, newest first. */
export function issuanceRows(db: Db, roundId: number): IssuanceRow[] {
  return db.prepare(`SELECT ${ISSUE_COLUMNS} FROM ${ISSUE_FROM} WHERE i.round_id = ? ORDER BY i.id DESC`).all(roundId) as IssuanceRow[];
}
