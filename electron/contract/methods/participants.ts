import { z } from 'zod';
import { defineMethod } from '../basics/method';
import { STAFF_ROLES, type CallerRole } from '../basics/roles';
import {
  CountryCodeSchema,
  LanguageCodeSchema,
  PageInputSchema,
  RowIdSchema,
  ScriptLangSchema,
  TimestampSchema,
  multilineText,
} from '../basics/primitives';
import { ParticipantFieldsSchema, ParticipantFilterSchema, ParticipantStatusSchema, RegistrationSourceSchema } from './participant_fields';
import { PARTICIPANT_GROUP_METHODS } from './participant_groups';
import { PARTICIPANT_EXPORT_METHODS } from './participant_export';

export * from './participant_fields';
export * from './participant_groups';
export * from './participant_export';

/** Who may change people: the host's own window and the check-in desks (walk-ins, fixes). */
export const PARTICIPANT_WRITE_ROLES: readonly CallerRole[] = ['admin', 'desk'];

export const ParticipantSchema = z.object({
  id: RowIdSchema,
  externalId: z.string().nullable(),
  title: z.string(),
  familyName: z.string(),
  givenName: z.string(),
  /** The name as written in the person's own script (김민준, محمد, Ольга). */
  nativeName: z.string(),
  /** Language/script of nativeName, so screens pick the right font and direction. */
  nativeNameLang: ScriptLangSchema.nullable(),
  displayName: z.string(),
  organisation: z.string(),
  position: z.string(),
  country: CountryCodeSchema.nullable(),
  delegationId: RowIdSchema.nullable(),
  delegationName: z.string().nullable(),
  categoryCode: z.string(),
  languages: z.array(LanguageCodeSchema),
  email: z.string(),
  phone: z.string(),
  notes: z.string(),
  status: ParticipantStatusSchema,
  /** Order within the delegation (the head first). */
  protocolOrder: z.number().int(),
  /** A file in the event's photos folder, or null. */
  photoFile: z.string().nullable(),
  registrationSource: RegistrationSourceSchema,
  createdAt: z.string(),
  /** Changes with every write; an edit sends back the value it started from (see conflict). */
  updatedAt: z.string(),
});
export type Participant = z.infer<typeof ParticipantSchema>;

export const ListParticipantsInputSchema = PageInputSchema.extend(ParticipantFilterSchema.shape);

/** A change made on the participants screen, as undo offers it. */
export const ParticipantChangeSchema = z.object({
  id: RowIdSchema,
  kind: z.enum(['create', 'update', 'cancel', 'restore', 'merge']),
  participantId: RowIdSchema,
  participantName: z.string(),
  changedAt: TimestampSchema,
});
export type ParticipantChange = z.infer<typeof ParticipantChangeSchema>;

/** A saved person, and the change made (null when the edit changed nothing). */
const WriteResultSchema = z.object({ participant: ParticipantSchema, change: ParticipantChangeSchema.nullable() });

export const participantsList = defineMethod({
  summary: 'Participants of the open event, filtered, ranked (with a query) or sorted, and paged.',
  input: ListParticipantsInputSchema,
  output: z.object({ total: z.number().int().nonnegative(), items: z.array(ParticipantSchema) }),
  errors: ['no_event'],
  roles: STAFF_ROLES,
});

export const participantsGet = defineMethod({
  summary: 'One participant, with staff notes.',
  input: z.object({ id: RowIdSchema }),
  output: ParticipantSchema,
  errors: ['no_event', 'not_found'],
  roles: STAFF_ROLES,
});

export const participantsFacets = defineMethod({
  summary: 'Counts for the list filters: countries present, statuses, walk-ins.',
  input: z.object({}),
  output: z.object({
    total: z.number().int().nonnegative(),
    cancelled: z.number().int().nonnegative(),
    walkIns: z.number().int().nonnegative(),
    countries: z.array(z.object({ code: CountryCodeSchema, count: z.number().int().positive() })),
  }),
  errors: ['no_event'],
  roles: STAFF_ROLES,
});

export const participantsCreate = defineMethod({
  summary: 'Adds a person who is not on the registration list (a walk-in).',
  input: z.object({ fields: ParticipantFieldsSchema }),
  output: WriteResultSchema,
  errors: ['no_event', 'invalid_reference', 'duplicate_external_id'],
  roles: PARTICIPANT_WRITE_ROLES,
});

export const participantsUpdate = defineMethod({
  summary: 'Saves an edit of a person; refused if someone changed them since `expectedUpdatedAt`.',
  input: z.object({ id: RowIdSchema, expectedUpdatedAt: z.string().max(40), fields: ParticipantFieldsSchema }),
  output: WriteResultSchema,
  errors: ['no_event', 'not_found', 'conflict', 'invalid_reference', 'duplicate_external_id'],
  roles: PARTICIPANT_WRITE_ROLES,
});

export const participantsSetStatus = defineMethod({
  summary: 'Cancels or restores a registration (nobody is ever deleted from the list).',
  input: z.object({ id: RowIdSchema, expectedUpdatedAt: z.string().max(40), status: ParticipantStatusSchema }),
  output: WriteResultSchema,
  errors: ['no_event', 'not_found', 'conflict'],
  roles: PARTICIPANT_WRITE_ROLES,
});

export const participantsMerge = defineMethod({
  summary: 'Merges a duplicate record into a person: empty details are taken from it, then it is removed (undo puts both back).',
  input: z.object({
    keepId: RowIdSchema,
    keepUpdatedAt: z.string().max(40),
    dropId: RowIdSchema,
    dropUpdatedAt: z.string().max(40),
  }),
  output: WriteResultSchema,
  errors: ['no_event', 'not_found', 'conflict', 'invalid_reference'],
  roles: ['admin'],
});

export const participantsLastChange = defineMethod({
  summary: 'The last change this device made that can still be undone, or null.',
  input: z.object({}),
  output: ParticipantChangeSchema.nullable(),
  errors: ['no_event'],
  roles: PARTICIPANT_WRITE_ROLES,
});

export const participantsUndo = defineMethod({
  summary: "Undoes this device's last change exactly; refused if the person changed again since.",
  input: z.object({ changeId: RowIdSchema }),
  output: z.object({ undone: ParticipantChangeSchema, participant: ParticipantSchema.nullable() }),
  errors: ['no_event', 'nothing_to_undo', 'conflict'],
  roles: PARTICIPANT_WRITE_ROLES,
});

/** The participant methods, keyed by their API names. */
export const PARTICIPANT_METHODS = {
  'participants.list': participantsList,
  'participants.get': participantsGet,
  'participants.facets': participantsFacets,
  'participants.create': participantsCreate,
  'participants.update': participantsUpdate,
  'participants.setStatus': participantsSetStatus,
  'participants.merge': participantsMerge,
  'participants.lastChange': participantsLastChange,
  'participants.undo': participantsUndo,
  ...PARTICIPANT_EXPORT_METHODS,
  ...PARTICIPANT_GROUP_METHODS,
} as const;

/** Free text notes are kept out of list views on purpose; this schema is reused by later issues. */
export const StaffNotesSchema = multilineText(2000);
