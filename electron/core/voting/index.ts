/**
 * The experience room: rounds, the voters' list, ballot issue, booths, the secret cast, and
 * reading a closed round's box for the count.
 */
export { archiveRound, closeRound, createRound, currentRound, electionUse, getRoundRow, listRounds, openRound, removeRound, roundDetail, roundDefinition } from './round_store';
export { cancelIssuance, issueBallot } from './issuance';
export { listIssuances, searchVoters, voterCard, voterCardById } from './voters';
export { assignBooth, boothBallot, castBallot, claimAtBooth, listBooths, releaseBooth } from './booth';
export { readCastBallots } from './ballot_box';
export { checkSelections } from './ballot_rules';
