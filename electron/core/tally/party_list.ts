/**
 * Party-list seat allocation from vote totals: divisor methods (D'Hondt; Sainte-Laguë; modified
 * Sainte-Laguë with a configurable first divisor, 1.4 in Norway, 1.2 in Sweden) and largest
 * remainder with the Hare quota (votes / seats) or the Droop quota (floor(votes / (seats + 1)) + 1).
 *
 * Threshold: a party needs at least `thresholdPercent` % of all valid votes (the sum over every
 * party given), or — where the law says so, as in Korea — `thresholdDistrictSeats` district seats.
 * Shares and quotas are then computed over the eligible parties' votes only.
 *
 * Ties (equal quotients for the last seat, equal remainders): the party with more votes, then the
 * law's priority list if any, then by lot with the recorded seed (Korean art. 190: "more votes,
 * then by lot").
 */
import type { TieBreaker } from './tie_break';
import type { PartyVotes, TallySpec, TallyStep } from './tally_types';

/** Which parties pass the threshold; records the step. Returns eligible indexes. */
export function applyThreshold(spec: TallySpec, parties: readonly PartyVotes[], steps: TallyStep[]): number[] {
  const total = parties.reduce((s, p) => s + p.votes, 0);
  const percent = spec.thresholdPercent ?? 0;
  const minVotes = (percent / 100) * total;
  const bySeats = spec.thresholdDistrictSeats;
  const eligible: number[] = [];
  const excluded: string[] = [];
  parties.forEach((p, i) => {
    const pass = p.votes >= minVotes || (bySeats !== undefined && (p.districtSeats ?? 0) >= bySeats);
    if (pass && (p.votes > 0 || (bySeats !== undefined && (p.districtSeats ?? 0) >= bySeats))) eligible.push(i);
    else excluded.push(p.party);
  });
  steps.push({ code: 'threshold', percent, minVotes, eligible: eligible.map((i) => parties[i]!.party), excluded });
  return eligible;
}

/** The divisor for a party that already holds `s` seats. */
function divisor(method: 'dhondt' | 'sainte-lague' | 'modified-sainte-lague', s: number, first: number): number {
  if (method === 'dhondt') return s + 1;
  if (method === 'modified-sainte-lague' && s === 0) return first;
  return 2 * s + 1;
}

/** Highest-averages allocation of `seats` among eligible parties; one `seat` step per seat. */
export function allocateDivisor(
  method: 'dhondt' | 'sainte-lague' | 'modified-sainte-lague',
  seats: number,
  parties: readonly PartyVotes[],
  eligible: readonly number[],
  firstDivisor: number,
  tb: TieBreaker,
  steps: TallyStep[],
): number[] {
  const won = new Array<number>(parties.length).fill(0);
  const quotient = new Float64Array(parties.length);
  for (const i of eligible) quotient[i] = parties[i]!.votes / divisor(method, 0, firstDivisor);
  for (let seat = 1; seat <= seats && eligible.length > 0; seat++) {
    let best = -1;
    for (const i of eligible) if (best < 0 || quotient[i]! > quotient[best]!) best = i;
    const top = quotient[best]!;
    const tied = eligible.filter((i) => quotient[i]! === top);
    const chosen = tied.length === 1 ? best : tb.pick(seat, tied, 'more-votes', moreVotes(parties));
    steps.push({ code: 'seat', seat, option: parties[chosen]!.party, quotient: top });
    won[chosen]!++;
    quotient[chosen] = parties[chosen]!.votes / divisor(method, won[chosen]!, firstDivisor);
  }
  return won;
}

/** Keeps the parties with the most votes among tied ones (the first tie rule for lists). */
export function moreVotes(parties: readonly PartyVotes[]): (among: readonly number[]) => readonly number[] {
  return (among) => {
    const most = Math.max(...among.map((i) => parties[i]!.votes));
    return among.filter((i) => parties[i]!.votes === most);
  };
}

/**
 * Largest remainder: each party gets floor(votes / quota) seats, the seats left go one each to the
 * largest remainders. `weights` are the votes (or, for Korea's scaled seats, any weights).
 */
export function allocateLargestRemainder(
  quota: number,
  seats: number,
  weights: readonly number[],
  eligible: readonly number[],
  names: readonly string[],
  tieVotes: readonly PartyVotes[],
  tb: TieBreaker,
  steps: TallyStep[],
): number[] {
  const won = new Array<number>(weights.length).fill(0);
  const remainder = new Float64Array(weights.length);
  const quotaSeats: Record<string, number> = {};
  const remainders: Record<string, number> = {};
  let given = 0;
  for (const i of eligible) {
    const exact = weights[i]! / quota;
    won[i] = Math.floor(exact);
    // Rounded to 1e-9 so that exact fractions compare equal despite binary floating point.
    remainder[i] = Math.round((exact - won[i]!) * 1e9) / 1e9;
    given += won[i]!;
    quotaSeats[names[i]!] = won[i]!;
    remainders[names[i]!] = remainder[i]!;
  }
  steps.push({ code: 'quota-seats', quota, seats: quotaSeats, remainders });
  const order = tb.top(0, eligible, Math.max(0, seats - given), (i) => remainder[i]!, 'more-votes', moreVotes(tieVotes));
  for (const i of order) {
    won[i]!++;
    steps.push({ code: 'remainder-seat', option: names[i]!, remainder: remainder[i]! });
  }
  return won;
}

/** Hare (votes / seats) or Droop (floor(votes / (seats + 1)) + 1) quota over the eligible votes. */
export function lrQuota(kind: 'hare' | 'droop', seats: number, eligibleVotes: number): number {
  return kind === 'hare' ? eligibleVotes / seats : Math.floor(eligibleVotes / (seats + 1)) + 1;
}
