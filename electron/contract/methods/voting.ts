/**
 * The experience room: rounds, the voters' list, ballot issue, booths and the secret cast.
 *
 * Flow (for the screens):
 * 1. Presenter: `voting.rounds.create` {electionId, label} → a draft round. `voting.rounds.open`
 *    checks the box is empty and answers the zero report (every contest 0, the definition's
 *    fingerprint); polls are open. One round is open at a time.
 * 2. Identity station (presenter/admin): scan a badge → `voting.voters.lookup` {roundId, code}
 *    (signature checked; refused with the badge's reason) or search → `voting.voters.search`.
 *    Both answer voter cards: names in both scripts, photo file (fetch with `photos.get`),
 *    country, delegation, and this round's ballot for them (none / issued at 14:03 at Station 1).
 *    "Issue ballot" → `voting.issue` {roundId, participantId}; a second issue answers
 *    `already_issued` with "already received a ballot at 14:03 at Station 1".
 * 3. Booth: presenter picks a free booth from `voting.booths.list` → `voting.booths.assign`
 *    {issuanceId, deviceId}; or the delegate scans the badge at the booth → `voting.booth.claim`
 *    {code}. The booth calls `voting.booth.current` (on start and on every `voting.changed`
 *    push): idle, or its ballot (contests of the round's definition, the delegate's languages,
 *    a one-time ballot token). No voter name reaches the booth.
 * 4. Cast: `voting.booth.cast` {token, selections: {contestId: optionIds[]}} (ranked: option ids
 *    in order of preference; blank: []). After a lost answer, retry with the same token: the
 *    second attempt answers `already_cast` (show the confirmation; nothing was counted twice).
 * 5. Presenter: `voting.rounds.get` (integrity figures, live), `voting.issuances.list`,
 *    `voting.cancel` (spoiled/unused ballot, reason recorded; then issue again),
 *    `voting.rounds.close` (closing report), `voting.rounds.archive`. Projector:
 *    `voting.turnout`. Push `voting.changed` {roundId} says "refresh"; it carries no ballot data.
 */
import { z } from 'zod';
import { defineMethod } from '../basics/method';
import { STAFF_ROLES, type CallerRole } from '../basics/roles';
import { LocalizedTextSchema, RowIdSchema, lineText } from '../basics/primitives';
import {
  BoothBallotSchema,
  BoothSchema,
  CancelReasonSchema,
  EligibilitySchema,
  IssuanceSchema,
  ROOM_ROLES,
  RoundDetailSchema,
  RoundSchema,
  SelectionsSchema,
  ShortLabelSchema,
  TurnoutSchema,
  VoterCardSchema,
  VoterLookupSchema,
} from './voting_schemas';

export * from './voting_schemas';

const RoundRef = z.object({ roundId: RowIdSchema });
const roomMethod = <I extends z.ZodType, O extends z.ZodType, E extends string>(
  summary: string,
  input: I,
  output: O,
  errors: readonly E[],
  roles: readonly CallerRole[] = ROOM_ROLES,
) => defineMethod({ summary, input, output, errors, roles });

export const votingRoundsList = roomMethod('Rounds, newest first, with their figures.', z.object({}), z.array(RoundDetailSchema), ['no_event'], [...STAFF_ROLES, 'projector']);
export const votingRoundsGet = roomMethod('One round with live turnout and integrity figures.', RoundRef, RoundDetailSchema, ['no_event', 'not_found'], [...STAFF_ROLES, 'projector']);
export const votingRoundsCreate = roomMethod(
  'Creates a draft round of an election for a visiting group ("Jamaica delegation, 14:00").',
  z.object({
    electionId: RowIdSchema,
    label: ShortLabelSchema,
    eligibility: EligibilitySchema.default('registered'),
    delegationIds: z.array(RowIdSchema).max(200).default([]),
  }),
  RoundDetailSchema,
  ['no_event', 'not_found', 'unavailable'],
);
export const votingRoundsOpen = roomMethod('Opens the polls: checks the box is empty and makes the zero report.', RoundRef, RoundDetailSchema, ['no_event', 'not_found', 'wrong_state', 'busy', 'invalid_definition', 'not_empty']);
export const votingRoundsClose = roomMethod('Closes the polls: ballots still outstanding can no longer be cast; makes the closing report.', RoundRef, RoundDetailSchema, ['no_event', 'not_found', 'wrong_state']);
export const votingRoundsArchive = roomMethod('Archives a closed round with its reports; the room is ready for the next group.', RoundRef, RoundDetailSchema, ['no_event', 'not_found', 'wrong_state']);
export const votingRoundsRemove = roomMethod('Removes a draft round that never opened.', RoundRef, z.object({ removed: z.literal(true) }), ['no_event', 'not_found', 'wrong_state']);
export const votingTurnout = roomMethod(
  'The open round (or the latest) and its turnout, for the projector.',
  z.object({}),
  z.object({ round: RoundSchema.nullable(), electionTitle: LocalizedTextSchema.nullable(), turnout: TurnoutSchema.nullable() }),
  ['no_event'],
  [...STAFF_ROLES, 'projector'],
);
export const votingVotersLookup = roomMethod(
  "Identity station: a scanned badge's voter (signature checked) with this round's ballot for them.",
  RoundRef.extend({ code: z.string().max(2000) }),
  VoterLookupSchema,
  ['no_event', 'no_key', 'not_found'],
);
export const votingVotersSearch = roomMethod(
  "Identity station: voters found by a name in any script (people with the same name told apart by country, delegation, photo).",
  RoundRef.extend({ query: z.string().max(200), limit: z.number().int().min(1).max(50).default(10) }),
  z.array(VoterCardSchema),
  ['no_event', 'not_found'],
);
export const votingIssue = roomMethod(
  'Issues the one ballot of this voter in this round (refused with when and where if they had one).',
  RoundRef.extend({ participantId: RowIdSchema, station: ShortLabelSchema.optional() }),
  IssuanceSchema,
  ['no_event', 'not_found', 'wrong_state', 'not_eligible', 'already_issued'],
);
export const votingIssuancesList = roomMethod('Ballots issued in a round (newest first), with status.', RoundRef, z.array(IssuanceSchema), ['no_event', 'not_found']);
export const votingCancel = roomMethod(
  'Cancels a spoiled or unused ballot (not one already cast), with the reason; the voter may then be issued another.',
  z.object({ issuanceId: RowIdSchema, reason: CancelReasonSchema, note: lineText(300).default('') }),
  IssuanceSchema,
  ['no_event', 'not_found', 'wrong_state'],
);
export const votingBoothsList = roomMethod('Paired booth tablets, free or busy.', z.object({}), z.array(BoothSchema), ['no_event']);
export const votingBoothsAssign = roomMethod(
  'Sends an issued ballot to a free booth.',
  z.object({ issuanceId: RowIdSchema, deviceId: z.string().max(64) }),
  IssuanceSchema,
  ['no_event', 'not_found', 'wrong_state', 'busy'],
);
export const votingBoothsRelease = roomMethod(
  'Takes a waiting ballot back from a booth (the delegate walked away); it stays issued.',
  z.object({ deviceId: z.string().max(64) }),
  z.object({ released: z.boolean() }),
  ['no_event', 'not_found'],
);
export const votingBoothCurrent = roomMethod('Booth: its ballot, or idle.', z.object({}), BoothBallotSchema, ['no_event', 'not_found'], ['booth']);
export const votingBoothClaim = roomMethod(
  "Booth: the delegate scans their badge; their issued ballot comes to this booth.",
  z.object({ code: z.string().max(2000) }),
  BoothBallotSchema,
  ['no_event', 'no_key', 'not_found', 'bad_badge', 'no_ballot', 'already_cast', 'busy', 'wrong_state'],
  ['booth'],
);
export const votingBoothCast = roomMethod(
  'Booth: casts the ballot. Refused if not this booth\'s, already cast, polls closed, or a selection breaks the rules.',
  z.object({ token: z.string().max(64), selections: SelectionsSchema }),
  z.object({ cast: z.literal(true) }),
  ['no_event', 'no_ballot', 'already_cast', 'wrong_state', 'invalid_selection'],
  ['booth'],
);

/** The experience-room methods, keyed by their API names. */
export const VOTING_METHODS = {
  'voting.rounds.list': votingRoundsList,
  'voting.rounds.get': votingRoundsGet,
  'voting.rounds.create': votingRoundsCreate,
  'voting.rounds.open': votingRoundsOpen,
  'voting.rounds.close': votingRoundsClose,
  'voting.rounds.archive': votingRoundsArchive,
  'voting.rounds.remove': votingRoundsRemove,
  'voting.turnout': votingTurnout,
  'voting.voters.lookup': votingVotersLookup,
  'voting.voters.search': votingVotersSearch,
  'voting.issue': votingIssue,
  'voting.issuances.list': votingIssuancesList,
  'voting.cancel': votingCancel,
  'voting.booths.list': votingBoothsList,
  'voting.booths.assign': votingBoothsAssign,
  'voting.booths.release': votingBoothsRelease,
  'voting.booth.current': votingBoothCurrent,
  'voting.booth.claim': votingBoothClaim,
  'voting.booth.cast': votingBoothCast,
} as const;
