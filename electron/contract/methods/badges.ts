import { z } from 'zod';
import { defineMethod } from '../basics/method';
import { STAFF_ROLES } from '../basics/roles';
import { PageInputSchema, RowIdSchema, UuidSchema } from '../basics/primitives';
import {
  BadgeDesignSchema,
  BadgeEventSchema,
  BadgeFilterSchema,
  BadgeItemSchema,
  BadgeOutputsSchema,
  BadgeSheetSchema,
  BadgeStatusSchema,
  BadgeTemplateSchema,
  BadgeVerificationSchema,
  PrintJobStatusSchema,
  PrintOutputSchema,
} from './badge_schemas';

export * from './badge_code';
export * from './badge_schemas';

const JobRef = z.object({ jobId: UuidSchema });

export const badgesDesign = defineMethod({
  summary: "The event's badge design, and whether PDFs and the print dialog are available here.",
  input: z.object({}),
  output: z.object({ design: BadgeDesignSchema, outputs: BadgeOutputsSchema }),
  errors: ['no_event'],
  roles: STAFF_ROLES,
});

export const badgesSaveDesign = defineMethod({
  summary: "Saves the event's badge design (template, fields, title, logo).",
  input: BadgeDesignSchema,
  output: BadgeDesignSchema,
  errors: ['no_event'],
  roles: ['admin'],
});

export const badgesList = defineMethod({
  summary: 'Who a batch would print, with each badge: never printed, or its serial and print time.',
  input: PageInputSchema.extend({ filter: BadgeFilterSchema.default({ notPrinted: false }) }),
  output: z.object({
    total: z.number().int().nonnegative(),
    printed: z.number().int().nonnegative(),
    items: z.array(BadgeStatusSchema),
  }),
  errors: ['no_event'],
  roles: STAFF_ROLES,
});

export const badgesPreview = defineMethod({
  summary: 'Badges as the next print would make them, for a live preview (nothing is recorded).',
  input: z.object({ participantIds: z.array(RowIdSchema).min(1).max(24) }),
  output: z.object({ event: BadgeEventSchema, items: z.array(BadgeItemSchema) }),
  errors: ['no_event', 'no_key', 'unavailable'],
  roles: STAFF_ROLES,
});

export const badgesPrintStart = defineMethod({
  summary: 'Starts producing badges for a filter: a PDF, or the system print dialog on the desktop.',
  input: z.object({
    filter: BadgeFilterSchema,
    /** Overrides the saved design's template for this batch. */
    template: BadgeTemplateSchema.optional(),
    output: PrintOutputSchema.default('pdf'),
  }),
  output: PrintJobStatusSchema,
  errors: ['no_event', 'no_key', 'empty_selection', 'busy', 'unavailable'],
  roles: STAFF_ROLES,
});

export const badgesPrintStatus = defineMethod({
  summary: "A badge batch's progress and result.",
  input: JobRef,
  output: PrintJobStatusSchema,
  errors: ['not_found'],
  roles: STAFF_ROLES,
});

export const badgesPrintCancel = defineMethod({
  summary: 'Cancels a running batch; no badge of it counts as printed.',
  input: JobRef,
  output: PrintJobStatusSchema,
  errors: ['not_found'],
  roles: STAFF_ROLES,
});

/** The PDF travels in pieces small enough for any transport. */
export const PDF_CHUNK_BYTES = 1024 * 1024;

export const badgesPrintPdf = defineMethod({
  summary: "A finished batch's PDF, one piece (base64) at a time from a byte offset.",
  input: JobRef.extend({ offset: z.number().int().nonnegative().default(0) }),
  output: z.object({ base64: z.string(), nextOffset: z.number().int().positive().nullable(), totalBytes: z.number().int().positive() }),
  errors: ['not_found', 'not_ready'],
  roles: STAFF_ROLES,
});

export const badgesPrintSheet = defineMethod({
  summary: "A batch's badges for the print page to lay out (used by the host's own print page).",
  input: JobRef,
  output: BadgeSheetSchema,
  errors: ['not_found'],
  roles: ['admin'],
});

export const badgesPrintReport = defineMethod({
  summary: 'The print page reports its layout progress; the answer says whether to go on.',
  input: JobRef.extend({
    laidOut: z.number().int().nonnegative(),
    ready: z.boolean(),
    /** Participants whose name needed the smallest type size (shown to the organiser). */
    tight: z.array(RowIdSchema).max(5000).default([]),
    problem: z.string().max(500).nullable().default(null),
  }),
  output: z.object({ proceed: z.boolean() }),
  errors: ['not_found'],
  roles: ['admin'],
});

export const badgesVerify = defineMethod({
  summary: 'Checks a scanned badge code: valid and whose, or the reason it is refused.',
  input: z.object({ code: z.string().max(2000) }),
  output: BadgeVerificationSchema,
  errors: ['no_event', 'no_key'],
  roles: STAFF_ROLES,
});

export const badgesPublicKey = defineMethod({
  summary: "The event's badge-signing public key (PEM and raw), to verify badges offline elsewhere.",
  input: z.object({}),
  output: z.object({
    algorithm: z.literal('Ed25519'),
    eventId: UuidSchema,
    /** The 4-byte event tag every code of this event carries, as hex. */
    eventTag: z.string().regex(/^[0-9a-f]{8}$/u),
    codePrefix: z.string(),
    spkiPem: z.string(),
    rawBase64: z.string(),
  }),
  errors: ['no_event', 'no_key'],
  roles: STAFF_ROLES,
});

/** The badge methods, keyed by their API names. */
export const BADGE_METHODS = {
  'badges.design': badgesDesign,
  'badges.saveDesign': badgesSaveDesign,
  'badges.list': badgesList,
  'badges.preview': badgesPreview,
  'badges.printStart': badgesPrintStart,
  'badges.printStatus': badgesPrintStatus,
  'badges.printCancel': badgesPrintCancel,
  'badges.printPdf': badgesPrintPdf,
  'badges.printSheet': badgesPrintSheet,
  'badges.printReport': badgesPrintReport,
  'badges.verify': badgesVerify,
  'badges.publicKey': badgesPublicKey,
} as const;
