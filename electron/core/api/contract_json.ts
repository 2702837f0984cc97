import { z } from 'zod';
import { API, TRANSPORT_ERROR_CODES } from '../../contract';

/** One method as the API's own documentation shows it. */
export interface MethodDoc {
  name: string;
  summary: string;
  roles: readonly string[];
  errors: readonly string[];
  input: unknown;
  output: unknown;
}

/**
 * The contract as JSON Schema, generated from the same zod schemas the dispatcher enforces,
 * so the documentation cannot drift from what the host accepts.
 */
export function contractAsJson(): { transportErrors: readonly string[]; methods: MethodDoc[] } {
  return {
    transportErrors: TRANSPORT_ERROR_CODES,
    methods: Object.entries(API).map(([name, spec]) => ({
      name,
      summary: spec.summary,
      roles: spec.roles,
      errors: spec.errors,
      input: z.toJSONSchema(spec.input, { io: 'input', unrepresentable: 'any' }),
      output: z.toJSONSchema(spec.output, { io: 'output', unrepresentable: 'any' }),
    })),
  };
}
