import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { BadgeVerification, Participant, PrintJobStatus } from '../../electron/contract';
import { expect, fontsReady, screenshot, test } from './fixtures';

/** Calls the host's API as this machine's browser does (loopback: the admin). */
async function api<T>(page: Page, method: string, input: object): Promise<T> {
  const response = await page.request.post(`/api/${method}`, { data: input });
  const result = (await response.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!result.ok) throw new Error(`${method}: ${result.error?.message}`);
  return result.value;
}

/** Every fitted text of the preview lies inside its box and inside its badge: nothing cut, nothing spilling. */
async function expectNothingOverflows(page: Page): Promise<void> {
  const problems = await page.evaluate(() => {
    const out: string[] = [];
    for (const box of Array.from(document.querySelectorAll<HTMLElement>('[data-testid="badge-preview"] .fit'))) {
      const text = box.querySelector<HTMLElement>('.fit-text');
      const badge = box.closest<HTMLElement>('.badge');
      if (!text || !badge) continue;
      const t = text.getBoundingClientRect();
      const b = box.getBoundingClientRect();
      const outer = badge.getBoundingClientRect();
      const inside = (r: DOMRect, o: DOMRect) => r.left >= o.left - 1 && r.right <= o.right + 1 && r.top >= o.top - 1 && r.bottom <= o.bottom + 1;
      if (box.dataset['fitState'] === 'overflow' || !inside(t, b) || !inside(t, outer)) out.push(`${box.dataset['fit']}: ${text.textContent}`);
    }
    return out;
  });
  expect(problems).toEqual([]);
}

test('live preview with real names, every format, long names shrunk or wrapped but never cut', async ({ page, watch }) => {
  void watch;
  await page.goto('/#/badges');
  await expect(page.getByTestId('badge-count')).toHaveText('64 badges');
  const frames = page.getByTestId('badge-preview').locator('.badge');
  await expect(frames).toHaveCount(4);
  await page.getByTestId('longest-first').check();
  await fontsReady(page);
  for (const template of ['in4x3', 'cr80', 'a4x4', 'a4x8', 'a6'] as const) {
    await page.getByTestId(`template-${template}`).click();
    await expect(page.getByTestId('badge-preview').locator('.badge').first()).toBeVisible();
    await fontsReady(page);
    await expectNothingOverflows(page);
  }
  // Every preview badge carries a code of this event in QR alphanumeric form.
  const codes = await page.getByTestId('badge-preview').locator('svg.badge-qr').evaluateAll((svgs) => svgs.map((s) => s.getAttribute('data-code')));
  expect(codes.every((c) => /^DD1[A-Z2-7]{119}$/u.test(c ?? ''))).toBe(true);
  await page.getByTestId('preview-next').click();
  await fontsReady(page);
  await expectNothingOverflows(page);
  await screenshot(page, 'badges-en');

  // In the Arabic staff UI the screen mirrors, but the badges stay exactly as they print.
  await page.getByTestId('language-switch').selectOption('ar');
  await expect(page.locator('h1')).toHaveText('بطاقات التعريف');
  await expect(page.getByTestId('badge-preview').locator('.badge').first()).toHaveAttribute('dir', 'ltr');
  await fontsReady(page);
  await expectNothingOverflows(page);
  await screenshot(page, 'badges-ar');
  await page.getByTestId('language-switch').selectOption('en');
});

test('a delegation batch becomes a PDF, is marked printed, and the next print warns it replaces badges', async ({ page, watch }) => {
  void watch;
  await page.goto('/#/badges');
  await page.getByTestId('who-delegation').click();
  await page.getByTestId('badge-delegation').selectOption({ label: 'Thailand' });
  await expect(page.getByTestId('badge-count')).toHaveText('3 badges');
  await expect(page.getByTestId('reprint-warning')).toHaveCount(0);
  const download = page.waitForEvent('download');
  await page.getByTestId('save-pdf').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^badges-thailand-a6-\d{8}-\d{4}\.pdf$/u);
  const saved = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dd-e2e-pdf-')), 'badges.pdf');
  await file.saveAs(saved);
  expect(fs.readFileSync(saved).subarray(0, 5).toString()).toBe('%PDF-');
  expect(execFileSync('pdfinfo', [saved], { encoding: 'utf8' })).toMatch(/Pages:\s+3\b/u);
  await expect(page.getByTestId('print-done')).toContainText('3 badges are ready');
  await expect(page.getByTestId('badge-status').locator('tbody tr[data-printed="true"]')).toHaveCount(3);
  await expect(page.getByTestId('badge-status')).toContainText('No. 1, printed');
  await expect(page.getByTestId('reprint-warning')).toContainText('3 of them already have a badge');
});

test('one person, found by a name in any script, reprinted on the spot: the old badge is refused', async ({ page, watch }) => {
  void watch;
  await page.goto('/#/badges');
  await page.getByTestId('who-person').click();
  await page.getByTestId('badge-person-search').fill('김민');
  await page.getByRole('option').getByText('Kim Min-jun').click();
  await expect(page.getByTestId('badge-count')).toHaveText('1 badge');
  const qr = page.getByTestId('badge-preview').locator('svg.badge-qr');
  const first = (await qr.getAttribute('data-code')) ?? '';

  for (const round of [1, 2]) {
    const download = page.waitForEvent('download');
    await page.getByTestId('save-pdf').click();
    await download;
    await expect(page.getByTestId('print-done')).toBeVisible();
    if (round === 1) {
      expect(await api<BadgeVerification>(page, 'badges.verify', { code: first })).toMatchObject({ valid: true, holder: { nativeName: '김민준' } });
      // The preview now shows the code the next print would carry.
      await expect(qr).not.toHaveAttribute('data-code', first);
    }
  }
  await expect(page.getByTestId('print-done')).toContainText('earlier badge of 1 person no longer works');
  const old = await api<BadgeVerification>(page, 'badges.verify', { code: ` ${first.toLowerCase()}\n` });
  expect(old).toMatchObject({ valid: false, reason: 'replaced' });
  expect(!old.valid && old.message).toMatch(/^Replaced by a newer badge printed at /u);
});

test('a rendered sheet of badges: eight scripts on one A4 page with cut marks', async ({ page, watch }) => {
  void watch;
  const { items } = await api<{ items: Participant[] }>(page, 'participants.list', { limit: 500 });
  const pick = (test: (p: Participant) => boolean) => items.find((p) => test(p) && p.status === 'registered')?.id;
  const ids = [
    pick((p) => p.nativeNameLang === 'ko'),
    pick((p) => p.nativeNameLang === 'ar'),
    pick((p) => p.nativeNameLang === 'th'),
    pick((p) => p.nativeNameLang?.startsWith('zh') ?? false),
    pick((p) => p.nativeNameLang === 'ja'),
    pick((p) => /\p{Script=Cyrillic}/u.test(p.nativeName)),
    pick((p) => /[ăâđêôơư]/iu.test(p.nativeName)),
    pick((p) => p.displayName.length > 30),
  ].filter((id): id is number => id !== undefined);
  const job = await api<PrintJobStatus>(page, 'badges.printStart', { filter: { participantIds: ids }, template: 'a4x8', output: 'pdf' });
  await expect.poll(async () => (await api<PrintJobStatus>(page, 'badges.printStatus', { jobId: job.jobId })).state, { timeout: 60_000 }).toBe('done');
  await page.setViewportSize({ width: 900, height: 1200 });
  await page.goto(`/badge_print.html#job=${job.jobId}`);
  await expect(page.locator('html')).toHaveAttribute('data-state', 'ready');
  await expect(page.locator('.badge')).toHaveCount(ids.length);
  await expect(page.locator('.cut-marks line')).toHaveCount(16);
  await fontsReady(page);
  await screenshot(page, 'badge-sheet');
});
