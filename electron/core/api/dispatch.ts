import {
  API,
  err,
  isMethodName,
  ok,
  type MethodName,
  type MethodParsedInput,
  type MethodResult,
  type Result,
} from '../../contract';
import type { Caller } from './caller';

/** What every method's implementation looks like: validated input in, a Result out. */
export type ApiHandlers = {
  [M in MethodName]: (input: MethodParsedInput<M>, caller: Caller) => MethodResult<M> | Promise<MethodResult<M>>;
};

export type Dispatch = (caller: Caller, method: string, input: unknown) => Promise<Result<unknown>>;

export interface DispatchLog {
  error(message: string, details: { method: string; incident: string; error: unknown }): void;
}

/** Turns zod's issues into one line a person can act on. */
function describeIssues(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): string {
  return issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message))
    .join('; ');
}

let incidentCounter = 0;

/**
 * The one edge every transport calls. It checks the method exists, the caller's role may
 * call it, and the input matches the contract; then it runs the handler and checks the
 * output too. Anything thrown becomes `internal` with an incident number, never internals.
 */
export function createDispatcher(handlers: ApiHandlers, log: DispatchLog): Dispatch {
  return async (caller, method, input) => {
    if (!isMethodName(method)) {
      return err('unknown_method', `There is no API method called "${method.slice(0, 80)}".`);
    }
    const spec = API[method];
    if (!spec.roles.includes(caller.role)) {
      const who = caller.role === 'unpaired' ? 'A device that is not paired' : `A device in the ${caller.role} role`;
      return err('forbidden', `${who} may not call ${method}.`);
    }
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) {
      return err('invalid_input', `The request for ${method} is not valid: ${describeIssues(parsed.error.issues)}.`);
    }
    const incident = `${Date.now().toString(36)}-${(++incidentCounter).toString(36)}`;
    try {
      const handler = handlers[method] as (i: unknown, c: Caller) => Result<unknown> | Promise<Result<unknown>>;
      const result = await handler(parsed.data, caller);
      if (!result.ok) return result;
      const checked = spec.output.safeParse(result.value);
      if (!checked.success) {
        log.error('output failed the contract', { method, incident, error: checked.error.issues });
        return err('internal', `Something went wrong inside Delegate Desk (incident ${incident}).`);
      }
      return ok(checked.data);
    } catch (error) {
      log.error('handler threw', { method, incident, error });
      return err('internal', `Something went wrong inside Delegate Desk (incident ${incident}). Try again; if it repeats, restart the app.`);
    }
  };
}
