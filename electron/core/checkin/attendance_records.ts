/**
 * Attendance records as tables: attendance per scope (the event desk or a session), arrival
 * times, no-shows and the scanned-twice list, and the raw scan log. One table shape feeds
 * CSV, XLSX and PDF alike, so the three files always say the same thing. Cells are
 * neutralised for spreadsheets by the writers (attendance_export.ts), not here.
 */
import type { AttendanceReport, ProgrammeSession } from '../../contract';
import type { Db } from '../db/connection';
import { buildDashboard, scannedTwice } from './dashboard';
import { recentScans } from './desk_records';

/** A report as a title, headers and rows of text. */
export interface RecordTable {
  title: string;
  scope: string;
  headers: string[];
  widths: number[];
  rows: string[][];
}

/** A time as people at the event read it (their zone), sortable: 2026-12-01 09:12. */
export function localTime(iso: string | null, timeZone: string): string {
  if (!iso) return '';
  try {
    const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(iso));
    const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
    return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
  } catch {
    return iso.slice(0, 16).replace('T', ' ');
  }
}

interface VisitRow {
  participantId: number;
  displayName: string;
  nativeName: string;
  delegationName: string | null;
  country: string | null;
  categoryName: string;
  checkedInAt: string;
  deskName: string;
  operator: string;
  checkedOutAt: string | null;
  auto: number;
}

function visits(db: Db, sessionId: number | null): VisitRow[] {
  return db
    .prepare(
      `SELECT a.participant_id AS participantId, p.display_name AS displayName, p.native_name AS nativeName, d.name AS delegationName,
         p.country, c.name AS categoryName, a.checked_in_at AS checkedInAt, a.desk_name AS deskName, a.operator,
         a.checked_out_at AS checkedOutAt, a.auto
       FROM attendance a JOIN participant p ON p.id = a.participant_id JOIN category c ON c.code = p.category_code
         LEFT JOIN delegation d ON d.id = p.delegation_id
       WHERE a.scope = ? AND a.undone_at IS NULL
       ORDER BY coalesce(d.protocol_order, 1e9), d.name, p.protocol_order, p.display_name, a.checked_in_at`,
    )
    .all(sessionId ?? 0) as VisitRow[];
}

const TITLES: Record<AttendanceReport, string> = {
  attendance: 'Attendance',
  arrivals: 'Arrival times',
  no_shows: 'No-shows',
  scanned_twice: 'Scanned twice',
  scan_log: 'Scan log',
};

/** Builds one report of one scope. */
export function buildRecordTable(db: Db, report: AttendanceReport, session: ProgrammeSession | null, timeZone: string, now: string): RecordTable {
  // Title and venue are isolated (FSI…PDI): a bidi override typed into one must not reverse the times after it.
  const scope = session ? `\u2068${session.title}\u2069 (${session.day} ${session.startsAt}–${session.endsAt}, \u2068${session.venue}\u2069)` : 'Event desk (arrivals at the event)';
  const t = (iso: string | null) => localTime(iso, timeZone);
  const base = { title: TITLES[report], scope };
  switch (report) {
    case 'attendance':
      return {
        ...base,
        headers: ['Name', 'Name in own script', 'Delegation', 'Country', 'Category', 'Checked in', 'Desk', 'Operator', 'Checked out'],
        widths: [26, 22, 20, 8, 12, 17, 14, 14, 17],
        rows: visits(db, session?.id ?? null).map((v) => [v.displayName, v.nativeName, v.delegationName ?? '', v.country ?? '', v.categoryName, t(v.checkedInAt), v.deskName + (v.auto ? ' (via session)' : ''), v.operator, t(v.checkedOutAt)]),
      };
    case 'arrivals': {
      const first = new Map<number, VisitRow>();
      for (const v of visits(db, session?.id ?? null)) if (!first.has(v.participantId) || v.checkedInAt < first.get(v.participantId)!.checkedInAt) first.set(v.participantId, v);
      return {
        ...base,
        headers: ['Arrived', 'Name', 'Name in own script', 'Delegation', 'Category', 'Desk'],
        widths: [17, 26, 22, 20, 12, 14],
        rows: [...first.values()].sort((a, b) => a.checkedInAt.localeCompare(b.checkedInAt)).map((v) => [t(v.checkedInAt), v.displayName, v.nativeName, v.delegationName ?? '', v.categoryName, v.deskName]),
      };
    }
    case 'no_shows': {
      const dash = buildDashboard(db, session, 60, now);
      // Missing now but checked in earlier (and out) is not a no-show.
      const came = new Set(visits(db, session?.id ?? null).map((v) => v.participantId));
      const neverCame = dash.missingPeople.filter((p) => !came.has(p.participantId));
      return {
        ...base,
        headers: ['Name', 'Name in own script', 'Delegation', 'Head of delegation', 'Country', 'Phone', 'E-mail'],
        widths: [26, 22, 20, 10, 8, 18, 28],
        rows: neverCame.map((p) => [p.displayName, p.nativeName, p.delegationName ?? '', p.isHeadOfDelegation ? 'yes' : '', p.country ?? '', p.phone, p.email]),
      };
    }
    case 'scanned_twice':
      return {
        ...base,
        headers: ['Scanned again', 'Desk', 'Name', 'Delegation', 'First check-in', 'First desk'],
        widths: [17, 14, 26, 20, 17, 14],
        rows: scannedTwice(db, session?.id ?? null, 100_000).map((s) => [t(s.scannedAt), s.deskName, s.displayName, s.delegationName ?? '', t(s.firstAt), s.firstDeskName ?? '']),
      };
    case 'scan_log':
      return {
        ...base,
        headers: ['Scanned', 'Received', 'Desk', 'Operator', 'Source', 'Action', 'Result', 'Name', 'Delegation', 'Badge serial', 'Offline'],
        widths: [17, 17, 14, 14, 9, 9, 13, 26, 20, 8, 7],
        rows: recentScans(db, { sessionId: session?.id ?? null, limit: 1_000_000 })
          .reverse()
          .map((s) => [t(s.scannedAt), t(s.receivedAt), s.deskName, s.operator, s.source, s.action, s.result, s.displayName ?? '', s.delegationName ?? '', s.badgeSerial?.toString() ?? '', s.offline ? 'yes' : '']),
      };
  }
}
