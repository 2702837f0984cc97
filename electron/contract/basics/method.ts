import type { z } from 'zod';
import type { CallerRole } from './roles';

/**
 * One API method, declared once: the dispatcher validates against it, the clients are typed
 * from it, and `delegate-desk contract --json` documents it.
 */
export interface MethodSpec<
  I extends z.ZodType = z.ZodType,
  O extends z.ZodType = z.ZodType,
  E extends string = string,
> {
  readonly summary: string;
  readonly input: I;
  readonly output: O;
  /** Expected failures this method may return, beyond the transport codes. */
  readonly errors: readonly E[];
  /** Roles allowed to call it; the dispatcher refuses everyone else with `forbidden`. */
  readonly roles: readonly CallerRole[];
}

/** Declares a method; the identity function keeps the literal types for inference. */
export function defineMethod<I extends z.ZodType, O extends z.ZodType, E extends string = never>(
  spec: MethodSpec<I, O, E>,
): MethodSpec<I, O, E> {
  return spec;
}
