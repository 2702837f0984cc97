/**
 * Korea's semi-linked mixed-member system (준연동형 비례대표제), Public Official Election Act
 * art. 189 as amended 2020-01-14, and its supplementary provision art. 4 for 2020:
 * 1. Seat-allocating parties (의석할당정당): ≥ 3 % of the valid list vote, or ≥ 5 district seats.
 * 2. Base = Assembly size (300) − district winners not nominated by a seat-allocating party
 *    (independents and parties below the threshold).
 * 3. Linked seats (연동배분의석) per party = ((base × list share) − its district seats) × 50 %,
 *    rounded half up; below 1 → 0. The share is the party's list vote over all seat-allocating
 *    parties' list votes.
 * 4. If the linked seats add up to fewer than the seats to fill, the rest (잔여배분의석) go by
 *    list share, integer parts then largest remainders (Hare–Niemeyer); if more, each party gets
 *    seats × linked / total linked (조정의석), integer parts then largest remainders.
 * 5. 2020 only: the linked formula filled 30 seats (`linkedCap`), and the other 17 went in
 *    parallel by list share (Hare–Niemeyer). 2024: all 46 linked.
 * Ties for a remainder seat: more votes, then by lot (art. 189 ⑥ refers to the lot).
 */
import { allocateLargestRemainder, applyThreshold } from './party_list';
import type { TieBreaker } from './tie_break';
import type { PartyVotes, TallySpec, TallyStep } from './tally_types';

/** Allocates Korea's PR seats; returns seats per party index. */
export function allocateKrMixed(spec: TallySpec, parties: readonly PartyVotes[], tb: TieBreaker, steps: TallyStep[]): number[] {
  const rule = spec.krMixed ?? { assemblySize: 300, linkRatio: 0.5, independentSeats: 0 };
  const prSeats = spec.seats ?? 46;
  const eligible = applyThreshold({ ...spec, thresholdPercent: spec.thresholdPercent ?? 3, thresholdDistrictSeats: spec.thresholdDistrictSeats ?? 5 }, parties, steps);
  const eligibleSet = new Set(eligible);
  const names = parties.map((p) => p.party);
  const outsideSeats = rule.independentSeats + parties.reduce((s, p, i) => s + (eligibleSet.has(i) ? 0 : (p.districtSeats ?? 0)), 0);
  const base = rule.assemblySize - outsideSeats;
  const listVotes = eligible.reduce((s, i) => s + parties[i]!.votes, 0);
  const share = (i: number) => parties[i]!.votes / listVotes;
  const raw: Record<string, number> = {};
  const rounded: Record<string, number> = {};
  const linked = new Array<number>(parties.length).fill(0);
  for (const i of eligible) {
    const x = (base * share(i) - (parties[i]!.districtSeats ?? 0)) * rule.linkRatio;
    // Half up at the first decimal (소수점 첫째자리에서 반올림); fewer than 1 seat is none.
    const r = x < 1 ? 0 : Math.floor(x + 0.5);
    raw[names[i]!] = x;
    rounded[names[i]!] = r;
    linked[i] = r;
  }
  steps.push({ code: 'linked-seats', base, raw, rounded });
  const cap = Math.min(rule.linkedCap ?? prSeats, prSeats);
  const sumLinked = linked.reduce((s, v) => s + v, 0);
  let seats = new Array<number>(parties.length).fill(0);
  if (sumLinked > cap) {
    // 조정의석: scale the linked seats down to the cap, remainders by size.
    seats = allocateLargestRemainder(sumLinked / cap, cap, linked, eligible, names, parties, tb, steps);
    steps.push({ code: 'scaled-seats', target: cap, seats: record(names, eligible, seats) });
  } else {
    seats = [...linked];
    const rest = cap - sumLinked;
    if (rest > 0) {
      // 잔여배분의석: the seats the linked formula left, by list share.
      const extra = allocateLargestRemainder(listVotes / rest, rest, parties.map((p) => p.votes), eligible, names, parties, tb, steps);
      eligible.forEach((i) => (seats[i]! += extra[i]!));
      steps.push({ code: 'parallel-seats', seats: rest, allocation: record(names, eligible, extra) });
    }
  }
  const parallel = prSeats - cap;
  if (parallel > 0) {
    const extra = allocateLargestRemainder(listVotes / parallel, parallel, parties.map((p) => p.votes), eligible, names, parties, tb, steps);
    eligible.forEach((i) => (seats[i]! += extra[i]!));
    steps.push({ code: 'parallel-seats', seats: parallel, allocation: record(names, eligible, extra) });
  }
  return seats;
}

function record(names: readonly string[], eligible: readonly number[], values: readonly number[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of eligible) out[names[i]!] = values[i]!;
  return out;
}
