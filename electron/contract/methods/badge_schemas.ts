/** The shapes of badges: design, batch filter, what a badge shows, verification, print jobs. */
import { z } from 'zod';
import {
  ColourSchema,
  CountryCodeSchema,
  IsoDateSchema,
  RowIdSchema,
  ScriptLangSchema,
  TimestampSchema,
  UuidSchema,
  lineText,
} from '../basics/primitives';
import { MAX_BADGE_SERIAL } from './badge_code';

/** Badge formats: one badge per page (A6, 4×3 in, CR80 card) or A4 sheets with cut marks. */
export const BADGE_TEMPLATES = ['a6', 'in4x3', 'cr80', 'a4x4', 'a4x8'] as const;
export const BadgeTemplateSchema = z.enum(BADGE_TEMPLATES);
export type BadgeTemplate = z.infer<typeof BadgeTemplateSchema>;

/** Which fields a badge shows. At least one of the two names is always shown. */
export const BadgeFieldsSchema = z
  .object({
    nativeName: z.boolean(),
    latinName: z.boolean(),
    organisation: z.boolean(),
    position: z.boolean(),
    country: z.boolean(),
    flag: z.boolean(),
    delegation: z.boolean(),
    category: z.boolean(),
    qr: z.boolean(),
    logo: z.boolean(),
  })
  .refine((f) => f.nativeName || f.latinName, 'a badge shows at least one of the two names');
export type BadgeFields = z.infer<typeof BadgeFieldsSchema>;

/** A logo as a data URL of a raster image (SVG is refused: it can carry script). */
export const MAX_LOGO_DATA_URL_CHARS = 200_000;
export const LogoDataUrlSchema = z
  .string()
  .max(MAX_LOGO_DATA_URL_CHARS, 'the logo is too large: use an image under 140 KB')
  .regex(/^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/]+={0,2}$/u, 'the logo must be a PNG, JPEG or WebP image');

/** The event's badge design, kept in the event's database. */
export const BadgeDesignSchema = z.object({
  template: BadgeTemplateSchema,
  fields: BadgeFieldsSchema,
  /** The title printed on badges; empty means the event's name. */
  title: lineText(120),
  logo: LogoDataUrlSchema.nullable(),
});
export type BadgeDesign = z.infer<typeof BadgeDesignSchema>;

/** The design a new event starts with. */
export const DEFAULT_BADGE_DESIGN: BadgeDesign = {
  template: 'a6',
  fields: {
    nativeName: true,
    latinName: true,
    organisation: true,
    position: false,
    country: true,
    flag: true,
    delegation: true,
    category: true,
    qr: true,
    logo: true,
  },
  title: '',
  logo: null,
};

/** Who gets a badge in a batch; filters combine. Cancelled participants never get one. */
export const BadgeFilterSchema = z.object({
  delegationId: RowIdSchema.optional(),
  categoryCode: z.string().max(32).optional(),
  /** One person (or a hand-picked few). */
  participantIds: z.array(RowIdSchema).min(1).max(5000).optional(),
  /** Only people who have never had a badge printed. */
  notPrinted: z.boolean().default(false),
});
export type BadgeFilter = z.infer<typeof BadgeFilterSchema>;

export const BadgeSerialSchema = z.number().int().min(1).max(MAX_BADGE_SERIAL);

/** Everything one badge shows, with its signed code. */
export const BadgeItemSchema = z.object({
  participantId: RowIdSchema,
  serial: BadgeSerialSchema,
  code: z.string(),
  /** The name in Latin letters (the participant's display name). */
  latinName: z.string(),
  /** Printed in capitals inside the Latin name, so the family name is never in doubt. */
  familyName: z.string(),
  nativeName: z.string(),
  nativeNameLang: ScriptLangSchema.nullable(),
  organisation: z.string(),
  position: z.string(),
  country: CountryCodeSchema.nullable(),
  delegationName: z.string().nullable(),
  category: z.object({ code: z.string(), name: z.string(), colour: ColourSchema }),
});
export type BadgeItem = z.infer<typeof BadgeItemSchema>;

/** The event's heading as badges print it. */
export const BadgeEventSchema = z.object({
  name: z.string(),
  startDate: IsoDateSchema,
  endDate: IsoDateSchema,
  city: z.string(),
});

/** What the print page renders: the design, the event, and the badges. */
export const BadgeSheetSchema = z.object({
  event: BadgeEventSchema,
  design: BadgeDesignSchema,
  items: z.array(BadgeItemSchema),
});
export type BadgeSheet = z.infer<typeof BadgeSheetSchema>;

/** A participant's badge state: never printed (serial null), or the newest serial and when. */
export const BadgeStatusSchema = z.object({
  participantId: RowIdSchema,
  displayName: z.string(),
  nativeName: z.string(),
  nativeNameLang: ScriptLangSchema.nullable(),
  delegationName: z.string().nullable(),
  categoryCode: z.string(),
  serial: BadgeSerialSchema.nullable(),
  printedAt: TimestampSchema.nullable(),
});
export type BadgeStatus = z.infer<typeof BadgeStatusSchema>;

/** Why a scanned code is refused. */
export const BADGE_REFUSALS = [
  'malformed',
  'not_ours',
  'wrong_event',
  'bad_signature',
  'replaced',
  'unknown_participant',
  'cancelled',
  'not_issued',
] as const;
export const BadgeRefusalSchema = z.enum(BADGE_REFUSALS);
export type BadgeRefusal = z.infer<typeof BadgeRefusalSchema>;

/** Whom a genuine code belongs to. */
export const BadgeHolderSchema = z.object({
  participantId: RowIdSchema,
  displayName: z.string(),
  nativeName: z.string(),
  nativeNameLang: ScriptLangSchema.nullable(),
  country: CountryCodeSchema.nullable(),
  delegationName: z.string().nullable(),
  categoryCode: z.string(),
});

/**
 * The answer to "is this badge good?": valid with its holder, or refused with the reason.
 * The holder is named only when the signature proved the code genuine.
 */
export const BadgeVerificationSchema = z.discriminatedUnion('valid', [
  z.object({
    valid: z.literal(true),
    participantId: RowIdSchema,
    serial: BadgeSerialSchema,
    printedAt: TimestampSchema,
    holder: BadgeHolderSchema,
  }),
  z.object({
    valid: z.literal(false),
    reason: BadgeRefusalSchema,
    message: z.string(),
    participantId: RowIdSchema.nullable(),
    serial: BadgeSerialSchema.nullable(),
    /** For `replaced`: when the newer badge was printed. */
    replacedAt: TimestampSchema.nullable(),
    holder: BadgeHolderSchema.nullable(),
  }),
]);
export type BadgeVerification = z.infer<typeof BadgeVerificationSchema>;

/** How badges can leave this host: a PDF (needs Chromium) and, on the desktop, the print dialog. */
export const BadgeOutputsSchema = z.object({
  pdf: z.boolean(),
  printDialog: z.boolean(),
  /** Why PDFs cannot be made here, and what to do; null when they can. */
  problem: z.string().nullable(),
});

export const PrintOutputSchema = z.enum(['pdf', 'printer']);
export const PrintJobStatusSchema = z.object({
  jobId: UuidSchema,
  output: PrintOutputSchema,
  template: BadgeTemplateSchema,
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  stage: z.enum(['starting', 'layout', 'pdf', 'printing', 'finished']),
  total: z.number().int().nonnegative(),
  /** Badges laid out so far (the page reports as it fits names). */
  laidOut: z.number().int().nonnegative(),
  /** Badges in this batch that replace an earlier badge of the same person. */
  reprints: z.number().int().nonnegative(),
  startedAt: TimestampSchema,
  finishedAt: TimestampSchema.nullable(),
  message: z.string().nullable(),
  /** Participants whose name needed the smallest type size: worth a look before printing. */
  tight: z.array(RowIdSchema),
  pdf: z.object({ bytes: z.number().int().positive(), fileName: z.string() }).nullable(),
});
export type PrintJobStatus = z.infer<typeof PrintJobStatusSchema>;
