import { err, ok, type Alternative, type CountArchive, type Result } from '../../contract';
import type { Db } from '../db/connection';
import { getRoundRow, roundDefinition, roundDetail } from '../voting';
import { PARTY_LIST_METHODS, PackedBallotsBuilder, RANKED_METHODS, readBallotCsv, tallyPacked, type PackedBallots, type TallyMethod, type TallySpec } from '../tally';
import { countWith, specForContest, toContestResult } from './contest_tally';
import { listSessions, readPapers, saveAlternative, saveShow, sessionOfRound, type SessionRow } from './count_store';
import { countedMarks } from './sorting';

/** A "what if" method and its parameters. */
export interface WhatIf {
  readonly method: TallyMethod;
  readonly seats?: number;
  readonly thresholdPercent?: number;
}

/**
 * Puts an alternative count on show (or takes it off): its rounds start from the first, and once
 * the result is announced the projector goes to the result stage to show it.
 */
function showAlternative(db: Db, session: SessionRow, alternative: Alternative | null): void {
  saveAlternative(db, session.id, alternative);
  const phase = session.announcedAt ? 'results' : session.show.phase;
  saveShow(db, session.id, { ...session.show, phase, resultStep: 0, playing: false, version: session.show.version + 1 });
}

const NOT_STARTED = 'The count of this round has not started. Close the polls, then start the count.';

/**
 * Counts a contest's judged papers again under another method (the presenter's "what if nobody
 * has a majority?") and puts it on the projector; a null method takes it off. Party-list methods
 * read each valid paper as one vote for its first mark's party.
 */
export function recount(db: Db, roundId: number, contestId: string, whatIf: WhatIf | null): Result<Alternative | null, 'not_found' | 'wrong_state' | 'count_failed'> {
  const session = sessionOfRound(db, roundId);
  const row = getRoundRow(db, roundId);
  const definition = row ? roundDefinition(db, row) : null;
  if (!session || !definition) return err('not_found', NOT_STARTED);
  const contest = definition.contests.find((c) => c.id === contestId);
  if (!contest) return err('not_found', 'That contest is not on this round\'s ballot.');
  if (whatIf === null) {
    showAlternative(db, session, null);
    return ok(null);
  }
  const papers = readPapers(db, session.id, contestId);
  if (papers.some((p) => p.tray === 'recheck' && p.judged === null)) return err('wrong_state', 'Judge the re-check tray first: a recount counts the judged papers.');
  const base = specForContest(contest);
  const ranked = RANKED_METHODS.includes(whatIf.method);
  const marks = papers.map(countedMarks).map((m) => (m === null ? null : ranked ? m : PARTY_LIST_METHODS.includes(whatIf.method) ? m.slice(0, 1) : m));
  const spec: TallySpec = { method: whatIf.method, options: base.options, seats: whatIf.seats ?? contest.seats, thresholdPercent: whatIf.thresholdPercent, votesAllowed: whatIf.method === 'plurality' ? Math.max(1, ...marks.map((m) => m?.length ?? 1)) : undefined };
  const result = countWith(contestId, spec, marks);
  if (!result.ok) return result;
  const alternative: Alternative = { title: contestId, names: null, result: result.value };
  showAlternative(db, session, alternative);
  return ok(alternative);
}

/** Each ballot's first preference only: ranked records read as single-choice ballots. */
function firstPreferences(packed: PackedBallots): PackedBallots {
  const builder = new PackedBallotsBuilder(packed.optionCount);
  for (let b = 0; b + 1 < packed.offsets.length; b++) {
    const start = packed.offsets[b]!;
    builder.add(start < packed.offsets[b + 1]! ? [packed.marks[start]!] : []);
  }
  for (let i = 0; i < packed.invalid; i++) builder.addInvalid();
  return builder.build();
}

/** Counts a real election's ballot records (CSV as `delegate-desk tally` reads it) and puts it on the projector. */
export function loadBallots(db: Db, roundId: number, input: { title: string; csv: string } & WhatIf): Result<Alternative, 'not_found' | 'count_failed'> {
  const session = sessionOfRound(db, roundId);
  if (!session) return err('not_found', NOT_STARTED);
  // Records are read as ranked; a single-choice method counts each ballot's first choice, as a
  // plurality count of the same election would have.
  // A PDF, workbook or image renamed .csv would read as thousands of nonsense candidates.
  // eslint-disable-next-line no-control-regex -- a NUL is the mark of a binary file
  if (/^(%PDF|PK\u0003\u0004)|\u0000/u.test(input.csv)) return err('count_failed', 'This file is not a CSV text file (it looks like a PDF, spreadsheet or image). Export the ballots as CSV, one ballot a line.');
  const ranked = RANKED_METHODS.includes(input.method);
  const read = readBallotCsv(input.csv, true);
  if (read.options.length === 0) return err('count_failed', 'The file has no ballots: one ballot a line, choices in rank order (e.g. "Alice,Bob,Carol").');
  const spec: TallySpec = { method: input.method, options: read.options, seats: input.seats, thresholdPercent: input.thresholdPercent };
  const outcome = tallyPacked(spec, ranked || input.method === 'approval' ? read.packed : firstPreferences(read.packed));
  if (!outcome.ok) return err('count_failed', `These ballots cannot be counted that way: ${outcome.error.message}.`);
  const names = Object.fromEntries(read.options.map((o) => [o, o]));
  const alternative: Alternative = { title: input.title, names, result: toContestResult('loaded', outcome.value) };
  showAlternative(db, session, alternative);
  return ok(alternative);
}

/** Counted rounds, newest first. */
export function listCounts(db: Db) {
  return listSessions(db).flatMap((s) => {
    const row = getRoundRow(db, s.roundId);
    if (!row) return [];
    const detail = roundDetail(db, row);
    return [{ roundId: s.roundId, roundLabel: row.label, electionTitle: detail.electionTitle, startedAt: s.startedAt, announcedAt: s.announcedAt, reconciled: s.archive?.sheets.every((sh) => sh.reconciled) ?? false }];
  });
}

/** An announced round's archive. */
export function countArchive(db: Db, roundId: number): Result<CountArchive, 'not_found' | 'wrong_state'> {
  const session = sessionOfRound(db, roundId);
  if (!session) return err('not_found', NOT_STARTED);
  if (!session.archive) return err('wrong_state', 'The result of this round has not been announced yet.');
  return ok(session.archive);
}
