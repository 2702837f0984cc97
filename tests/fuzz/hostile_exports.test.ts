/**
 * Issue #10: every hostile string of the corpus, as a person's names, organisation, delegation,
 * the desk operator, the desk and a session title, goes through every export built in the core:
 * the participant list (CSV, XLSX), each attendance record (attendance, arrivals, no-shows,
 * scanned twice, scan log; CSV, XLSX, PDF) and the count sheet's cells. No cell may start as a
 * formula, no XLSX cell may be a formula, the text comes back exactly, and the PDF shows markup
 * as text. Real SQLite in a temp folder; the PDF needs the system Chromium and pdftotext.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { AttendanceReport } from '../../electron/contract';
import { exportAttendance } from '../../electron/core/checkin/attendance_export';
import { addSession, createCheckinTestEvent, scanOf, type CheckinTestEvent } from '../../electron/core/checkin/checkin_test_helpers';
import { recordScan } from '../../electron/core/checkin/scan_service';
import { csvCell } from '../../electron/core/count/count_report';
import { buildExport, restoreCell } from '../../electron/core/participants/participant_export';
import { addPeople, testPerson } from '../../electron/core/participants/participants_test_helpers';
import { getSession } from '../../electron/core/programme';
import { makeTempDir } from '../../electron/core/testing/temp_dir_test_helpers';
import { HOSTILE_STRINGS } from './hostile_strings';

/**
 * What a spreadsheet might run, stated on its own (not the exporters' rule): a tab or CR first,
 * or, once compatibility forms are folded (NFKC: ＝ → =, ﹢ → +) and leading spaces of any kind and
 * invisible characters are dropped, =, +, - or @ first.
 */
const RUNS_AS_FORMULA = { test: (cell: string) => /^[\t\r]/u.test(cell) || /^[=+\-@]/u.test(cell.normalize('NFKC').replace(/^[\s\u200b-\u200f\u2060\ufeff\u00ad]+/u, '')) };
const REPORTS: readonly AttendanceReport[] = ['attendance', 'arrivals', 'no_shows', 'scanned_twice', 'scan_log'];
const EVENT = { name: '=HYPERLINK("http://x.invalid") <script>alert(1)</script> Forum', timezone: 'Asia/Seoul' };
const SESSION_TITLE = '@SUM(1+1) ../../etc/passwd <img src=x onerror=alert(1)>';

let ev: CheckinTestEvent;
let sessionId = 0;
// Strings a name can hold (an empty-looking one is not a name anyone registers).
const corpus = HOSTILE_STRINGS.filter((s) => s.trim() !== '');

beforeAll(() => {
  ev = createCheckinTestEvent();
  const ids = addPeople(ev.ws.db, corpus.map((h, i) => testPerson({
    displayName: `${h} #${i}`, familyName: h, givenName: h, nativeName: h, organisation: h, position: h, phone: h, email: h, notes: h, delegation: `${h} #${i}`,
  })));
  sessionId = addSession(ev.ws, SESSION_TITLE, { venue: '=1+1' });
  let n = 0;
  for (const [i, h] of corpus.entries()) {
    const participantId = ids.get(`${h} #${i}`)!;
    const ctx = ev.ctx(`Desk ${i}`);
    const context = { ...ctx, desk: { deskId: `desk-${i}`, deskName: h } };
    // Arrives, is scanned again (scanned twice), and goes through the session's door; every other one never comes (no-shows).
    if (i % 2 === 1) continue;
    const later = { ...context, now: new Date(Date.now() + 600_000).toISOString() };
    for (const [more, at] of [[{}, context], [{}, later], [{ sessionId }, context]] as const) {
      if (!recordScan(ev.ws.db, scanOf({ participantId }, { operator: h, ...more }), at).ok) n++;
    }
  }
  expect(n, 'scans refused').toBe(0);
});
afterAll(() => ev.close());

/**
 * Strings ExcelJS's reader gives back exactly. Its reader decodes XML entities twice (the file
 * holds "&amp;amp;" for "&amp;", as Excel expects; checked by hand), and line breaks and tabs are
 * normalised by XML; those cells are still checked for formulas, just not compared.
 */
const xlsxComparable = (h: string) => !/[\t\r\n]|&[a-z]+;/u.test(h);

/** Every cell of a CSV file (BOM and CRLF as written). */
function csvCells(bytes: Buffer): string[] {
  const text = bytes.toString('utf8');
  expect(text.startsWith('\ufeff')).toBe(true);
  const parsed = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data.flat();
}

/** Every cell of an XLSX workbook, checking that none is a formula. */
async function xlsxCells(bytes: Buffer): Promise<string[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const cells: string[] = [];
  for (const sheet of book.worksheets) {
    sheet.eachRow((row) => row.eachCell((cell) => {
      expect(cell.formula, `${cell.address} is a formula`).toBeFalsy();
      expect(cell.type === ExcelJS.ValueType.String, `${cell.address} is ${cell.type}, not text`).toBe(true);
      cells.push(String(cell.value));
    }));
  }
  return cells;
}

/** No cell would run, and each hostile string comes back exactly once its apostrophe is taken off. */
function expectInert(cells: readonly string[], expected: readonly string[], where: string): void {
  const running = cells.filter((c) => RUNS_AS_FORMULA.test(c));
  expect(running, `${where}: cells a spreadsheet would run`).toEqual([]);
  const restored = new Set(cells.map(restoreCell));
  const missing = expected.filter((h) => !restored.has(h));
  expect(missing, `${where}: strings not in the file as they were`).toEqual([]);
}

test('the participant list as CSV and XLSX: no formula, every string exact', async () => {
  const filter = { query: '', direction: 'asc' as const, locale: 'en' };
  const csv = await buildExport(ev.ws.db, filter, 'csv', '2026-12-01');
  expectInert(csvCells(csv.bytes), corpus, 'participants.csv');
  const xlsx = await buildExport(ev.ws.db, filter, 'xlsx', '2026-12-01');
  expectInert(await xlsxCells(xlsx.bytes), corpus.filter(xlsxComparable), 'participants.xlsx');
}, 60_000);

test.each(REPORTS)('the %s record, event desk and hostile session, as CSV and XLSX: no formula, names exact', async (report) => {
  const session = getSession(ev.ws.db, sessionId)!;
  for (const scope of [null, session]) {
    const names = corpus.filter((_, i) => (report === 'no_shows' ? i % 2 === 1 : i % 2 === 0)).map((h, k) => `${h} #${report === 'no_shows' ? 2 * k + 1 : 2 * k}`);
    const csv = await exportAttendance(ev.ws.db, { report, session: scope, format: 'csv' }, EVENT, new Date());
    expect(csv.fileName, 'a file name a system can write').toMatch(/^[\p{L}\p{N}-]+\.csv$/u);
    // Nobody was scanned twice at the session's door; every other record has rows.
    expect(csv.rowCount > 0).toBe(!(report === 'scanned_twice' && scope));
    const cells = csvCells(csv.bytes);
    // scanned_twice lists the event desk only; a session's own rows still must be inert.
    expectInert(cells, report === 'scanned_twice' && scope ? [] : names, `${report} ${scope ? 'session' : 'event'} csv`);
    const xlsx = await exportAttendance(ev.ws.db, { report, session: scope, format: 'xlsx' }, EVENT, new Date());
    const xlsxText = await xlsxCells(xlsx.bytes);
    expectInert(xlsxText, report === 'scanned_twice' && scope ? [] : names.filter(xlsxComparable), `${report} xlsx`);
    // Every non-empty cell of the CSV is in the workbook too (ExcelJS skips empty cells).
    expect(xlsxText.length).toBe(cells.filter((c) => c !== '').length);
  }
}, 60_000);

test('the scan log keeps hostile operators and desk names inert', async () => {
  const csv = await exportAttendance(ev.ws.db, { report: 'scan_log', session: null, format: 'csv' }, EVENT, new Date());
  const evenOnes = corpus.filter((_, i) => i % 2 === 0).filter((h) => !/^\s|\s$/u.test(h));
  expectInert(csvCells(csv.bytes), evenOnes, 'scan log operators');
});

const chromium = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const canPrint = fs.existsSync(chromium) && (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

test.skipIf(!canPrint)('the attendance PDF shows markup and formulas as text', async () => {
  const pdf = await exportAttendance(ev.ws.db, { report: 'attendance', session: null, format: 'pdf' }, EVENT, new Date());
  expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
  const file = path.join(makeTempDir('dd-hostile-pdf-'), 'attendance.pdf');
  fs.writeFileSync(file, pdf.bytes);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/gu, ' ');
  // The people who came (even positions of the corpus) with markup or a formula in their names: short ones, so no cell wraps them.
  const shown = corpus.filter((h, i) => i % 2 === 0 && /[<=+@]/u.test(h) && h.length < 40 && !/[\t\r\n]/u.test(h));
  expect(shown.length).toBeGreaterThan(4);
  for (const inert of shown) expect(text, inert).toContain(`${inert.trim()} #${corpus.indexOf(inert)}`);
  expect(text).toContain(EVENT.name);
}, 90_000);

test('the count sheet neutralises every hostile string, as the other exports do', () => {
  for (const h of HOSTILE_STRINGS) {
    // A first column before it, so the parser does not take a leading U+FEFF for a byte-order mark.
    const parsed = Papa.parse<string[]>(`x,${csvCell(h)}`, { delimiter: ',', skipEmptyLines: false });
    const cell = parsed.data[0]?.[1] ?? '';
    expect(RUNS_AS_FORMULA.test(cell), JSON.stringify(h)).toBe(false);
    expect(restoreCell(cell), JSON.stringify(h)).toBe(h);
  }
});
