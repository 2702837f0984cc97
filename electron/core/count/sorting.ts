import { MULTI_TRAY, RECHECK_TRAY, type Contest, type CountPaper, type UnclearReason } from '../../contract';
import { votesAllowed } from '../elections/election_validation';

/** Where the sorting machine drops a paper, and why when it is the re-check tray. */
export interface Sorted {
  readonly tray: string;
  readonly unclear: UnclearReason | null;
}

/**
 * The sorting machine (투표지분류기): one tray per option, plus the re-check tray for papers it
 * cannot read with certainty. A paper goes to re-check when it has no mark, more marks than the
 * contest allows, or a mark that is not one of the contest's options. A ranked paper goes to the
 * tray of its first preference (the first round of the count); a valid vote-for-N paper with
 * several marks goes to the "several marks" tray, counted by hand mark by mark.
 */
export function sortPaper(contest: Contest, marks: readonly string[]): Sorted {
  const options = new Set(contest.options.map((o) => o.id));
  if (marks.length === 0) return { tray: RECHECK_TRAY, unclear: 'blank' };
  if (marks.some((m) => !options.has(m)) || new Set(marks).size !== marks.length) return { tray: RECHECK_TRAY, unclear: 'unknown' };
  if (marks.length > votesAllowed(contest)) return { tray: RECHECK_TRAY, unclear: 'overvote' };
  if (contest.type === 'ranked' || marks.length === 1) return { tray: marks[0]!, unclear: null };
  return { tray: MULTI_TRAY, unclear: null };
}

/**
 * Whether a verdict on a re-check paper is allowed: 'invalid' always; valid only for an option
 * actually marked on it (a blank paper can never become a vote). Returns a message if not.
 */
export function verdictProblem(contest: Contest, paper: CountPaper, verdict: string): string | null {
  if (paper.tray !== RECHECK_TRAY) return 'Only papers in the re-check tray are judged; the sorter has already read this one.';
  if (verdict === 'invalid') return null;
  if (!contest.options.some((o) => o.id === verdict)) return `"${verdict}" is not an option of this contest. Judge the paper valid for a marked option, or invalid.`;
  if (!paper.marks.includes(verdict)) return 'A paper can be judged valid only for an option marked on it. Judge it invalid instead.';
  return null;
}

/** The marks a paper counts with after the sorting and the re-check: null when it is invalid or not yet judged. */
export function countedMarks(paper: CountPaper): readonly string[] | null {
  if (paper.tray !== RECHECK_TRAY) return paper.marks;
  if (paper.judged === null || paper.judged === 'invalid') return null;
  return [paper.judged];
}
