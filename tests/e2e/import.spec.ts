import type { APIRequestContext, Page } from '@playwright/test';
import { expect, fontsReady, screenshot, test } from './fixtures';

/**
 * The import runs in an event of its own, so the demo event every other spec counts on keeps
 * its 64 people; the demo event is opened again afterwards, whatever happened.
 */
async function call<T>(request: APIRequestContext, method: string, input: unknown): Promise<T> {
  const res = await request.post(`/api/${method}`, { data: input });
  const body = (await res.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message ?? 'failed'}`);
  return body.value;
}

let demoId = '';
test.beforeEach(async ({ request }) => {
  demoId = (await call<{ id: string }>(request, 'event.current', {})).id;
  await call(request, 'event.create', { name: `Import e2e ${Date.now()}`, startDate: '2027-05-10', endDate: '2027-05-12' });
});
test.afterEach(async ({ request }) => {
  await call(request, 'event.open', { id: demoId });
});

// An "Excel CSV UTF-8" export: a BOM, Korean headers, a Hangul-only name, a Czech name in
// "FAMILY Given" form, and one malformed e-mail (a warning, imported as written).
const EXPORT = `\ufeff성명,소속,국가,이메일,구분
봉하늘,한국선거연구소,대한민국,haneul.bong@example.kr,대표
PŘIBYLOVÁ Zdeňka,Státní volební komise,Czechia,zdenka.pribylova@example.cz,참관인
Tuilagi Sefo,Electoral Commission of Samoa,Samoa,sefo(at)example.ws,대표
`;

async function chooseFile(page: Page, name: string, content: Buffer) {
  await page.getByTestId('import-file').setInputFiles({ name, mimeType: 'text/csv', buffer: content });
}

test('imports a file through the mapping screen, then finds people by romanised Korean and without diacritics', async ({ page, watch }) => {
  void watch;
  await page.goto('/#/import');
  await expect(page.locator('h1')).toHaveText('Import participants');
  await chooseFile(page, '참가자 명단.csv', Buffer.from(EXPORT, 'utf8'));

  await expect(page.getByTestId('import-format')).toHaveText('CSV');
  await expect(page.getByTestId('import-encoding')).toHaveValue('utf-8');
  await expect(page.getByTestId('import-target-0')).toHaveValue('fullName');
  await expect(page.getByTestId('import-target-1')).toHaveValue('organisation');
  await expect(page.getByTestId('import-target-3')).toHaveValue('email');
  await expect(page.getByTestId('import-plan-add')).toContainText('3');
  const preview = page.getByTestId('import-preview');
  await expect(preview).toContainText('봉하늘');
  await expect(preview).toContainText('PŘIBYLOVÁ Zdeňka');
  // The bad e-mail is marked on its row and cell, with what to do.
  await expect(page.getByTestId('import-preview-row-4')).toHaveClass(/has-warning/u);
  await expect(page.getByTestId('import-preview-row-4').locator('.cell-problem')).toContainText('sefo(at)example.ws');
  await expect(page.getByTestId('import-problems')).toContainText('참가자 명단.csv, row 4, column “이메일”');
  await fontsReady(page);
  await screenshot(page, 'import-mapping-en');

  await page.getByTestId('import-commit').click();
  const report = page.getByTestId('import-report');
  await expect(report).toBeVisible();
  await expect(page.getByTestId('import-report-added')).toContainText('3');
  await screenshot(page, 'import-report-en');

  await page.getByTestId('import-to-participants').click();
  const search = page.getByTestId('participant-search');
  const table = page.getByTestId('participant-table');
  await search.fill('bong haneul');
  await expect(table).toContainText('봉하늘');
  await search.fill('haneul');
  await expect(table).toContainText('봉하늘');
  await search.fill('pribylova');
  await expect(table).toContainText('Zdeňka');
  await expect(table).not.toContainText('봉하늘');
});

test('a file that is not a list gets a clear message in the user language, and nothing is imported', async ({ page, request, watch }) => {
  void watch;
  await page.goto('/#/import');
  await page.getByTestId('language-switch').selectOption('ko');
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(300, 1)]);
  await chooseFile(page, 'list.csv', png);
  const blocking = page.getByTestId('import-blocking');
  await expect(blocking).toContainText('list.csv');
  await expect(blocking).toContainText('참가자 명단 파일이 아닙니다');
  await expect(page.getByTestId('import-commit')).toHaveCount(0);
  await fontsReady(page);
  await screenshot(page, 'import-refused-ko');

  await page.getByTestId('import-choose-another').click();
  await chooseFile(page, 'empty.csv', Buffer.alloc(0));
  await expect(page.getByTestId('import-error')).toContainText('empty.csv');
  const people = await call<{ total: number }>(request, 'participants.list', { query: '' });
  expect(people.total).toBe(0);
});

test('the import screen reads right to left in Arabic', async ({ page, watch }) => {
  void watch;
  await page.goto('/#/import');
  await page.getByTestId('language-switch').selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await chooseFile(page, 'export.csv', Buffer.from('Family name,Given name,Email,Passport No.\nAl-Hashimi,Fatima,f@example.iq,A1234567\n', 'utf8'));
  await expect(page.getByTestId('import-target-3')).toHaveValue('ignore');
  await expect(page.getByTestId('import-mapping')).toContainText('لا يُستورد');
  await fontsReady(page);
  await screenshot(page, 'import-mapping-ar');
});
