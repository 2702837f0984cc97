/**
 * The engine's entry points: check the spec, pack the ballots, run the method, return the result
 * with its explanation. Expected failures (a bad spec, an unknown option, bad totals) are Result
 * values with a message that says what to fix; nothing is counted half-way.
 */
import { err, ok, type Result } from '../../contract';
import { byId, tallyChoice, tallyYesNo, topOptions, yesNoOutcome } from './choice_methods';
import { tallyIrv } from './irv';
import { allocateKrMixed } from './kr_mixed';
import { packBallots, type PackedBallots } from './packed_ballots';
import { allocateDivisor, allocateLargestRemainder, applyThreshold, lrQuota } from './party_list';
import { tallyStv } from './stv';
import { defaultSeed, TieBreaker } from './tie_break';
import { PARTY_LIST_METHODS, RANKED_METHODS, TALLY_METHODS, type CastBallot, type PartyVotes, type TallyErrorCode, type TallyOutcome, type TallySpec, type TallyStep } from './tally_types';

/** Checks a spec before anything is counted. */
export function checkSpec(spec: TallySpec): Result<TallySpec, TallyErrorCode> {
  const bad = (message: string) => err('bad_spec' as const, message);
  if (!TALLY_METHODS.includes(spec.method)) return bad(`unknown method "${String(spec.method)}"; use one of: ${TALLY_METHODS.join(', ')}`);
  if (spec.options.length === 0) return bad('the contest has no options: give at least one candidate or party');
  if (new Set(spec.options).size !== spec.options.length) return bad('two options have the same id: every candidate or party needs its own');
  const seats = spec.seats ?? 1;
  if (!Number.isInteger(seats) || seats < 1) return bad(`seats must be a whole number of at least 1 (got ${seats})`);
  const candidateMethod = !PARTY_LIST_METHODS.includes(spec.method) && spec.method !== 'yes-no';
  if (candidateMethod && seats > spec.options.length) return bad(`${seats} seats but only ${spec.options.length} candidates`);
  if (spec.method === 'irv' && seats !== 1) return bad('IRV fills one seat; use --method stv for several');
  if (spec.method === 'yes-no' && spec.options.length !== 2) return bad('a yes/no question has exactly two options: yes first, then no');
  const t = spec.thresholdPercent;
  if (t !== undefined && (!Number.isFinite(t) || t < 0 || t >= 100)) return bad(`the threshold is a percent of valid votes from 0 to under 100 (got ${t})`);
  if (spec.firstDivisor !== undefined && !(spec.firstDivisor > 0)) return bad('the first divisor must be a positive number (1.4 in Norway, 1.2 in Sweden)');
  if (spec.votesAllowed !== undefined && (!Number.isInteger(spec.votesAllowed) || spec.votesAllowed < 1)) return bad('votes allowed must be a whole number of at least 1');
  return ok(spec);
}

/** Counts a contest from its cast ballots (option ids; rank order for IRV/STV). */
export function tallyContest(spec: TallySpec, ballots: Iterable<CastBallot>): TallyOutcome {
  const checked = checkSpec(spec);
  if (!checked.ok) return checked;
  const packed = packBallots(spec.options, ballots);
  if (!packed.ok) return packed;
  return tallyPacked(spec, packed.value);
}

/** Counts a contest from ballots already packed as option indexes (large inputs, readers, benches). */
export function tallyPacked(spec: TallySpec, packed: PackedBallots): TallyOutcome {
  const checked = checkSpec(spec);
  if (!checked.ok) return checked;
  const steps: TallyStep[] = [];
  const tb = new TieBreaker(spec.seed ?? defaultSeed(spec.options), spec.options, spec.tiePriority, steps);
  switch (spec.method) {
    case 'plurality':
    case 'sntv':
    case 'approval':
      return ok(tallyChoice(spec, packed, tb, steps));
    case 'yes-no':
      return ok(tallyYesNo(spec, packed, tb, steps));
    case 'irv':
      return ok(tallyIrv(spec, packed, tb, steps));
    case 'stv':
      return ok(tallyStv(spec, packed, tb, steps));
    default: {
      // Party lists from ballots: each valid ballot is one vote for one party.
      const single = tallyChoice({ ...spec, method: 'sntv', seats: 1 }, packed, tb, []);
      const parties = spec.options.map((party) => ({ party, votes: single.totals[party] ?? 0 }));
      return allocateSeats(spec, parties, { invalid: single.invalidBallots, empty: single.emptyBallots });
    }
  }
}

/** Allocates seats from party vote totals (and district seats for kr-mixed). */
export function allocateSeats(spec: TallySpec, parties: readonly PartyVotes[], extra: { invalid: number; empty: number } = { invalid: 0, empty: 0 }): TallyOutcome {
  if (!PARTY_LIST_METHODS.includes(spec.method)) return err('bad_spec', `${spec.method} does not allocate seats to parties; use dhondt, sainte-lague, modified-sainte-lague, hare, droop or kr-mixed`);
  const checked = checkSpec({ ...spec, options: parties.map((p) => p.party) });
  if (!checked.ok) return checked;
  const badRow = parties.find((p) => !Number.isFinite(p.votes) || p.votes < 0 || (p.districtSeats !== undefined && (!Number.isInteger(p.districtSeats) || p.districtSeats < 0)));
  if (badRow) return err('bad_votes', `"${badRow.party}" has ${badRow.votes} votes${badRow.districtSeats !== undefined ? ` and ${badRow.districtSeats} district seats` : ''}: votes and seats must be whole numbers of 0 or more`);
  const options = parties.map((p) => p.party);
  const steps: TallyStep[] = [];
  const tb = new TieBreaker(spec.seed ?? defaultSeed(options), options, spec.tiePriority, steps);
  const seats = spec.seats ?? 1;
  const valid = parties.reduce((s, p) => s + p.votes, 0);
  if (valid === 0) return err('bad_votes', 'no party has any votes: there is nothing to allocate');
  steps.push({ code: 'ballots', valid, invalid: extra.invalid, empty: extra.empty });
  steps.push({ code: 'count', round: 1, tallies: byId(options, parties.map((p) => p.votes)), exhausted: 0 });
  let won: number[];
  if (spec.method === 'kr-mixed') {
    won = allocateKrMixed(spec, parties, tb, steps);
  } else {
    const eligible = applyThreshold(spec, parties, steps);
    if (eligible.length === 0) return err('bad_votes', `no party reaches the ${spec.thresholdPercent ?? 0}% threshold: no seat can be allocated`);
    if (spec.method === 'hare' || spec.method === 'droop') {
      const eligibleVotes = eligible.reduce((s, i) => s + parties[i]!.votes, 0);
      const quota = lrQuota(spec.method, seats, eligibleVotes);
      steps.push({ code: 'quota', quota, formula: spec.method });
      won = allocateLargestRemainder(quota, seats, parties.map((p) => p.votes), eligible, options, parties, tb, steps);
    } else if (spec.method === 'dhondt' || spec.method === 'sainte-lague' || spec.method === 'modified-sainte-lague') {
      won = allocateDivisor(spec.method, seats, parties, eligible, spec.firstDivisor ?? 1.4, tb, steps);
    } else {
      return err('bad_spec', `${spec.method} does not allocate seats to parties`);
    }
  }
  const seatsByOption = byId(options, won);
  return ok({
    method: spec.method,
    seats,
    winners: options.filter((_, i) => won[i]! > 0),
    totals: byId(options, parties.map((p) => p.votes)),
    validBallots: valid,
    invalidBallots: extra.invalid,
    emptyBallots: extra.empty,
    seatsByOption,
    seed: tb.seed,
    steps,
  });
}

/** Decides a plurality, SNTV, approval or yes/no contest from published totals (no ballots). */
export function tallyTotals(spec: TallySpec, totals: readonly PartyVotes[], extra: { invalid: number; empty: number } = { invalid: 0, empty: 0 }): TallyOutcome {
  if (PARTY_LIST_METHODS.includes(spec.method)) return allocateSeats(spec, totals, extra);
  if (RANKED_METHODS.includes(spec.method)) return err('bad_spec', `${spec.method} needs the ranked ballots, not totals`);
  const options = totals.map((t) => t.party);
  const checked = checkSpec({ ...spec, options });
  if (!checked.ok) return checked;
  const steps: TallyStep[] = [];
  const tb = new TieBreaker(spec.seed ?? defaultSeed(options), options, spec.tiePriority, steps);
  const votes = totals.map((t) => t.votes);
  const valid = spec.method === 'yes-no' ? votes[0]! + votes[1]! : votes.reduce((s, v) => s + v, 0);
  steps.push({ code: 'ballots', valid, invalid: extra.invalid, empty: extra.empty });
  steps.push({ code: 'count', round: 1, tallies: byId(options, votes), exhausted: 0 });
  if (spec.method === 'yes-no') return ok(yesNoOutcome({ ...spec, options }, votes[0]!, votes[1]!, extra, tb, steps));
  const seats = spec.seats ?? 1;
  const winners = topOptions(votes, seats, tb, 1);
  for (const w of winners) steps.push({ code: 'elected', round: 1, option: options[w]!, votes: votes[w]! });
  return ok({ method: spec.method, seats, winners: winners.map((i) => options[i]!), totals: byId(options, votes), validBallots: valid, invalidBallots: extra.invalid, emptyBallots: extra.empty, seed: tb.seed, steps });
}
