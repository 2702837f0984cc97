import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { APIRequestContext } from '@playwright/test';
import { expect, fontsReady, screenshot, test } from './fixtures';

const DEMO = 'Global Election Visitor Programme 2026 (demo)';

async function walkIns(request: APIRequestContext): Promise<number> {
  const r = await request.post('/api/participants.list', { data: { query: 'restoreme' } });
  return ((await r.json()) as { value: { total: number } }).value.total;
}

test('settings: back up to a file, change something, restore from that file through the screen, the change undone', async ({ page, watch }) => {
  void watch;
  const stick = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-usb-'));
  const usb = path.join(stick, 'forum-restore.sqlite');
  await page.goto('/#/settings');
  const section = page.getByTestId('backup-section');
  await section.getByTestId('backup-to-path').fill(usb);
  await section.getByRole('button', { name: 'Back up to this file' }).click();
  await expect(section.getByRole('status')).toContainText(`Backup written to ${usb}`);
  await section.getByRole('button', { name: 'Dismiss' }).click();

  // The change to undo: a walk-in registered after the backup.
  const created = await page.request.post('/api/participants.create', {
    data: { fields: { externalId: null, title: '', familyName: 'RESTOREME', givenName: 'Walk-in', nativeName: '', nativeNameLang: null, displayName: '', organisation: 'Test', position: '', country: 'NO', delegationId: null, categoryCode: 'speaker', languages: [], email: '', phone: '', notes: '', protocolOrder: 0 } },
  });
  expect(((await created.json()) as { ok: boolean }).ok).toBe(true);
  expect(await walkIns(page.request)).toBe(1);

  const fromFile = section.getByTestId('backup-from-file');
  // Refusals first: each says what is wrong, and nothing is offered for restoring.
  await fromFile.getByTestId('backup-from-path').fill(path.join(stick, 'missing.sqlite'));
  await fromFile.getByTestId('backup-from-preview').click();
  await expect(fromFile.getByTestId('backup-from-problem')).toContainText('There is no file at');
  await fromFile.getByTestId('backup-from-path').fill(stick);
  await fromFile.getByTestId('backup-from-preview').click();
  await expect(fromFile.getByTestId('backup-from-problem')).toContainText('is a folder, not a backup file. Type the full path of the backup file inside it');
  await expect(fromFile.getByTestId('backup-from-problem')).toContainText('forum-restore.sqlite');
  await expect(fromFile.getByTestId('backup-file-preview')).toHaveCount(0);

  // The real file: what it holds, read from the file (64 people: the walk-in is not in it).
  await fromFile.getByTestId('backup-from-path').fill(usb);
  await fromFile.getByTestId('backup-from-preview').click();
  const preview = fromFile.getByTestId('backup-file-preview');
  await expect(preview).toContainText(DEMO);
  await expect(preview).toContainText(usb);
  await expect(preview.locator('dt', { hasText: 'File saved at' })).toBeVisible();
  await expect(preview.locator('dt', { hasText: /^Participants$/u }).locator('xpath=following-sibling::dd[1]')).toHaveText('64');
  await expect(preview.getByTestId('backup-file-other-event')).toHaveCount(0);
  await fontsReady(page);
  await screenshot(page, 'settings-restore-file-preview-en');

  await preview.getByTestId('backup-file-restore').click();
  await expect(preview.getByTestId('backup-file-confirm-text')).toContainText(`The event “\u2068${DEMO}\u2069” goes back to what this file holds`);
  await expect(preview.getByTestId('backup-file-confirm-text')).toContainText('backups/replaced-');
  await screenshot(page, 'settings-restore-file-confirm-en');
  await preview.getByTestId('backup-file-restore-confirm').click();
  await expect(section.getByRole('status')).toContainText(`Restored from ${usb}`);
  await expect(preview).toHaveCount(0);
  await expect(section.getByTestId('backup-list')).toContainText('state before a restore');
  expect(await walkIns(page.request)).toBe(0);
  await page.goto('/#/participants');
  await expect(page.getByText('RESTOREME')).toHaveCount(0);
});

test('settings: a backup file of another event is shown as such and cannot be restored here', async ({ page, watch }) => {
  void watch;
  const stick = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-usb-'));
  const ours = path.join(stick, 'ours.sqlite');
  const theirs = path.join(stick, 'other-event.sqlite');
  const written = await page.request.post('/api/backup.toPath', { data: { path: ours } });
  expect(((await written.json()) as { ok: boolean }).ok).toBe(true);
  // Another event's backup: the same shape with another identity, as another laptop's event would have.
  fs.copyFileSync(ours, theirs);
  const db = new Database(theirs);
  db.prepare(`UPDATE event SET id = '4f0c1f4e-0000-4000-8000-000000000001', name = 'Regional Observers Forum'`).run();
  db.close();

  await page.goto('/#/settings');
  const fromFile = page.getByTestId('backup-from-file');
  await fromFile.getByTestId('backup-from-path').fill(theirs);
  await fromFile.getByTestId('backup-from-preview').click();
  const preview = fromFile.getByTestId('backup-file-preview');
  const other = preview.getByTestId('backup-file-other-event');
  await expect(other).toContainText(`another event (“\u2068Regional Observers Forum\u2069”), not of the open one (“\u2068${DEMO}\u2069”)`);
  await expect(other.locator('code')).toHaveText(`delegate-desk restore "${theirs}" --data-dir NEW-FOLDER`);
  await expect(preview.getByTestId('backup-file-restore')).toBeDisabled();
  await fontsReady(page);
  await screenshot(page, 'settings-restore-file-other-event-en');
  // Asked directly, the host refuses too, and the event is unchanged.
  const refused = await page.request.post('/api/backup.restoreFile', { data: { path: theirs } });
  expect(await refused.json()).toMatchObject({ ok: false, error: { code: 'wrong_event' } });
  await expect(page.getByTestId('event-details')).toContainText(DEMO);

  // The same screen in Arabic: labels and the warning in the staff's language, the path left to right.
  await page.getByTestId('language-switch').first().selectOption('ar');
  await expect(preview.getByTestId('backup-file-other-event')).toContainText('Regional Observers Forum');
  await expect(fromFile).toContainText('الاستعادة من ملف');
  await fontsReady(page);
  await screenshot(page, 'settings-restore-file-other-event-ar');
  await page.getByTestId('language-switch').first().selectOption('en');
});
