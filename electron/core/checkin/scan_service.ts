/**
 * One scan, end to end, in one IMMEDIATE transaction: the badge is checked, the visit opened
 * (or found already open), the scan logged with the answer given, then committed (the event
 * database runs synchronous=FULL) before the desk hears anything. Called inside a group commit
 * (group_commit.ts, as the API does), that transaction is a savepoint of the shared one.
 *
 * Policy:
 * - idempotent by clientScanId: a replay answers the stored outcome and writes nothing;
 * - a session door never refuses a registered person the session does not expect: they are
 *   checked in with `expected: false` so staff see it (attendance is a fact, not a permission);
 * - entering a session checks the person out of the sessions its `checksOutOf` names, and
 *   records their arrival at the event if no desk did;
 * - an offline scan keeps its own time (never later than it reached the host); when it happened
 *   before the open visit's start, it becomes the visit's start: the earliest scan wins, and
 *   the final state does not depend on the order scans arrive in.
 */
import crypto from 'node:crypto';
import { err, normaliseBadgeText, ok, type BadgeRefusal, type DeskPerson, type ProgrammeSession, type Result, type ScanOutcome, type ScanResult, type ScanSource } from '../../contract';
import { verifyBadge, type BadgeKeys } from '../badges';
import type { Db } from '../db/connection';
import { getSession } from '../programme/session_store';
import { isExpected } from './audience';
import {
  closeVisit,
  insertScan,
  insertVisit,
  latestVisit,
  moveVisitStart,
  openVisit,
  setVisitScan,
  storedOutcome,
  visitCovering,
  visitRef,
  type Desk,
  type Visit,
} from './attendance_store';
import { getDeskPerson } from './desk_person';

/** What a scan is about and where it happened. */
export interface ScanRequest {
  readonly code?: string | undefined;
  readonly participantId?: number | undefined;
  readonly sessionId: number | null;
  readonly source: ScanSource;
  readonly operator: string;
  readonly clientScanId: string;
  readonly action: 'checkin' | 'checkout';
  /** For offline scans: when the desk made it. */
  readonly scannedAt?: string | undefined;
}

/** The event around a scan. */
export interface ScanContext {
  readonly desk: Desk;
  readonly now: string;
  readonly keys: BadgeKeys | null;
  readonly timezone: string;
  readonly eventLanguages: readonly string[];
}

const RESULT_FOR_REFUSAL: Record<BadgeRefusal, ScanResult> = {
  malformed: 'unknown',
  not_ours: 'unknown',
  unknown_participant: 'unknown',
  wrong_event: 'wrong_event',
  bad_signature: 'forged',
  replaced: 'replaced',
  cancelled: 'cancelled',
  not_issued: 'not_issued',
};

/** The hash the log keeps instead of the code (enough to see the same code scanned again). */
export function codeHash(code: string): string {
  return crypto.createHash('sha256').update(normaliseBadgeText(code)).digest('hex');
}

interface Resolved {
  person: DeskPerson | null;
  refusal: BadgeRefusal | null;
  result: ScanResult | null;
  message: string;
  serial: number | null;
  replacedAt: string | null;
}

/** Who the scan names, or why it names nobody who may come in. */
function resolve(db: Db, req: ScanRequest, ctx: ScanContext): Result<Resolved, 'no_key'> {
  if (req.code !== undefined) {
    if (!ctx.keys) return err('no_key', "This event's badge key is missing: badges cannot be checked here.");
    const v = verifyBadge(db, ctx.keys, req.code, ctx.timezone);
    if (v.valid) {
      return ok({ person: getDeskPerson(db, v.participantId, ctx.eventLanguages), refusal: null, result: null, message: '', serial: v.serial, replacedAt: null });
    }
    const person = v.participantId !== null && v.reason !== 'unknown_participant' ? getDeskPerson(db, v.participantId, ctx.eventLanguages) : null;
    return ok({ person, refusal: v.reason, result: RESULT_FOR_REFUSAL[v.reason], message: v.message, serial: v.serial, replacedAt: v.replacedAt });
  }
  const person = getDeskPerson(db, req.participantId ?? 0, ctx.eventLanguages);
  if (!person) return ok({ person: null, refusal: null, result: 'unknown', message: 'This person is no longer on the list.', serial: null, replacedAt: null });
  if (person.status === 'cancelled') {
    return ok({ person, refusal: null, result: 'cancelled', message: `${person.displayName}'s registration was cancelled.`, serial: null, replacedAt: null });
  }
  return ok({ person, refusal: null, result: null, message: '', serial: null, replacedAt: null });
}

/** The logical time of a scan: the desk's for offline scans, never later than its arrival. */
function scanTime(req: ScanRequest, now: string): string {
  if (!req.scannedAt) return now;
  const at = new Date(req.scannedAt).toISOString();
  return at < now ? at : now;
}

interface Decision {
  result: ScanResult;
  message: string;
  visit: Visit | null;
  /** A visit this scan opened or now starts. */
  opened: number | null;
  expected: boolean | null;
  checkedOutOf: Array<{ sessionId: number; title: string }>;
}

/** Check-in or check-out of a person who may come in. */
function decide(db: Db, req: ScanRequest, person: DeskPerson, at: string, ctx: ScanContext, session: ProgrammeSession | null): Decision {
  const base = { opened: null, checkedOutOf: [] as Decision['checkedOutOf'] };
  const sessionTitle = session?.title ?? null;
  const expected = session ? isExpected(db, session.expected, person.participantId) : null;
  const where = sessionTitle ?? 'the event';
  const open = openVisit(db, person.participantId, req.sessionId);
  if (req.action === 'checkout') {
    if (!open) return { ...base, result: 'not_checked_in', message: `${person.displayName} is not checked in at ${where}.`, visit: latestVisit(db, person.participantId, req.sessionId), expected };
    closeVisit(db, open.id, at, ctx.desk.deskName, null);
    return { ...base, result: 'checked_out', message: `${person.displayName} checked out of ${where}.`, visit: open, expected };
  }
  if (open) {
    if (req.scannedAt && (at < open.checkedInAt)) {
      // An offline scan that happened first: it becomes the visit's start (see the top of the file).
      return { ...base, result: 'welcome', message: `${person.displayName} checked in at ${where} (synced).`, visit: { ...open, checkedInAt: at, deskId: ctx.desk.deskId, deskName: ctx.desk.deskName, operator: req.operator }, opened: open.id, expected };
    }
    return { ...base, result: 'already', message: `${person.displayName} is already checked in at ${where} (${open.deskName}).`, visit: open, expected };
  }
  if (req.scannedAt) {
    const covering = visitCovering(db, person.participantId, req.sessionId, at);
    if (covering) return { ...base, result: 'already', message: `${person.displayName} was already checked in at ${where} then.`, visit: covering, expected };
  }
  const id = insertVisit(db, { participantId: person.participantId, sessionId: req.sessionId, at, desk: ctx.desk, operator: req.operator, auto: false });
  const checkedOutOf: Decision['checkedOutOf'] = [];
  if (session) {
    for (const otherId of session.checksOutOf) {
      const other = openVisit(db, person.participantId, otherId);
      if (!other || other.checkedInAt > at) continue;
      closeVisit(db, other.id, at, ctx.desk.deskName, `entered session ${session.id}`);
      checkedOutOf.push({ sessionId: otherId, title: getSession(db, otherId)?.title ?? '' });
    }
    // Someone at a session door is at the event, whether or not they passed the front desk.
    if (!latestVisit(db, person.participantId, null)) {
      insertVisit(db, { participantId: person.participantId, sessionId: null, at, desk: ctx.desk, operator: req.operator, auto: true });
    }
  }
  const visit: Visit = { id, participantId: person.participantId, sessionId: req.sessionId, checkedInAt: at, deskId: ctx.desk.deskId, deskName: ctx.desk.deskName, operator: req.operator, scanId: null, checkedOutAt: null, undoneAt: null };
  const note = expected === false ? ' Not on this session\'s list.' : '';
  return { result: 'welcome', message: `Welcome, ${person.displayName}: checked in at ${where}.${note}`, visit, opened: id, expected, checkedOutOf };
}

/**
 * Records one scan and answers what the desk shows. `not_found`: the session does not exist
 * (nothing is recorded); `no_key`: a code was scanned but the event has no badge key.
 */
export function recordScan(db: Db, req: ScanRequest, ctx: ScanContext): Result<ScanOutcome, 'not_found' | 'no_key'> {
  return db.transaction((): Result<ScanOutcome, 'not_found' | 'no_key'> => {
    const replay = storedOutcome(db, req.clientScanId);
    if (replay) return ok(replay);
    const session = req.sessionId === null ? null : getSession(db, req.sessionId);
    if (req.sessionId !== null && !session) return err('not_found', 'This session is no longer in the programme: choose the session again.');
    const resolved = resolve(db, req, ctx);
    if (!resolved.ok) return resolved;
    const r = resolved.value;
    const at = scanTime(req, ctx.now);
    const decision: Decision =
      r.result === null && r.person
        ? decide(db, req, r.person, at, ctx, session)
        : { result: r.result ?? 'unknown', message: r.message, visit: null, opened: null, expected: null, checkedOutOf: [] };
    const outcome = insertScan(
      db,
      {
        clientScanId: req.clientScanId,
        scannedAt: at,
        receivedAt: ctx.now,
        desk: ctx.desk,
        operator: req.operator,
        source: req.source,
        action: req.action,
        sessionId: req.sessionId,
        codeSha256: req.code === undefined ? null : codeHash(req.code),
        badgeSerial: r.serial,
        badgeRefusal: r.refusal,
        participantId: r.person?.participantId ?? null,
        result: decision.result,
        attendanceId: decision.visit?.id ?? null,
        offline: req.scannedAt !== undefined,
      },
      (scanId) => ({
        scanId,
        clientScanId: req.clientScanId,
        result: decision.result,
        message: decision.message,
        person: r.person,
        sessionId: req.sessionId,
        checkIn: decision.visit ? visitRef(decision.visit) : null,
        expected: decision.expected,
        checkedOutOf: decision.checkedOutOf,
        badgeRefusal: r.refusal,
        replacedAt: r.replacedAt,
        replay: false,
        scannedAt: at,
      }),
    );
    if (decision.opened !== null && decision.visit) {
      if (decision.visit.scanId === null) setVisitScan(db, decision.opened, outcome.scanId);
      else moveVisitStart(db, decision.opened, { at, desk: ctx.desk, operator: req.operator, scanId: outcome.scanId });
    }
    return ok(outcome);
  }).immediate();
}
