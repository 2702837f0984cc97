/**
 * Bytes → a table of text cells, row i being the spreadsheet's row i + 1. CSV/TSV/"Unicode
 * Text" go through papaparse (quotes, embedded newlines, any delimiter); XLSX through
 * read-excel-file, which only reads (no macros, no formulas run) and is small.
 */
import Papa from 'papaparse';
import readXlsxFile from 'read-excel-file/node';
import type { z } from 'zod';
import type { ImportDelimiterSchema, ImportEncoding, ImportFormat, ImportProblemCode, ImportReadOptions } from '../../contract';
import { decodeText, detectEncoding } from './decode_text';
import { sniffFile } from './sniff_file';
import { textRowSlices } from './text_rows';

type Delimiter = z.infer<typeof ImportDelimiterSchema>;

/** A problem found while reading, before headers are known; messages are made later. */
export interface RawProblem {
  readonly code: ImportProblemCode;
  readonly severity: 'blocking' | 'error' | 'warning';
  readonly row: number | null;
  readonly columnIndex: number | null;
  readonly value: string | null;
  readonly otherRow?: number | null;
  readonly detail?: string;
}

export interface SourceTable {
  readonly format: ImportFormat | null;
  readonly encoding: ImportEncoding | null;
  readonly encodingConfidence: number | null;
  readonly delimiter: Delimiter | null;
  readonly sheets: string[];
  readonly sheet: string | null;
  /** Cells as text; row i is the file's row i + 1. While `more` can read on, the rows so far. */
  readonly rows: string[][];
  /** Problems that stop the whole file (empty, binary, unreadable, an unclosed quote). */
  readonly blocking: RawProblem[];
  /** A text file opened by `openTable` is read a slice at a time; null once it is whole. */
  readonly more: TableReading | null;
}

export interface TableReading {
  /**
   * Reads the next slice into `rows` and returns true; the call after the last slice returns
   * false, and only then are trailing blank records dropped and an unclosed quote put in `blocking`.
   */
  next(): boolean;
  /** How much of the file is in `rows`, from 0 to 1. */
  readonly share: number;
}

const DELIMITERS: readonly Delimiter[] = ['\t', ';', ',', '|'];

/** Reads the file's whole table; never throws for bad input, the problems say what is wrong. */
export async function readTable(bytes: Uint8Array, fileName: string, options: ImportReadOptions): Promise<SourceTable> {
  const table = await openTable(bytes, fileName, options);
  while (table.more?.next()) {
    // the next slice of a text file
  }
  return { ...table, more: null };
}

/**
 * Opens the file's table: a workbook is read whole, a text file only its first slice (see
 * `more`), so an import can check and write the first rows while the rest is parsed.
 */
export async function openTable(bytes: Uint8Array, fileName: string, options: ImportReadOptions, sliceChars?: number): Promise<SourceTable> {
  const sniffed = sniffFile(bytes, fileName);
  if (sniffed.kind === 'refused') return refused(sniffed.code, sniffed.detail);
  if (sniffed.kind === 'xlsx') return readWorkbook(bytes, options.sheet);
  return readText(bytes, options, sliceChars);
}

function refused(code: ImportProblemCode, detail: string): SourceTable {
  return {
    format: null,
    encoding: null,
    encodingConfidence: null,
    delimiter: null,
    sheets: [],
    sheet: null,
    rows: [],
    blocking: [{ code, severity: 'blocking', row: null, columnIndex: null, value: null, detail }],
    more: null,
  };
}

/** The delimiter that gives the most rows with the same number (≥ 2) of fields. */
function guessDelimiter(text: string, preferTab: boolean): Delimiter {
  const head = text.slice(0, 64 * 1024);
  let best: Delimiter = preferTab ? '\t' : ',';
  let bestScore = 0;
  for (const delimiter of DELIMITERS) {
    const rows = Papa.parse<string[]>(head, { delimiter, preview: 60 }).data;
    const counts = new Map<number, number>();
    for (const row of rows) if (row.length >= 2) counts.set(row.length, (counts.get(row.length) ?? 0) + 1);
    const score = Math.max(0, ...counts.values());
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

function readText(bytes: Uint8Array, options: ImportReadOptions, sliceChars?: number): SourceTable {
  const detected = detectEncoding(bytes);
  const encoding = options.encoding ?? detected.encoding;
  const text = decodeText(bytes, encoding);
  const utf16 = encoding === 'utf-16le' || encoding === 'utf-16be';
  const delimiter = options.delimiter ?? guessDelimiter(text, utf16);
  const slices = textRowSlices(text, delimiter, sliceChars);
  const rows: string[][] = [];
  const blocking: RawProblem[] = [];
  let whole = false;
  const next = (): boolean => {
    if (whole) return false;
    const slice = slices.next();
    if (slice) {
      for (const row of slice) rows.push(row);
      return true;
    }
    whole = true;
    // A final line break leaves one empty record behind; it is not a row of the file.
    while (rows.length && rows[rows.length - 1]!.every((c) => c === '')) rows.pop();
    const at = slices.unclosedQuoteRow;
    if (at !== null) {
      const row = rows[at] ?? [];
      blocking.push({
        code: 'unclosed_quote',
        severity: 'blocking',
        row: at + 1,
        columnIndex: Math.max(0, row.length - 1),
        value: (row[row.length - 1] ?? '').slice(0, 60),
      });
    }
    return false;
  };
  next();
  const format: ImportFormat = delimiter === '\t' ? (utf16 ? 'unicode_text' : 'tsv') : 'csv';
  return {
    format,
    encoding,
    encodingConfidence: options.encoding ? null : detected.confidence,
    delimiter,
    sheets: [],
    sheet: null,
    rows,
    blocking,
    more: { next, get share() { return whole ? 1 : slices.share; } },
  };
}

async function readWorkbook(bytes: Uint8Array, wanted: string | undefined): Promise<SourceTable> {
  let sheets: Array<{ sheet: string; data: unknown[][] }>;
  try {
    sheets = (await readXlsxFile(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))) as typeof sheets;
  } catch {
    return { ...refused('damaged_xlsx', 'the workbook is damaged or incomplete'), format: 'xlsx' };
  }
  const names = sheets.map((s) => s.sheet);
  // Without a choice, the sheet with the most filled rows: a note or cover sheet often comes first.
  const filledRows = (s: { data: unknown[][] }) => s.data.filter((r) => r.some((c) => c !== null && c !== '')).length;
  const chosen = sheets.find((s) => s.sheet === wanted) ?? [...sheets].sort((a, b) => filledRows(b) - filledRows(a))[0];
  const rows = (chosen?.data ?? []).map((r) => r.map(cellText));
  while (rows.length && rows[rows.length - 1]!.every((c) => c === '')) rows.pop();
  return {
    format: 'xlsx',
    encoding: null,
    encodingConfidence: null,
    delimiter: null,
    sheets: names,
    sheet: chosen?.sheet ?? null,
    rows,
    blocking: [],
    more: null,
  };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * A cell as the person saw it in Excel: whole numbers without ".0", other numbers to Excel's
 * 15 significant digits (0.1 + 0.2 shows as 0.3), dates as YYYY-MM-DD.
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    return Number.isInteger(value) && Math.abs(value) < 1e21 ? value.toFixed(0) : String(Number(value.toPrecision(15)));
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    const date = `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
    const hasTime = value.getUTCHours() || value.getUTCMinutes();
    return hasTime ? `${date} ${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}` : date;
  }
  return String(value as string);
}
