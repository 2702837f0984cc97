import fs from 'node:fs';
import { expect, fontsReady, screenshot, test } from './fixtures';
import type { Page } from '@playwright/test';
import type { Participant } from '../../electron/contract';
import { blurEverything, hostApi, issueBadges, scanWithKeyboard } from './support/fake_camera_scanner';

// These tests change people and then undo each change, so the demo event is left as found
// for the other specs (they run on the same host).

const rows = (page: Page) => page.getByTestId('participant-table').getByTestId('participant-row');

async function search(page: Page, text: string): Promise<void> {
  await page.keyboard.press('Escape');
  await page.locator('h1').click();
  await page.keyboard.press('/');
  await expect(page.getByTestId('participant-search')).toBeFocused();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
}

test('finds people by romanised Korean, by a spelling without accents, with a typo, in any order', async ({ page, watch }) => {
  void watch;
  await page.goto('/#/participants');
  await expect(page.getByTestId('participant-count')).toHaveText('64 people');
  for (const query of ['kim minjun', 'minjun', 'minjun kim', 'gim minjun', '김민']) {
    await search(page, query);
    await expect(rows(page).first(), query).toContainText('김민준');
  }
  for (const query of ['wisniewska', 'WISNIEWSKA', 'wiśniewska', 'wisniewksa']) {
    await search(page, query);
    await expect(rows(page).first(), query).toContainText('Małgorzata Wiśniewska');
  }
  await search(page, 'zzzz-nobody');
  await expect(page.getByTestId('participant-count')).toContainText('Nobody matches “zzzz-nobody”');
  await expect(rows(page)).toHaveCount(0);
});

test('keyboard first: / to search, arrows, Enter to edit, Esc to close; the edit is saved and undone exactly', async ({ page, watch }) => {
  void watch;
  await page.goto('/#/participants');
  const editor = page.getByTestId('participant-editor');
  // Arrows move the selection from the search box; Enter opens the selected person.
  await search(page, '');
  await expect(rows(page).nth(1)).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await expect(rows(page).nth(1)).toHaveAttribute('aria-selected', 'true');
  const second = (await rows(page).nth(1).locator('.person-display').textContent()) ?? '';
  await page.keyboard.press('Enter');
  await expect(editor.getByRole('heading', { level: 2 })).toHaveText(second);
  await page.keyboard.press('Escape');
  // In the list itself too: a click selects, the arrows move, Enter opens.
  await rows(page).nth(0).click();
  await page.keyboard.press('ArrowDown');
  await expect(rows(page).nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(editor.getByRole('heading', { level: 2 })).toHaveText(second);
  await page.keyboard.press('Escape');

  await search(page, 'wisniewska');
  await expect(rows(page)).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(editor).toBeVisible();
  await expect(page.getByTestId('edit-givenName')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(editor).toBeHidden();
  // Closing the panel puts the focus back in the search box: Enter opens the match again.
  await expect(page.getByTestId('participant-search')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(editor).toBeVisible();
  // A bad e-mail is refused in the panel, with the reason next to the field.
  await page.getByTestId('edit-email').fill('not an address');
  await page.getByTestId('editor-save').click();
  await expect(editor.getByRole('alert').filter({ hasText: 'name@example.org' })).toBeVisible();
  await page.getByTestId('edit-email').fill('m.wisniewska@example.org');
  await page.getByTestId('edit-phone').fill('+48 22 000 11 22');
  await page.getByTestId('editor-save').click();
  await expect(editor).toBeHidden();
  await expect(page.getByTestId('participants-message')).toContainText('Saved Małgorzata Wiśniewska');

  // The new e-mail is searchable at once.
  await search(page, 'm.wisniewska@');
  await expect(rows(page)).toHaveCount(1);

  const undo = page.getByTestId('undo-button');
  await expect(undo).toContainText('Undo the edit of Małgorzata Wiśniewska');
  await undo.click();
  await expect(page.getByTestId('participants-message')).toContainText('Done');
  // Undo puts back exactly what was there. (Searching "m.wisniewska@" is no check: the
  // search matches any part of any name, so "m" + "wisniewska" still finds the original
  // malgorzata.wisniewska@… address — that made this test fail whenever its result won.)
  await search(page, 'wisniewska');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('edit-email')).toHaveValue('malgorzata.wisniewska@example.org');
  await expect(page.getByTestId('edit-phone')).not.toHaveValue('+48 22 000 11 22');
  await page.keyboard.press('Escape');
});

test('a walk-in is added in a few keystrokes, found at once, and the addition can be undone', async ({ page, watch }) => {
  void watch;
  await page.goto('/#/participants');
  await page.getByTestId('add-walk-in').click();
  await expect(page.getByTestId('edit-givenName')).toBeFocused();
  await page.keyboard.type('Adaeze');
  await page.getByTestId('edit-familyName').fill('Okonkwo-Eze');
  await page.getByTestId('edit-organisation').fill('Independent National Electoral Commission');
  await page.getByTestId('edit-country').selectOption('NG');
  await page.getByTestId('edit-familyName').press('Enter');
  await expect(page.getByTestId('participant-editor')).toBeHidden();
  await expect(page.getByTestId('participant-count')).toHaveText('65 people');
  await search(page, 'okonkwo eze');
  await expect(rows(page).first()).toContainText('Adaeze Okonkwo-Eze');
  await expect(rows(page).first()).toContainText('Walk-in');
  await page.getByTestId('undo-button').click();
  await expect(page.getByTestId('participant-count')).toContainText('Nobody matches');
  await search(page, '');
  await expect(page.getByTestId('participant-count')).toHaveText('64 people');
});

/** How many people are cancelled, as the API says (the screen may be filtered). */
async function cancelledCount(page: Page): Promise<number> {
  const answer = (await (await page.request.post('/api/participants.list', { data: { status: 'cancelled', limit: 1 } })).json()) as { value: { total: number } };
  return answer.value.total;
}

test('cancel a registration and undo it', async ({ page, watch }) => {
  void watch;
  await page.goto('/#/participants');
  // Other specs on this host may have cancelled someone too: count from what is there.
  const cancelledBefore = await cancelledCount(page);
  await search(page, 'kim minjun');
  await page.keyboard.press('Enter');
  await page.getByTestId('editor-cancel-registration').click();
  await expect(rows(page).first()).toHaveClass(/cancelled/u);
  await expect(rows(page).first()).toContainText('Cancelled');
  await page.getByTestId('status-filter').selectOption('cancelled');
  await search(page, '');
  await expect(rows(page).filter({ hasText: '김민준' })).toHaveCount(1);
  const cancelledWithKim = await cancelledCount(page);
  expect(cancelledWithKim).toBe(cancelledBefore + 1);
  await page.locator('h1').click();
  await page.keyboard.press('ControlOrMeta+Z'); // focus is not in a field: Ctrl+Z undoes
  await expect(rows(page).filter({ hasText: '김민준' })).toHaveCount(0);
  expect(await cancelledCount(page)).toBe(cancelledBefore);
  await page.getByTestId('status-filter').selectOption('');
  await expect(page.getByTestId('participant-count')).toHaveText('64 people');
});

test('hostile names stay inert and do not break the layout', async ({ page, watch }) => {
  void watch;
  await page.goto('/#/participants');
  await page.getByTestId('add-walk-in').click();
  const long = `${'Wolfeschlegelsteinhausenbergerdorff'.repeat(17)}`.slice(0, 600);
  await page.getByTestId('edit-givenName').fill('<img src=x onerror=alert(1)> =HYPERLINK("x") \u202eevil');
  await page.getByTestId('edit-familyName').fill(long);
  await page.getByTestId('edit-nativeName').fill('😀👨‍👩‍👧 Z\u0351\u0351\u0351algo');
  await page.getByTestId('editor-save').click();
  await expect(page.getByTestId('participant-editor')).toBeHidden();
  await search(page, 'wolfeschlegel');
  const row = rows(page).first();
  await expect(row).toContainText('<img src=x onerror=alert(1)>');
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  // The row keeps its height and the page does not scroll sideways.
  const box = await row.boundingBox();
  expect(box?.height).toBeLessThan(70);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
  await fontsReady(page);
  await screenshot(page, 'participants-hostile-en');
  await page.getByTestId('undo-button').click();
  await expect(page.getByTestId('participant-count')).toContainText('Nobody matches');
});

test('a person registered twice is merged from the edit panel, and the merge undone', async ({ page, watch }) => {
  void watch;
  await page.goto('/#/participants');
  // The same guest registered again through another form, with a phone number the first lacks.
  await page.getByTestId('add-walk-in').click();
  await page.getByTestId('edit-givenName').fill('Daniel');
  await page.getByTestId('edit-familyName').fill('Okafor');
  await page.getByTestId('edit-email').fill('d.okafor@example.net');
  await page.getByTestId('editor-save').click();
  await expect(page.getByTestId('participant-count')).toHaveText('65 people');

  await search(page, 'daniel okafor');
  await expect(rows(page)).toHaveCount(2);
  await rows(page).filter({ hasNotText: 'Walk-in' }).click();
  await page.keyboard.press('Enter');
  const merge = page.getByTestId('merge-duplicate');
  await merge.locator('summary').click();
  await page.getByTestId('merge-search').fill('d.okafor@');
  await expect(page.getByTestId('merge-button')).toHaveCount(1);
  await page.getByTestId('merge-button').click();
  await expect(page.getByTestId('participants-message')).toContainText('Merged the duplicate into Daniel Okafor');
  await expect(rows(page)).toHaveCount(1);
  await search(page, 'd.okafor@');
  await expect(rows(page)).toHaveCount(1);

  await expect(page.getByTestId('undo-button')).toContainText('Undo the merge into Daniel Okafor');
  await page.getByTestId('undo-button').click();
  await search(page, 'daniel okafor');
  await expect(rows(page)).toHaveCount(2);
  await expect(page.getByTestId('undo-button')).toContainText('Undo adding Daniel Okafor');
  await page.getByTestId('undo-button').click();
  await expect(rows(page)).toHaveCount(1);
  await search(page, '');
  await expect(page.getByTestId('participant-count')).toHaveText('64 people');
});

test('exports the list as CSV with a BOM, formulas inert', async ({ page, watch }) => {
  void watch;
  await page.goto('/#/participants');
  await search(page, 'kim');
  const downloaded = page.waitForEvent('download');
  await page.getByTestId('export-csv').click();
  const file = await downloaded;
  expect(file.suggestedFilename()).toMatch(/^participants-\d{4}-\d{2}-\d{2}\.csv$/u);
  const bytes = fs.readFileSync((await file.path()) ?? '');
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8');
  expect(text).toContain('Registration number,Title,Family name');
  expect(text).toContain('김민준');
  expect(text).toContain("'+82 10-4821-3307");
});

test('delegations with heads and counts; the screen in English and Korean', async ({ page, watch }) => {
  void watch;
  await page.goto('/#/participants');
  await expect(rows(page).first()).toBeVisible();
  await fontsReady(page);
  await screenshot(page, 'participants-list-en');
  await search(page, 'kim minjun');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('participant-editor')).toBeVisible();
  await fontsReady(page);
  await screenshot(page, 'participants-edit-en');
  await page.keyboard.press('Escape');

  await page.getByTestId('tab-delegations').click();
  const table = page.getByTestId('delegation-table');
  await expect(table.locator('tbody tr')).toHaveCount(20);
  await expect(table.locator('tbody tr').first()).toContainText('Brazil');
  await table.getByRole('button', { name: 'Show members' }).first().click();
  await expect(page.getByTestId('participant-count')).toHaveText('3 people');

  await page.getByTestId('language-switch').selectOption('ko');
  await expect(page.getByTestId('participant-count')).toHaveText('3명');
  await page.getByTestId('delegation-filter').selectOption('');
  await expect(rows(page).first()).toBeVisible();
  await fontsReady(page);
  await screenshot(page, 'participants-list-ko');
  await page.getByTestId('language-switch').selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(rows(page).first()).toBeVisible();
  await fontsReady(page);
  await screenshot(page, 'participants-list-ar');
  await page.getByTestId('language-switch').selectOption('en');
});

// Last in this file: the person it adds stays (with a badge and a check-in), and the tests above count 64.
test('hostile strings stay inert at the desk and on the badge', async ({ page, watch }) => {
  void watch;
  const origin = `http://127.0.0.1:${process.env['E2E_PORT'] ?? 4799}/`;
  const fields = {
    externalId: null, title: '', familyName: "Robert'); DROP TABLE participant;--", givenName: '<img src=x onerror=alert(1)> =HYPERLINK("x")',
    nativeName: '\u202eevil 😀👨‍👩‍👧 Z\u0351\u0351\u0351algo', nativeNameLang: null, displayName: '', organisation: '<script>alert(1)</script> & {{constructor}}',
    position: '${7*7} %s %n', country: 'FR', delegationId: null, categoryCode: 'delegate', languages: [], email: '', phone: '+1 (555) 0100',
    notes: 'VIP <b>bold</b>', protocolOrder: 0,
  };
  const created = await hostApi<{ participant: Participant }>(page.request, origin, 'participants.create', { fields });
  const id = created.participant.id;
  const codes = await issueBadges(page.request, origin, [id]);

  await page.goto('/#/checkin');
  await expect(page.getByTestId('desk-result')).toHaveAttribute('data-state', 'ready');
  await blurEverything(page);
  await scanWithKeyboard(page, codes.get(id)!);
  await expect(page.getByTestId('desk-result')).toContainText('<img src=x onerror=alert(1)>');
  await expect(page.locator('img[src="x"], script:not([src]):has-text("alert")')).toHaveCount(0);
  await fontsReady(page);
  await screenshot(page, 'hostile-desk');

  await page.goto('/#/badges');
  await page.getByTestId('who-person').click();
  await page.getByTestId('badge-person-search').fill('Robert');
  await page.getByRole('option').filter({ hasText: 'DROP TABLE' }).first().click();
  await expect(page.getByTestId('badge-preview').locator('.badge').first()).toContainText('DROP TABLE');
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await fontsReady(page);
  await screenshot(page, 'hostile-badge');
});
