import { expect, test } from 'vitest';
import { IMPORT_MAX_BYTES } from '../../contract';
import { importFile } from './import_file';
import { encoded, encryptedWorkbook, newEvent, storedPeople, tableCounts, workbook } from './import_test_helpers';
import { UploadStore } from './upload_store';

/** Imports into a demo event and proves nothing changed; returns the refusal's message and analysis. */
async function refused(bytes: Uint8Array, fileName: string, options: { skipRowsWithErrors?: boolean } = {}) {
  const ws = newEvent({ demo: true });
  const before = tableCounts(ws.db);
  const outcome = await importFile(ws.db, bytes, fileName, options);
  expect(outcome.ok, 'the import must be refused').toBe(false);
  expect(tableCounts(ws.db), 'the database is unchanged').toEqual(before);
  if (outcome.ok) throw new Error('unreachable');
  return outcome;
}

test('an empty file names the file and says what to do', async () => {
  const { message, analysis } = await refused(new Uint8Array(0), 'participants.csv');
  expect(message).toMatch(/^Nothing was imported\. participants\.csv: the file is empty\. Choose the exported file again/u);
  expect(analysis?.problems.map((p) => [p.code, p.severity])).toEqual([['empty_file', 'blocking']]);
});

test('a file with only a header row', async () => {
  const { message, analysis } = await refused(encoded('Family name,Given name,Email\n', 'utf-8'), 'header-only.csv');
  expect(message).toContain('header-only.csv, row 1: there is a header row but no people under it');
  expect(analysis?.headerRow).toBe(1);
});

test('a binary file named .csv', async () => {
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 7)]);
  expect((await refused(png, 'list.csv')).message).toContain('list.csv: this is not a list of people (it is a PNG image). Choose the CSV or Excel (.xlsx) export');
  const noise = Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256));
  expect((await refused(noise, 'data.csv')).message).toContain('data.csv: this is not a list of people');
});

test('a truncated XLSX and a password-protected XLSX', async () => {
  const whole = await workbook([{ name: 'S', rows: [['Name', 'Email'], ['Ana Kovačević', 'ana@example.hr']] }]);
  const cut = await refused(whole.subarray(0, Math.floor(whole.length * 0.6)), 'cut.xlsx');
  expect(cut.message).toContain('cut.xlsx: the workbook is damaged or incomplete');
  const locked = await refused(encryptedWorkbook(), 'locked.xlsx');
  expect(locked.message).toContain('locked.xlsx: the workbook is protected with a password. Open it in Excel, remove the password');
  expect(locked.analysis?.problems[0]?.code).toBe('password_protected');
});

test('an unclosed quote names its row and column', async () => {
  const csv = 'Name,Organisation,Email\nAna Kovačević,State Election Commission,ana@example.hr\nJan Novák,"Státní volební komise,jan@example.cz\nEva Svoboda,Ministry,eva@example.cz\n';
  const { message } = await refused(encoded(csv, 'utf-8'), 'quotes.csv');
  expect(message).toContain('quotes.csv, row 3, column “Organisation”: a quotation mark opens a value that is never closed');
});

test('ragged rows: an extra value is an error on its row; skipping imports the others', async () => {
  const csv = 'Name,Organisation,Email\nAna Kovačević,State Election Commission,ana@example.hr\nJan Novák,Státní volební komise, odbor voleb,jan@example.cz\nEva Svoboda,Ministry,eva@example.cz\nShort Row\n';
  const { message, analysis } = await refused(encoded(csv, 'utf-8'), 'ragged.csv');
  expect(message).toContain('Nothing was imported: 1 of 4 rows have errors.');
  expect(message).toContain('ragged.csv, row 3, column D: the row has more values than the header has columns (“jan@example.cz” is beyond the last one)');
  expect(analysis?.plan).toMatchObject({ rows: 4, add: 3, skip: 1, rowsWithErrors: 1 });

  const ws = newEvent();
  const outcome = await importFile(ws.db, encoded(csv, 'utf-8'), 'ragged.csv', { skipRowsWithErrors: true });
  expect(outcome.ok && outcome.report).toMatchObject({ rowsRead: 4, added: 3, skipped: 1 });
  expect(storedPeople(ws.db).map((p) => p.displayName)).toEqual(['Ana Kovačević', 'Eva Svoboda', 'Short Row']);
});

test('duplicate ids inside one file', async () => {
  const csv = 'ID,Name,Email\nA-1,Ana Kovačević,ana@example.hr\nA-2,Jan Novák,jan@example.cz\nA-1,Eva Svoboda,eva@example.cz\n';
  const { message, analysis } = await refused(encoded(csv, 'utf-8'), 'dupes.csv');
  expect(message).toContain('dupes.csv, row 4, column “ID”: the id “A-1” is also on row 2. Give each person their own id, or delete the repeated row.');
  expect(analysis?.problems.map((p) => [p.code, p.row, p.otherRow])).toEqual([['duplicate_id', 4, 2]]);
});

test('a row without a name, and a file without any name column', async () => {
  const { message } = await refused(encoded('Name,Email\nAna,ana@example.hr\n,nobody@example.org\n', 'utf-8'), 'noname.csv');
  expect(message).toContain('noname.csv, row 3, column “Name”: this row has no name.');
  const columns = await refused(encoded('Organisation,Email\nMinistry,a@example.org\n', 'utf-8'), 'orgs.csv');
  expect(columns.message).toContain('orgs.csv: no column is imported as a name.');
});

test('a file over the size cap is refused before a byte is stored', () => {
  const ws = newEvent();
  const store = new UploadStore();
  const started = store.begin(ws.layout.dir, 'huge.csv', IMPORT_MAX_BYTES + 1);
  expect(started.ok).toBe(false);
  expect(!started.ok && started.error).toEqual({
    code: 'file_too_large',
    message: 'huge.csv is 50 MB; files up to 50 MB can be imported. Split the list into smaller files, or remove columns that are not needed, and import each file.',
  });
  expect(store.begin(ws.layout.dir, 'empty.csv', 0)).toMatchObject({ ok: false, error: { code: 'empty_file' } });
});

test('warnings do not stop an import: bad e-mail kept as written, unknown country and category reported', async () => {
  const csv = 'Name,Email,Country,Category,Languages\nAna Kovačević,ana(at)example.hr,Narnia,Wizard,"Croatian, Elvish"\n';
  const ws = newEvent();
  const outcome = await importFile(ws.db, encoded(csv, 'utf-8'), 'warn.csv');
  if (!outcome.ok) throw new Error(outcome.message);
  expect(outcome.report.problems.map((p) => [p.code, p.severity, p.row, p.column, p.value])).toEqual([
    ['unknown_country', 'warning', 2, 'Country', 'Narnia'],
    ['unknown_category', 'warning', 2, 'Category', 'Wizard'],
    ['unknown_language', 'warning', 2, 'Languages', 'Elvish'],
    ['bad_email', 'warning', 2, 'Email', 'ana(at)example.hr'],
  ]);
  expect(storedPeople(ws.db)[0]).toMatchObject({ email: 'ana(at)example.hr', country: null, categoryCode: 'delegate', languages: ['hr'] });
});
