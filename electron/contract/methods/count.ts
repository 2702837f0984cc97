/**
 * The count, as a demonstration of the Korean counting floor.
 *
 * Flow (for the screens):
 * 1. Polls closed → presenter: `count.start` {roundId}. The sorting machine takes every paper
 *    from the box (random order) and puts it in its option's tray, or the re-check tray when the
 *    mark is unclear (blank, too many marks). The show starts at "sorting", paused.
 * 2. Presenter (remote or console) drives the show with `count.control`: play / pause / step one
 *    ballot / speed / next stage / back / language. Every change pushes `count.changed`
 *    {roundId}; the projector re-reads `count.view` and animates from the show state.
 * 3. Re-check tray: `count.judge` {paperId, verdict: 'invalid' | optionId} for each paper (valid
 *    only for an option marked on it). Then bundles of 100, then the count sheet.
 * 4. `count.signOff` {roundId, name}: refused while papers wait to be judged or the sheet does
 *    not reconcile. `count.announce` computes the results with the tally engine and archives
 *    the round's sheet and results with the election fingerprint.
 * 5. "What if": `count.recount` (same ballots, another method) and `count.loadBallots` (a real
 *    election's ballot records as CSV) put an alternative result on the projector.
 * 6. Reports: `count.report` {roundId, format: 'csv' | 'pdf'} builds the count sheet and result
 *    (CSV with formulas neutralised, or a printable PDF with the sign-off lines), fetched in
 *    base64 chunks with `count.reportChunk` like every export; past rounds: `count.list`.
 */
import { z } from 'zod';
import { defineMethod } from '../basics/method';
import { RowIdSchema, lineText } from '../basics/primitives';
import { ExportReadySchema } from './participant_export';
import {
  AlternativeSchema,
  COUNT_DRIVE_ROLES,
  COUNT_WATCH_ROLES,
  CountArchiveSchema,
  CountShowStateSchema,
  CountSummarySchema,
  CountViewSchema,
  ShowLanguageSchema,
} from './count_schemas';

export * from './count_schemas';

const RoundRef = z.object({ roundId: RowIdSchema });

/** A presenter's control of the show. */
export const ShowControlSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('play') }),
  z.object({ action: z.literal('pause') }),
  z.object({ action: z.literal('step') }),
  z.object({ action: z.literal('next') }),
  z.object({ action: z.literal('back') }),
  z.object({ action: z.literal('speed'), speed: z.number().positive().max(16) }),
  z.object({ action: z.literal('language'), language: ShowLanguageSchema }),
  z.object({ action: z.literal('contest'), contestIndex: z.number().int().nonnegative() }),
]);
export type ShowControl = z.infer<typeof ShowControlSchema>;

/** Method names the tally engine knows, for a "what if" count. */
export const RecountMethodSchema = z.enum(['plurality', 'sntv', 'approval', 'irv', 'stv', 'dhondt', 'sainte-lague', 'modified-sainte-lague', 'hare', 'droop']);

/** Count report formats: the spreadsheet, or the printable sheet for signatures and the archive. */
export const CountReportFormatSchema = z.enum(['csv', 'pdf']);
export type CountReportFormat = z.infer<typeof CountReportFormatSchema>;

const errorsDrive = ['no_event', 'not_found', 'wrong_state'] as const;

export const countStart = defineMethod({
  summary: 'Starts the count of a closed round: the sorting machine fills the trays (the same count again if already started).',
  input: RoundRef,
  output: CountViewSchema,
  errors: [...errorsDrive],
  roles: COUNT_DRIVE_ROLES,
});
export const countView = defineMethod({
  summary: "A round's count as the projector draws it (null roundId: the round on show, or null when none).",
  input: z.object({ roundId: RowIdSchema.nullable().default(null) }),
  output: CountViewSchema.nullable(),
  errors: ['no_event', 'not_found'],
  roles: COUNT_WATCH_ROLES,
});
export const countControl = defineMethod({
  summary: 'Drives the show: play, pause, step one ballot, speed, next or previous stage, language, contest.',
  input: RoundRef.extend({ control: ShowControlSchema }),
  output: CountShowStateSchema,
  errors: [...errorsDrive],
  roles: COUNT_DRIVE_ROLES,
});
export const countJudge = defineMethod({
  summary: 'Judges a re-check paper: invalid, or valid for an option marked on it.',
  input: RoundRef.extend({ paperId: RowIdSchema, verdict: z.string().min(1).max(40) }),
  output: CountViewSchema,
  errors: [...errorsDrive, 'bad_verdict'],
  roles: COUNT_DRIVE_ROLES,
});
export const countSignOff = defineMethod({
  summary: 'The presenter signs the count sheet (refused while papers wait or the sheet does not add up).',
  input: RoundRef.extend({ name: lineText(120).pipe(z.string().min(1, 'type the name of who signs')) }),
  output: CountViewSchema,
  errors: [...errorsDrive, 'not_reconciled'],
  roles: COUNT_DRIVE_ROLES,
});
export const countAnnounce = defineMethod({
  summary: 'Announces the result: counts every contest by its method and archives the round with its count sheet.',
  input: RoundRef,
  output: CountViewSchema,
  errors: [...errorsDrive, 'count_failed'],
  roles: COUNT_DRIVE_ROLES,
});
export const countRecount = defineMethod({
  summary: 'Counts the same ballots of a contest under another method and shows it on the projector (null method: clear).',
  input: RoundRef.extend({
    contestId: z.string().max(40),
    method: RecountMethodSchema.nullable(),
    seats: z.number().int().min(1).max(500).optional(),
    thresholdPercent: z.number().min(0).max(99).optional(),
  }),
  output: AlternativeSchema.nullable(),
  errors: [...errorsDrive, 'count_failed'],
  roles: COUNT_DRIVE_ROLES,
});
export const countLoadBallots = defineMethod({
  summary: "Counts a real election's ballot records (CSV, one ballot a line, choices in rank order) and shows it on the projector.",
  input: RoundRef.extend({
    title: lineText(120).pipe(z.string().min(1)),
    csv: z.string().max(200_000),
    method: RecountMethodSchema,
    seats: z.number().int().min(1).max(500).optional(),
    thresholdPercent: z.number().min(0).max(99).optional(),
  }),
  output: AlternativeSchema,
  errors: [...errorsDrive, 'count_failed'],
  roles: COUNT_DRIVE_ROLES,
});
export const countList = defineMethod({
  summary: 'Counted rounds, newest first (past rounds stay browsable).',
  input: z.object({}),
  output: z.array(CountSummarySchema),
  errors: ['no_event'],
  roles: COUNT_WATCH_ROLES,
});
export const countArchive = defineMethod({
  summary: "An announced round's archive: count sheets, results, the election fingerprint.",
  input: RoundRef,
  output: CountArchiveSchema,
  errors: ['no_event', 'not_found', 'wrong_state'],
  roles: COUNT_WATCH_ROLES,
});
export const countReport = defineMethod({
  summary: "Builds a round's count sheet and result as CSV (formulas neutralised) or PDF, with the fingerprint; fetch it with count.reportChunk.",
  input: RoundRef.extend({ format: CountReportFormatSchema.default('csv') }),
  output: ExportReadySchema,
  errors: ['no_event', 'not_found', 'wrong_state', 'unavailable'],
  roles: COUNT_DRIVE_ROLES,
});
export const countReportChunk = defineMethod({
  summary: 'One chunk of a built count report, base64; forgotten after its last chunk.',
  input: z.object({ exportId: z.string().max(64), index: z.number().int().nonnegative() }),
  output: z.object({ index: z.number().int().nonnegative(), base64: z.string(), last: z.boolean() }),
  errors: ['expired'],
  roles: COUNT_DRIVE_ROLES,
});

/** The count methods, keyed by their API names. */
export const COUNT_METHODS = {
  'count.start': countStart,
  'count.view': countView,
  'count.control': countControl,
  'count.judge': countJudge,
  'count.signOff': countSignOff,
  'count.announce': countAnnounce,
  'count.recount': countRecount,
  'count.loadBallots': countLoadBallots,
  'count.list': countList,
  'count.archive': countArchive,
  'count.report': countReport,
  'count.reportChunk': countReportChunk,
} as const;
