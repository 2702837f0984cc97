import { z } from 'zod';
import { defineMethod } from '../basics/method';
import { STAFF_ROLES } from '../basics/roles';
import {
  ColourSchema,
  CountryCodeSchema,
  LanguageCodeSchema,
  PageInputSchema,
  RowIdSchema,
  ScriptLangSchema,
  lineText,
  multilineText,
} from '../basics/primitives';

export const ParticipantStatusSchema = z.enum(['registered', 'cancelled']);

export const CategorySchema = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]{0,31}$/u),
  name: lineText(60).min(1),
  colour: ColourSchema,
  sortOrder: z.number().int(),
});
export type Category = z.infer<typeof CategorySchema>;

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
});
export type Participant = z.infer<typeof ParticipantSchema>;

export const ListParticipantsInputSchema = PageInputSchema.extend({
  query: lineText(200).default(''),
  categoryCode: z.string().max(32).optional(),
  delegationId: RowIdSchema.optional(),
  status: ParticipantStatusSchema.optional(),
});

export const DelegationSchema = z.object({
  id: RowIdSchema,
  name: z.string(),
  country: CountryCodeSchema.nullable(),
  headParticipantId: RowIdSchema.nullable(),
  headName: z.string().nullable(),
  protocolOrder: z.number().int(),
  memberCount: z.number().int().nonnegative(),
});
export type Delegation = z.infer<typeof DelegationSchema>;

export const participantsList = defineMethod({
  summary: 'Participants of the open event, filtered and paged, in protocol order.',
  input: ListParticipantsInputSchema,
  output: z.object({ total: z.number().int().nonnegative(), items: z.array(ParticipantSchema) }),
  errors: ['no_event'],
  roles: STAFF_ROLES,
});

export const delegationsList = defineMethod({
  summary: 'Delegations of the open event with their heads and member counts.',
  input: z.object({}),
  output: z.array(DelegationSchema),
  errors: ['no_event'],
  roles: STAFF_ROLES,
});

export const categoriesList = defineMethod({
  summary: 'Participant categories with their colours.',
  input: z.object({}),
  output: z.array(CategorySchema),
  errors: ['no_event'],
  roles: STAFF_ROLES,
});

/** The participant methods, keyed by their API names. */
export const PARTICIPANT_METHODS = {
  'participants.list': participantsList,
  'delegations.list': delegationsList,
  'categories.list': categoriesList,
} as const;

/** Free text notes are kept out of list views on purpose; this schema is reused by later issues. */
export const StaffNotesSchema = multilineText(2000);
