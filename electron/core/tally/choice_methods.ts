/**
 * Non-ranked counts: plurality and vote-for-N, SNTV, approval, and yes/no with a required majority.
 *
 * Ballot rules (documented, tested):
 * - plurality / vote-for-N: up to `votesAllowed` (default: seats) distinct marks; more is an overvote
 *   and voids the ballot for this contest (as the Korean count treats a double stamp); a repeated
 *   mark for the same option counts once.
 * - SNTV: exactly one mark (Korean municipal wards, 2–4 seats); two or more voids the ballot.
 * - approval: any number of distinct marks, each counting one vote.
 * - yes-no: options[0] is "yes", options[1] "no"; both marked voids the ballot.
 * A ballot with no mark is blank: counted as cast, never as valid.
 *
 * Ties for the last seat: the law's priority list if given (e.g. the elder candidate, Korean
 * art. 188), otherwise by lot with the recorded seed.
 */
import { ballotCount, type PackedBallots } from './packed_ballots';
import type { TieBreaker } from './tie_break';
import type { TallyResult, TallySpec, TallyStep, YesNoRule } from './tally_types';

/** Simple majority of valid votes, no quorum. */
export const SIMPLE_MAJORITY: YesNoRule = { turnoutQuorum: 0, majority: 0.5, majorityOf: 'valid' };

/** Korea's constitutional referendum (art. 130): more than half the electorate votes, more than half of voters say yes. */
export const KR_CONSTITUTIONAL_REFERENDUM: YesNoRule = { turnoutQuorum: 0.5, majority: 0.5, majorityOf: 'cast' };

interface Counted {
  readonly totals: Float64Array;
  readonly valid: number;
  readonly invalid: number;
  readonly empty: number;
}

/** Counts marks with a per-ballot limit on distinct marks (Infinity for approval). */
export function countMarks(p: PackedBallots, maxMarks: number): Counted {
  const totals = new Float64Array(p.optionCount);
  const seen = new Int32Array(p.optionCount).fill(-1);
  let valid = 0;
  let invalid = p.invalid;
  let empty = 0;
  const n = ballotCount(p);
  for (let b = 0; b < n; b++) {
    const from = p.offsets[b]!;
    const to = p.offsets[b + 1]!;
    if (from === to) {
      empty++;
      continue;
    }
    if (to - from === 1) {
      // The common single-mark ballot, without the distinct-marks bookkeeping.
      totals[p.marks[from]!]!++;
      valid++;
      continue;
    }
    let distinct = 0;
    for (let k = from; k < to; k++) {
      const o = p.marks[k]!;
      if (seen[o] !== b) {
        seen[o] = b;
        distinct++;
      }
    }
    if (distinct > maxMarks) {
      invalid++;
      continue;
    }
    valid++;
    for (let k = from; k < to; k++) {
      const o = p.marks[k]!;
      if (seen[o] === b) {
        totals[o]!++;
        seen[o] = -2 - b; // counted once for this ballot
      }
    }
  }
  return { totals, valid, invalid, empty };
}

/** The `seats` options with most votes, in order; a tie across the last seat goes to the tie rule. */
export function topOptions(totals: ArrayLike<number>, seats: number, tb: TieBreaker, round: number): number[] {
  const all = Array.from({ length: totals.length }, (_, i) => i);
  return tb.top(round, all, seats, (i) => totals[i]!, null, null);
}

/** Maps a per-index array to an id-keyed record. */
export function byId(options: readonly string[], values: ArrayLike<number>): Record<string, number> {
  const out: Record<string, number> = {};
  options.forEach((id, i) => (out[id] = values[i]!));
  return out;
}

/** Plurality (vote-for-N), SNTV or approval: top `seats` by marks. */
export function tallyChoice(spec: TallySpec, p: PackedBallots, tb: TieBreaker, steps: TallyStep[]): TallyResult {
  const seats = spec.seats ?? 1;
  const maxMarks = spec.method === 'approval' ? Infinity : spec.method === 'sntv' ? 1 : (spec.votesAllowed ?? seats);
  const c = countMarks(p, maxMarks);
  steps.push({ code: 'ballots', valid: c.valid, invalid: c.invalid, empty: c.empty });
  const totals = byId(spec.options, c.totals);
  steps.push({ code: 'count', round: 1, tallies: totals, exhausted: 0 });
  const winners = topOptions(c.totals, seats, tb, 1);
  for (const w of winners) steps.push({ code: 'elected', round: 1, option: spec.options[w]!, votes: c.totals[w]! });
  return {
    method: spec.method,
    seats,
    winners: winners.map((i) => spec.options[i]!),
    totals,
    validBallots: c.valid,
    invalidBallots: c.invalid,
    emptyBallots: c.empty,
    seed: tb.seed,
    steps,
  };
}

/** Yes/no from ballots: options[0] is yes, options[1] no; both marked voids the ballot. */
export function tallyYesNo(spec: TallySpec, p: PackedBallots, tb: TieBreaker, steps: TallyStep[]): TallyResult {
  const c = countMarks(p, 1);
  steps.push({ code: 'ballots', valid: c.valid, invalid: c.invalid, empty: c.empty });
  steps.push({ code: 'count', round: 1, tallies: byId(spec.options, c.totals), exhausted: 0 });
  return yesNoOutcome(spec, c.totals[0]!, c.totals[1]!, { invalid: c.invalid, empty: c.empty }, tb, steps);
}

/** Applies the yes/no rule: the turnout quorum, then yes strictly above the required share of the base. */
export function yesNoOutcome(spec: TallySpec, yes: number, no: number, other: { invalid: number; empty: number }, tb: TieBreaker, steps: TallyStep[]): TallyResult {
  const rule = spec.yesNo ?? SIMPLE_MAJORITY;
  const cast = yes + no + other.invalid + other.empty;
  const base = rule.majorityOf === 'valid' ? yes + no : cast;
  const turnout = spec.electorate ? cast / spec.electorate : 1;
  const quorumMet = rule.turnoutQuorum === 0 || (spec.electorate !== undefined && turnout > rule.turnoutQuorum);
  const majorityMet = base > 0 && yes > rule.majority * base;
  steps.push({ code: 'yes-no', yes, no, base, turnout, quorumMet, majorityMet });
  const passed = quorumMet && majorityMet;
  return {
    method: spec.method,
    seats: 1,
    winners: [spec.options[passed ? 0 : 1]!],
    totals: byId(spec.options, [yes, no]),
    validBallots: yes + no,
    invalidBallots: other.invalid,
    emptyBallots: other.empty,
    passed,
    seed: tb.seed,
    steps,
  };
}
