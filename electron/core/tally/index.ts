/**
 * The tabulation engine: every contest type, with a language-neutral step-by-step explanation.
 * Plain TypeScript (no DB, no Node APIs), so the experience room, the CLI and a browser share it.
 */
export { TALLY_METHODS, PARTY_LIST_METHODS, RANKED_METHODS, INVALID_BALLOT } from './tally_types';
export type { TallyMethod, CastBallot, TallySpec, TallyResult, TallyRound, TallyStep, TieRule, PartyVotes, YesNoRule, KrMixedRule, TallyOutcome, TallyErrorCode } from './tally_types';
export { tallyContest, tallyPacked, allocateSeats, tallyTotals, checkSpec } from './tally_contest';
export { SIMPLE_MAJORITY, KR_CONSTITUTIONAL_REFERENDUM } from './choice_methods';
export { packBallots, PackedBallotsBuilder, type PackedBallots } from './packed_ballots';
export { readBallotCsv, readPartyCsv, parseCsvRows, type ReadBallots } from './ballot_csv';
export { seededRandom } from './tie_break';
