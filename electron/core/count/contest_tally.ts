import { err, ok, type Contest, type ContestResult, type Result } from '../../contract';
import { INVALID_BALLOT, tallyContest, type CastBallot, type TallyMethod, type TallyResult, type TallySpec } from '../tally';
import { votesAllowed } from '../elections/election_validation';

const ALLOCATION_METHODS: Readonly<Record<string, TallyMethod>> = {
  largest_remainder_hare: 'hare',
  dhondt: 'dhondt',
  sainte_lague: 'sainte-lague',
  sainte_lague_modified: 'modified-sainte-lague',
  kr_semi_linked_mmp: 'kr-mixed',
};

/** The tally engine's spec for a contest as the election defines it. */
export function specForContest(contest: Contest): TallySpec {
  const options = contest.options.map((o) => o.id);
  switch (contest.type) {
    case 'plurality':
      return { method: 'plurality', options, seats: contest.seats, votesAllowed: 1 };
    case 'vote_for_n':
      return { method: 'plurality', options, seats: contest.seats, votesAllowed: votesAllowed(contest) };
    case 'sntv':
      return { method: 'sntv', options, seats: contest.seats };
    case 'yes_no':
      return { method: 'yes-no', options };
    case 'ranked':
      return { method: contest.rankedMethod ?? (contest.seats > 1 ? 'stv' : 'irv'), options, seats: contest.seats };
    case 'party_list': {
      const a = contest.allocation;
      const method = ALLOCATION_METHODS[a?.method ?? 'largest_remainder_hare'] ?? 'hare';
      const spec: TallySpec = { method, options, seats: contest.seats, thresholdPercent: a?.thresholdPct ?? 0 };
      if (method !== 'kr-mixed') return spec;
      // The room has no district results: no party holds district seats, so every seat is linked.
      return { ...spec, krMixed: { assemblySize: a?.assemblySize ?? 300, linkRatio: 0.5, independentSeats: 0 } };
    }
  }
}

/** The engine's result in the contract's shape. */
export function toContestResult(contestId: string, r: TallyResult): ContestResult {
  return {
    contestId,
    method: r.method,
    seats: r.seats,
    winners: [...r.winners],
    totals: { ...r.totals },
    validBallots: r.validBallots,
    invalidBallots: r.invalidBallots,
    emptyBallots: r.emptyBallots,
    rounds: r.rounds ? r.rounds.map((x) => ({ round: x.round, tallies: { ...x.tallies }, exhausted: x.exhausted, elected: [...x.elected], eliminated: [...x.eliminated] })) : null,
    seatsByOption: r.seatsByOption ? { ...r.seatsByOption } : null,
    passed: r.passed ?? null,
    quota: r.quota ?? null,
    seed: r.seed,
    steps: r.steps.map((s) => ({ ...s })),
  };
}

/** Counts a contest's judged papers (null marks: invalid) with a spec; the engine's refusal becomes `count_failed`. */
export function countWith(contestId: string, spec: TallySpec, papers: ReadonlyArray<readonly string[] | null>): Result<ContestResult, 'count_failed'> {
  const ballots: CastBallot[] = papers.map((m) => (m === null ? INVALID_BALLOT : m));
  const outcome = tallyContest(spec, ballots);
  if (!outcome.ok) return err('count_failed', `This count cannot run: ${outcome.error.message}.`);
  return ok(toContestResult(contestId, outcome.value));
}
