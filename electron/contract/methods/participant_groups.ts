import { z } from 'zod';
import { defineMethod } from '../basics/method';
import { STAFF_ROLES } from '../basics/roles';
import { ColourSchema, CountryCodeSchema, RowIdSchema, lineText } from '../basics/primitives';
import { CategoryCodeSchema, KnownCountrySchema } from './participant_fields';

/**
 * Categories (delegate, observer, press…, each with its colour on badges and screens) and
 * delegations (a group with a head and a place in protocol order). Managed by the programme
 * officer on the host: admin only.
 */

export const CategorySchema = z.object({
  code: CategoryCodeSchema,
  name: lineText(60).min(1),
  colour: ColourSchema,
  sortOrder: z.number().int(),
});
export type Category = z.infer<typeof CategorySchema>;

export const DelegationSchema = z.object({
  id: RowIdSchema,
  name: z.string(),
  country: CountryCodeSchema.nullable(),
  headParticipantId: RowIdSchema.nullable(),
  headName: z.string().nullable(),
  protocolOrder: z.number().int(),
  /** Registered members (cancelled registrations are not counted). */
  memberCount: z.number().int().nonnegative(),
  /** Cancelled registrations of the delegation (absent from older callers' data: read as 0). */
  cancelledCount: z.number().int().nonnegative().optional(),
});
export type Delegation = z.infer<typeof DelegationSchema>;

export const delegationsList = defineMethod({
  summary: 'Delegations of the open event with their heads and member counts, in protocol order.',
  input: z.object({}),
  output: z.array(DelegationSchema),
  errors: ['no_event'],
  roles: STAFF_ROLES,
});

export const delegationsSave = defineMethod({
  summary: 'Adds a delegation (no id) or renames it / changes its country.',
  input: z.object({
    id: RowIdSchema.optional(),
    name: lineText(200).min(1),
    country: KnownCountrySchema.nullable(),
  }),
  output: DelegationSchema,
  errors: ['no_event', 'not_found', 'duplicate_name'],
  roles: ['admin'],
});

export const delegationsSetHead = defineMethod({
  summary: 'Names the head of a delegation (one of its members), or clears it.',
  input: z.object({ delegationId: RowIdSchema, participantId: RowIdSchema.nullable() }),
  output: DelegationSchema,
  errors: ['no_event', 'not_found', 'not_a_member'],
  roles: ['admin'],
});

export const delegationsReorder = defineMethod({
  summary: 'Sets the protocol order: the delegations in the order given come first, 1, 2, 3…',
  input: z.object({ ids: z.array(RowIdSchema).min(1).max(5000) }),
  output: z.array(DelegationSchema),
  errors: ['no_event', 'not_found'],
  roles: ['admin'],
});

export const delegationsDelete = defineMethod({
  summary: 'Removes an empty delegation; one with members (even cancelled) is refused.',
  input: z.object({ id: RowIdSchema }),
  output: z.object({ id: RowIdSchema }),
  errors: ['no_event', 'not_found', 'in_use'],
  roles: ['admin'],
});

export const categoriesList = defineMethod({
  summary: 'Participant categories with their colours.',
  input: z.object({}),
  output: z.array(CategorySchema),
  errors: ['no_event'],
  roles: STAFF_ROLES,
});

export const categoriesSave = defineMethod({
  summary: 'Adds a category or changes its name, colour or place in the list.',
  input: CategorySchema,
  output: z.array(CategorySchema),
  errors: ['no_event'],
  roles: ['admin'],
});

export const categoriesDelete = defineMethod({
  summary: 'Removes a category nobody is in; one in use is refused.',
  input: z.object({ code: CategoryCodeSchema }),
  output: z.array(CategorySchema),
  errors: ['no_event', 'not_found', 'in_use'],
  roles: ['admin'],
});

/** Category and delegation methods, keyed by their API names. */
export const PARTICIPANT_GROUP_METHODS = {
  'delegations.list': delegationsList,
  'delegations.save': delegationsSave,
  'delegations.setHead': delegationsSetHead,
  'delegations.reorder': delegationsReorder,
  'delegations.delete': delegationsDelete,
  'categories.list': categoriesList,
  'categories.save': categoriesSave,
  'categories.delete': categoriesDelete,
} as const;
