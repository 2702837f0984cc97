import { z } from 'zod';
import { defineMethod } from '../basics/method';
import { STAFF_ROLES } from '../basics/roles';
import { ColourSchema, LocalizedTextSchema, RowIdSchema } from '../basics/primitives';

export const ContestTypeSchema = z.enum(['plurality', 'vote_for_n', 'sntv', 'yes_no', 'ranked', 'party_list']);

export const BallotOptionSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/u),
  /** Symbol number printed on the ballot (기호); ballot order follows the definition. */
  symbol: z.number().int().positive(),
  name: LocalizedTextSchema,
  party: LocalizedTextSchema.nullable(),
  colour: ColourSchema,
});

export const ContestSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/u),
  title: LocalizedTextSchema,
  type: ContestTypeSchema,
  seats: z.number().int().min(1),
  ballotColour: ColourSchema,
  options: z.array(BallotOptionSchema).min(1),
});

/** An election as defined; stored as JSON and validated again whenever it is read back. */
export const ElectionDefinitionSchema = z.object({
  title: LocalizedTextSchema,
  /** The host-country process it follows, e.g. 'kr-presidential'. */
  template: z.string().max(60),
  contests: z.array(ContestSchema).min(1),
});
export type ElectionDefinition = z.infer<typeof ElectionDefinitionSchema>;

export const ElectionSchema = z.object({
  id: RowIdSchema,
  definition: ElectionDefinitionSchema,
  /** SHA-256 of the canonical definition, shown on reports as real systems do. */
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/u),
});
export type Election = z.infer<typeof ElectionSchema>;

export const electionsList = defineMethod({
  summary: 'The mock elections defined for the open event.',
  input: z.object({}),
  output: z.array(ElectionSchema),
  errors: ['no_event'],
  roles: [...STAFF_ROLES, 'projector'],
});

/** The election methods, keyed by their API names. */
export const ELECTION_METHODS = { 'elections.list': electionsList } as const;
