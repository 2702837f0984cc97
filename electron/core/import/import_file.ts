/**
 * One call from file bytes to a report, for the command line, the benchmark and tests: the
 * same reading, mapping, checking and all-or-nothing write the screens use, without the
 * chunked upload.
 */
import type { ImportAnalysis, ImportMapping, ImportReadOptions, ImportReport } from '../../contract';
import type { Db } from '../db/connection';
import { getPreset } from './import_presets';
import { analyseImport, blocksImport, finishStreamedImport, knownSources, sourceFromFileName } from './import_results';
import { importCategories } from './import_service';
import { startImportWriter } from './import_writer';
import { createPlanner, linkedToSource, loadExisting, type PlannedRow } from './match_existing';
import { prepareImport, type ImportTick } from './prepare_import';
import { openTable } from './read_table';

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
  /**
   * The built writer thread (out/workers/import_write.cjs, see write_worker) and the file size
   * from which it is used: a big file's rows are then written on the second core while the
   * next ones are still being checked. Without it everything runs on this thread.
   */
  readonly writerThread?: { readonly file: string; readonly fromBytes: number };
}

export type FileImportOutcome =
  | { readonly ok: true; readonly report: ImportReport }
  | { readonly ok: false; readonly analysis: ImportAnalysis | null; readonly message: string };

/**
 * Reads, checks and imports a file; `ok: false` means nothing was written. A text file is
 * parsed a slice at a time, and rows are planned and handed to the writer a chunk at a time
 * as they are checked, so a big file's writing starts at once; the write commits only
 * once the whole file has been read and nothing stops the import. The ticks must not wait
 * for other work that writes (they do not in the command line and the benchmark): with the
 * writer thread, a write on `db` would wait for the thread's transaction, which waits for the
 * next rows, and fail after the busy timeout; without it, the import's transaction is open on
 * `db` itself and the write would silently become part of the import.
 */
export async function importFile(db: Db, bytes: Uint8Array, fileName: string, options: FileImportOptions = {}): Promise<FileImportOutcome> {
  const preset = options.preset ? getPreset(db, options.preset) : null;
  if (options.preset && !preset) {
    return { ok: false, analysis: null, message: `There is no saved mapping called "${options.preset}" in this event. Save one in the import screen, or leave --mapping out to use the suggested mapping.` };
  }
  const source = options.source ?? preset?.name ?? defaultSource(db, fileName);
  const commit = {
    source,
    skipRowsWithErrors: options.skipRowsWithErrors ?? false,
    dryRun: options.dryRun ?? false,
    now: options.now ?? new Date().toISOString(),
  };
  const categories = importCategories(db);
  const existing = loadExisting(db);
  // Read now: once rows are written, this file's own newcomers would look linked to the source.
  const linked = linkedToSource(db, source);
  const thread = options.writerThread && !commit.dryRun && bytes.length >= options.writerThread.fromBytes ? options.writerThread.file : null;
  // Started before the file is read, so the thread opens its connection meanwhile.
  const writer = startImportWriter(db, { source, fileName, now: commit.now, categories }, thread);
  try {
    const table = await openTable(bytes, fileName, options);
    const plan = createPlanner(existing);
    const planned: PlannedRow[] = [];
    let writing = true;
    const prepared = await prepareImport(table, fileName, { headerRow: options.headerRow, mapping: options.mapping, preset, categories }, options.tick, (rows) => {
      const chunk = plan(rows);
      for (const p of chunk) planned.push(p);
      // A row with an error refuses the whole file unless such rows are skipped: stop writing.
      if (writing && !commit.skipRowsWithErrors && chunk.some(blocksImport)) writing = false;
      if (writing) writer.add(chunk);
    });
    const committed = await finishStreamedImport(prepared, planned, existing, writer, { ...commit, linked });
    if (committed.ok) return { ok: true, report: committed.value };
    // Only a refusal needs the analysis: it lists every row's problems.
    const analysis = analyseImport(db, prepared, { uploadId: 'file', size: bytes.length, source, previewRows: 0 });
    return { ok: false, analysis, message: committed.error.message };
  } finally {
    await writer.close();
  }
}

/** The source a file's people are filed under: an earlier source of the same name, or the file's name. */
function defaultSource(db: Db, fileName: string): string {
  const suggested = sourceFromFileName(fileName);
  return knownSources(db).find((s) => s.toLowerCase() === suggested.toLowerCase()) ?? suggested;
}
