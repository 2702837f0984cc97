import { z } from 'zod';
import { defineMethod } from '../basics/method';
import { ANY_ROLE, STAFF_ROLES } from '../basics/roles';
import {
  ColourSchema,
  CountryCodeSchema,
  IsoDateSchema,
  LanguageCodeSchema,
  TimestampSchema,
  UuidSchema,
  lineText,
} from '../basics/primitives';

export const EventInfoSchema = z.object({
  id: UuidSchema,
  name: lineText(120).min(1),
  venue: lineText(200),
  city: lineText(120),
  hostCountry: CountryCodeSchema,
  startDate: IsoDateSchema,
  endDate: IsoDateSchema,
  timezone: lineText(64),
  /** Languages the event works in: ballots and participant-facing screens offer these. */
  languages: z.array(LanguageCodeSchema).min(1),
  isDemo: z.boolean(),
  createdAt: TimestampSchema,
  schemaVersion: z.number().int().positive(),
  /** The event folder's own name, to tell events apart; never a full path. */
  folderName: z.string(),
});
export type EventInfo = z.infer<typeof EventInfoSchema>;

export const CategoryCountSchema = z.object({
  code: z.string(),
  name: z.string(),
  colour: ColourSchema,
  count: z.number().int().nonnegative(),
});

export const EventSummarySchema = z.object({
  participants: z.number().int().nonnegative(),
  cancelled: z.number().int().nonnegative(),
  delegations: z.number().int().nonnegative(),
  countries: z.number().int().nonnegative(),
  sessions: z.number().int().nonnegative(),
  elections: z.number().int().nonnegative(),
  byCategory: z.array(CategoryCountSchema),
});
export type EventSummary = z.infer<typeof EventSummarySchema>;

export const EventListItemSchema = z.object({
  id: UuidSchema,
  name: z.string(),
  startDate: IsoDateSchema,
  endDate: IsoDateSchema,
  isDemo: z.boolean(),
  current: z.boolean(),
  folderName: z.string(),
});
export type EventListItem = z.infer<typeof EventListItemSchema>;

export const CreateEventInputSchema = z
  .object({
    name: lineText(120).min(1, 'an event needs a name'),
    venue: lineText(200).default(''),
    city: lineText(120).default(''),
    hostCountry: CountryCodeSchema.default('KR'),
    startDate: IsoDateSchema,
    endDate: IsoDateSchema,
    timezone: lineText(64).default('Asia/Seoul'),
    languages: z.array(LanguageCodeSchema).min(1).default(['en', 'ko']),
    /** Fill the new event with the made-up demo participants, programme and election. */
    withDemoData: z.boolean().default(false),
  })
  .refine((e) => e.endDate >= e.startDate, { message: 'the event ends before it starts', path: ['endDate'] });
export type CreateEventInput = z.infer<typeof CreateEventInputSchema>;

/** Why an event folder could not be opened; each has a message that says what to do. */
export const OPEN_EVENT_ERRORS = ['not_found', 'not_ours', 'newer_version', 'read_only', 'damaged'] as const;

export const health = defineMethod({
  summary: 'Whether the host answers, its version, and the open event. Needs no pairing.',
  input: z.object({}),
  output: z.object({
    version: z.string(),
    event: z.object({ id: UuidSchema, name: z.string() }).nullable(),
  }),
  errors: [],
  roles: ANY_ROLE,
});

export const eventCurrent = defineMethod({
  summary: 'The event this host has open.',
  input: z.object({}),
  output: EventInfoSchema,
  errors: ['no_event'],
  // The projector shows the event's name and dates above the results.
  roles: [...STAFF_ROLES, 'projector'],
});

export const eventSummary = defineMethod({
  summary: 'Counts for the open event: people by category, delegations, countries, sessions, elections.',
  input: z.object({}),
  output: EventSummarySchema,
  errors: ['no_event'],
  roles: STAFF_ROLES,
});

export const eventList = defineMethod({
  summary: 'Events this host knows: those in its events folder and those opened before.',
  input: z.object({}),
  output: z.array(EventListItemSchema),
  errors: [],
  roles: ['admin'],
});

export const eventCreate = defineMethod({
  summary: 'Creates an event in a new folder of the events folder and opens it.',
  input: CreateEventInputSchema,
  output: EventInfoSchema,
  errors: ['read_only'],
  roles: ['admin'],
});

export const eventOpen = defineMethod({
  summary: 'Switches the host to another known event (by id from event.list).',
  input: z.object({ id: UuidSchema }),
  output: EventInfoSchema,
  errors: OPEN_EVENT_ERRORS,
  roles: ['admin'],
});

/** The event methods, keyed by their API names. */
export const EVENT_METHODS = {
  health,
  'event.current': eventCurrent,
  'event.summary': eventSummary,
  'event.list': eventList,
  'event.create': eventCreate,
  'event.open': eventOpen,
} as const;
