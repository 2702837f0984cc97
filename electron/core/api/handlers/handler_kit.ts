import { err, ok, type MethodName, type Result } from '../../../contract';
import type { Db } from '../../db/connection';
import type { ApiHandlers } from '../dispatch';
import type { HostSession } from '../host_session';

/** The handlers one feature provides: a slice of the whole API, typed by method name. */
export type FeatureHandlers<M extends MethodName> = Pick<ApiHandlers, M>;

/** What every feature's handlers are built from. */
export interface HandlerContext {
  readonly session: HostSession;
  readonly build: { readonly version: string };
}

/** Runs a read or write against the open event, or answers `no_event`. */
export function withEvent<T>(session: HostSession, work: (db: Db) => T): Result<T, 'no_event'> {
  const ws = session.current;
  if (!ws) return err('no_event', 'No event is open. Open or create an event first.');
  return ok(work(ws.db));
}
