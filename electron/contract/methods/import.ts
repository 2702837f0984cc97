/**
 * Registration import: a file reaches the host in chunks (the API's JSON bodies are small),
 * is analysed (format, encoding, header row, suggested mapping, per-row problems) and then
 * committed all-or-nothing. Problems carry a code and their place (row, column) so every
 * screen can say them in its own language; `message` is the English sentence for the CLI.
 */
import { z } from 'zod';
import { defineMethod } from '../basics/method';
import { lineText, RowIdSchema } from '../basics/primitives';
import {
  IMPORT_CHUNK_BYTES,
  ImportAnalysisSchema,
  ImportMappingSchema,
  ImportPresetSchema,
  ImportReadOptionsSchema,
  ImportReportSchema,
} from './import_types';

export * from './import_types';

const UploadIdSchema = z.string().regex(/^[a-f0-9]{32}$/u, 'must be an upload id');
const IMPORT_ROLES = ['admin'] as const;
const UPLOAD_ERRORS = ['no_event', 'upload_not_found'] as const;

/** The import methods, keyed by their API names. Only the host's own admin may import. */
export const IMPORT_METHODS = {
  'import.begin': defineMethod({
    summary: 'Starts an upload of a registration export; returns the upload id and the chunk size.',
    input: z.object({ fileName: z.string().min(1).max(255), size: z.number().int().nonnegative() }),
    output: z.object({ uploadId: UploadIdSchema, chunkBytes: z.number().int().positive(), maxBytes: z.number().int().positive() }),
    errors: ['no_event', 'file_too_large', 'empty_file'],
    roles: IMPORT_ROLES,
  }),
  'import.chunk': defineMethod({
    summary: 'Appends the next chunk (base64) of an upload at the given byte offset.',
    input: z.object({
      uploadId: UploadIdSchema,
      offset: z.number().int().nonnegative(),
      dataBase64: z.string().max((IMPORT_CHUNK_BYTES / 3) * 4).regex(/^[A-Za-z0-9+/]*={0,2}$/u, 'must be base64'),
    }),
    output: z.object({ received: z.number().int().nonnegative(), complete: z.boolean() }),
    errors: [...UPLOAD_ERRORS, 'bad_chunk'],
    roles: IMPORT_ROLES,
  }),
  'import.analyse': defineMethod({
    summary: 'Reads an uploaded file: format, encoding, header row, suggested mapping, preview and problems.',
    input: ImportReadOptionsSchema.extend({
      uploadId: UploadIdSchema,
      mapping: ImportMappingSchema.optional(),
      preset: z.string().max(80).optional(),
      source: z.string().max(120).optional(),
      previewRows: z.number().int().min(0).max(200).default(25),
    }),
    output: ImportAnalysisSchema,
    errors: [...UPLOAD_ERRORS, 'upload_incomplete', 'cancelled'],
    roles: IMPORT_ROLES,
  }),
  'import.commit': defineMethod({
    summary: 'Imports the analysed file all-or-nothing in one transaction and reports what changed.',
    input: ImportReadOptionsSchema.extend({
      uploadId: UploadIdSchema,
      mapping: ImportMappingSchema,
      source: lineText(120).min(1),
      skipRowsWithErrors: z.boolean().default(false),
      dryRun: z.boolean().default(false),
    }),
    output: ImportReportSchema,
    errors: [...UPLOAD_ERRORS, 'upload_incomplete', 'cancelled', 'not_importable'],
    roles: IMPORT_ROLES,
  }),
  'import.cancel': defineMethod({
    summary: 'Stops an upload or a running import (until writing starts) and removes the uploaded file.',
    input: z.object({ uploadId: UploadIdSchema }),
    output: z.object({ cancelled: z.boolean() }),
    errors: ['no_event'],
    roles: IMPORT_ROLES,
  }),
  'import.cancelMissing': defineMethod({
    summary: 'Marks people missing from a re-imported file as cancelled (never deletes them).',
    input: z.object({ ids: z.array(RowIdSchema).min(1).max(100_000) }),
    output: z.object({ cancelled: z.number().int().nonnegative() }),
    errors: ['no_event'],
    roles: IMPORT_ROLES,
  }),
  'import.presets.list': defineMethod({
    summary: 'Saved column mappings of this event.',
    input: z.object({}),
    output: z.array(ImportPresetSchema),
    errors: ['no_event'],
    roles: IMPORT_ROLES,
  }),
  'import.presets.save': defineMethod({
    summary: 'Saves (or replaces) a column mapping under a name, by header text.',
    input: ImportPresetSchema.omit({ updatedAt: true }),
    output: ImportPresetSchema,
    errors: ['no_event'],
    roles: IMPORT_ROLES,
  }),
  'import.presets.delete': defineMethod({
    summary: 'Deletes a saved column mapping.',
    input: z.object({ name: z.string().min(1).max(80) }),
    output: z.object({ deleted: z.boolean() }),
    errors: ['no_event'],
    roles: IMPORT_ROLES,
  }),
} as const;
