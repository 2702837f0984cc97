/**
 * The two answers the user sees: the analysis (what the file holds and what importing it
 * would do, before anything is written) and the report (what the import did). Both come
 * from the same prepared rows and the same matching, so the preview never promises more
 * than the commit does.
 */
import { err, ok, type ImportAnalysis, type ImportProblem, type ImportReport, type Result } from '../../contract';
import type { Db } from '../db/connection';
import type { ImportCandidate } from './build_rows';
import { countWrites, writeImport, type ImportWriter, type WriteResult } from './import_writer';
import { draftLikelyDuplicates, findLikelyDuplicates, withIds } from './likely_duplicates';
import { lookupCategory } from './category_lookup';
import { findMissing, loadExisting, missingFrom, planRows, type ExistingPerson, type LinkedPerson, type PlannedRow } from './match_existing';
import type { PreparedImport } from './prepare_import';
import { describeProblem } from './problem_text';
import type { RawProblem } from './read_table';

const MAX_PROBLEMS = 1000;
const MAX_MISSING = 5000;

/** Every problem of the file and its rows, in row order, each with its sentence. */
function allProblems(prepared: PreparedImport, planned: readonly PlannedRow[]): ImportProblem[] {
  const describe = (p: RawProblem) => describeProblem(p, prepared.fileName, prepared.headers);
  const out = prepared.blocking.map(describe);
  // A loop, not a flatMap: most of 100,000 rows have no problem and need no array of their own.
  for (const p of planned) {
    for (const x of p.built.problems) out.push(describe(x));
    for (const x of p.problems) out.push(describe(x));
  }
  return out;
}

function previewValues(c: ImportCandidate | null): Record<string, string> {
  if (!c) return {};
  const out: Record<string, string> = {
    externalId: c.externalId ?? '',
    title: c.title,
    familyName: c.familyName,
    givenName: c.givenName,
    nativeName: c.nativeName,
    displayName: c.displayName,
    organisation: c.organisation,
    position: c.position,
    country: c.country ?? '',
    delegation: c.delegation ?? '',
    headOfDelegation: c.isHead ? 'yes' : '',
    category: c.categoryCode,
    languages: c.languages.join(', '),
    email: c.email,
    phone: c.phone,
    notes: c.notes,
  };
  for (const key of Object.keys(out)) if (!out[key]) delete out[key];
  return out;
}

/** Names a source from a file name: "participants_2026-03-01 (2).xlsx" → "participants". */
export function sourceFromFileName(fileName: string): string {
  const stem = fileName.replace(/^.*[\\/]/u, '').replace(/\.[^.]+$/u, '');
  const cleaned = stem
    .replace(/\(\d+\)/gu, ' ')
    .replace(/\d{4}[-_.]?\d{2}[-_.]?\d{2}|\d+/gu, ' ')
    .replace(/\b(?:final|v|ver|version|copy|updated|latest|new)\b/giu, ' ')
    .replace(/[\s_.-]+/gu, ' ')
    .trim();
  return (cleaned || stem || 'import').slice(0, 120);
}

/** Earlier import sources, latest first. */
export function knownSources(db: Db): string[] {
  return (db.prepare('SELECT source FROM import_batch GROUP BY source ORDER BY max(id) DESC').all() as Array<{ source: string }>).map((r) => r.source);
}

/** What importing the file would do. Reads the database, writes nothing. */
export function analyseImport(
  db: Db,
  prepared: PreparedImport,
  options: { uploadId: string; size: number; source?: string; previewRows: number },
): ImportAnalysis {
  const existing = prepared.blocking.length ? [] : loadExisting(db);
  const planned = prepared.blocking.length ? [] : planRows(prepared.rows, existing);
  const sources = knownSources(db);
  const suggestedSource = options.source ?? prepared.preset ?? sourceFromFileName(prepared.fileName);
  const missing = planned.length ? findMissing(db, suggestedSource, planned) : [];
  const problems = allProblems(prepared, planned);
  const counts = countWrites(planned);
  const categoryCounts = new Map<string, number>();
  const categoryColumn = prepared.mapping.columns.find((c) => c.target === 'category')?.index;
  if (categoryColumn !== undefined) {
    for (const r of prepared.rows) {
      const value = (prepared.table.rows[r.row - 1]?.[categoryColumn] ?? '').trim();
      if (value) categoryCounts.set(value, (categoryCounts.get(value) ?? 0) + 1);
    }
  }
  const { table } = prepared;
  return {
    uploadId: options.uploadId,
    fileName: prepared.fileName,
    size: options.size,
    format: table.format,
    encoding: table.encoding,
    encodingConfidence: table.encodingConfidence,
    delimiter: table.delimiter,
    sheets: table.sheets,
    sheet: table.sheet,
    headerRow: prepared.headerRow,
    columns: prepared.columns,
    mapping: prepared.mapping,
    preset: prepared.preset,
    categoryValues: [...categoryCounts].slice(0, 200).map(([value, n]) => ({
      value,
      count: n,
      code: lookupCategory(value, prepared.categories, prepared.mapping.categoryValues),
    })),
    categories: prepared.categories.map((c) => ({ code: c.code, name: c.name })),
    plan: {
      rows: prepared.rows.length,
      add: counts.add,
      update: counts.update,
      unchanged: counts.unchanged,
      skip: counts.skip,
      missing: missing.length,
      rowsWithErrors: planned.filter((p) => p.built.hasError || p.problems.length).length,
      rowsWithWarnings: planned.filter((p) => p.built.problems.some((x) => x.severity === 'warning')).length,
    },
    preview: planned.slice(0, options.previewRows).map((p) => ({
      row: p.built.row,
      values: previewValues(p.built.candidate),
      outcome: p.outcome,
      problems: [...p.built.problems, ...p.problems].map((x) => describeProblem(x, prepared.fileName, prepared.headers)),
    })),
    problems: problems.slice(0, MAX_PROBLEMS),
    problemTotal: problems.length,
    likelyDuplicates: findLikelyDuplicates(planned, existing),
    suggestedSource: sources.find((s) => s.toLowerCase() === suggestedSource.toLowerCase()) ?? suggestedSource,
    sources,
  };
}

export interface CommitOptions {
  readonly source: string;
  readonly skipRowsWithErrors: boolean;
  readonly dryRun: boolean;
  readonly now: string;
  /** Called just before the write starts: from then on the import cannot be cancelled. */
  readonly beforeWrite?: () => void;
  /** Called after a real (not dry-run) write with the ids of everyone added or updated. */
  readonly written?: (ids: readonly number[]) => void;
}

/** Why nothing may be imported from these rows, as the sentence to show; null when they may be. */
function refusal(prepared: PreparedImport, planned: readonly PlannedRow[], skipRowsWithErrors: boolean): string | null {
  if (prepared.blocking.length) {
    return `Nothing was imported. ${describeProblem(prepared.blocking[0]!, prepared.fileName, prepared.headers).message}`;
  }
  const errorRows = planned.filter(blocksImport);
  if (errorRows.length && !skipRowsWithErrors) {
    const first = [...errorRows[0]!.built.problems, ...errorRows[0]!.problems].find((p) => p.severity === 'error')!;
    const sentence = describeProblem(first, prepared.fileName, prepared.headers).message;
    return `Nothing was imported: ${errorRows.length} of ${planned.length} rows have errors. The first: ${sentence} Fix the file and import it again, or choose to skip the rows with errors.`;
  }
  if (!planned.some((p) => p.outcome !== 'skip')) {
    return `Nothing was imported: none of the ${planned.length} rows of ${prepared.fileName} can be imported. Fix the problems listed for each row and import the file again.`;
  }
  return null;
}

/** Whether a planned row stops an import that does not skip rows with errors. */
export function blocksImport(p: PlannedRow): boolean {
  return p.built.hasError || p.problems.length > 0;
}

/**
 * The report, made in two steps: everything but the new ids is worked out before the write
 * is awaited (a big file import's writer thread is still writing meanwhile), then completed.
 */
function reportBeforeWrite(
  prepared: PreparedImport,
  planned: readonly PlannedRow[],
  existing: readonly ExistingPerson[],
  missing: readonly LinkedPerson[],
  options: CommitOptions,
): (written: WriteResult) => ImportReport {
  const problems = allProblems(prepared, planned);
  const counts = countWrites(planned);
  const duplicates = draftLikelyDuplicates(planned, existing);
  return (written) => ({
    fileName: prepared.fileName,
    source: options.source,
    dryRun: options.dryRun,
    rowsRead: planned.length,
    added: counts.add,
    updated: counts.update,
    unchanged: counts.unchanged,
    skipped: counts.skip,
    restored: written.restored,
    delegationsCreated: written.delegationsCreated,
    missing: missing.slice(0, MAX_MISSING),
    missingTotal: missing.length,
    problems: problems.slice(0, MAX_PROBLEMS),
    problemTotal: problems.length,
    likelyDuplicates: withIds(duplicates, (row) => (options.dryRun ? null : written.idOfRow(row))),
  });
}

/** Imports the prepared rows all-or-nothing, or says why nothing was imported. */
export function commitImport(db: Db, prepared: PreparedImport, options: CommitOptions): Result<ImportReport, 'not_importable'> {
  if (prepared.blocking.length) return err('not_importable', refusal(prepared, [], options.skipRowsWithErrors)!);
  const existing = loadExisting(db);
  const planned = planRows(prepared.rows, existing);
  const refused = refusal(prepared, planned, options.skipRowsWithErrors);
  if (refused) return err('not_importable', refused);
  const missing = findMissing(db, options.source, planned);
  options.beforeWrite?.();
  const written = writeImport(db, planned, { source: options.source, fileName: prepared.fileName, now: options.now, dryRun: options.dryRun, categories: prepared.categories });
  if (!options.dryRun) {
    const updated = planned.filter((p) => p.outcome === 'update').map((p) => p.existing!.id);
    options.written?.([...written.addedIds, ...updated]);
  }
  return ok(reportBeforeWrite(prepared, planned, existing, missing, options)(written));
}

/**
 * Ends an import whose rows were planned, and handed to `writer`, while they were read (see
 * import_file): refuses it (rolling back what was written), or commits it and reports.
 * `linked` is the source's people as they were before the first row was written.
 */
export async function finishStreamedImport(
  prepared: PreparedImport,
  planned: readonly PlannedRow[],
  existing: readonly ExistingPerson[],
  writer: ImportWriter,
  options: CommitOptions & { readonly linked: readonly LinkedPerson[] },
): Promise<Result<ImportReport, 'not_importable'>> {
  const refused = refusal(prepared, planned, options.skipRowsWithErrors);
  if (refused) {
    await writer.close();
    return err('not_importable', refused);
  }
  const missing = missingFrom(options.linked, planned);
  // Told to commit first, a writer thread commits while the report is being put together (the
  // writer on this thread has committed by the time finish returns).
  const done = writer.finish(!options.dryRun, countWrites(planned));
  done.catch(() => undefined);
  let report: ReturnType<typeof reportBeforeWrite>;
  try {
    report = reportBeforeWrite(prepared, planned, existing, missing, options);
  } catch (e) {
    // Only a bug gets here, and the commit was already asked for: let it settle before saying so.
    await done.catch(() => undefined);
    throw e;
  }
  let written: WriteResult;
  try {
    written = await done;
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return err(
      'not_importable',
      `Nothing was imported: the event's database could not be written (${reason}). Check that the disk has free space and that no other program has the event open, then import ${prepared.fileName} again.`,
    );
  }
  return ok(report(written));
}

/** Marks the given people cancelled (never deletes them); returns how many changed. */
export function cancelMissing(db: Db, ids: readonly number[], now: string): number {
  const cancel = db.prepare(`UPDATE participant SET status = 'cancelled', updated_at = ? WHERE id = ? AND status = 'registered'`);
  const run = db.transaction(() => ids.reduce((n, id) => n + cancel.run(now, id).changes, 0));
  return run.immediate();
}
