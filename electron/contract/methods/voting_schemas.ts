/** The experience room's shapes: rounds, reports, integrity figures, issues, voters, booths, ballots. */
import { z } from 'zod';
import { type CallerRole } from '../basics/roles';
import { CountryCodeSchema, LanguageCodeSchema, LocalizedTextSchema, RowIdSchema, ScriptLangSchema, TimestampSchema, lineText } from '../basics/primitives';
import { BadgeRefusalSchema } from './badge_schemas';
import { ContestSchema } from './elections';

/** Who runs rounds and the identity station. */
export const ROOM_ROLES: readonly CallerRole[] = ['admin', 'presenter'];

/** A label for a round or a station, as the presenter types it. */
export const ShortLabelSchema = lineText(120).pipe(z.string().min(1, 'must not be empty'));

export const RoundStatusSchema = z.enum(['draft', 'open', 'closed', 'archived']);
export type RoundStatus = z.infer<typeof RoundStatusSchema>;

/** Who may vote in a round: everyone registered, or only those checked in at the event. */
export const EligibilitySchema = z.enum(['registered', 'checked_in']);
export type Eligibility = z.infer<typeof EligibilitySchema>;

/** Papers in the box, per contest of the round's election. */
export const BoxCountSchema = z.array(z.object({ contestId: z.string(), papers: z.number().int().nonnegative() }));

/**
 * ballots issued = cast + outstanding + cancelled, from independent counters, plus every
 * contest's papers in the box = cast. `alarm` is a sentence for the presenter when anything
 * disagrees (show it in red); null when all balance.
 */
export const IntegrityFiguresSchema = z.object({
  issued: z.number().int().nonnegative(),
  cast: z.number().int().nonnegative(),
  outstanding: z.number().int().nonnegative(),
  cancelled: z.number().int().nonnegative(),
  box: BoxCountSchema,
  balanced: z.boolean(),
  alarm: z.string().nullable(),
});
export type IntegrityFigures = z.infer<typeof IntegrityFiguresSchema>;

/** The opening (zero) or closing report, as printed for the room. */
export const RoundReportSchema = z.object({
  kind: z.enum(['opening', 'closing']),
  at: TimestampSchema,
  electionTitle: LocalizedTextSchema,
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/u),
  figures: IntegrityFiguresSchema,
});
export type RoundReport = z.infer<typeof RoundReportSchema>;

export const RoundSchema = z.object({
  id: RowIdSchema,
  electionId: RowIdSchema,
  label: z.string(),
  status: RoundStatusSchema,
  eligibility: EligibilitySchema,
  /** Voters limited to these delegations (the visiting group); empty: everyone eligible. */
  delegationIds: z.array(RowIdSchema),
  createdAt: TimestampSchema,
  openedAt: TimestampSchema.nullable(),
  closedAt: TimestampSchema.nullable(),
  archivedAt: TimestampSchema.nullable(),
  /** The definition's fingerprint when polls opened (the definition is frozen with the round). */
  fingerprint: z.string().nullable(),
  zeroReport: RoundReportSchema.nullable(),
  closingReport: RoundReportSchema.nullable(),
});
export type Round = z.infer<typeof RoundSchema>;

/** Turnout: how many of the eligible voters have cast. No per-candidate figures before the count. */
export const TurnoutSchema = z.object({
  eligible: z.number().int().nonnegative(),
  issued: z.number().int().nonnegative(),
  cast: z.number().int().nonnegative(),
});

export const RoundDetailSchema = z.object({
  round: RoundSchema,
  electionTitle: LocalizedTextSchema,
  turnout: TurnoutSchema,
  integrity: IntegrityFiguresSchema,
});
export type RoundDetail = z.infer<typeof RoundDetailSchema>;

export const IssuanceStatusSchema = z.enum(['issued', 'cast', 'cancelled']);
export const CancelReasonSchema = z.enum(['spoiled', 'unused', 'wrong_voter', 'other']);

/** One ballot handed out: to whom, when, where. It never says which paper in the box is theirs. */
export const IssuanceSchema = z.object({
  id: RowIdSchema,
  roundId: RowIdSchema,
  participantId: RowIdSchema,
  voterName: z.string(),
  station: z.string(),
  issuedAt: TimestampSchema,
  /** The time as the room reads it (event time zone), e.g. "14:03". */
  issuedAtLocal: z.string(),
  status: IssuanceStatusSchema,
  /** The booth this ballot waits at, while it waits (gone once cast). */
  boothName: z.string().nullable(),
  cancelReason: CancelReasonSchema.nullable(),
  cancelNote: z.string().nullable(),
  cancelledAt: TimestampSchema.nullable(),
});
export type Issuance = z.infer<typeof IssuanceSchema>;

/** A voter as the identity station shows them, with this round's ballot for them. */
export const VoterCardSchema = z.object({
  participantId: RowIdSchema,
  displayName: z.string(),
  familyName: z.string(),
  nativeName: z.string(),
  nativeNameLang: ScriptLangSchema.nullable(),
  country: CountryCodeSchema.nullable(),
  delegationName: z.string().nullable(),
  organisation: z.string(),
  categoryCode: z.string(),
  languages: z.array(LanguageCodeSchema),
  photoFile: z.string().nullable(),
  /** Whether they are on this round's voters' list; if not, why not (in words). */
  eligible: z.boolean(),
  ineligibleReason: z.string().nullable(),
  /** Their live (not cancelled) ballot in this round, or null. */
  ballot: IssuanceSchema.nullable(),
  /** "Already received a ballot at 14:03 at Station 1": null when none. */
  notice: z.string().nullable(),
});
export type VoterCard = z.infer<typeof VoterCardSchema>;

export const VoterLookupSchema = z.discriminatedUnion('found', [
  z.object({ found: z.literal(true), voter: VoterCardSchema }),
  z.object({ found: z.literal(false), reason: BadgeRefusalSchema, message: z.string() }),
]);

export const BoothSchema = z.object({
  deviceId: z.string(),
  name: z.string(),
  online: z.boolean(),
  state: z.enum(['free', 'busy']),
  /** When the current ballot was sent to it (busy only). */
  since: TimestampSchema.nullable(),
});
export type Booth = z.infer<typeof BoothSchema>;

/** What a booth shows: nothing to do, or the ballot issued to it. */
export const BoothBallotSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('idle'), roundOpen: z.boolean() }),
  z.object({
    state: z.literal('ballot'),
    /** One-time token: send it with the cast; a retry with it answers `already_cast`. */
    token: z.string().regex(/^[A-Za-z0-9_-]{43}$/u),
    electionTitle: LocalizedTextSchema,
    fingerprint: z.string(),
    /** Languages the definition is written in; others fall back to English. */
    definitionLanguages: z.array(LanguageCodeSchema),
    /** The delegate's own languages (first: preferred), to start the booth in. */
    voterLanguages: z.array(LanguageCodeSchema),
    contests: z.array(ContestSchema),
  }),
]);
export type BoothBallot = z.infer<typeof BoothBallotSchema>;

/** A cast: for each contest, the option ids marked (ranked: in order of preference). */
export const SelectionsSchema = z.record(z.string().max(40), z.array(z.string().max(40)).max(60));
export type Selections = z.infer<typeof SelectionsSchema>;

