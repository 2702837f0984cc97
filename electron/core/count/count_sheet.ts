import { MULTI_TRAY, RECHECK_TRAY, type Contest, type CountPaper, type CountSheet } from '../../contract';
import { countedMarks } from './sorting';

/** The round's ballot figures, from the voting core's independent counters. */
export interface IssueFigures {
  readonly issued: number;
  readonly cast: number;
  readonly outstanding: number;
  readonly cancelled: number;
}

/** Bundles of 100 as the counting machine (심사계수기) bands them: [100, 100, 37]. */
export function bundlesOf(n: number): number[] {
  const out: number[] = [];
  for (let left = n; left > 0; left -= 100) out.push(Math.min(100, left));
  return out;
}

/**
 * The count sheet (개표상황표) of one contest: papers counted, valid and invalid, votes per option,
 * bundles per tray, and the reconciliation with the polling record: issued = valid + invalid +
 * outstanding + cancelled, and papers counted = ballots cast. Not final while re-check papers wait.
 */
export function buildSheet(contest: Contest, papers: readonly CountPaper[], figures: IssueFigures): CountSheet {
  const votes = new Map(contest.options.map((o) => [o.id, 0]));
  const trays = new Map<string, number>(contest.options.map((o) => [o.id, 0]));
  let valid = 0;
  let invalid = 0;
  let pending = 0;
  for (const paper of papers) {
    if (paper.tray === RECHECK_TRAY && paper.judged === null) {
      pending++;
      continue;
    }
    const marks = countedMarks(paper);
    if (marks === null) {
      invalid++;
      continue;
    }
    valid++;
    // Ranked papers count their first preference on the sheet; the rounds come with the result.
    const counted = contest.type === 'ranked' ? marks.slice(0, 1) : marks;
    for (const m of counted) votes.set(m, (votes.get(m) ?? 0) + 1);
    const tray = marks.length === 1 || contest.type === 'ranked' ? marks[0]! : MULTI_TRAY;
    trays.set(tray, (trays.get(tray) ?? 0) + 1);
  }
  trays.set('invalid', invalid);
  const problems: string[] = [];
  const balance = valid + invalid + figures.outstanding + figures.cancelled;
  if (pending === 0 && figures.issued !== balance) {
    problems.push(`ballots issued (${figures.issued}) ≠ valid (${valid}) + invalid (${invalid}) + outstanding (${figures.outstanding}) + cancelled (${figures.cancelled}) = ${balance}`);
  }
  if (papers.length !== figures.cast) problems.push(`${papers.length} papers were counted but ${figures.cast} ballots were cast`);
  const alarm = problems.length ? `The count sheet does not add up: ${problems.join('; ')}. Do not sign; recount the trays and check the polling record.` : null;
  return {
    contestId: contest.id,
    issued: figures.issued,
    cast: figures.cast,
    counted: papers.length,
    valid,
    votes: contest.options.map((o) => ({ optionId: o.id, votes: votes.get(o.id) ?? 0 })),
    invalid,
    pending,
    outstanding: figures.outstanding,
    cancelled: figures.cancelled,
    bundles: [...trays].filter(([, n]) => n > 0).map(([tray, n]) => ({ tray, bundles: bundlesOf(n) })),
    reconciled: pending === 0 && alarm === null,
    alarm,
  };
}
