import { err, ok, type Result } from '../../contract';
import type { Db } from '../db/connection';
import { getEventSummary } from '../events/event_store';
import { listElections } from '../elections/election_store';
import { listCategories, listDelegations, listParticipants } from '../participants/participant_store';
import { listSessions } from '../programme/session_store';
import type { ApiHandlers } from './dispatch';
import type { HostSession } from './host_session';

/** The running build's version, shown by `health` and the about box. */
export interface BuildInfo {
  readonly version: string;
}

/**
 * Builds every method's implementation over the host session. `satisfies ApiHandlers`
 * makes a method missing from here, or drifting from the contract, a type error.
 */
export function buildHandlers(session: HostSession, build: BuildInfo): ApiHandlers {
  /** Runs a read against the open event, or answers `no_event`. */
  function withEvent<T>(read: (db: Db) => T): Result<T, 'no_event'> {
    const ws = session.current;
    if (!ws) return err('no_event', 'No event is open. Open or create an event first.');
    return ok(read(ws.db));
  }

  return {
    health: () => {
      const ws = session.current;
      const info = ws?.info();
      return ok({ version: build.version, event: info ? { id: info.id, name: info.name } : null });
    },
    'event.current': () => {
      const ws = session.current;
      return ws ? ok(ws.info()) : err('no_event', 'No event is open. Open or create an event first.');
    },
    'event.summary': () => withEvent(getEventSummary),
    'event.list': () => {
      const currentId = session.current?.manifest.eventId;
      return ok(
        session.home.listEvents().map((e) => ({
          id: e.id,
          name: e.name,
          startDate: e.startDate,
          endDate: e.endDate,
          isDemo: e.isDemo,
          current: e.id === currentId,
          folderName: e.dir.split(/[\\/]/u).pop() ?? '',
        })),
      );
    },
    'event.create': (input) => {
      const created = session.create(input);
      return created.ok ? created : err('read_only', created.error.message);
    },
    'event.open': (input) => session.open(input.id),
    'participants.list': (input) => withEvent((db) => listParticipants(db, input)),
    'delegations.list': () => withEvent(listDelegations),
    'categories.list': () => withEvent(listCategories),
    'sessions.list': () => withEvent(listSessions),
    'elections.list': () => withEvent(listElections),
  } satisfies ApiHandlers;
}
