import fs from 'node:fs';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';

export const SCREENSHOT_DIR = path.resolve(__dirname, '..', '..', process.env['DD_OUT_DIR'] ?? 'out', 'e2e', 'screenshots');

/** Hosts a page may talk to: the host itself. Anything else would be a request leaving the machine. */
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

interface Watch {
  /** Every URL the page requested that was not on this machine. */
  external: string[];
  /** Console errors and page errors (a CSP violation shows up here too). */
  errors: string[];
}

/**
 * Every test runs with a watch on the page: no request may leave localhost and no error
 * may reach the console. Both are checked after the test, whatever it did.
 */
export const test = base.extend<{ watch: Watch }>({
  watch: async ({ page }, use) => {
    const watch: Watch = { external: [], errors: [] };
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.protocol === 'data:' || url.protocol === 'blob:') return;
      if (!LOCAL_HOSTS.has(url.hostname) && !LOCAL_HOSTS.has(url.host)) watch.external.push(request.url());
    });
    page.on('console', (message) => {
      if (message.type() === 'error') watch.errors.push(message.text());
    });
    page.on('pageerror', (error) => watch.errors.push(error.message));
    await use(watch);
    expect(watch.external, 'requests that left this machine').toEqual([]);
    expect(watch.errors, 'console errors').toEqual([]);
  },
});

/** Saves a full-page screenshot as a test artifact (out/e2e/screenshots). */
export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** Waits until fonts are loaded, so screenshots show the real glyphs. */
export async function fontsReady(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
}

export { expect };
