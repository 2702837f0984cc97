/**
 * From a read table to rows ready to import: the header row, the mapping (given, from a
 * preset, or suggested), every row read under it, and the problems of the file as a whole
 * (no name column, two columns feeding one field) and of each row (duplicate ids…).
 */
import type { z } from 'zod';
import type { Category, ImportColumnSchema, ImportMapping, ImportPreset, ImportTarget } from '../../contract';
import { addProblem, createRowBuilder, type BuiltRow } from './build_rows';
import { findHeaderRow } from './header_row';
import { mappingFromPreset } from './import_presets';
import { columnLetter } from './problem_text';
import type { RawProblem, SourceTable } from './read_table';
import { StringIndex } from './string_index';
import { suggestMapping } from './suggest_mapping';
import { foldText } from './text_fold';

type ImportColumn = z.infer<typeof ImportColumnSchema>;

/** Called while rows are read: reports progress, and throws to cancel. */
export type ImportTick = (phase: 'reading' | 'checking', done: number, total: number) => Promise<void> | void;

export interface PreparedImport {
  readonly fileName: string;
  readonly table: SourceTable;
  readonly headerRow: number | null;
  readonly headers: string[];
  readonly columns: ImportColumn[];
  readonly mapping: ImportMapping;
  readonly preset: string | null;
  readonly categories: readonly Category[];
  readonly rows: BuiltRow[];
  /** Whole-file problems: nothing can be imported while there is one. */
  readonly blocking: RawProblem[];
}

const SAMPLE_ROWS = 20;
// The mapping is suggested from the header and this many data rows (their widths and samples).
const HEAD_ROWS = 1000;
// findHeaderRow looks at the first 30 rows.
const HEADER_SCAN_ROWS = 31;
const TICK_EVERY = 2000;
const MULTI_TARGETS = new Set<ImportTarget>(['ignore', 'notes', 'nativeName']);

function isEmptyRow(row: readonly string[]): boolean {
  for (const cell of row) {
    // A cell starting with a character below the first Unicode space other than U+00A0 is
    // not blank: no trim for those (NaN for '' fails every comparison).
    const first = cell.charCodeAt(0);
    if (first > 0x20 && first < 0x1680 && first !== 0xa0) return false;
    if (cell.trim() !== '') return false;
  }
  return true;
}

/**
 * Columns without a header still count when most rows fill them (an untitled "notes" column);
 * a value now and then beyond the header is a ragged row instead, reported on its row.
 */
function usedWidth(rows: readonly (readonly string[])[], scan: readonly number[]): number {
  const filled: number[] = [];
  for (const i of scan) {
    const row = rows[i]!;
    for (let c = 0; c < row.length; c++) if (row[c]!.trim() !== '') filled[c] = (filled[c] ?? 0) + 1;
  }
  let width = 0;
  filled.forEach((n, c) => {
    if (n >= 2 && n >= scan.length * 0.5) width = c + 1;
  });
  return width;
}

/** Problems of the mapping itself: two columns for one field, or no name at all. */
function mappingProblems(mapping: ImportMapping, width: number): RawProblem[] {
  const problems: RawProblem[] = [];
  const seen = new Map<ImportTarget, number>();
  for (const { index, target } of mapping.columns) {
    if (index >= width || MULTI_TARGETS.has(target)) continue;
    const earlier = seen.get(target);
    if (earlier !== undefined) {
      problems.push({ code: 'duplicate_target', severity: 'blocking', row: null, columnIndex: index, value: target });
    } else seen.set(target, index);
  }
  const names: ImportTarget[] = ['fullName', 'familyName', 'givenName', 'displayName', 'nativeName'];
  if (!mapping.columns.some((c) => c.index < width && names.includes(c.target))) {
    problems.push({ code: 'no_name_column', severity: 'blocking', row: null, columnIndex: null, value: null });
  }
  return problems;
}

/**
 * Reads every data row under the mapping; `tick` lets a caller show progress and cancel.
 * `onRows` receives each chunk of checked rows as soon as it is final, while no blocking
 * problem is known. A table opened with `openTable` is read a slice at a time as the chunks
 * need it: only its end can show a quote never closed, after earlier chunks went on, so a
 * caller that writes them must still refuse a result with `blocking`.
 */
export async function prepareImport(
  table: SourceTable,
  fileName: string,
  options: { headerRow?: number; mapping?: ImportMapping; preset?: ImportPreset | null; categories: readonly Category[] },
  tick: ImportTick = () => undefined,
  onRows?: (rows: readonly BuiltRow[]) => void,
): Promise<PreparedImport> {
  const empty = { fileName, table, headers: [], columns: [], preset: null, categories: options.categories, rows: [] };
  const noMapping: ImportMapping = { columns: [], categoryValues: {}, delegationFromCountry: false, nameOrder: 'auto' };
  const refused = (): PreparedImport => {
    // The header still names the columns in the message ("column “Organisation”").
    const at = table.rows.length ? findHeaderRow(table.rows) : null;
    const headers = at === null ? [] : table.rows[at]!.map((h) => h.trim());
    return { ...empty, headers, headerRow: at === null ? null : at + 1, mapping: noMapping, blocking: table.blocking };
  };
  if (table.blocking.length) return refused();
  const headerIndex = headerRowOf(table, options.headerRow);
  // Looking for the header may have read a text file to its end, and found a quote never closed.
  if (table.blocking.length) return refused();
  if (headerIndex === null || headerIndex >= table.rows.length) {
    const code = table.format === 'xlsx' ? 'empty_sheet' : 'empty_file';
    return { ...empty, headerRow: null, mapping: noMapping, blocking: [{ code, severity: 'blocking', row: null, columnIndex: null, value: null }] };
  }
  const headerCells = table.rows[headerIndex]!;
  let width = headerCells.length;
  while (width > 0 && headerCells[width - 1]!.trim() === '') width--;
  const dataIndexes: number[] = [];
  let scanned = headerIndex + 1;
  const collect = () => {
    for (; scanned < table.rows.length; scanned++) if (!isEmptyRow(table.rows[scanned]!)) dataIndexes.push(scanned);
  };
  collect();
  // The columns' width and samples come from the first rows: read those before anything else.
  while (dataIndexes.length < HEAD_ROWS && table.more?.next()) collect();
  const head = dataIndexes.slice(0, HEAD_ROWS);
  width = Math.max(width, usedWidth(table.rows, head));
  const headers = Array.from({ length: width }, (_, i) => (headerCells[i] ?? '').trim().replace(/\s+/gu, ' '));

  const samples = headers.map((_, c) => {
    const values: string[] = [];
    for (const i of head) {
      const v = (table.rows[i]![c] ?? '').trim();
      if (v) values.push(v);
      if (values.length >= SAMPLE_ROWS) break;
    }
    return values;
  });
  const suggestions = suggestMapping(headers, samples);
  const fromPreset = options.preset ? mappingFromPreset(options.preset, headers) : null;
  const mapping: ImportMapping = options.mapping ?? fromPreset ?? {
    columns: suggestions.map((s, index) => ({ index, target: s.target })),
    categoryValues: {},
    delegationFromCountry: false,
    nameOrder: 'auto',
  };
  const columns: ImportColumn[] = headers.map((header, index) => ({
    index,
    letter: columnLetter(index),
    header,
    samples: samples[index]!.slice(0, 5),
    suggested: fromPreset ? (fromPreset.columns[index]?.target ?? 'ignore') : suggestions[index]!.target,
    reason: fromPreset && suggestions[index]!.reason !== 'sensitive' ? 'preset' : suggestions[index]!.reason,
  }));
  const base = { fileName, table, headerRow: headerIndex + 1, headers, columns, mapping, preset: options.preset?.name ?? null, categories: options.categories };
  if (table.blocking.length) return refused(); // so may reading the first rows
  if (dataIndexes.length === 0) {
    return { ...base, rows: [], blocking: [{ code: 'no_data_rows', severity: 'blocking', row: headerIndex + 1, columnIndex: null, value: null }] };
  }
  const blocking = mappingProblems(mapping, width);
  const build = createRowBuilder({ width, mapping, headers, categories: options.categories });
  // A text file still being read: its total is estimated from how much of it the rows so far took.
  const expected = () => (table.more ? Math.max(dataIndexes.length, Math.round(dataIndexes.length / Math.max(table.more.share, 0.01))) : dataIndexes.length);
  const check = createRowChecks(mapping, expected());
  const rows: BuiltRow[] = [];
  // Row by row, a chunk at a time: a row's checks look only at the rows before it, so each
  // chunk is final when handed on (the file import writes it while the next one is read).
  for (let from = 0; ; from += TICK_EVERY) {
    while (dataIndexes.length < from + TICK_EVERY && table.more?.next()) collect();
    if (from >= dataIndexes.length) break;
    await tick('checking', from, expected());
    const to = Math.min(from + TICK_EVERY, dataIndexes.length);
    for (let n = from; n < to; n++) {
      const i = dataIndexes[n]!;
      const row = build(table.rows[i]!, i + 1);
      check(row);
      rows.push(row);
    }
    if (onRows && blocking.length === 0 && table.blocking.length === 0) onRows(rows.slice(from, to));
  }
  // Read to its end, a text file can still turn out to have a quote that is never closed.
  if (table.blocking.length) return refused();
  await tick('checking', dataIndexes.length, dataIndexes.length);
  return { ...base, rows, blocking };
}

/**
 * The header row's index (given, or found in the first rows), reading a text file's slices
 * only as far as needed; null when the file has no filled row.
 */
function headerRowOf(table: SourceTable, given: number | undefined): number | null {
  const wanted = (given ?? 0) + HEADER_SCAN_ROWS;
  while (table.rows.length < wanted && table.more?.next()) {
    // the next slice
  }
  if (given) return given - 1;
  const found = findHeaderRow(table.rows);
  if (found !== null || !table.more) return found;
  // The first rows are all blank: the header is the first filled row, however far down.
  while (table.more.next()) {
    // the next slice
  }
  return findHeaderRow(table.rows);
}

function firstColumn(mapping: ImportMapping, target: ImportTarget): number | null {
  return mapping.columns.find((c) => c.target === target)?.index ?? null;
}

/**
 * The checks between rows, made as each row arrives. A second row with an id already used in
 * the file is an error: which one is right is unknowable. One head per delegation: later rows
 * marked head are reported and not made head.
 */
function createRowChecks(mapping: ImportMapping, expected: number): (row: BuiltRow) => void {
  const ids = new StringIndex(expected);
  const firstRowOfId: number[] = [];
  const idColumn = firstColumn(mapping, 'externalId');
  const headOf = new Map<string, number>();
  const headColumn = firstColumn(mapping, 'headOfDelegation');
  return (r) => {
    const c = r.candidate;
    if (!c) return;
    if (c.externalId) {
      const earlier = ids.addOrFind(c.externalId);
      if (earlier < 0) firstRowOfId.push(r.row);
      else {
        addProblem(r, { code: 'duplicate_id', severity: 'error', row: r.row, columnIndex: idColumn, value: c.externalId, otherRow: firstRowOfId[earlier]! });
        r.hasError = true;
      }
    }
    if (!c.isHead || !c.delegation || r.hasError) return;
    const key = foldText(c.delegation);
    const first = headOf.get(key);
    if (first === undefined) headOf.set(key, r.row);
    else {
      c.isHead = false;
      addProblem(r, { code: 'second_head', severity: 'warning', row: r.row, columnIndex: headColumn, value: c.delegation, otherRow: first });
    }
  };
}
