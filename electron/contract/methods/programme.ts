import { z } from 'zod';
import { defineMethod } from '../basics/method';
import { STAFF_ROLES } from '../basics/roles';
import { IsoDateSchema, LocalTimeSchema, RowIdSchema, lineText } from '../basics/primitives';

export const SessionTypeSchema = z.enum([
  'lecture',
  'forum',
  'site_visit',
  'polling_station_visit',
  'cultural_tour',
  'experience_room',
  'ceremony',
]);
export type SessionType = z.infer<typeof SessionTypeSchema>;

/** Who a session expects; stored as JSON and re-validated when read back. */
export const ExpectedAudienceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('delegations'), delegationIds: z.array(RowIdSchema) }),
  z.object({ kind: z.literal('list'), participantIds: z.array(RowIdSchema) }),
]);
export type ExpectedAudience = z.infer<typeof ExpectedAudienceSchema>;

export const ProgrammeSessionSchema = z.object({
  id: RowIdSchema,
  title: lineText(200),
  type: SessionTypeSchema,
  day: IsoDateSchema,
  startsAt: LocalTimeSchema,
  endsAt: LocalTimeSchema,
  venue: z.string(),
  expected: ExpectedAudienceSchema,
  expectedCount: z.number().int().nonnegative(),
});
export type ProgrammeSession = z.infer<typeof ProgrammeSessionSchema>;

export const sessionsList = defineMethod({
  summary: 'The programme of the open event, by day and start time.',
  input: z.object({}),
  output: z.array(ProgrammeSessionSchema),
  errors: ['no_event'],
  roles: STAFF_ROLES,
});

/** The programme methods, keyed by their API names. */
export const PROGRAMME_METHODS = { 'sessions.list': sessionsList } as const;
