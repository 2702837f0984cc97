/**
 * The tabulation engine's public shapes. Plain data only: no Node APIs, no DB, so the same engine
 * runs in the core, the CLI, a worker or a browser. Explanations are language-neutral step records
 * (a code, numbers and option ids), never sentences: the projector renders them in any language.
 */
import type { Result } from '../../contract';

/** Every counting method the engine knows. */
export const TALLY_METHODS = [
  'plurality',
  'sntv',
  'approval',
  'yes-no',
  'irv',
  'stv',
  'dhondt',
  'sainte-lague',
  'modified-sainte-lague',
  'hare',
  'droop',
  'kr-mixed',
] as const;

/** One counting method. */
export type TallyMethod = (typeof TALLY_METHODS)[number];

/** Methods that allocate seats to parties from vote totals. */
export const PARTY_LIST_METHODS: readonly TallyMethod[] = ['dhondt', 'sainte-lague', 'modified-sainte-lague', 'hare', 'droop', 'kr-mixed'];

/** Methods that read ranked ballots. */
export const RANKED_METHODS: readonly TallyMethod[] = ['irv', 'stv'];

/** Marks a ballot the count judged invalid (spoiled, unclear, overvoted where the law voids it). */
export const INVALID_BALLOT = 'invalid' as const;

/** A cast ballot: option ids (rank order for ranked methods, selections otherwise) or the invalid marker. */
export type CastBallot = readonly string[] | typeof INVALID_BALLOT;

/** The yes/no rule: who must vote and what share must say yes. */
export interface YesNoRule {
  /** Fraction of the electorate that must cast a ballot (e.g. 0.5 for Korea's "more than half"); 0 for none. */
  readonly turnoutQuorum: number;
  /** Fraction of the base that must say yes, strictly exceeded (0.5 = more than half). */
  readonly majority: number;
  /** 'valid': yes / (yes + no); 'cast': yes / every ballot cast, invalid included (Korea's constitution, art. 130). */
  readonly majorityOf: 'valid' | 'cast';
}

/** Korea's semi-linked (준연동형) compensation parameters, art. 189 of the Public Official Election Act. */
export interface KrMixedRule {
  /** Seats in the whole Assembly (300). */
  readonly assemblySize: number;
  /** Share of the gap that is compensated (0.5). */
  readonly linkRatio: number;
  /** PR seats allocated by the linked formula; the rest (seats − cap) go in parallel. 2020: 30; 2024: all. */
  readonly linkedCap?: number;
  /** District seats won by independents; with non-allocating parties' district seats they leave the base. */
  readonly independentSeats: number;
}

/** What to count and how. Options are ids in ballot order (candidates, or parties for lists). */
export interface TallySpec {
  readonly method: TallyMethod;
  readonly options: readonly string[];
  /** Seats (winners) to fill; 1 unless said otherwise. */
  readonly seats?: number;
  /** Threshold in percent of valid votes a party needs for seats (party lists). */
  readonly thresholdPercent?: number;
  /** Party lists: a party with at least this many district seats passes the threshold anyway (Korea: 5). */
  readonly thresholdDistrictSeats?: number;
  /** Plurality vote-for-N: how many marks a ballot may carry (defaults to seats); more makes it invalid. */
  readonly votesAllowed?: number;
  /** Modified Sainte-Laguë's first divisor (1.4 Norway, 1.2 Sweden); 1.4 unless given. */
  readonly firstDivisor?: number;
  /** IRV: eliminate in batches (every candidate who together with all below has fewer votes than the next up). */
  readonly batchElimination?: boolean;
  /** IRV: options taken out in the first round before any other (undeclared write-ins in Minneapolis). */
  readonly eliminateFirst?: readonly string[];
  /** Seed of the lot for ties; recorded in the result. Derived from the options when absent. */
  readonly seed?: number;
  /** Tie order the law gives before the lot (e.g. the elder candidate first, Korean art. 188). */
  readonly tiePriority?: readonly string[];
  /** yes-no contests: the rule; simple majority of valid votes when absent. */
  readonly yesNo?: YesNoRule;
  /** yes-no contests: the electorate, for a turnout quorum. */
  readonly electorate?: number;
  /** kr-mixed: the compensation parameters. */
  readonly krMixed?: KrMixedRule;
}

/** A party's vote total (and district seats, for kr-mixed) when no ballots are given. */
export interface PartyVotes {
  readonly party: string;
  readonly votes: number;
  readonly districtSeats?: number;
}

/** One language-neutral explanation step: a code, numbers and option ids. */
export type TallyStep =
  | { readonly code: 'ballots'; readonly valid: number; readonly invalid: number; readonly empty: number }
  | { readonly code: 'quota'; readonly quota: number; readonly formula: 'droop' | 'hare' | 'majority' }
  | { readonly code: 'threshold'; readonly percent: number; readonly minVotes: number; readonly eligible: readonly string[]; readonly excluded: readonly string[] }
  | { readonly code: 'count'; readonly round: number; readonly tallies: Readonly<Record<string, number>>; readonly exhausted: number }
  | { readonly code: 'elected'; readonly round: number; readonly option: string; readonly votes: number }
  | { readonly code: 'eliminated'; readonly round: number; readonly options: readonly string[]; readonly votes: number }
  | { readonly code: 'transfer'; readonly round: number; readonly from: readonly string[]; readonly to: Readonly<Record<string, number>>; readonly exhausted: number; readonly transferValue?: number }
  | { readonly code: 'tie'; readonly round: number; readonly among: readonly string[]; readonly chosen: string; readonly rule: TieRule }
  | { readonly code: 'seat'; readonly seat: number; readonly option: string; readonly quotient: number }
  | { readonly code: 'quota-seats'; readonly quota: number; readonly seats: Readonly<Record<string, number>>; readonly remainders: Readonly<Record<string, number>> }
  | { readonly code: 'remainder-seat'; readonly option: string; readonly remainder: number }
  | { readonly code: 'linked-seats'; readonly base: number; readonly raw: Readonly<Record<string, number>>; readonly rounded: Readonly<Record<string, number>> }
  | { readonly code: 'scaled-seats'; readonly target: number; readonly seats: Readonly<Record<string, number>> }
  | { readonly code: 'parallel-seats'; readonly seats: number; readonly allocation: Readonly<Record<string, number>> }
  | { readonly code: 'yes-no'; readonly yes: number; readonly no: number; readonly base: number; readonly turnout: number; readonly quorumMet: boolean; readonly majorityMet: boolean };

/** How a tie was settled. */
export type TieRule = 'priority' | 'earlier-round' | 'more-votes' | 'lot';

/** One round of a ranked count: tallies per option, exhausted ballots, and what the round decided. */
export interface TallyRound {
  readonly round: number;
  readonly tallies: Readonly<Record<string, number>>;
  readonly exhausted: number;
  readonly elected: readonly string[];
  readonly eliminated: readonly string[];
}

/** The result of a count: winners, per-option totals, rounds or seats, and the explanation. */
export interface TallyResult {
  readonly method: TallyMethod;
  readonly seats: number;
  /** Winners in the order they were decided (for party lists: the parties that won a seat). */
  readonly winners: readonly string[];
  /** First-count (first-preference) votes per option. */
  readonly totals: Readonly<Record<string, number>>;
  readonly validBallots: number;
  readonly invalidBallots: number;
  /** Ballots with no mark at all (blank); counted neither valid nor invalid for shares. */
  readonly emptyBallots: number;
  readonly rounds?: readonly TallyRound[];
  readonly seatsByOption?: Readonly<Record<string, number>>;
  /** yes-no contests: whether the proposal passed. */
  readonly passed?: boolean;
  readonly quota?: number;
  /** The lot's seed, so anyone can replay every draw. */
  readonly seed: number;
  readonly steps: readonly TallyStep[];
}

/** Why a count could not run: a bad spec, an unknown option on a ballot, or bad vote totals. */
export type TallyErrorCode = 'bad_spec' | 'unknown_option' | 'bad_votes';

/** A count's outcome: the result, or an expected failure with a message that says what to fix. */
export type TallyOutcome = Result<TallyResult, TallyErrorCode>;
