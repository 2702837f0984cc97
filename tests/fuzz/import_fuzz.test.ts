import fc from 'fast-check';
import iconv from 'iconv-lite';
import { afterAll, expect, test } from 'vitest';
import { demoEvent } from '../../electron/core/backup/backup_test_helpers';
import { importFile } from '../../electron/core/import/import_file';
import { HOSTILE_STRINGS } from './hostile_strings';
import { rowCounts, totalChanges, within } from './fuzz_test_helpers';

const ws = demoEvent();
afterAll(() => ws.close());

/** Imports and checks the all-or-nothing rule: a refusal has a message and changed nothing. */
async function importChecked(bytes: Uint8Array, name: string) {
  const before = totalChanges(ws.db);
  const counts = rowCounts(ws.db);
  const outcome = await within(10_000, `importing ${name}`, () => importFile(ws.db, bytes, name));
  if (!outcome.ok) {
    expect(outcome.message.length).toBeGreaterThan(10);
    expect(totalChanges(ws.db)).toBe(before);
    expect(rowCounts(ws.db)).toEqual(counts);
  } else {
    expect(outcome.report.rowsRead).toBeGreaterThanOrEqual(outcome.report.added);
  }
  return outcome;
}

test('random bytes under any file name: never a crash or a hang, a refusal changes nothing', async () => {
  const names = fc.constantFrom('list.csv', 'list.tsv', 'list.txt', 'list.xlsx', 'list.xls', 'list');
  const bytes = fc.oneof(
    fc.uint8Array({ maxLength: 2048 }),
    // Near-misses: a ZIP or OLE header (a workbook that is not one), a UTF-16 BOM, a PDF.
    fc.uint8Array({ maxLength: 1024 }).map((b) => Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...b])),
    fc.uint8Array({ maxLength: 1024 }).map((b) => Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...b])),
    fc.uint8Array({ maxLength: 1024 }).map((b) => Uint8Array.from([0xff, 0xfe, ...b])),
    fc.uint8Array({ maxLength: 1024 }).map((b) => Uint8Array.from([...Buffer.from('%PDF-1.7\n'), ...b])),
  );
  await fc.assert(fc.asyncProperty(bytes, names, async (b, n) => void (await importChecked(b, n))), { numRuns: 120 });
});

const HEADERS = ['Name', 'Full name', 'Family name', 'Given name', '성명', 'E-mail', 'Country', 'Organisation', 'Delegation', 'Category', 'ID', 'Passport No.', 'Date of birth', 'Notes', '', 'Name'];
const cell = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom(...HOSTILE_STRINGS), fc.constantFrom('KR', 'Korea', 'a@b.co', 'not-an-email', 'delegate', '1', '1'));

test('random CSV shapes in any encoding: separators, quotes, ragged rows, duplicate headers, hostile cells', async () => {
  const csv = fc.record({
    header: fc.array(fc.constantFrom(...HEADERS), { minLength: 0, maxLength: 7 }),
    rows: fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 12 }),
    sep: fc.constantFrom(',', ';', '\t', '|'),
    eol: fc.constantFrom('\n', '\r\n', '\r'),
    quote: fc.boolean(),
    encoding: fc.constantFrom('utf-8', 'utf-8-bom', 'utf-16le', 'cp949', 'windows-1252', 'shift_jis'),
    titleRows: fc.nat({ max: 2 }),
  });
  await fc.assert(
    fc.asyncProperty(csv, async (c) => {
      const q = (s: string) => (c.quote || /[",;\t|\r\n]/u.test(s) ? `"${s.replace(/"/gu, '""')}"` : s);
      const lines = [...Array.from({ length: c.titleRows }, () => 'Registration list'), c.header.map(q).join(c.sep), ...c.rows.map((r) => r.map(q).join(c.sep))];
      const text = lines.join(c.eol);
      const bytes =
        c.encoding === 'utf-8-bom' ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]) : c.encoding === 'utf-16le' ? Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]) : iconv.encode(text, c.encoding);
      await importChecked(bytes, 'fuzz.csv');
    }),
    { numRuns: 150 },
  );
});

test('an unclosed quote or a file of only headers is refused whole, with the row named', async () => {
  const refused = await importChecked(Buffer.from('Name,Email\n"Ana,ana@x.org\nBo,bo@x.org\n'), 'quote.csv');
  expect(refused.ok).toBe(false);
  const headerOnly = await importChecked(Buffer.from('Name,Email\n'), 'header.csv');
  expect(headerOnly.ok || headerOnly.message).toContain('header.csv');
});
