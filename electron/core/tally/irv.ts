/**
 * Instant-runoff voting (single winner): a candidate with more than half of the continuing ballots
 * wins; otherwise the last is eliminated and each of its ballots moves to its next continuing
 * choice, or is exhausted when it has none.
 *
 * Ballot rules: the engine takes each ballot's rankings as the jurisdiction's rules leave them
 * (the CSV reader applies Minneapolis's: an overvoted rank ends the rankings, one skipped rank is
 * passed over, two consecutive skips end them). A repeated or already-eliminated candidate is
 * passed over. Options: `batchElimination` eliminates at once every lowest group whose combined
 * votes are fewer than the next candidate's (Minneapolis 2013: they could never overtake anyone);
 * `eliminateFirst` takes undeclared write-ins out in round 1.
 *
 * Ties for elimination: by lot with the recorded seed (Minneapolis ordinance ch. 167: "by lot").
 *
 * Speed: one pass per ballot to start, then only the ballots of eliminated candidates are touched
 * (a pile of ballot indexes per candidate), so the whole count is O(total rankings).
 */
import { byId } from './choice_methods';
import { ballotCount, type PackedBallots } from './packed_ballots';
import type { TieBreaker } from './tie_break';
import type { TallyResult, TallyRound, TallySpec, TallyStep } from './tally_types';

/** Counts an IRV contest round by round. */
export function tallyIrv(spec: TallySpec, p: PackedBallots, tb: TieBreaker, steps: TallyStep[]): TallyResult {
  const n = p.optionCount;
  const ballots = ballotCount(p);
  const continuing = new Uint8Array(n).fill(1);
  const ptr = new Int32Array(ballots);
  const tallies = new Float64Array(n);
  const piles: number[][] = Array.from({ length: n }, () => []);
  let empty = 0;
  // Points ballot b at its next continuing choice from position `from`; returns the option or -1.
  const advance = (b: number, from: number): number => {
    const end = p.offsets[b + 1]!;
    for (let k = from; k < end; k++) {
      const o = p.marks[k]!;
      if (continuing[o] === 1) {
        ptr[b] = k;
        return o;
      }
    }
    ptr[b] = end;
    return -1;
  };
  for (let b = 0; b < ballots; b++) {
    const o = advance(b, p.offsets[b]!);
    if (o < 0) {
      empty++;
      continue;
    }
    tallies[o]!++;
    piles[o]!.push(b);
  }
  const valid = ballots - empty;
  steps.push({ code: 'ballots', valid, invalid: p.invalid, empty });
  const firstFor = new Set((spec.eliminateFirst ?? []).map((id) => spec.options.indexOf(id)).filter((i) => i >= 0));
  const rounds: TallyRound[] = [];
  const history: Float64Array[] = [];
  let exhausted = 0;
  let winner: number | undefined;
  for (let round = 1; ; round++) {
    const live = liveOptions(continuing);
    const roundTallies: Record<string, number> = {};
    let active = 0;
    for (const o of live) {
      roundTallies[spec.options[o]!] = tallies[o]!;
      active += tallies[o]!;
    }
    history.push(tallies.slice());
    steps.push({ code: 'count', round, tallies: roundTallies, exhausted });
    steps.push({ code: 'quota', quota: Math.floor(active / 2) + 1, formula: 'majority' });
    const leader = live.reduce((a, b) => (tallies[b]! > tallies[a]! ? b : a), live[0]!);
    if (live.length === 1 || tallies[leader]! * 2 > active) {
      winner = leader;
      steps.push({ code: 'elected', round, option: spec.options[leader]!, votes: tallies[leader]! });
      rounds.push({ round, tallies: roundTallies, exhausted, elected: [spec.options[leader]!], eliminated: [] });
      break;
    }
    const out = round === 1 && firstFor.size > 0 ? [...firstFor].filter((o) => continuing[o] === 1) : chooseEliminated(live, tallies, spec.batchElimination === true, tb, round);
    rounds.push({ round, tallies: roundTallies, exhausted, elected: [], eliminated: out.map((o) => spec.options[o]!) });
    steps.push({ code: 'eliminated', round, options: out.map((o) => spec.options[o]!), votes: out.reduce((s, o) => s + tallies[o]!, 0) });
    for (const o of out) continuing[o] = 0;
    const moved = new Float64Array(n);
    let exhaustedNow = 0;
    for (const o of out) {
      for (const b of piles[o]!) {
        const next = advance(b, ptr[b]! + 1);
        if (next < 0) exhaustedNow++;
        else {
          moved[next]!++;
          piles[next]!.push(b);
        }
      }
      piles[o] = [];
      tallies[o] = 0;
    }
    for (let o = 0; o < n; o++) tallies[o]! += moved[o]!;
    exhausted += exhaustedNow;
    const to: Record<string, number> = {};
    for (let o = 0; o < n; o++) if (moved[o]! > 0) to[spec.options[o]!] = moved[o]!;
    steps.push({ code: 'transfer', round, from: out.map((o) => spec.options[o]!), to, exhausted: exhaustedNow });
  }
  return {
    method: 'irv',
    seats: 1,
    winners: winner === undefined ? [] : [spec.options[winner]!],
    totals: byId(spec.options, history[0]!),
    validBallots: valid,
    invalidBallots: p.invalid,
    emptyBallots: empty,
    rounds,
    seed: tb.seed,
    steps,
  };
}

function liveOptions(continuing: Uint8Array): number[] {
  const out: number[] = [];
  for (let o = 0; o < continuing.length; o++) if (continuing[o] === 1) out.push(o);
  return out;
}

/** The candidates to eliminate this round: a safe batch, or the single lowest (ties by lot). */
function chooseEliminated(live: number[], tallies: Float64Array, batch: boolean, tb: TieBreaker, round: number): number[] {
  const sorted = [...live].sort((a, b) => tallies[a]! - tallies[b]! || a - b);
  if (batch) {
    // Largest k whose k lowest together have fewer votes than the (k+1)-th: none of them can overtake it.
    let sum = 0;
    let k = 0;
    for (let i = 0; i < sorted.length - 1; i++) {
      sum += tallies[sorted[i]!]!;
      if (sum < tallies[sorted[i + 1]!]!) k = i + 1;
    }
    if (k >= 1) return sorted.slice(0, k);
  }
  const lowest = tallies[sorted[0]!]!;
  const tied = sorted.filter((o) => tallies[o]! === lowest);
  return [tb.pick(round, tied, null, null)];
}
