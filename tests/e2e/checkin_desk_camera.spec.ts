import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { expect, fontsReady, screenshot, test } from './fixtures';
import { writeBadgeVideo } from './support/fake_camera';
import { hostApi, issueBadges, registeredPeople } from './support/fake_camera_scanner';

const base = `http://127.0.0.1:${process.env['E2E_PORT'] ?? 4799}/`;

test('a badge held to the camera checks its holder in (Chromium fake camera playing a printed badge)', async ({ playwright, watch }) => {
  void watch;
  test.setTimeout(90_000);
  const request = await playwright.request.newContext();
  const people = await registeredPeople(request, base);
  // Someone from the end of the list, so the scanner tests' people are left alone.
  const holder = people.filter((p) => p.nativeName && p.nativeName !== p.displayName).at(-1);
  if (!holder) throw new Error('no participant with a name in two scripts');
  const code = (await issueBadges(request, base, [holder.id])).get(holder.id) ?? '';
  expect(code).toMatch(/^DD1[A-Z2-7]{119}$/u);

  // The "printed badge" as a video file the fake camera plays in a loop.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-e2e-camera-'));
  const video = path.join(dir, 'badge.y4m');
  writeBadgeVideo(video, code);

  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-dev-shm-usage',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    const errors: string[] = [];
    const external: string[] = [];
    const wasm: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.hostname !== '127.0.0.1' && url.protocol !== 'data:' && url.protocol !== 'blob:') external.push(r.url());
      if (url.pathname.endsWith('.wasm')) wasm.push(url.pathname);
    });
    await page.goto(new URL('#/checkin', base).toString());
    await expect(page.getByTestId('desk-result')).toHaveAttribute('data-state', 'ready');
    // Keyboard only: F9 starts the camera.
    await page.keyboard.press('F9');
    await expect(page.getByTestId('desk-camera')).toHaveAttribute('data-camera', 'on');
    await expect(page.getByTestId('desk-result')).toHaveAttribute('data-state', 'welcome', { timeout: 15_000 });
    await expect(page.getByTestId('desk-name')).toContainText(holder.displayName);
    const log = await hostApi<Array<{ participantId: number | null; source: string; result: string }>>(request, base, 'checkin.recent', { limit: 3 });
    expect(log[0]).toMatchObject({ participantId: holder.id, source: 'camera', result: 'welcome' });
    // Held up for several more frames: still one scan, not a string of "already".
    await page.waitForTimeout(1200);
    await expect(page.getByTestId('desk-result')).toHaveAttribute('data-state', 'welcome');
    // The decoder came from our own bundle, never a CDN.
    expect(wasm.length).toBeGreaterThan(0);
    expect(wasm.every((p) => /\/assets\/zxing_reader-[\w-]+\.wasm$/u.test(p))).toBe(true);
    await fontsReady(page);
    await screenshot(page, 'checkin-desk-camera');
    await page.keyboard.press('F9');
    await expect(page.getByTestId('desk-camera')).toHaveAttribute('data-camera', 'off');
    expect(external).toEqual([]);
    expect(errors).toEqual([]);
  } finally {
    await browser.close();
    await request.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
