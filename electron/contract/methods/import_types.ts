/**
 * The shapes of the registration import (see import.ts for the methods): mapping, presets,
 * problems with their place (row, column), the analysis and the report.
 */
import { z } from 'zod';
import { lineText, RowIdSchema } from '../basics/primitives';

/** Files above this size are refused before any byte is stored. */
export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;
/** Raw bytes per chunk: 144 KiB is 192 KiB of base64, well inside the 256 KiB body limit. */
export const IMPORT_CHUNK_BYTES = 144 * 1024;

/** What a source column can become. `fullName` is split into family and given names. */
export const ImportFieldSchema = z.enum([
  'externalId',
  'title',
  'fullName',
  'familyName',
  'givenName',
  'nativeName',
  'displayName',
  'organisation',
  'position',
  'country',
  'delegation',
  'headOfDelegation',
  'category',
  'languages',
  'email',
  'phone',
  'notes',
]);
export type ImportField = z.infer<typeof ImportFieldSchema>;
export const ImportTargetSchema = z.union([ImportFieldSchema, z.literal('ignore')]);
export type ImportTarget = z.infer<typeof ImportTargetSchema>;

/** Encodings a text export can be in; the Windows code pages are what Excel's plain "CSV" writes. */
export const ImportEncodingSchema = z.enum([
  'utf-8',
  'utf-16le',
  'utf-16be',
  'cp949',
  'shift_jis',
  'euc-jp',
  'gb18030',
  'big5',
  'windows-874',
  'windows-1250',
  'windows-1251',
  'windows-1252',
  'windows-1253',
  'windows-1254',
  'windows-1255',
  'windows-1256',
  'windows-1257',
  'windows-1258',
  'koi8-r',
  'iso-8859-2',
]);
export type ImportEncoding = z.infer<typeof ImportEncodingSchema>;

export const ImportFormatSchema = z.enum(['csv', 'tsv', 'unicode_text', 'xlsx']);
export type ImportFormat = z.infer<typeof ImportFormatSchema>;
export const ImportDelimiterSchema = z.enum([',', ';', '\t', '|']);
export const NameOrderSchema = z.enum(['auto', 'family_first', 'given_first']);

/** Which source column feeds which field; by index, since headers may repeat or be blank. */
export const ImportMappingSchema = z.object({
  columns: z.array(z.object({ index: z.number().int().min(0).max(999), target: ImportTargetSchema })).max(1000),
  /** Category values found in the file → category codes; unlisted values are matched by name. */
  categoryValues: z.record(z.string().max(200), z.string().max(32)).default({}),
  /** Builds delegations from the country column when the file has no delegation column. */
  delegationFromCountry: z.boolean().default(false),
  /** How a full name is split when only one name column exists. */
  nameOrder: NameOrderSchema.default('auto'),
});
export type ImportMapping = z.infer<typeof ImportMappingSchema>;

/** A saved mapping: by header text, so that it fits the next export of the same system. */
export const ImportPresetSchema = z.object({
  name: lineText(80).min(1),
  columns: z.array(z.object({ header: z.string().max(200), target: ImportTargetSchema })).max(1000),
  categoryValues: z.record(z.string().max(200), z.string().max(32)),
  delegationFromCountry: z.boolean(),
  nameOrder: NameOrderSchema,
  updatedAt: z.string(),
});
export type ImportPreset = z.infer<typeof ImportPresetSchema>;

export const ImportProblemCodeSchema = z.enum([
  // the whole file
  'empty_file',
  'no_data_rows',
  'binary_file',
  'password_protected',
  'legacy_xls',
  'unsupported_spreadsheet',
  'damaged_xlsx',
  'empty_sheet',
  'unclosed_quote',
  'no_name_column',
  'duplicate_target',
  // one row
  'missing_name',
  'duplicate_id',
  'same_person_twice',
  'extra_cells',
  'bad_email',
  'unknown_country',
  'unknown_category',
  'unknown_language',
  'second_head',
]);
export type ImportProblemCode = z.infer<typeof ImportProblemCodeSchema>;

/**
 * blocking: nothing can be imported until it is fixed; error: the row is skipped (only if the
 * user agrees); warning: the row is imported and the value left out or kept as written.
 */
export const ImportSeveritySchema = z.enum(['blocking', 'error', 'warning']);

export const ImportProblemSchema = z.object({
  code: ImportProblemCodeSchema,
  severity: ImportSeveritySchema,
  /** Row number as a spreadsheet shows it (1-based), or null for the whole file. */
  row: z.number().int().positive().nullable(),
  /** The column's header text, or its letter when it has none. */
  column: z.string().nullable(),
  value: z.string().nullable(),
  /** Another row involved (the first row with the same id). */
  otherRow: z.number().int().positive().nullable(),
  message: z.string(),
});
export type ImportProblem = z.infer<typeof ImportProblemSchema>;

export const ImportColumnSchema = z.object({
  index: z.number().int().nonnegative(),
  letter: z.string(),
  header: z.string(),
  samples: z.array(z.string()),
  suggested: ImportTargetSchema,
  /** Why it was suggested; `sensitive` columns (passport, birth date) are never imported. */
  reason: z.enum(['header', 'values', 'preset', 'sensitive', 'none']),
});

/** One participant as the row would create or update it. */
export const ImportPreviewRowSchema = z.object({
  row: z.number().int().positive(),
  values: z.record(z.string(), z.string()),
  outcome: z.enum(['add', 'update', 'unchanged', 'skip']),
  problems: z.array(ImportProblemSchema),
});

export const ImportPlanSchema = z.object({
  rows: z.number().int().nonnegative(),
  add: z.number().int().nonnegative(),
  update: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
  skip: z.number().int().nonnegative(),
  missing: z.number().int().nonnegative(),
  rowsWithErrors: z.number().int().nonnegative(),
  rowsWithWarnings: z.number().int().nonnegative(),
});

export const LikelyDuplicateSchema = z.object({
  reason: z.enum(['same_name', 'same_email']),
  /** Participants involved, when they exist in the event (after a commit, or already there). */
  participantIds: z.array(RowIdSchema),
  /** Rows of this file involved. */
  rows: z.array(z.number().int().positive()),
  names: z.array(z.string()),
});

export const ImportAnalysisSchema = z.object({
  uploadId: z.string(),
  fileName: z.string(),
  size: z.number().int().nonnegative(),
  format: ImportFormatSchema.nullable(),
  encoding: ImportEncodingSchema.nullable(),
  encodingConfidence: z.number().min(0).max(100).nullable(),
  delimiter: ImportDelimiterSchema.nullable(),
  sheets: z.array(z.string()),
  sheet: z.string().nullable(),
  headerRow: z.number().int().positive().nullable(),
  columns: z.array(ImportColumnSchema),
  mapping: ImportMappingSchema,
  preset: z.string().nullable(),
  categoryValues: z.array(z.object({ value: z.string(), count: z.number().int(), code: z.string().nullable() })),
  categories: z.array(z.object({ code: z.string(), name: z.string() })),
  plan: ImportPlanSchema,
  preview: z.array(ImportPreviewRowSchema),
  problems: z.array(ImportProblemSchema),
  problemTotal: z.number().int().nonnegative(),
  likelyDuplicates: z.array(LikelyDuplicateSchema),
  suggestedSource: z.string(),
  sources: z.array(z.string()),
});
export type ImportAnalysis = z.infer<typeof ImportAnalysisSchema>;

export const MissingPersonSchema = z.object({
  id: RowIdSchema,
  externalId: z.string().nullable(),
  displayName: z.string(),
  organisation: z.string(),
});

export const ImportReportSchema = z.object({
  fileName: z.string(),
  source: z.string(),
  dryRun: z.boolean(),
  rowsRead: z.number().int().nonnegative(),
  added: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative(),
  restored: z.number().int().nonnegative(),
  delegationsCreated: z.array(z.string()),
  missing: z.array(MissingPersonSchema),
  missingTotal: z.number().int().nonnegative(),
  problems: z.array(ImportProblemSchema),
  problemTotal: z.number().int().nonnegative(),
  likelyDuplicates: z.array(LikelyDuplicateSchema),
});
export type ImportReport = z.infer<typeof ImportReportSchema>;

/** How the file is read; anything left out is detected. */
export const ImportReadOptionsSchema = z.object({
  encoding: ImportEncodingSchema.optional(),
  delimiter: ImportDelimiterSchema.optional(),
  sheet: z.string().max(200).optional(),
  headerRow: z.number().int().positive().max(1_000_000).optional(),
});
export type ImportReadOptions = z.infer<typeof ImportReadOptionsSchema>;

