/**
 * Check-in at desks and session doors: scans, undo, check-out, roll calls, the live dashboard,
 * offline sync and exports.
 *
 * The flow, for the desk and attendance screens:
 * 1. Every scan (scanner, camera, name search, typed code) calls `checkin.scan` with a fresh
 *    `clientScanId` (the idempotency key) and either the badge `code` or a `participantId`
 *    (search). `sessionId` null means the event desk; a session id means that session's door.
 *    The answer (`ScanOutcome`) carries everything the feedback screen shows: `result` (green
 *    welcome / checked_out, amber already / not_checked_in, red otherwise, see `scanTone`),
 *    the person in both scripts with category colour and staff flags (VIP, interpreter,
 *    accessibility), and for `already` the earlier check-in (when, which desk).
 *    Retrying a call with the same clientScanId is safe: it answers the stored outcome.
 * 2. A session door accepts people the session does not expect: they are checked in and
 *    `expected: false` tells staff to look (policy: attending is never refused at a door;
 *    the desk shows who is not on the list). A session whose `checksOutOf` lists other
 *    sessions checks the person out of those on entry (`checkedOutOf`).
 *    A session check-in also records the person's arrival at the event if none was recorded.
 * 3. `checkin.undo` takes back a check-in (its `attendanceId`) with a reason; `checkin.checkout`
 *    records a leaving. Both are kept in the records; nothing is deleted.
 * 4. Screens listen for the push topic `checkin.changed` and re-fetch `checkin.dashboard`,
 *    `checkin.rollCall` or `checkin.recent`.
 * 5. A LAN desk keeps `checkin.snapshot` (people, badge serials, the event's public key) to
 *    verify badges itself while the host is unreachable, queues its scans with their
 *    clientScanId and scannedAt, and sends them with `checkin.sync` when the host is back:
 *    replays change nothing, the earliest scan wins, every scan stays in the log.
 * 6. Records: `checkin.export` + `checkin.exportChunk` (CSV, XLSX, PDF), like participants.export.
 */
import { z } from 'zod';
import { defineMethod } from '../basics/method';
import { STAFF_ROLES, type CallerRole } from '../basics/roles';
import { RowIdSchema, TimestampSchema, lineText } from '../basics/primitives';
import { ExportReadySchema } from './participant_export';
import {
  AttendanceFormatSchema,
  AttendanceReportSchema,
  ClientScanIdSchema,
  DashboardSchema,
  DeskSnapshotSchema,
  OperatorSchema,
  PersonCheckinStatusSchema,
  RollCallSchema,
  ScanLogEntrySchema,
  ScanOutcomeSchema,
  ScanSourceSchema,
} from './checkin_schemas';

export * from './checkin_schemas';

/** Who may record check-ins: the host's own window and paired desks. */
export const CHECKIN_WRITE_ROLES: readonly CallerRole[] = ['admin', 'desk'];

/** The most scans one sync call carries (a desk sends a longer queue in several calls). */
export const MAX_SYNC_BATCH = 500;

const ScanTargetFields = {
  /** The scanned text (as the scanner typed it); or give participantId (name search). */
  code: z.string().max(2000).optional(),
  participantId: RowIdSchema.optional(),
  /** null: the event desk; otherwise the session whose door this is. */
  sessionId: RowIdSchema.nullable().default(null),
  source: ScanSourceSchema,
  operator: OperatorSchema,
  clientScanId: ClientScanIdSchema,
};

const exactlyOneTarget = (s: { code?: string | undefined; participantId?: number | undefined }) =>
  (s.code === undefined) !== (s.participantId === undefined);
const TARGET_MESSAGE = 'give either the scanned code or a participantId, not both';

export const ScanInputSchema = z
  .object({ ...ScanTargetFields, action: z.enum(['checkin', 'checkout']).default('checkin') })
  .refine(exactlyOneTarget, TARGET_MESSAGE);
export type ScanInput = z.output<typeof ScanInputSchema>;

/** A scan a desk made while the host was unreachable: with the time it happened. */
export const OfflineScanSchema = z
  .object({ ...ScanTargetFields, scannedAt: TimestampSchema })
  .refine(exactlyOneTarget, TARGET_MESSAGE);
export type OfflineScan = z.output<typeof OfflineScanSchema>;

export const checkinScan = defineMethod({
  summary: 'Records one scan at a desk or session door and answers what the desk shows (idempotent by clientScanId).',
  input: ScanInputSchema,
  output: ScanOutcomeSchema,
  errors: ['no_event', 'no_key', 'not_found'],
  roles: CHECKIN_WRITE_ROLES,
});

export const checkinUndo = defineMethod({
  summary: 'Takes back a check-in (a mistaken scan or search pick), with the reason; kept in the records.',
  input: z.object({ attendanceId: RowIdSchema, reason: lineText(200).refine((s) => s.length > 0, 'say why the check-in is taken back') }),
  output: z.object({ attendanceId: RowIdSchema, participantId: RowIdSchema, undoneAt: TimestampSchema }),
  errors: ['no_event', 'not_found', 'already_undone'],
  roles: CHECKIN_WRITE_ROLES,
});

export const checkinCheckout = defineMethod({
  summary: 'Checks a person out of the event or a session (leaving the building, getting off the bus).',
  input: z.object({
    participantId: RowIdSchema,
    sessionId: RowIdSchema.nullable().default(null),
    operator: OperatorSchema,
    clientScanId: ClientScanIdSchema,
  }),
  output: ScanOutcomeSchema,
  errors: ['no_event', 'not_found'],
  roles: CHECKIN_WRITE_ROLES,
});

export const checkinStatus = defineMethod({
  summary: "A person's check-in at the event desk or a session: when and where, or not yet.",
  input: z.object({ participantId: RowIdSchema, sessionId: RowIdSchema.nullable().default(null) }),
  output: PersonCheckinStatusSchema,
  errors: ['no_event', 'not_found'],
  roles: STAFF_ROLES,
});

export const checkinRecent = defineMethod({
  summary: 'The newest scans (accepted and refused), newest first: at one desk, a session, or everywhere.',
  input: z.object({
    sessionId: RowIdSchema.nullable().optional(),
    /** Only this caller's own desk (the desk screen's "last scans" strip). */
    ownDesk: z.boolean().default(false),
    limit: z.number().int().min(1).max(200).default(20),
  }),
  output: z.array(ScanLogEntrySchema),
  errors: ['no_event'],
  roles: STAFF_ROLES,
});

export const checkinDashboard = defineMethod({
  summary: 'Here / expected / missing for the event or a session, by delegation and category, arrivals over time, scanned twice.',
  input: z.object({
    sessionId: RowIdSchema.nullable().default(null),
    bucketMinutes: z.number().int().min(1).max(240).default(15),
  }),
  output: DashboardSchema,
  errors: ['no_event', 'not_found'],
  roles: STAFF_ROLES,
});

export const checkinRollCall = defineMethod({
  summary: "A session's roll call (a bus, a site visit): who of the expected group is still missing, by delegation, with phone.",
  input: z.object({ sessionId: RowIdSchema }),
  output: RollCallSchema,
  errors: ['no_event', 'not_found'],
  roles: STAFF_ROLES,
});

export const checkinSync = defineMethod({
  summary: "Uploads a desk's offline scans: replays change nothing, the earliest scan wins, every scan is logged.",
  input: z.object({ scans: z.array(OfflineScanSchema).min(1).max(MAX_SYNC_BATCH) }),
  output: z.object({
    outcomes: z.array(ScanOutcomeSchema),
    /** Scans recorded by this call (the rest were replays). */
    recorded: z.number().int().nonnegative(),
  }),
  errors: ['no_event', 'no_key'],
  roles: CHECKIN_WRITE_ROLES,
});

export const checkinSnapshot = defineMethod({
  summary: 'What a LAN desk needs to verify badges and check people in while the host is unreachable.',
  input: z.object({}),
  output: DeskSnapshotSchema,
  errors: ['no_event', 'no_key'],
  roles: CHECKIN_WRITE_ROLES,
});

export const checkinExport = defineMethod({
  summary: 'Builds an attendance record (attendance, arrivals, no-shows, scanned twice, scan log) as CSV, XLSX or PDF.',
  input: z.object({
    report: AttendanceReportSchema,
    sessionId: RowIdSchema.nullable().default(null),
    format: AttendanceFormatSchema,
  }),
  output: ExportReadySchema,
  errors: ['no_event', 'not_found', 'unavailable'],
  roles: ['admin'],
});

export const checkinExportChunk = defineMethod({
  summary: 'One chunk of a built attendance export, base64; forgotten after its last chunk.',
  input: z.object({ exportId: z.string().max(64), index: z.number().int().nonnegative() }),
  output: z.object({ index: z.number().int().nonnegative(), base64: z.string(), last: z.boolean() }),
  errors: ['expired'],
  roles: ['admin'],
});

/** The check-in methods, keyed by their API names. */
export const CHECKIN_METHODS = {
  'checkin.scan': checkinScan,
  'checkin.undo': checkinUndo,
  'checkin.checkout': checkinCheckout,
  'checkin.status': checkinStatus,
  'checkin.recent': checkinRecent,
  'checkin.dashboard': checkinDashboard,
  'checkin.rollCall': checkinRollCall,
  'checkin.sync': checkinSync,
  'checkin.snapshot': checkinSnapshot,
  'checkin.export': checkinExport,
  'checkin.exportChunk': checkinExportChunk,
} as const;
