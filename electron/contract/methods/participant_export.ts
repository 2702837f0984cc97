import { z } from 'zod';
import { defineMethod } from '../basics/method';
import { ParticipantFilterSchema } from './participant_fields';

/**
 * Exporting the participant list. The host builds the file (CSV or XLSX) and keeps it for a few
 * minutes; the caller fetches it in base64 chunks, so a 100,000-row file never has to travel in
 * one answer. Personal data leaves the event here, so only the host's own screens may export.
 */

export const ExportFormatSchema = z.enum(['csv', 'xlsx']);
export type ExportFormat = z.infer<typeof ExportFormatSchema>;

/** Raw bytes per chunk (base64 makes it a third larger on the wire). */
export const EXPORT_CHUNK_BYTES = 1024 * 1024;

export const ExportReadySchema = z.object({
  exportId: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/u),
  fileName: z.string(),
  mimeType: z.string(),
  byteLength: z.number().int().nonnegative(),
  chunkCount: z.number().int().positive(),
  rowCount: z.number().int().nonnegative(),
});
export type ExportReady = z.infer<typeof ExportReadySchema>;

export const participantsExport = defineMethod({
  summary: 'Builds an export of the list as filtered and sorted (CSV with BOM, or XLSX), formulas neutralised.',
  input: ParticipantFilterSchema.extend({ format: ExportFormatSchema }),
  output: ExportReadySchema,
  errors: ['no_event'],
  roles: ['admin'],
});

export const participantsExportChunk = defineMethod({
  summary: 'One chunk of a built export, base64; the export is forgotten after its last chunk.',
  input: z.object({ exportId: z.string().max(64), index: z.number().int().nonnegative() }),
  output: z.object({ index: z.number().int().nonnegative(), base64: z.string(), last: z.boolean() }),
  errors: ['expired'],
  roles: ['admin'],
});

/** Export methods, keyed by their API names. */
export const PARTICIPANT_EXPORT_METHODS = {
  'participants.export': participantsExport,
  'participants.exportChunk': participantsExportChunk,
} as const;
