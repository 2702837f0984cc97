/**
 * The marking rules of one contest, as the booth applies them while the delegate marks:
 * how many marks a contest takes, what a tap does, and what the review screen must say.
 * Plain functions over the definition, so they are tested without a screen. The core checks
 * the same rules again at cast; these only make the booth explain them before it gets there.
 */
import type { ContestType } from '../../../electron/contract';

/** What the rules need to know of a contest (a subset of the definition's contest). */
export interface RuleContest {
  readonly id: string;
  readonly type: ContestType;
  readonly seats: number;
  readonly options: readonly { readonly id: string }[];
  /** For vote-for-N: how many marks (default: seats). */
  readonly votesAllowed?: number | null;
  /** For ranked: how many preferences (default: every option). */
  readonly maxRanks?: number | null;
  /** Set where the contest demonstrates invalid ballots: overvotes are then allowed, and sorted as invalid at the count. */
  readonly demonstrateInvalid?: boolean;
}

/** The delegate's marks: per contest, the option ids (in rank order for a ranked contest). */
export type Selections = Readonly<Record<string, readonly string[]>>;

/** How many marks a contest takes: one, N for vote-for-N, every option for a ranked ballot. */
export function marksAllowed(contest: RuleContest): number {
  switch (contest.type) {
    case 'vote_for_n':
      return Math.min(contest.votesAllowed ?? contest.seats, contest.options.length);
    case 'ranked':
      return Math.min(contest.maxRanks ?? contest.options.length, contest.options.length);
    // SNTV fills several seats with a single vote each; a party list and yes/no take one mark.
    case 'plurality':
    case 'sntv':
    case 'yes_no':
    case 'party_list':
      return 1;
    default:
      return 1;
  }
}

/** The outcome of a tap on an option. */
export type TapResult =
  | { readonly kind: 'marked'; readonly next: readonly string[] }
  | { readonly kind: 'unmarked'; readonly next: readonly string[] }
  /** Refused: the contest is full; the delegate must remove a mark first (never removed for them). */
  | { readonly kind: 'overvote'; readonly allowed: number }
  | { readonly kind: 'unknown_option' };

/**
 * What a tap on an option does: a marked option is unmarked (a ranked one leaves its rank and
 * the later ranks move up); an unmarked one is marked if the contest has room, and otherwise
 * the tap is refused. A contest that demonstrates invalid ballots takes the extra mark.
 */
export function tapOption(contest: RuleContest, current: readonly string[], optionId: string): TapResult {
  if (!contest.options.some((o) => o.id === optionId)) return { kind: 'unknown_option' };
  if (current.includes(optionId)) return { kind: 'unmarked', next: current.filter((id) => id !== optionId) };
  const allowed = marksAllowed(contest);
  if (current.length >= allowed && !(contest.demonstrateInvalid && contest.type !== 'ranked')) return { kind: 'overvote', allowed };
  return { kind: 'marked', next: [...current, optionId] };
}

/** Where a contest stands, for the review screen and the "votes remaining" line. */
export type ContestStatus =
  | { readonly kind: 'blank'; readonly allowed: number }
  | { readonly kind: 'under'; readonly marked: number; readonly allowed: number }
  | { readonly kind: 'complete'; readonly marked: number; readonly allowed: number }
  /** Only possible where the contest demonstrates invalid ballots: it will count as invalid. */
  | { readonly kind: 'over'; readonly marked: number; readonly allowed: number };

/** Classifies one contest's marks. A ranked ballot is complete once one preference is given. */
export function contestStatus(contest: RuleContest, marks: readonly string[]): ContestStatus {
  const allowed = marksAllowed(contest);
  const marked = marks.length;
  if (marked === 0) return { kind: 'blank', allowed };
  if (marked > allowed) return { kind: 'over', marked, allowed };
  if (contest.type === 'ranked' || marked === allowed) return { kind: 'complete', marked, allowed };
  return { kind: 'under', marked, allowed };
}

/** The contests the review screen must point out before cast: blank, under- or overvoted. */
export function contestsNeedingAttention(contests: readonly RuleContest[], selections: Selections): readonly string[] {
  return contests.filter((c) => contestStatus(c, selections[c.id] ?? []).kind !== 'complete').map((c) => c.id);
}

/** The selections with every contest present (an untouched contest is an empty list: a blank vote). */
export function completeSelections(contests: readonly RuleContest[], selections: Selections): Record<string, string[]> {
  return Object.fromEntries(contests.map((c) => [c.id, [...(selections[c.id] ?? [])]]));
}
