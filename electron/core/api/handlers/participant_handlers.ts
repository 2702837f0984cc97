import { err, ok, type ParticipantFilter, type Result } from '../../../contract';
import type { Db } from '../../db/connection';
import {
  buildExport,
  createParticipant,
  deleteCategory,
  deleteDelegation,
  ExportChunks,
  getParticipant,
  lastChange,
  listCategories,
  listDelegations,
  listParticipants,
  mergeParticipants,
  participantFacets,
  reorderDelegations,
  saveCategory,
  saveDelegation,
  setHead,
  setParticipantStatus,
  undoChange,
  updateParticipant,
  warmSearchIndex,
} from '../../participants';
import type { Caller } from '../caller';
import { withEvent, type FeatureHandlers, type HandlerContext } from './handler_kit';

type ParticipantMethod =
  | 'participants.list'
  | 'participants.get'
  | 'participants.facets'
  | 'participants.create'
  | 'participants.update'
  | 'participants.setStatus'
  | 'participants.merge'
  | 'participants.lastChange'
  | 'participants.undo'
  | 'participants.export'
  | 'participants.exportChunk'
  | 'delegations.list'
  | 'delegations.save'
  | 'delegations.setHead'
  | 'delegations.reorder'
  | 'delegations.delete'
  | 'categories.list'
  | 'categories.save'
  | 'categories.delete';

/** Whose undo a change joins: each paired device its own, the host's screens together. */
function actorOf(caller: Caller): string {
  return caller.deviceId ?? caller.role;
}

/** People, delegations and categories of the open event: search, edit, undo, export. */
export function participantHandlers({ session }: HandlerContext): FeatureHandlers<ParticipantMethod> {
  const now = () => new Date().toISOString();
  const exports = new ExportChunks();
  // The search index is built when an event opens, in the background, not on the first keystroke.
  if (session.current) warmSearchIndex(session.current.db);
  session.bus.subscribe((message) => {
    if (message.topic === 'event.changed' && session.current) warmSearchIndex(session.current.db);
  });
  const noEvent = () => err('no_event', 'No event is open. Open or create an event first.');
  /** Runs a write on the open event; on success every screen is told to refresh its people. */
  const write = <T, E extends string>(work: (db: Db) => Result<T, E>): Result<T, E | 'no_event'> => {
    const ws = session.current;
    if (!ws) return noEvent();
    const result = work(ws.db);
    if (result.ok) session.bus.publish('data.changed', { scope: 'participants' });
    return result;
  };
  /**
   * A merge (or its undo) moves check-ins and ballot issues between records: desks and
   * dashboards recount, and the identity station re-reads who holds a ballot.
   */
  const recordsMoved = <T extends Result<unknown, string>>(result: T): T => {
    if (result.ok) {
      session.bus.publish('checkin.changed', { sessionId: null, participantId: null });
      session.bus.publish('voting.changed', { roundId: null });
    }
    return result;
  };
  return {
    'participants.list': (input) => withEvent(session, (db) => listParticipants(db, input)),
    'participants.get': (input) => {
      const ws = session.current;
      if (!ws) return noEvent();
      const p = getParticipant(ws.db, input.id);
      return p ? ok(p) : err('not_found', 'This person is no longer on the list.');
    },
    'participants.facets': () => withEvent(session, participantFacets),
    'participants.create': (input, caller) => write((db) => createParticipant(db, input.fields, { actor: actorOf(caller), now: now() })),
    'participants.update': (input, caller) =>
      write((db) => updateParticipant(db, input.id, input.expectedUpdatedAt, input.fields, { actor: actorOf(caller), now: now() })),
    'participants.setStatus': (input, caller) =>
      write((db) => setParticipantStatus(db, input.id, input.expectedUpdatedAt, input.status, { actor: actorOf(caller), now: now() })),
    'participants.merge': (input, caller) => recordsMoved(write((db) => mergeParticipants(db, input, { actor: actorOf(caller), now: now() }))),
    'participants.lastChange': (_input, caller) => withEvent(session, (db) => lastChange(db, actorOf(caller))),
    'participants.undo': (input, caller) => recordsMoved(write((db) => undoChange(db, input.changeId, actorOf(caller), now()))),
    'participants.export': async (input) => {
      const ws = session.current;
      if (!ws) return noEvent();
      const { format, ...filter } = input;
      const built = await buildExport(ws.db, filter satisfies ParticipantFilter, format, now().slice(0, 10));
      const { exportId, chunkCount } = exports.put(built.bytes);
      return ok({ exportId, chunkCount, fileName: built.fileName, mimeType: built.mimeType, byteLength: built.bytes.length, rowCount: built.rowCount });
    },
    'participants.exportChunk': (input) => exports.chunk(input.exportId, input.index),
    'delegations.list': () => withEvent(session, listDelegations),
    'delegations.save': (input) => write((db) => saveDelegation(db, input)),
    'delegations.setHead': (input) => write((db) => setHead(db, input.delegationId, input.participantId, now())),
    'delegations.reorder': (input) => write((db) => reorderDelegations(db, input.ids)),
    'delegations.delete': (input) => write((db) => deleteDelegation(db, input.id)),
    'categories.list': () => withEvent(session, listCategories),
    'categories.save': (input) => write((db) => ok(saveCategory(db, input))),
    'categories.delete': (input) => write((db) => deleteCategory(db, input.code)),
  };
}
