import { err, ok, type Result } from '../../../contract';
import { badgeKeysFor } from '../../badges';
import {
  buildDashboard,
  buildDeskSnapshot,
  buildRollCall,
  checkinStatus,
  EventClosedError,
  exportAttendance,
  groupCommitFor,
  recentScans,
  recordScan,
  syncOfflineScans,
  undoCheckIn,
  type Desk,
  type ScanContext,
} from '../../checkin';
import type { Db } from '../../db/connection';
import { ExportChunks } from '../../participants';
import { createSession, deleteSession, getSession, updateSession } from '../../programme';
import type { EventWorkspace } from '../../workspace/event_workspace';
import type { Caller } from '../caller';
import { withEvent, type FeatureHandlers, type HandlerContext } from './handler_kit';

type CheckinMethod =
  | 'checkin.scan'
  | 'checkin.undo'
  | 'checkin.checkout'
  | 'checkin.status'
  | 'checkin.recent'
  | 'checkin.dashboard'
  | 'checkin.rollCall'
  | 'checkin.sync'
  | 'checkin.snapshot'
  | 'checkin.export'
  | 'checkin.exportChunk'
  | 'sessions.create'
  | 'sessions.update'
  | 'sessions.delete';

const NO_EVENT = 'No event is open. Open or create an event first.';
const NO_SESSION = 'This session is no longer in the programme: choose the session again.';

/** Which desk a caller is: a paired device by its id and name, the host's own screens as "Host". */
export function deskOf(db: Db, caller: Caller): Desk {
  if (!caller.deviceId) return { deskId: 'host', deskName: 'Host' };
  const row = db.prepare('SELECT name FROM device WHERE id = ?').get(caller.deviceId) as { name: string } | undefined;
  return { deskId: caller.deviceId, deskName: row?.name ?? caller.deviceId };
}

/** What every scan needs to know of the open event. */
function scanContext(ws: EventWorkspace, caller: Caller): ScanContext {
  const info = ws.info();
  const keys = badgeKeysFor(ws);
  return { desk: deskOf(ws.db, caller), now: new Date().toISOString(), keys: keys.ok ? keys.value : null, timezone: info.timezone, eventLanguages: info.languages };
}

/**
 * Check-in at desks and doors, the dashboards, offline sync, records; and programme editing
 * (the sessions check-in happens at). Check-in writes share a group commit (concurrent desks,
 * one fsync); every accepted write is committed before the answer and then announced on
 * `checkin.changed` (or `data.changed` for the programme), so every screen refreshes within
 * a second.
 */
export function checkinHandlers({ session }: HandlerContext): FeatureHandlers<CheckinMethod> {
  const exports = new ExportChunks();
  const noEvent = () => err('no_event', NO_EVENT);
  const changed = (sessionId: number | null, participantId: number | null) => session.bus.publish('checkin.changed', { sessionId, participantId });
  const programmeChanged = <T, E extends string>(result: Result<T, E>): Result<T, E> => {
    if (result.ok) session.bus.publish('data.changed', { scope: 'programme' });
    return result;
  };
  return {
    'checkin.scan': async (input, caller) => {
      const ws = session.current;
      if (!ws) return noEvent();
      const ctx = scanContext(ws, caller);
      const result = await grouped(ws, () => recordScan(ws.db, input, ctx));
      if (result.ok && !result.value.replay) changed(input.sessionId, result.value.person?.participantId ?? null);
      return result;
    },
    'checkin.checkout': async (input, caller) => {
      const ws = session.current;
      if (!ws) return noEvent();
      const ctx = scanContext(ws, caller);
      const result = await grouped(ws, () => recordScan(ws.db, { ...input, source: 'manual', action: 'checkout' }, ctx));
      if (!result.ok) {
        // A check-out names a person, never a code, so the badge key is never needed.
        if (result.error.code === 'no_key') throw new Error('a check-out by participant asked for the badge key');
        return err(result.error.code, result.error.message);
      }
      if (!result.value.replay) changed(input.sessionId, input.participantId);
      return result;
    },
    'checkin.undo': async ({ attendanceId, reason }, caller) => {
      const ws = session.current;
      if (!ws) return noEvent();
      const desk = deskOf(ws.db, caller);
      const now = new Date().toISOString();
      const result = await grouped(ws, () => undoCheckIn(ws.db, attendanceId, reason, desk.deskName, now));
      if (result.ok) changed(result.value.sessionId, result.value.participantId);
      return result;
    },
    'checkin.status': ({ participantId, sessionId }) => {
      const ws = session.current;
      if (!ws) return noEvent();
      if (!ws.db.prepare('SELECT 1 FROM participant WHERE id = ?').get(participantId)) return err('not_found', 'This person is no longer on the list.');
      return ok(checkinStatus(ws.db, participantId, sessionId));
    },
    'checkin.recent': ({ sessionId, ownDesk, limit }, caller) =>
      withEvent(session, (db) => recentScans(db, { sessionId, limit, deskId: ownDesk ? deskOf(db, caller).deskId : undefined })),
    'checkin.dashboard': ({ sessionId, bucketMinutes }) => {
      const ws = session.current;
      if (!ws) return noEvent();
      const scope = sessionId === null ? null : getSession(ws.db, sessionId);
      if (sessionId !== null && !scope) return err('not_found', NO_SESSION);
      return ok(buildDashboard(ws.db, scope, bucketMinutes, new Date().toISOString()));
    },
    'checkin.rollCall': ({ sessionId }) => {
      const ws = session.current;
      if (!ws) return noEvent();
      const scope = getSession(ws.db, sessionId);
      return scope ? ok(buildRollCall(ws.db, scope, new Date().toISOString())) : err('not_found', NO_SESSION);
    },
    'checkin.sync': async ({ scans }, caller) => {
      const ws = session.current;
      if (!ws) return noEvent();
      const ctx = scanContext(ws, caller);
      const result = await grouped(ws, () => syncOfflineScans(ws.db, scans, ctx));
      if (result.ok && result.value.recorded > 0) changed(null, null);
      return result;
    },
    'checkin.snapshot': () => {
      const ws = session.current;
      if (!ws) return noEvent();
      const keys = badgeKeysFor(ws);
      if (!keys.ok) return keys;
      const info = ws.info();
      return ok(buildDeskSnapshot(ws.db, keys.value, { eventId: info.id, name: info.name, timezone: info.timezone, languages: info.languages }, new Date().toISOString()));
    },
    'checkin.export': async ({ report, sessionId, format }) => {
      const ws = session.current;
      if (!ws) return noEvent();
      const scope = sessionId === null ? null : getSession(ws.db, sessionId);
      if (sessionId !== null && !scope) return err('not_found', NO_SESSION);
      const info = ws.info();
      let built;
      try {
        built = await exportAttendance(ws.db, { report, session: scope, format }, info, new Date());
      } catch (error) {
        return err('unavailable', (error as Error).message.split('\n')[0] ?? 'The file could not be made.');
      }
      const { exportId, chunkCount } = exports.put(built.bytes);
      return ok({ exportId, chunkCount, fileName: built.fileName, mimeType: built.mimeType, byteLength: built.bytes.length, rowCount: built.rowCount });
    },
    'checkin.exportChunk': ({ exportId, index }) => exports.chunk(exportId, index),
    'sessions.create': (fields) => withEventResult(session.current, (db) => programmeChanged(createSession(db, fields))),
    'sessions.update': ({ id, fields }) => withEventResult(session.current, (db) => programmeChanged(updateSession(db, id, fields))),
    'sessions.delete': ({ id }) => withEventResult(session.current, (db) => programmeChanged(deleteSession(db, id))),
  };
}

/**
 * Runs a check-in write in the event's group commit (see group_commit.ts): concurrent writes
 * from many desks share one durable COMMIT, and the answer comes only after it. An event
 * closed before the batch ran answers `no_event` (nothing was written).
 */
async function grouped<T, E extends string>(ws: EventWorkspace, work: () => Result<T, E>): Promise<Result<T, E | 'no_event'>> {
  try {
    return await groupCommitFor(ws.db).run(work);
  } catch (error) {
    if (error instanceof EventClosedError) return err('no_event', 'The event was closed before this scan was recorded. Open the event and scan again.');
    throw error;
  }
}

/** Runs work that returns a Result on the open event, or answers `no_event`. */
function withEventResult<T, E extends string>(ws: EventWorkspace | null, work: (db: Db) => Result<T, E>): Result<T, E | 'no_event'> {
  return ws ? work(ws.db) : err('no_event', NO_EVENT);
}
