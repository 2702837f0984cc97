/**
 * The API contract: every method the host serves, declared once. The renderer, the IPC and
 * HTTP transports, the CLI's `contract --json` and the dispatcher all read this object.
 */
import type { z } from 'zod';
import type { MethodSpec } from './basics/method';
import type { Result } from './basics/result';
import type { TransportErrorCode } from './basics/errors';
import { health, eventCurrent, eventSummary, eventList, eventCreate, eventOpen } from './methods/event';
import { participantsList, delegationsList, categoriesList } from './methods/participants';
import { sessionsList } from './methods/programme';
import { electionsList } from './methods/elections';

export const API = {
  health,
  'event.current': eventCurrent,
  'event.summary': eventSummary,
  'event.list': eventList,
  'event.create': eventCreate,
  'event.open': eventOpen,
  'participants.list': participantsList,
  'delegations.list': delegationsList,
  'categories.list': categoriesList,
  'sessions.list': sessionsList,
  'elections.list': electionsList,
} as const satisfies Record<string, MethodSpec>;

export type Api = typeof API;
export type MethodName = keyof Api;
/** What a caller passes (defaults may be left out). */
export type MethodInput<M extends MethodName> = z.input<Api[M]['input']>;
/** What the handler receives after validation (defaults filled in). */
export type MethodParsedInput<M extends MethodName> = z.output<Api[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Api[M]['output']>;
export type MethodErrorCode<M extends MethodName> = Api[M]['errors'][number] | TransportErrorCode;
export type MethodResult<M extends MethodName> = Result<MethodOutput<M>, MethodErrorCode<M>>;

/** Narrows a string to a known method name. */
export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(API, name);
}

export * from './basics/result';
export * from './basics/roles';
export * from './basics/errors';
export * from './basics/method';
export * from './basics/primitives';
export * from './methods/event';
export * from './methods/participants';
export * from './methods/programme';
export * from './methods/elections';
export * from './push';
