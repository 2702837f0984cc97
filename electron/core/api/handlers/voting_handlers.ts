import { err, ok, type MethodErrorCode, type MethodOutput, type Result, type VOTING_METHODS } from '../../../contract';
import { badgeKeysFor, verifyBadge } from '../../badges';
import type { Db } from '../../db/connection';
import { getDevice } from '../../devices/device_store';
import {
  archiveRound,
  assignBooth,
  boothBallot,
  cancelIssuance,
  castBallot,
  claimAtBooth,
  closeRound,
  createRound,
  currentRound,
  getRoundRow,
  issueBallot,
  listBooths,
  listIssuances,
  listRounds,
  openRound,
  releaseBooth,
  removeRound,
  roundDetail,
  searchVoters,
  voterCardById,
} from '../../voting';
import type { Caller } from '../caller';
import type { EventWorkspace } from '../../workspace/event_workspace';
import type { FeatureHandlers, HandlerContext } from './handler_kit';

type VotingMethod = keyof typeof VOTING_METHODS;

const NO_EVENT = 'No event is open. Open or create an event first.';
const NO_ROUND = 'That round is not in this event (it may have been removed). Refresh the list of rounds.';
const NOT_A_BOOTH = 'This device is not paired as a booth. Pair it again from the devices screen.';

/**
 * Experience-room methods. Nothing here logs a selection or returns anything that ties a
 * voter to a paper: booths get no voter names, issue lists get no cast times, and the push
 * says only which round changed. Roles are in the contract; a booth's own identity is the
 * caller's device id, never something the client sends.
 */
export function votingHandlers({ session }: HandlerContext, isOnline: (deviceId: string) => boolean = () => false): FeatureHandlers<VotingMethod> {
  const now = () => new Date().toISOString();
  const changed = (roundId: number | null) => session.bus.publish('voting.changed', { roundId });
  const withWs = <T, E extends string>(work: (ws: EventWorkspace, tz: string) => Result<T, E>): Result<T, E | 'no_event'> => {
    const ws = session.current;
    if (!ws) return err('no_event', NO_EVENT);
    return work(ws, ws.info().timezone);
  };
  const notifying = <T, E extends string>(roundId: number | null, result: Result<T, E>): Result<T, E> => {
    if (result.ok) changed(roundId);
    return result;
  };
  const round = (db: Db, roundId: number) => {
    const row = getRoundRow(db, roundId);
    return row ? ok(roundDetail(db, row).round) : err('not_found' as const, NO_ROUND);
  };
  const station = (db: Db, caller: Caller, typed: string | undefined) =>
    typed ?? (caller.deviceId ? (getDevice(db, caller.deviceId)?.name ?? 'Identity station') : 'Main station');
  const boothOf = (caller: Caller) => (caller.deviceId ? ok(caller.deviceId) : err('not_found' as const, NOT_A_BOOTH));

  return {
    'voting.rounds.list': () => withWs((ws) => ok(listRounds(ws.db))),
    'voting.rounds.get': ({ roundId }) =>
      withWs((ws) => {
        const row = getRoundRow(ws.db, roundId);
        return row ? ok(roundDetail(ws.db, row)) : err('not_found', NO_ROUND);
      }),
    'voting.rounds.create': (input) => withWs((ws) => notifying(null, createRound(ws.db, input, now()))),
    'voting.rounds.open': ({ roundId }) => withWs((ws) => notifying(roundId, openRound(ws.db, roundId, now()))),
    'voting.rounds.close': ({ roundId }) => withWs((ws) => notifying(roundId, closeRound(ws.db, roundId, now()))),
    'voting.rounds.archive': ({ roundId }) => withWs((ws) => notifying(roundId, archiveRound(ws.db, roundId, now()))),
    'voting.rounds.remove': ({ roundId }) => withWs((ws) => notifying(null, removeRound(ws.db, roundId))),
    'voting.turnout': () =>
      withWs((ws): Result<MethodOutput<'voting.turnout'>, never> => {
        const row = currentRound(ws.db);
        if (!row) return ok({ round: null, electionTitle: null, turnout: null });
        const detail = roundDetail(ws.db, row);
        return ok({ round: detail.round, electionTitle: detail.electionTitle, turnout: detail.turnout });
      }),
    'voting.voters.lookup': ({ roundId, code }) =>
      withWs((ws, tz): Result<MethodOutput<'voting.voters.lookup'>, 'not_found' | 'no_key'> => {
        const r = round(ws.db, roundId);
        if (!r.ok) return r;
        const keys = badgeKeysFor(ws);
        if (!keys.ok) return keys;
        const verdict = verifyBadge(ws.db, keys.value, code, tz);
        if (!verdict.valid) return ok({ found: false, reason: verdict.reason, message: verdict.message });
        const card = voterCardById(ws.db, r.value, verdict.participantId, tz);
        return card ? ok({ found: true, voter: card }) : ok({ found: false, reason: 'unknown_participant', message: 'This badge is genuine, but its holder is no longer registered.' });
      }),
    'voting.voters.search': ({ roundId, query, limit }) =>
      withWs((ws, tz) => {
        const r = round(ws.db, roundId);
        return r.ok ? ok(searchVoters(ws.db, r.value, query, limit, tz)) : r;
      }),
    'voting.issue': ({ roundId, participantId, station: typed }, caller) =>
      withWs((ws, tz) => notifying(roundId, issueBallot(ws.db, { roundId, participantId, station: station(ws.db, caller, typed) }, now(), tz))),
    'voting.issuances.list': ({ roundId }) =>
      withWs((ws, tz) => (getRoundRow(ws.db, roundId) ? ok(listIssuances(ws.db, roundId, tz)) : err('not_found', NO_ROUND))),
    'voting.cancel': (input) =>
      withWs((ws, tz) => {
        const result = cancelIssuance(ws.db, input, now(), tz);
        return notifying(result.ok ? result.value.roundId : null, result);
      }),
    'voting.booths.list': () => withWs((ws) => ok(listBooths(ws.db, isOnline))),
    'voting.booths.assign': ({ issuanceId, deviceId }) =>
      withWs((ws, tz) => {
        const result = assignBooth(ws.db, issuanceId, deviceId, now(), tz);
        return notifying(result.ok ? result.value.roundId : null, result);
      }),
    'voting.booths.release': ({ deviceId }) =>
      withWs((ws) => {
        if (!getDevice(ws.db, deviceId)) return err('not_found', 'That booth is not paired to this event.');
        const released = releaseBooth(ws.db, deviceId);
        if (released) changed(null);
        return ok({ released });
      }),
    'voting.booth.current': (_input, caller) =>
      withWs((ws) => {
        const booth = boothOf(caller);
        return booth.ok ? ok(boothBallot(ws.db, booth.value)) : booth;
      }),
    'voting.booth.claim': ({ code }, caller) =>
      withWs((ws, tz): Result<MethodOutput<'voting.booth.claim'>, Exclude<MethodErrorCode<'voting.booth.claim'>, 'no_event'>> => {
        const booth = boothOf(caller);
        if (!booth.ok) return booth;
        const keys = badgeKeysFor(ws);
        if (!keys.ok) return keys;
        const verdict = verifyBadge(ws.db, keys.value, code, tz);
        if (!verdict.valid) return err('bad_badge', `${verdict.message} Please ask the presenter.`);
        const result = claimAtBooth(ws.db, booth.value, verdict.participantId, now(), tz);
        return notifying(null, result);
      }),
    'voting.booth.cast': ({ token, selections }, caller) =>
      withWs((ws) => {
        if (!caller.deviceId) return err('no_ballot', NOT_A_BOOTH);
        return notifying(null, castBallot(ws.db, caller.deviceId, token, selections));
      }),
  };
}
