/**
 * Results cross every boundary instead of thrown errors (the vxsuite rule): a failure
 * the caller is expected to handle is a value, a throw means a bug.
 */
export interface ApiError<C extends string = string> {
  readonly code: C;
  readonly message: string;
}

export interface Ok<T> {
  readonly ok: true;
  readonly value: T;
}

export interface Err<C extends string = string> {
  readonly ok: false;
  readonly error: ApiError<C>;
}

export type Result<T, C extends string = string> = Ok<T> | Err<C>;

/** Wraps a value as a success. */
export function ok<T>(value: T): Ok<T> {
  return { ok: true, value };
}

/** Wraps an error code and a human message as a failure. */
export function err<C extends string>(code: C, message: string): Err<C> {
  return { ok: false, error: { code, message } };
}

/** Marks a switch as exhaustive: the compiler proves this is never reached. */
export function throwIllegalValue(value: never): never {
  throw new Error(`Illegal value: ${String(value)}`);
}
