/**
 * Multi-seat STV with the Droop quota and the Weighted Inclusive Gregory Method (WIGM), as in
 * Scottish local government elections (Scottish Local Government Elections Order 2011, schedule 1,
 * rules 45–52):
 * - quota = floor(valid first preferences / (seats + 1)) + 1;
 * - a candidate at or above the quota is elected; the largest surplus is transferred first;
 * - surplus: EVERY ballot paper the candidate holds moves to its next continuing preference at
 *   transfer value = surplus × (the paper's value) / (the candidate's total), truncated to five
 *   decimal places ("any remainder being ignored"); papers with no next preference are
 *   non-transferable;
 * - with no surplus left, the lowest candidate is excluded and all its papers move at their
 *   current value;
 * - when the continuing candidates are no more than the vacancies left, they are all elected.
 * Arithmetic is done in integer units of 0.00001 of a vote, so no floating-point drift.
 *
 * Ties (highest surplus or lowest for exclusion): the values at earlier stages, looking back from
 * the latest stage to the first one where they differ; if equal at every stage, by lot with the
 * recorded seed.
 */
import { byId } from './choice_methods';
import { ballotCount, type PackedBallots } from './packed_ballots';
import type { TieBreaker } from './tie_break';
import type { TallyResult, TallyRound, TallySpec, TallyStep } from './tally_types';

/** Units per vote: five decimal places. */
const UNIT = 100_000;

const CONTINUING = 0;
const ELECTED = 1;
const EXCLUDED = 2;

/** Counts a multi-seat STV contest stage by stage (Scottish WIGM). */
export function tallyStv(spec: TallySpec, p: PackedBallots, tb: TieBreaker, steps: TallyStep[]): TallyResult {
  const n = p.optionCount;
  const seats = spec.seats ?? 1;
  const ballots = ballotCount(p);
  const status = new Uint8Array(n);
  const ptr = new Int32Array(ballots);
  const value = new Float64Array(ballots).fill(UNIT);
  const tally = new Float64Array(n);
  const piles: number[][] = Array.from({ length: n }, () => []);
  const next = (b: number, from: number): number => {
    const end = p.offsets[b + 1]!;
    for (let k = from; k < end; k++) {
      if (status[p.marks[k]!] === CONTINUING) {
        ptr[b] = k;
        return p.marks[k]!;
      }
    }
    ptr[b] = end;
    return -1;
  };
  let empty = 0;
  for (let b = 0; b < ballots; b++) {
    const o = next(b, p.offsets[b]!);
    if (o < 0) empty++;
    else {
      tally[o]! += UNIT;
      piles[o]!.push(b);
    }
  }
  const valid = ballots - empty;
  const quota = Math.floor(valid / (seats + 1)) + 1;
  steps.push({ code: 'ballots', valid, invalid: p.invalid, empty });
  steps.push({ code: 'quota', quota, formula: 'droop' });
  const history: Float64Array[] = [];
  const rounds: TallyRound[] = [];
  const elected: number[] = [];
  const surplusQueue: number[] = [];
  let nonTransferable = 0;
  const votes = (units: number) => Math.round(units) / UNIT;
  // The method's own tie rule: compare at earlier stages, most recent first.
  const earlier = (highest: boolean) => (among: readonly number[]) => {
    for (let s = history.length - 2; s >= 0; s--) {
      const h = history[s]!;
      const best = highest ? Math.max(...among.map((o) => h[o]!)) : Math.min(...among.map((o) => h[o]!));
      const kept = among.filter((o) => h[o]! === best);
      if (kept.length < among.length) return kept;
    }
    return null;
  };
  for (let stage = 1; ; stage++) {
    history.push(tally.slice());
    const newlyElected: number[] = [];
    const reaching = liveWith(status, CONTINUING).filter((o) => tally[o]! >= quota * UNIT);
    for (const o of tb.rank(stage, reaching, (i) => tally[i]!, 'earlier-round', earlier(true))) {
      if (elected.length >= seats) break;
      status[o] = ELECTED;
      elected.push(o);
      newlyElected.push(o);
      surplusQueue.push(o);
      steps.push({ code: 'elected', round: stage, option: spec.options[o]!, votes: votes(tally[o]!) });
    }
    const live = liveWith(status, CONTINUING);
    if (elected.length < seats && live.length <= seats - elected.length) {
      for (const o of tb.rank(stage, live, (i) => tally[i]!, 'earlier-round', earlier(true))) {
        status[o] = ELECTED;
        elected.push(o);
        newlyElected.push(o);
        steps.push({ code: 'elected', round: stage, option: spec.options[o]!, votes: votes(tally[o]!) });
      }
    }
    const shown = [...elected, ...liveWith(status, CONTINUING)].sort((a, b) => a - b);
    const roundTallies: Record<string, number> = {};
    for (const o of shown) roundTallies[spec.options[o]!] = votes(tally[o]!);
    const nt = votes(nonTransferable);
    steps.push({ code: 'count', round: stage, tallies: roundTallies, exhausted: nt });
    const round = { round: stage, tallies: roundTallies, exhausted: nt, elected: newlyElected.map((o) => spec.options[o]!) };
    if (elected.length >= seats) {
      rounds.push({ ...round, eliminated: [] });
      break;
    }
    const withSurplus = surplusQueue.filter((o) => tally[o]! > quota * UNIT);
    if (withSurplus.length > 0) {
      const o = tb.rank(stage, withSurplus, (i) => tally[i]!, 'earlier-round', earlier(true))[0]!;
      surplusQueue.splice(surplusQueue.indexOf(o), 1);
      const total = tally[o]!;
      const surplus = total - quota * UNIT;
      const transferValue = Math.floor((surplus * UNIT) / total) / UNIT;
      rounds.push({ ...round, eliminated: [] });
      const moved = movePapers(piles, o, (b) => Math.floor((surplus * value[b]!) / total));
      tally[o] = quota * UNIT;
      nonTransferable += moved.lost;
      steps.push({ code: 'transfer', round: stage, from: [spec.options[o]!], to: byId(spec.options, moved.to.map(votes)), exhausted: votes(moved.lost), transferValue });
    } else {
      const lowest = Math.min(...live.map((o) => tally[o]!));
      const tied = live.filter((o) => tally[o]! === lowest);
      const o = tied.length === 1 ? tied[0]! : tb.pick(stage, tied, 'earlier-round', earlier(false));
      status[o] = EXCLUDED;
      rounds.push({ ...round, eliminated: [spec.options[o]!] });
      steps.push({ code: 'eliminated', round: stage, options: [spec.options[o]!], votes: votes(tally[o]!) });
      const moved = movePapers(piles, o, (b) => value[b]!);
      tally[o] = 0;
      nonTransferable += moved.lost;
      steps.push({ code: 'transfer', round: stage, from: [spec.options[o]!], to: byId(spec.options, moved.to.map(votes)), exhausted: votes(moved.lost) });
    }
  }
  // Moves every paper of `o` to its next continuing preference at the value `newValue` gives.
  function movePapers(allPiles: number[][], o: number, newValue: (b: number) => number): { to: number[]; lost: number } {
    const to = new Array<number>(n).fill(0);
    let lost = 0;
    for (const b of allPiles[o]!) {
      const v = newValue(b);
      value[b] = v;
      const dest = next(b, ptr[b]! + 1);
      if (dest < 0) lost += v;
      else {
        tally[dest]! += v;
        to[dest]! += v;
        allPiles[dest]!.push(b);
      }
    }
    allPiles[o] = [];
    return { to, lost };
  }
  return {
    method: 'stv',
    seats,
    winners: elected.map((o) => spec.options[o]!),
    totals: byId(spec.options, Array.from(history[0]!, (u) => u / UNIT)),
    validBallots: valid,
    invalidBallots: p.invalid,
    emptyBallots: empty,
    rounds,
    quota,
    seed: tb.seed,
    steps,
  };
}

function liveWith(status: Uint8Array, s: number): number[] {
  const out: number[] = [];
  for (let o = 0; o < status.length; o++) if (status[o] === s) out.push(o);
  return out;
}
