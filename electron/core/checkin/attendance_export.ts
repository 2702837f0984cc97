/**
 * Attendance records as files: CSV (UTF-8 with BOM) and XLSX through the participants export's
 * writers, formulas neutralised (a name typed by a stranger never runs as a formula), and PDF
 * as an HTML table printed by the system Chromium the badge PDFs use (findChromium), with every
 * network request refused: the page is built here and needs nothing else.
 */
import { PassThrough } from 'node:stream';
import type { AttendanceFormat, AttendanceReport, ProgrammeSession } from '../../contract';
import { findChromium } from '../badges';
import { neutraliseCell } from '../participants';
import type { Db } from '../db/connection';
import { buildRecordTable, localTime, type RecordTable } from './attendance_records';

/** A built file. */
export interface BuiltFile {
  bytes: Buffer;
  fileName: string;
  mimeType: string;
  rowCount: number;
}

const MIME: Record<AttendanceFormat, string> = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

/** A file name safe on every system: letters of any script kept, separators made dashes. */
export function recordFileName(table: RecordTable, scopeLabel: string, format: AttendanceFormat, today: string): string {
  const slug = `${table.title}-${scopeLabel}`
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/gu, '')
    .slice(0, 80)
    .toLowerCase();
  return `${slug}-${today}.${format}`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (c) => `&#${c.charCodeAt(0)};`);
}

/** The report as a self-contained HTML page (no scripts, no external resources; names typed by people isolated in <bdi>, so a bidi override cannot reverse the title). */
export function recordHtml(table: RecordTable, eventName: string, generatedAt: string): string {
  const head = table.headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  // Fixed column widths (the XLSX ones, as shares of the page): a 600-letter name wraps in its own column instead of squeezing the others to a letter.
  const total = table.widths.reduce((sum, w) => sum + w, 0) || 1;
  const cols = table.widths.map((w) => `<col style="width: ${((100 * w) / total).toFixed(2)}%">`).join('');
  const body = table.rows.map((r) => `<tr>${r.map((c) => `<td dir="auto">${escapeHtml(c)}</td>`).join('')}</tr>`).join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(table.title)}</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>
@page { size: A4 landscape; margin: 12mm; }
body { font-family: "Noto Sans", "Noto Sans KR", "Noto Sans Arabic", "Noto Sans Thai", "Noto Sans SC", sans-serif; font-size: 9pt; color: #111; }
h1 { font-size: 14pt; margin: 0 0 2mm; } p { margin: 0 0 4mm; color: #444; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; } thead { display: table-header-group; }
th, td { border: 0.3pt solid #999; padding: 1.2mm 1.6mm; text-align: start; vertical-align: top; overflow-wrap: anywhere; }
th { background: #eee; } tr { break-inside: avoid; }
</style></head><body>
<h1><bdi>${escapeHtml(eventName)}</bdi>: ${escapeHtml(table.title)}</h1>
<p><bdi>${escapeHtml(table.scope)}</bdi> · ${table.rows.length} row(s) · generated ${escapeHtml(generatedAt)}</p>
<table><colgroup>${cols}</colgroup><thead><tr>${head}</tr></thead><tbody>
${body}
</tbody></table></body></html>`;
}

// One Chromium at a time for every PDF report of this process: several presenters or desks
// asking at once wait their turn instead of starting a browser each on a two-core host.
let printing: Promise<unknown> = Promise.resolve();

/** Prints HTML to PDF in the system Chromium (one at a time); throws a message a person can act on. */
export function htmlToPdf(html: string, env: NodeJS.ProcessEnv = process.env): Promise<Buffer> {
  const mine = printing.then(() => printOnce(html, env));
  printing = mine.catch(() => undefined);
  return mine;
}

async function printOnce(html: string, env: NodeJS.ProcessEnv): Promise<Buffer> {
  const found = findChromium(env);
  if ('problem' in found) throw new Error(found.problem.replace('Badge PDFs', 'Attendance PDFs'));
  // Loaded on first use, like the badge renderer: playwright-core is slow to load.
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: found.path, headless: true, args: ['--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking'] });
  try {
    const page = await browser.newPage();
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort('blockedbyclient')));
    await page.setContent(html, { waitUntil: 'load' });
    return Buffer.from(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  } finally {
    await browser.close().catch(() => undefined);
  }
}

/** One CSV field: quoted when it holds a comma, quote, line break or edge spaces. */
function csvField(text: string): string {
  return /[",\r\n]|^\s|\s$/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
}

/** Rows as CSV: UTF-8 with BOM (Excel reads Hangul and Arabic right), CRLF line ends. */
export function recordCsv(rows: readonly string[][]): Buffer {
  return Buffer.from(`\ufeff${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`, 'utf8');
}

// XML 1.0 cannot hold most control characters or lone surrogates (Excel calls the file damaged).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const XML_UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/gu;

/** Rows as an XLSX workbook: one sheet, header bold and frozen, every cell text. */
export async function recordXlsx(table: RecordTable, rows: readonly string[][]): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (c: Buffer) => chunks.push(c));
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false, useStyles: true });
  const sheet = book.addWorksheet(table.title.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.widths.map((width) => ({ width }));
  rows.forEach((row, i) => {
    const added = sheet.addRow(row.map((cell) => cell.replace(XML_UNSAFE, '\ufffd')));
    if (i === 0) added.font = { bold: true };
    added.commit();
  });
  sheet.commit();
  await book.commit();
  return Buffer.concat(chunks);
}

/** Writes a report in a format. */
export async function writeRecord(
  table: RecordTable,
  format: AttendanceFormat,
  meta: { eventName: string; scopeLabel: string; today: string; generatedAt: string },
): Promise<BuiltFile> {
  const fileName = recordFileName(table, meta.scopeLabel, format, meta.today);
  const base = { fileName, mimeType: MIME[format], rowCount: table.rows.length };
  if (format === 'pdf') return { ...base, bytes: await htmlToPdf(recordHtml(table, meta.eventName, meta.generatedAt)) };
  const cells = [table.headers, ...table.rows.map((r) => r.map(neutraliseCell))];
  if (format === 'csv') return { ...base, bytes: recordCsv(cells) };
  return { ...base, bytes: await recordXlsx(table, cells) };
}

/** Builds one attendance report of a scope as a file (used by the API and the CLI). */
export async function exportAttendance(
  db: Db,
  request: { report: AttendanceReport; session: ProgrammeSession | null; format: AttendanceFormat },
  event: { name: string; timezone: string },
  now: Date,
): Promise<BuiltFile> {
  const iso = now.toISOString();
  const table = buildRecordTable(db, request.report, request.session, event.timezone, iso);
  const scopeLabel = request.session ? request.session.title : 'event';
  return writeRecord(table, request.format, { eventName: event.name, scopeLabel, today: localTime(iso, event.timezone).slice(0, 10), generatedAt: localTime(iso, event.timezone) });
}
