import { expect, test } from 'vitest';
import { listDelegations } from '../participants';
import { importFile } from './import_file';
import { newEvent, storedPeople, withoutId, workbook } from './import_test_helpers';
import { readTable } from './read_table';

/**
 * The secretariat's workbook: a title merged across the sheet, a second header line whose
 * "연락처" (contact) is merged over the two columns below it, and the real header on row 3,
 * with names in Hangul and in passport Latin, a delegation column and a head-of-delegation mark.
 */
async function secretariatWorkbook(): Promise<Buffer> {
  return workbook([
    { name: '안내', rows: [['이 파일은 2026 국제선거포럼 참가자 명단입니다.']] },
    {
      name: '참가자',
      merges: ['A1:L1', 'K2:L2'],
      rows: [
        ['2026 국제선거포럼 참가자 명단'],
        [null, null, null, null, null, null, null, null, null, null, '연락처'],
        ['번호', '성', '이름', '영문 성', '영문 이름', '소속', '직위', '국가', '대표단', '단장', '이메일', '전화'],
        [1, '김', '민준', 'KIM', 'Minjun', '중앙선거관리위원회', '국제협력관', '대한민국', '대한민국 대표단', 'O', 'minjun.kim@nec.example.kr', '+82 2 503 1114'],
        [2, '이', '서연', 'LEE', 'Seoyeon', '중앙선거관리위원회', '사무관', '대한민국', '대한민국 대표단', null, 'seoyeon.lee@nec.example.kr', 821012345678],
        [3, '오', '유나', 'OH', 'Yuna', '선거연수원', '교수', 'KR', '대한민국 대표단', null, null, null],
        [4, 'Batbayar', 'Ganbold', 'Batbayar', 'Ganbold', 'General Election Commission of Mongolia', 'Member', 'Mongolia', 'Mongolia', '예', 'ganbold@example.mn', null],
      ],
    },
  ]);
}

test('an XLSX whose header is on row 3 under a title row and merged cells: every field of every row', async () => {
  const bytes = await secretariatWorkbook();
  const table = await readTable(bytes, '참가자 명단.xlsx', {});
  // The first sheet holds only a note: the list's sheet is picked, and the screen offers both.
  expect(table).toMatchObject({ format: 'xlsx', encoding: null, sheets: ['안내', '참가자'], sheet: '참가자' });
  const ws = newEvent();
  const outcome = await importFile(ws.db, bytes, '참가자 명단.xlsx', { now: '2026-03-01T09:00:00.000Z' });
  if (!outcome.ok) throw new Error(outcome.message);
  expect(outcome.report).toMatchObject({ rowsRead: 4, added: 4, problemTotal: 0, delegationsCreated: ['대한민국 대표단', 'Mongolia'] });
  const base = { externalId: null, title: '', status: 'registered', categoryCode: 'delegate', languages: [], notes: '', nativeNameLang: 'ko' };
  expect(storedPeople(ws.db).map(withoutId)).toEqual([
    { ...base, familyName: 'KIM', givenName: 'Minjun', displayName: 'KIM Minjun', nativeName: '김민준', organisation: '중앙선거관리위원회',
      position: '국제협력관', country: 'KR', delegation: '대한민국 대표단', email: 'minjun.kim@nec.example.kr', phone: '+82 2 503 1114' },
    { ...base, familyName: 'LEE', givenName: 'Seoyeon', displayName: 'LEE Seoyeon', nativeName: '이서연', organisation: '중앙선거관리위원회',
      position: '사무관', country: 'KR', delegation: '대한민국 대표단', email: 'seoyeon.lee@nec.example.kr', phone: '821012345678' },
    { ...base, familyName: 'OH', givenName: 'Yuna', displayName: 'OH Yuna', nativeName: '오유나', organisation: '선거연수원',
      position: '교수', country: 'KR', delegation: '대한민국 대표단', email: '', phone: '' },
    // Latin in the Hangul columns too: the same name again, nothing to keep in an own-script field.
    { ...base, familyName: 'Batbayar', givenName: 'Ganbold', displayName: 'Ganbold Batbayar', nativeName: '', nativeNameLang: null,
      organisation: 'General Election Commission of Mongolia', position: 'Member', country: 'MN', delegation: 'Mongolia', email: 'ganbold@example.mn', phone: '' },
  ]);
  const people = storedPeople(ws.db);
  expect(listDelegations(ws.db).map((d) => ({ name: d.name, country: d.country, head: d.headParticipantId, order: d.protocolOrder }))).toEqual([
    { name: '대한민국 대표단', country: 'KR', head: people[0]!.id, order: 1 },
    { name: 'Mongolia', country: 'MN', head: people[3]!.id, order: 2 },
  ]);
});

test('the header row is found on row 3 and the suggested mapping reads the Korean headers', async () => {
  const { prepareImport } = await import('./prepare_import');
  const table = await readTable(await secretariatWorkbook(), 'list.xlsx', { sheet: '참가자' });
  const prepared = await prepareImport(table, 'list.xlsx', { categories: [] });
  expect(prepared.headerRow).toBe(3);
  expect(prepared.columns.map((c) => [c.header, c.suggested])).toEqual([
    ['번호', 'ignore'],
    ['성', 'nativeName'],
    ['이름', 'nativeName'],
    ['영문 성', 'familyName'],
    ['영문 이름', 'givenName'],
    ['소속', 'organisation'],
    ['직위', 'position'],
    ['국가', 'country'],
    ['대표단', 'delegation'],
    ['단장', 'headOfDelegation'],
    ['이메일', 'email'],
    ['전화', 'phone'],
  ]);
});

test('numbers and dates in cells read as a person sees them in Excel', async () => {
  const bytes = await workbook([{ name: 'S', rows: [['ID', 'Name', 'Ratio', 'Arrival'], [1001, 'A B', 0.1 + 0.2, new Date(Date.UTC(2026, 2, 1))]] }]);
  const table = await readTable(bytes, 'n.xlsx', {});
  expect(table.rows[1]).toEqual(['1001', 'A B', '0.3', '2026-03-01']);
});
