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
function usedWidth(rows: readonly (readonly string[])[], dataIndexes: readonly number[]): number {
  const scan = dataIndexes.slice(0, 1000);
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

/** Reads every data row under the mapping; `tick` lets a caller show progress and cancel. */
export async function prepareImport(
  table: SourceTable,
  fileName: string,
  options: { headerRow?: number; mapping?: ImportMapping; preset?: ImportPreset | null; categories: readonly Category[] },
  tick: ImportTick = () => undefined,
): Promise<PreparedImport> {
  const empty = { fileName, table, headers: [], columns: [], preset: null, categories: options.categories, rows: [] };
  const noMapping: ImportMapping = { columns: [], categoryValues: {}, delegationFromCountry: false, nameOrder: 'auto' };
  if (table.blocking.length) {
    // The header still names the columns in the message ("column “Organisation”").
    const at = table.rows.length ? findHeaderRow(table.rows) : null;
    const headers = at === null ? [] : table.rows[at]!.map((h) => h.trim());
    return { ...empty, headers, headerRow: at === null ? null : at + 1, mapping: noMapping, blocking: table.blocking };
  }
  const headerIndex = options.headerRow ? options.headerRow - 1 : findHeaderRow(table.rows);
  if (headerIndex === null || headerIndex >= table.rows.length) {
    const code = table.format === 'xlsx' ? 'empty_sheet' : 'empty_file';
    return { ...empty, headerRow: null, mapping: noMapping, blocking: [{ code, severity: 'blocking', row: null, columnIndex: null, value: null }] };
  }
  const headerCells = table.rows[headerIndex]!;
  let width = headerCells.length;
  while (width > 0 && headerCells[width - 1]!.trim() === '') width--;
  const dataIndexes: number[] = [];
  for (let i = headerIndex + 1; i < table.rows.length; i++) if (!isEmptyRow(table.rows[i]!)) dataIndexes.push(i);
  width = Math.max(width, usedWidth(table.rows, dataIndexes));
  const headers = Array.from({ length: width }, (_, i) => (headerCells[i] ?? '').trim().replace(/\s+/gu, ' '));

  const samples = headers.map((_, c) => {
    const values: string[] = [];
    for (const i of dataIndexes) {
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
  if (dataIndexes.length === 0) {
    return { ...base, rows: [], blocking: [{ code: 'no_data_rows', severity: 'blocking', row: headerIndex + 1, columnIndex: null, value: null }] };
  }
  const blocking = mappingProblems(mapping, width);
  const build = createRowBuilder({ width, mapping, headers, categories: options.categories });
  const rows: BuiltRow[] = [];
  for (let n = 0; n < dataIndexes.length; n++) {
    if (n % TICK_EVERY === 0) await tick('checking', n, dataIndexes.length);
    const i = dataIndexes[n]!;
    rows.push(build(table.rows[i]!, i + 1));
  }
  flagDuplicateIds(rows, mapping);
  flagSecondHeads(rows, mapping);
  await tick('checking', dataIndexes.length, dataIndexes.length);
  return { ...base, rows, blocking };
}

function firstColumn(mapping: ImportMapping, target: ImportTarget): number | null {
  return mapping.columns.find((c) => c.target === target)?.index ?? null;
}

/** A second row with an id already used in the file is an error: which one is right is unknowable. */
function flagDuplicateIds(rows: BuiltRow[], mapping: ImportMapping): void {
  const seen = new StringIndex(rows.length);
  const repeated: BuiltRow[] = [];
  for (const r of rows) {
    const id = r.candidate?.externalId;
    if (id && seen.addOrFind(id) >= 0) repeated.push(r);
  }
  if (repeated.length === 0) return;
  // Rare: look up where each repeated id first appeared.
  const ids = new Set(repeated.map((r) => r.candidate!.externalId!));
  const firstRowOf = new Map<string, number>();
  for (const r of rows) {
    const id = r.candidate?.externalId;
    if (id && ids.has(id) && !firstRowOf.has(id)) firstRowOf.set(id, r.row);
  }
  const column = firstColumn(mapping, 'externalId');
  for (const r of repeated) {
    const id = r.candidate!.externalId!;
    addProblem(r, { code: 'duplicate_id', severity: 'error', row: r.row, columnIndex: column, value: id, otherRow: firstRowOf.get(id)! });
    r.hasError = true;
  }
}

/** One head per delegation: later rows marked head are reported and not made head. */
function flagSecondHeads(rows: BuiltRow[], mapping: ImportMapping): void {
  const headOf = new Map<string, number>();
  const column = firstColumn(mapping, 'headOfDelegation');
  for (const r of rows) {
    const c = r.candidate;
    if (!c?.isHead || !c.delegation || r.hasError) continue;
    const key = foldText(c.delegation);
    const first = headOf.get(key);
    if (first === undefined) headOf.set(key, r.row);
    else {
      c.isHead = false;
      addProblem(r, { code: 'second_head', severity: 'warning', row: r.row, columnIndex: column, value: c.delegation, otherRow: first });
    }
  }
}
