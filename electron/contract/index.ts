/**
 * The API contract: every method the host serves, declared once. The renderer, the IPC and
 * HTTP transports, the CLI's `contract --json` and the dispatcher all read this object.
 */
import type { z } from 'zod';
import type { MethodSpec } from './basics/method';
import type { Result } from './basics/result';
import type { TransportErrorCode } from './basics/errors';
import { EVENT_METHODS } from './methods/event';
import { PARTICIPANT_METHODS } from './methods/participants';
import { PROGRAMME_METHODS } from './methods/programme';
import { ELECTION_METHODS } from './methods/elections';
import { IMPORT_METHODS } from './methods/import';
import { DEVICE_METHODS } from './methods/devices';
import { BADGE_METHODS } from './methods/badges';
import { CHECKIN_METHODS } from './methods/checkin';
import { VOTING_METHODS } from './methods/voting';
import { BACKUP_METHODS } from './methods/backup';
import { PHOTO_METHODS } from './methods/photos';
import { COUNT_METHODS } from './methods/count';

// Each feature declares its own method map; a new feature adds one line here.
export const API = {
  ...EVENT_METHODS,
  ...PARTICIPANT_METHODS,
  ...PROGRAMME_METHODS,
  ...ELECTION_METHODS,
  ...IMPORT_METHODS,
  ...DEVICE_METHODS,
  ...BADGE_METHODS,
  ...CHECKIN_METHODS,
  ...VOTING_METHODS,
  ...BACKUP_METHODS,
  ...PHOTO_METHODS,
  ...COUNT_METHODS,
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
export * from './methods/devices';
export * from './methods/badges';
export * from './methods/import';
export * from './methods/checkin';
export * from './methods/voting';
export * from './methods/backup';
export * from './methods/photos';
export * from './methods/count';
export * from './push';
