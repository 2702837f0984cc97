/** The count's shapes: papers and trays, the count sheet, results, the show state and the archive. */
import { z } from 'zod';
import { type CallerRole } from '../basics/roles';
import { LocalizedTextSchema, RowIdSchema, TimestampSchema } from '../basics/primitives';
import { ContestSchema } from './elections';

/** Who drives the count: the host's own window and presenters (the remote is a presenter). */
export const COUNT_DRIVE_ROLES: readonly CallerRole[] = ['admin', 'presenter'];
/** Who watches it: the drivers and the projector. */
export const COUNT_WATCH_ROLES: readonly CallerRole[] = ['admin', 'presenter', 'projector'];

/** Why the sorting machine could not read a paper: no mark, too many, or a mark it does not know. */
export const UnclearReasonSchema = z.enum(['blank', 'overvote', 'unknown']);
export type UnclearReason = z.infer<typeof UnclearReasonSchema>;

/** The re-check tray, and the tray of valid papers with several marks (vote-for-N). */
export const RECHECK_TRAY = 'recheck';
export const MULTI_TRAY = 'multi';

/** One paper as the sorter handled it. `judged`: 'invalid' or the option it is valid for. */
export const CountPaperSchema = z.object({
  id: RowIdSchema,
  seq: z.number().int().nonnegative(),
  marks: z.array(z.string()),
  tray: z.string(),
  unclear: UnclearReasonSchema.nullable(),
  judged: z.string().nullable(),
});
export type CountPaper = z.infer<typeof CountPaperSchema>;

/** The count sheet (개표상황표) of one contest. */
export const CountSheetSchema = z.object({
  contestId: z.string(),
  issued: z.number().int().nonnegative(),
  cast: z.number().int().nonnegative(),
  /** Papers of this contest taken from the box and sorted. */
  counted: z.number().int().nonnegative(),
  /** Valid papers (a vote-for-N paper is one paper with several votes). */
  valid: z.number().int().nonnegative(),
  /** Votes per option (first preferences for ranked contests), every option listed, even at 0. */
  votes: z.array(z.object({ optionId: z.string(), votes: z.number().int().nonnegative() })),
  invalid: z.number().int().nonnegative(),
  /** Re-check papers still to be judged: the sheet is not final while this is above 0. */
  pending: z.number().int().nonnegative(),
  outstanding: z.number().int().nonnegative(),
  cancelled: z.number().int().nonnegative(),
  /** Bundles of 100 per tray, as the counting machine counts them ([100, 100, 37]). */
  bundles: z.array(z.object({ tray: z.string(), bundles: z.array(z.number().int().positive()) })),
  /** issued = valid + invalid + outstanding + cancelled, and counted = cast. */
  reconciled: z.boolean(),
  /** What does not add up, in words (show it in red); null when all balance. */
  alarm: z.string().nullable(),
});
export type CountSheet = z.infer<typeof CountSheetSchema>;

/** A language-neutral explanation step of the tally engine (a code with numbers and option ids). */
export const TallyStepSchema = z.object({ code: z.string() }).passthrough();

/** One round of a ranked count. */
export const ResultRoundSchema = z.object({
  round: z.number().int().positive(),
  tallies: z.record(z.string(), z.number()),
  exhausted: z.number(),
  elected: z.array(z.string()),
  eliminated: z.array(z.string()),
});

/** A contest's result, as the tally engine decided it. */
export const ContestResultSchema = z.object({
  contestId: z.string(),
  method: z.string(),
  seats: z.number().int().positive(),
  winners: z.array(z.string()),
  totals: z.record(z.string(), z.number()),
  validBallots: z.number().int().nonnegative(),
  invalidBallots: z.number().int().nonnegative(),
  emptyBallots: z.number().int().nonnegative(),
  rounds: z.array(ResultRoundSchema).nullable(),
  seatsByOption: z.record(z.string(), z.number()).nullable(),
  passed: z.boolean().nullable(),
  quota: z.number().nullable(),
  seed: z.number(),
  steps: z.array(TallyStepSchema),
});
export type ContestResult = z.infer<typeof ContestResultSchema>;

/** The show's stages, per contest, then the sign-off, then the results. */
export const ShowPhaseSchema = z.enum(['sorting', 'recheck', 'bundling', 'sheet', 'signoff', 'results']);
export type ShowPhase = z.infer<typeof ShowPhaseSchema>;

/** Projector languages with a catalogue. */
export const ShowLanguageSchema = z.enum(['en', 'ko', 'ar']);

/** Sorting speeds (ballots a second is 2 × speed). */
export const SORT_SPEEDS = [0.5, 1, 2, 4, 8, 16] as const;

/**
 * What the projector shows, driven by the presenter. While sorting plays, the projector moves
 * on from `cursor` at `2 × speed` ballots a second since `cursorAt`; a pause stores where it was.
 */
export const CountShowStateSchema = z.object({
  phase: ShowPhaseSchema,
  contestIndex: z.number().int().nonnegative(),
  playing: z.boolean(),
  speed: z.number().positive().max(16),
  /** Papers of the current contest already through the sorter when `cursorAt` was stamped. */
  cursor: z.number().nonnegative(),
  cursorAt: TimestampSchema,
  /** The re-check paper on show (index into the contest's re-check tray). */
  recheckIndex: z.number().int().nonnegative(),
  /** Ranked results: the round on show. */
  resultStep: z.number().int().nonnegative(),
  language: ShowLanguageSchema,
  /** Bumped on every change, so a screen ignores a stale answer. */
  version: z.number().int().nonnegative(),
});
export type CountShowState = z.infer<typeof CountShowStateSchema>;

/** A "what if" count of the same ballots under another method, or of loaded real ballots. */
export const AlternativeSchema = z.object({
  title: z.string(),
  /** Option names when they are not the contest's (loaded records name their own candidates). */
  names: z.record(z.string(), z.string()).nullable(),
  result: ContestResultSchema,
});
export type Alternative = z.infer<typeof AlternativeSchema>;

/** Everything the projector and the presenter need to draw the count of a round. */
export const CountViewSchema = z.object({
  roundId: RowIdSchema,
  roundLabel: z.string(),
  electionTitle: LocalizedTextSchema,
  fingerprint: z.string(),
  contests: z.array(ContestSchema),
  startedAt: TimestampSchema,
  show: CountShowStateSchema,
  /** Papers of the contest on show, in sorting order. */
  papers: z.array(CountPaperSchema),
  sheets: z.array(CountSheetSchema),
  signedBy: z.string().nullable(),
  signedAt: TimestampSchema.nullable(),
  announcedAt: TimestampSchema.nullable(),
  /** Results appear once announced. */
  results: z.array(ContestResultSchema).nullable(),
  alternative: AlternativeSchema.nullable(),
  /**
   * The host's clock when this view was read. `show.cursorAt` is host time, so a LAN projector
   * whose own clock is seconds off plays the sorting from its offset to this, not from its clock.
   */
  hostNow: TimestampSchema,
});
export type CountView = z.infer<typeof CountViewSchema>;

/** The archive of an announced round: sheet, results and the definition's fingerprint. */
export const CountArchiveSchema = z.object({
  roundLabel: z.string(),
  electionTitle: LocalizedTextSchema,
  fingerprint: z.string(),
  signedBy: z.string(),
  signedAt: TimestampSchema,
  announcedAt: TimestampSchema,
  sheets: z.array(CountSheetSchema),
  results: z.array(ContestResultSchema),
});
export type CountArchive = z.infer<typeof CountArchiveSchema>;

/** One counted round in the list of past rounds. */
export const CountSummarySchema = z.object({
  roundId: RowIdSchema,
  roundLabel: z.string(),
  electionTitle: LocalizedTextSchema,
  startedAt: TimestampSchema,
  announcedAt: TimestampSchema.nullable(),
  reconciled: z.boolean(),
});
