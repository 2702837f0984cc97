import { z } from 'zod';
import { defineMethod } from '../basics/method';
import { STAFF_ROLES, type CallerRole } from '../basics/roles';
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
  /** Entering this session checks people out of these (moving from the plenary to a breakout). */
  checksOutOf: z.array(RowIdSchema),
  /** Check-ins recorded at this session's door (undone ones not counted). */
  checkInCount: z.number().int().nonnegative(),
});
export type ProgrammeSession = z.infer<typeof ProgrammeSessionSchema>;

/** What staff edit about a session; validated here and again by the host against the event. */
export const SessionFieldsSchema = z
  .object({
    title: lineText(200).refine((s) => s.length > 0, 'give the session a title'),
    type: SessionTypeSchema,
    day: IsoDateSchema,
    startsAt: LocalTimeSchema,
    endsAt: LocalTimeSchema,
    venue: lineText(200),
    expected: ExpectedAudienceSchema,
    checksOutOf: z.array(RowIdSchema).max(50).default([]),
  })
  .refine((s) => s.endsAt > s.startsAt, { message: 'the session must end after it starts', path: ['endsAt'] });
export type SessionFields = z.output<typeof SessionFieldsSchema>;

export const sessionsList = defineMethod({
  summary: 'The programme of the open event, by day and start time.',
  input: z.object({}),
  output: z.array(ProgrammeSessionSchema),
  errors: ['no_event'],
  roles: STAFF_ROLES,
});

/** Who may edit the programme: the host's own window. */
const PROGRAMME_WRITE_ROLES: readonly CallerRole[] = ['admin'];

export const sessionsCreate = defineMethod({
  summary: 'Adds a session to the programme (day within the event, times, venue, type, who is expected).',
  input: SessionFieldsSchema,
  output: ProgrammeSessionSchema,
  errors: ['no_event', 'invalid_session'],
  roles: PROGRAMME_WRITE_ROLES,
});

export const sessionsUpdate = defineMethod({
  summary: 'Changes a session; check-ins already recorded at its door are kept.',
  input: z.object({ id: RowIdSchema, fields: SessionFieldsSchema }),
  output: ProgrammeSessionSchema,
  errors: ['no_event', 'not_found', 'invalid_session'],
  roles: PROGRAMME_WRITE_ROLES,
});

export const sessionsDelete = defineMethod({
  summary: 'Removes a session that has no check-ins recorded (its records would lose their session).',
  input: z.object({ id: RowIdSchema }),
  output: z.object({ id: RowIdSchema }),
  errors: ['no_event', 'not_found', 'in_use'],
  roles: PROGRAMME_WRITE_ROLES,
});

/** The programme methods, keyed by their API names. */
export const PROGRAMME_METHODS = {
  'sessions.list': sessionsList,
  'sessions.create': sessionsCreate,
  'sessions.update': sessionsUpdate,
  'sessions.delete': sessionsDelete,
} as const;
