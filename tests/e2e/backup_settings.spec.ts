import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, fontsReady, screenshot, test } from './fixtures';

test('settings: back up now, back up to a file, preview a backup and restore it, the state before kept', async ({ page, watch }) => {
  void watch;
  await page.goto('/#/settings');
  const section = page.getByTestId('backup-section');
  await expect(section.getByRole('heading', { name: 'Backups' })).toBeVisible();
  await section.getByTestId('backup-now').click();
  await expect(section.getByRole('status')).toContainText('Backup taken at');
  const rows = section.getByTestId('backup-list').locator('tbody tr');
  await expect(rows.first()).toContainText('by hand');
  const before = await rows.count();

  const usb = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dd-usb-')), 'forum-backup.sqlite');
  await section.getByTestId('backup-to-path').fill(usb);
  await section.getByRole('button', { name: 'Back up to this file' }).click();
  await expect(section.getByRole('status')).toContainText(`Backup written to ${usb}`);
  expect(fs.statSync(usb).size).toBeGreaterThan(10_000);
  await section.getByRole('button', { name: 'Back up to this file' }).click();
  await expect(section.getByRole('alert')).toContainText('exists already');
  await section.getByRole('button', { name: 'Dismiss' }).click();

  await rows.first().getByRole('button', { name: 'Preview…' }).click();
  const preview = page.getByTestId('backup-preview');
  await expect(preview).toContainText('Global Election Visitor Programme 2026 (demo)');
  await expect(preview.locator('dd').nth(1)).toHaveText('64');
  await fontsReady(page);
  await screenshot(page, 'settings-backup-preview-en');
  await preview.getByTestId('backup-restore').click();
  await expect(preview).toContainText('What it holds now is kept first');
  await preview.getByTestId('backup-restore-confirm').click();
  await expect(section.getByRole('status')).toContainText('Restored the backup of');
  await expect(rows).toHaveCount(before + 1);
  await expect(section.getByTestId('backup-list')).toContainText('state before a restore');
  await expect(page.getByTestId('event-details')).toContainText('Global Election Visitor Programme 2026 (demo)');

  // The same section right-to-left, in Arabic: times, sizes and reasons in the staff's language.
  await page.getByTestId('language-switch').first().selectOption('ar');
  await expect(section.getByRole('heading', { name: 'النسخ الاحتياطية' })).toBeVisible();
  await expect(section.getByTestId('backup-list')).toContainText('الحالة قبل الاستعادة');
  await fontsReady(page);
  await screenshot(page, 'settings-backup-ar');
  await page.getByTestId('language-switch').first().selectOption('en');
});

test('settings: a person is erased on request only after their name is typed exactly', async ({ page, watch }) => {
  void watch;
  // A walk-in made for this test, so the demo's 64 people stay as the other specs expect.
  const created = await page.request.post('/api/participants.create', {
    data: { fields: { externalId: null, title: '', familyName: 'ERASEME', givenName: 'Ingrid', nativeName: '', nativeNameLang: null, displayName: '', organisation: 'Test', position: '', country: 'NO', delegationId: null, categoryCode: 'speaker', languages: [], email: 'ingrid@example.org', phone: '', notes: '', protocolOrder: 0 } },
  });
  const body = (await created.json()) as { ok: boolean; value: { participant: { displayName: string } } };
  expect(body.ok).toBe(true);
  const name = body.value.participant.displayName;
  await page.goto('/#/settings');
  const card = page.getByTestId('erase-person');
  await card.getByTestId('erase-find').fill('eraseme');
  await card.getByRole('button', { name: 'Erase…' }).click();
  await expect(card).toContainText(`Everything about ${name} will be erased for good`);
  await card.getByTestId('erase-confirm').fill('Ingrid');
  await expect(card.getByTestId('erase-submit')).toBeDisabled();
  await card.getByTestId('erase-confirm').fill(name);
  await fontsReady(page);
  await screenshot(page, 'settings-erase-en');
  await card.getByTestId('erase-submit').click();
  await expect(card.getByRole('status')).toContainText('Erased:');
  const after = await page.request.post('/api/participants.list', { data: { query: 'eraseme' } });
  expect(((await after.json()) as { value: { total: number } }).value.total).toBe(0);
});
