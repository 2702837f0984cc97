/** The shapes of check-in: scans and their outcomes, the person a desk shows, dashboards, roll calls. */
import { z } from 'zod';
import {
  ColourSchema,
  CountryCodeSchema,
  IsoDateSchema,
  LanguageCodeSchema,
  LocalTimeSchema,
  RowIdSchema,
  ScriptLangSchema,
  TimestampSchema,
  UuidSchema,
  lineText,
} from '../basics/primitives';
import { BadgeRefusalSchema, BadgeSerialSchema } from './badge_schemas';
import { SessionTypeSchema } from './programme';

/** How a scan reached the desk: USB scanner, camera, the name search, or typed by hand. */
export const ScanSourceSchema = z.enum(['scanner', 'camera', 'search', 'manual']);
export type ScanSource = z.infer<typeof ScanSourceSchema>;

/**
 * The desk's own id for one scan: its idempotency key. A replay of the same id (a retry, an
 * offline queue synced twice) answers the stored outcome and records nothing new. Any 8–64
 * characters of [A-Za-z0-9_-]: a LAN page over plain http has no crypto.randomUUID.
 */
export const ClientScanIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/u, 'must be 8 to 64 letters, digits, _ or -');

/** What a scan can end in. */
export const SCAN_RESULTS = [
  /** Checked in now (also: back in after a check-out). */
  'welcome',
  /** Already checked in here: `checkIn` says when and at which desk. Goes to the scanned-twice list. */
  'already',
  /** An older badge of someone who has a newer one. */
  'replaced',
  /** The person's registration was cancelled. */
  'cancelled',
  /** Not a badge of ours, damaged, or a genuine badge whose holder is no longer registered. */
  'unknown',
  /** Looks like our badge but the signature does not match: forged or altered. */
  'forged',
  /** A genuine Delegate Desk badge of another event. */
  'wrong_event',
  /** Our badge, but its print never finished: print it again. */
  'not_issued',
  /** A check-out that found nobody checked in. */
  'not_checked_in',
  /** Checked out now. */
  'checked_out',
] as const;
export const ScanResultSchema = z.enum(SCAN_RESULTS);
export type ScanResult = z.infer<typeof ScanResultSchema>;

/** Colour family for the desk's full-width state: green, amber, red. */
export function scanTone(result: ScanResult): 'good' | 'warn' | 'bad' {
  switch (result) {
    case 'welcome':
    case 'checked_out':
      return 'good';
    case 'already':
    case 'not_checked_in':
      return 'warn';
    default:
      return 'bad';
  }
}

/** What staff must know when this person arrives; `text` is the note that said so (or a default). */
export const StaffFlagSchema = z.object({
  kind: z.enum(['vip', 'interpreter', 'accessibility']),
  text: z.string(),
});
export type StaffFlag = z.infer<typeof StaffFlagSchema>;

/** A person as the desk shows them on a scan. */
export const DeskPersonSchema = z.object({
  participantId: RowIdSchema,
  title: z.string(),
  displayName: z.string(),
  familyName: z.string(),
  nativeName: z.string(),
  nativeNameLang: ScriptLangSchema.nullable(),
  /** A file in the event's photos folder, or null. */
  photoFile: z.string().nullable(),
  organisation: z.string(),
  position: z.string(),
  country: CountryCodeSchema.nullable(),
  delegationId: RowIdSchema.nullable(),
  delegationName: z.string().nullable(),
  isHeadOfDelegation: z.boolean(),
  category: z.object({ code: z.string(), name: z.string(), colour: ColourSchema }),
  languages: z.array(LanguageCodeSchema),
  status: z.enum(['registered', 'cancelled']),
  notes: z.string(),
  flags: z.array(StaffFlagSchema),
});
export type DeskPerson = z.infer<typeof DeskPersonSchema>;

/** A check-in as it was recorded: when, where, by whom. */
export const CheckInRefSchema = z.object({
  attendanceId: RowIdSchema,
  at: TimestampSchema,
  deskId: z.string(),
  deskName: z.string(),
  operator: z.string(),
});
export type CheckInRef = z.infer<typeof CheckInRefSchema>;

/** The desk's answer to one scan. */
export const ScanOutcomeSchema = z.object({
  /** The scan's row in the log. */
  scanId: RowIdSchema,
  clientScanId: ClientScanIdSchema,
  result: ScanResultSchema,
  /** English sentence for logs and the CLI; screens translate `result`. */
  message: z.string(),
  /** Null only when the code names nobody we know (unknown, forged, another event). */
  person: DeskPersonSchema.nullable(),
  sessionId: RowIdSchema.nullable(),
  /** welcome: this check-in; already: the earlier one (show "at 09:12, Desk 2"). */
  checkIn: CheckInRefSchema.nullable(),
  /** For a session: whether its expected audience includes this person (null at the event desk). */
  expected: z.boolean().nullable(),
  /** Sessions this check-in checked the person out of (the programme said so). */
  checkedOutOf: z.array(z.object({ sessionId: RowIdSchema, title: z.string() })),
  /** The badge refusal behind a red result, when a code was scanned. */
  badgeRefusal: BadgeRefusalSchema.nullable(),
  /** For `replaced`: when the newer badge was printed. */
  replacedAt: TimestampSchema.nullable(),
  /** True when this clientScanId had been recorded before: this is the stored answer. */
  replay: z.boolean(),
  scannedAt: TimestampSchema,
});
export type ScanOutcome = z.infer<typeof ScanOutcomeSchema>;

/** One scan as the log keeps it. */
export const ScanLogEntrySchema = z.object({
  scanId: RowIdSchema,
  clientScanId: ClientScanIdSchema,
  scannedAt: TimestampSchema,
  receivedAt: TimestampSchema,
  deskId: z.string(),
  deskName: z.string(),
  operator: z.string(),
  source: ScanSourceSchema,
  action: z.enum(['checkin', 'checkout']),
  sessionId: RowIdSchema.nullable(),
  result: ScanResultSchema,
  participantId: RowIdSchema.nullable(),
  displayName: z.string().nullable(),
  nativeName: z.string().nullable(),
  delegationName: z.string().nullable(),
  badgeSerial: BadgeSerialSchema.nullable(),
  offline: z.boolean(),
});
export type ScanLogEntry = z.infer<typeof ScanLogEntrySchema>;

/** A person on a missing list or roll call: with the phone to call. */
export const AbsentPersonSchema = z.object({
  participantId: RowIdSchema,
  displayName: z.string(),
  nativeName: z.string(),
  nativeNameLang: ScriptLangSchema.nullable(),
  delegationId: RowIdSchema.nullable(),
  delegationName: z.string().nullable(),
  isHeadOfDelegation: z.boolean(),
  categoryCode: z.string(),
  country: CountryCodeSchema.nullable(),
  phone: z.string(),
  email: z.string(),
  /** For a session: checked in at the event desk today (in the building, not at this door). */
  arrivedAtEvent: z.boolean(),
});
export type AbsentPerson = z.infer<typeof AbsentPersonSchema>;

/** Counts for one delegation. */
export const DelegationTallySchema = z.object({
  delegationId: RowIdSchema.nullable(),
  name: z.string(),
  country: CountryCodeSchema.nullable(),
  expected: z.number().int().nonnegative(),
  here: z.number().int().nonnegative(),
  complete: z.boolean(),
  head: z.object({ participantId: RowIdSchema, displayName: z.string(), arrived: z.boolean() }).nullable(),
});
export type DelegationTally = z.infer<typeof DelegationTallySchema>;

/** Who checked in twice: the later scan, with the check-in it repeated. */
export const ScannedTwiceSchema = z.object({
  scanId: RowIdSchema,
  participantId: RowIdSchema,
  displayName: z.string(),
  delegationName: z.string().nullable(),
  scannedAt: TimestampSchema,
  deskName: z.string(),
  firstAt: TimestampSchema.nullable(),
  firstDeskName: z.string().nullable(),
});
export type ScannedTwice = z.infer<typeof ScannedTwiceSchema>;

/** The scope a dashboard or roll call is about: the event desk or one session. */
export const ScopeSessionSchema = z.object({
  id: RowIdSchema,
  title: z.string(),
  type: SessionTypeSchema,
  day: IsoDateSchema,
  startsAt: LocalTimeSchema,
  endsAt: LocalTimeSchema,
  venue: z.string(),
});

/** Here / expected / missing, by delegation and category, arrivals over time. */
export const DashboardSchema = z.object({
  session: ScopeSessionSchema.nullable(),
  expected: z.number().int().nonnegative(),
  /** Expected people checked in and not checked out. */
  here: z.number().int().nonnegative(),
  /** Checked in although not expected (a session open to a list). */
  unexpectedHere: z.number().int().nonnegative(),
  /** Expected people not here (never arrived or checked out). */
  missing: z.number().int().nonnegative(),
  checkedOut: z.number().int().nonnegative(),
  byDelegation: z.array(DelegationTallySchema),
  byCategory: z.array(z.object({ code: z.string(), name: z.string(), colour: ColourSchema, expected: z.number().int().nonnegative(), here: z.number().int().nonnegative() })),
  /** Check-ins per bucket (start time), oldest first; only buckets from the first to the last arrival. */
  arrivals: z.array(z.object({ from: TimestampSchema, count: z.number().int().nonnegative() })),
  bucketMinutes: z.number().int().positive(),
  missingPeople: z.array(AbsentPersonSchema),
  scannedTwice: z.array(ScannedTwiceSchema),
  /** Refused scans (red results) in this scope. */
  refused: z.number().int().nonnegative(),
  updatedAt: TimestampSchema,
});
export type Dashboard = z.infer<typeof DashboardSchema>;

/** A bus or site-visit roll call: who of the expected group is still missing, by delegation. */
export const RollCallSchema = z.object({
  session: ScopeSessionSchema,
  expected: z.number().int().nonnegative(),
  here: z.number().int().nonnegative(),
  missing: z.number().int().nonnegative(),
  groups: z.array(
    z.object({
      delegationId: RowIdSchema.nullable(),
      name: z.string(),
      expected: z.number().int().nonnegative(),
      here: z.number().int().nonnegative(),
      missingPeople: z.array(AbsentPersonSchema),
    }),
  ),
  updatedAt: TimestampSchema,
});
export type RollCall = z.infer<typeof RollCallSchema>;

/** What a LAN desk keeps to go on checking people in while the host is unreachable. */
export const DeskSnapshotSchema = z.object({
  eventId: UuidSchema,
  eventName: z.string(),
  timezone: z.string(),
  /** The 4-byte event tag, hex; every badge of the event carries it. */
  eventTag: z.string().regex(/^[0-9a-f]{8}$/u),
  codePrefix: z.string(),
  publicKey: z.object({ algorithm: z.literal('Ed25519'), spkiPem: z.string(), rawBase64: z.string() }),
  categories: z.array(z.object({ code: z.string(), name: z.string(), colour: ColourSchema })),
  /** Everyone, cancelled people included (so a desk says "cancelled", not "unknown"). */
  people: z.array(
    z.object({
      participantId: RowIdSchema,
      title: z.string(),
      displayName: z.string(),
      familyName: z.string(),
      nativeName: z.string(),
      nativeNameLang: ScriptLangSchema.nullable(),
      country: CountryCodeSchema.nullable(),
      delegationId: RowIdSchema.nullable(),
      delegationName: z.string().nullable(),
      isHeadOfDelegation: z.boolean(),
      categoryCode: z.string(),
      status: z.enum(['registered', 'cancelled']),
      flags: z.array(StaffFlagSchema),
      /** The current badge serial; an older serial is "replaced", a newer one "not issued"; null: none printed. */
      badgeSerial: BadgeSerialSchema.nullable(),
      badgePrintedAt: TimestampSchema.nullable(),
    }),
  ),
  /** Who is checked in at the event desk now, so an offline desk can say "already". */
  checkedIn: z.array(z.object({ participantId: RowIdSchema, at: TimestampSchema, deskName: z.string() })),
  takenAt: TimestampSchema,
});
export type DeskSnapshot = z.infer<typeof DeskSnapshotSchema>;

/** An attendance export: which report, of which scope, in which format. */
export const AttendanceReportSchema = z.enum(['attendance', 'arrivals', 'no_shows', 'scanned_twice', 'scan_log']);
export type AttendanceReport = z.infer<typeof AttendanceReportSchema>;
export const AttendanceFormatSchema = z.enum(['csv', 'xlsx', 'pdf']);
export type AttendanceFormat = z.infer<typeof AttendanceFormatSchema>;

/** A person's check-in state, for the search fallback ("checked in at 09:12 at Desk 2"). */
export const PersonCheckinStatusSchema = z.object({
  participantId: RowIdSchema,
  sessionId: RowIdSchema.nullable(),
  current: CheckInRefSchema.nullable(),
  checkedOutAt: TimestampSchema.nullable(),
});

/** An operator's name as the desk types it: optional, one line. */
export const OperatorSchema = lineText(80).default('');
