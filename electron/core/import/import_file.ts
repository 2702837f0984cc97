/**
 * One call from file bytes to a report, for the command line, the benchmark and tests: the
 * same reading, mapping, checking and all-or-nothing write the screens use, without the
 * chunked upload.
 */
import type { ImportAnalysis, ImportMapping, ImportReadOptions, ImportReport } from '../../contract';
import type { Db } from '../db/connection';
import { getPreset } from './import_presets';
import { analyseImport, commitImport, knownSources, sourceFromFileName } from './import_results';
import { importCategories } from './import_service';
import { prepareImport, type ImportTick } from './prepare_import';
import { readTable } from './read_table';

export interface FileImportOptions extends ImportReadOptions {
  /** A saved mapping's name; without it (and without `mapping`) the suggested mapping is used. */
  readonly preset?: string;
  readonly mapping?: ImportMapping;
  /** Where these people come from; defaults to the preset's name or the file's name. */
  readonly source?: string;
  readonly skipRowsWithErrors?: boolean;
  readonly dryRun?: boolean;
  readonly now?: string;
  readonly tick?: ImportTick;
}

export type FileImportOutcome =
  | { readonly ok: true; readonly report: ImportReport }
  | { readonly ok: false; readonly analysis: ImportAnalysis | null; readonly message: string };

/** Reads, checks and imports a file; `ok: false` means nothing was written. */
export async function importFile(db: Db, bytes: Uint8Array, fileName: string, options: FileImportOptions = {}): Promise<FileImportOutcome> {
  const preset = options.preset ? getPreset(db, options.preset) : null;
  if (options.preset && !preset) {
    return { ok: false, analysis: null, message: `There is no saved mapping called "${options.preset}" in this event. Save one in the import screen, or leave --mapping out to use the suggested mapping.` };
  }
  const table = await readTable(bytes, fileName, options);
  const prepared = await prepareImport(
    table,
    fileName,
    { headerRow: options.headerRow, mapping: options.mapping, preset, categories: importCategories(db) },
    options.tick,
  );
  const source = options.source ?? preset?.name ?? defaultSource(db, fileName);
  const committed = commitImport(db, prepared, {
    source,
    skipRowsWithErrors: options.skipRowsWithErrors ?? false,
    dryRun: options.dryRun ?? false,
    now: options.now ?? new Date().toISOString(),
  });
  if (committed.ok) return { ok: true, report: committed.value };
  // Only a refusal needs the analysis: it lists every row's problems.
  const analysis = analyseImport(db, prepared, { uploadId: 'file', size: bytes.length, source, previewRows: 0 });
  return { ok: false, analysis, message: committed.error.message };
}

/** The source a file's people are filed under: an earlier source of the same name, or the file's name. */
function defaultSource(db: Db, fileName: string): string {
  const suggested = sourceFromFileName(fileName);
  return knownSources(db).find((s) => s.toLowerCase() === suggested.toLowerCase()) ?? suggested;
}
