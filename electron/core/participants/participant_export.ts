/**
 * The participant list as a file: CSV (UTF-8 with BOM, so Excel reads Hangul and Arabic right)
 * or XLSX, with the rows and order of the list on screen.
 *
 * Spreadsheet formulas are neutralised: a cell whose text starts with =, +, - or @ (or tab, CR,
 * or their full-width forms), even after spaces, gets a leading apostrophe, the convention
 * spreadsheets themselves use for "this is text". A registration form is typed by strangers;
 * "=HYPERLINK(...)" in a name field must never run on the programme officer's laptop.
 */
import { PassThrough } from 'node:stream';
import type { ExportFormat, Participant, ParticipantFilter } from '../../contract';
import type { Db } from '../db/connection';
import { listParticipantIds } from './participant_search';
import { getParticipantsByIds } from './participant_rows';
import { listCategories, listDelegations } from './participant_store';

/**
 * Whether a spreadsheet could take a cell for a formula: it starts with a tab or CR, or its
 * first visible character (after any spaces, no-break or ideographic spaces and invisible
 * format characters) is =, +, - or @ in any width or form (＝, ﹢ and the like fold to them).
 */
function runsAsFormula(text: string): boolean {
  if (/^[\t\r]/u.test(text)) return true;
  const first = text.replace(/^[\p{White_Space}\p{Cf}]+/u, '').charAt(0).normalize('NFKC');
  return first === '=' || first === '+' || first === '-' || first === '@';
}

/** Makes a cell inert in spreadsheets (see the top of the file). */
export function neutraliseCell(text: string): string {
  return runsAsFormula(text) ? `'${text}` : text;
}

/** The original text of a neutralised cell (for tests and re-import). */
export function restoreCell(text: string): string {
  return text.startsWith("'") && runsAsFormula(text.slice(1)) ? text.slice(1) : text;
}

interface ExportContext {
  countryName: (code: string | null) => string;
  categoryName: Map<string, string>;
  heads: Set<number>;
}

/** The exported columns: English headers (a stable format that the import recognises). */
const COLUMNS: ReadonlyArray<{ header: string; width: number; cell: (p: Participant, c: ExportContext) => string }> = [
  { header: 'Registration number', width: 18, cell: (p) => p.externalId ?? '' },
  { header: 'Title', width: 8, cell: (p) => p.title },
  { header: 'Family name', width: 20, cell: (p) => p.familyName },
  { header: 'Given name', width: 20, cell: (p) => p.givenName },
  { header: 'Name in own script', width: 20, cell: (p) => p.nativeName },
  { header: 'Script', width: 8, cell: (p) => p.nativeNameLang ?? '' },
  { header: 'Display name', width: 26, cell: (p) => p.displayName },
  { header: 'Organisation', width: 32, cell: (p) => p.organisation },
  { header: 'Position', width: 26, cell: (p) => p.position },
  { header: 'Country code', width: 8, cell: (p) => p.country ?? '' },
  { header: 'Country', width: 18, cell: (p, c) => c.countryName(p.country) },
  { header: 'Delegation', width: 20, cell: (p) => p.delegationName ?? '' },
  { header: 'Head of delegation', width: 10, cell: (p, c) => (c.heads.has(p.id) ? 'yes' : '') },
  { header: 'Category', width: 14, cell: (p, c) => c.categoryName.get(p.categoryCode) ?? p.categoryCode },
  { header: 'Languages', width: 12, cell: (p) => p.languages.join(' ') },
  { header: 'E-mail', width: 28, cell: (p) => p.email },
  { header: 'Phone', width: 18, cell: (p) => p.phone },
  { header: 'Status', width: 11, cell: (p) => p.status },
  { header: 'Walk-in', width: 8, cell: (p) => (p.registrationSource === 'walk_in' ? 'yes' : '') },
  { header: 'Notes for staff', width: 40, cell: (p) => p.notes },
  { header: 'Last changed', width: 24, cell: (p) => p.updatedAt },
];

/** The header row of an export. */
export const EXPORT_HEADERS: readonly string[] = COLUMNS.map((c) => c.header);

/** The rows of the list as cells (neutralised), header first; rows are read 500 at a time. */
export function* exportRows(db: Db, filter: ParticipantFilter): Generator<string[]> {
  let namer: Intl.DisplayNames;
  try {
    namer = new Intl.DisplayNames([filter.locale], { type: 'region' });
  } catch {
    namer = new Intl.DisplayNames(['en'], { type: 'region' });
  }
  const context: ExportContext = {
    countryName: (code) => (code ? (namer.of(code) ?? code) : ''),
    categoryName: new Map(listCategories(db).map((c) => [c.code, c.name])),
    heads: new Set(listDelegations(db).flatMap((d) => (d.headParticipantId === null ? [] : [d.headParticipantId]))),
  };
  yield [...EXPORT_HEADERS];
  const ids = listParticipantIds(db, filter);
  for (let at = 0; at < ids.length; at += 500) {
    for (const p of getParticipantsByIds(db, ids.slice(at, at + 500))) yield COLUMNS.map((c) => neutraliseCell(c.cell(p, context)));
  }
}

/** One CSV field: quoted when it holds a comma, quote, line break or edge spaces. */
function csvField(text: string): string {
  return /[",\r\n]|^\s|\s$/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
}

/** The rows as CSV: UTF-8 with BOM, comma-separated, CRLF line ends (RFC 4180). */
export function toCsv(rows: Iterable<string[]>): Buffer {
  const lines: string[] = [];
  for (const row of rows) lines.push(row.map(csvField).join(','));
  return Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8');
}

// XML 1.0 cannot hold most control characters or lone surrogates; a file containing one is
// refused by Excel as damaged. They are replaced (they never come from a form the app accepts).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const XML_UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/gu;

/** The rows as an XLSX workbook (one sheet, header frozen, every cell text). */
export async function toXlsx(rows: Iterable<string[]>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (c: Buffer) => chunks.push(c));
  // Loaded on first use: exceljs takes a quarter of a second to load, which a host start should not pay.
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false, useStyles: true });
  const sheet = book.addWorksheet('Participants', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({ width: c.width }));
  let first = true;
  for (const row of rows) {
    const added = sheet.addRow(row.map((cell) => cell.replace(XML_UNSAFE, '\ufffd')));
    if (first) added.font = { bold: true };
    first = false;
    added.commit();
  }
  sheet.commit();
  await book.commit();
  return Buffer.concat(chunks);
}

/** Builds the export file of a list. */
export async function buildExport(db: Db, filter: ParticipantFilter, format: ExportFormat, today: string): Promise<{ bytes: Buffer; fileName: string; mimeType: string; rowCount: number }> {
  const rows = [...exportRows(db, filter)];
  const fileName = `participants-${today}.${format}`;
  if (format === 'csv') return { bytes: toCsv(rows), fileName, mimeType: 'text/csv;charset=utf-8', rowCount: rows.length - 1 };
  return { bytes: await toXlsx(rows), fileName, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', rowCount: rows.length - 1 };
}
