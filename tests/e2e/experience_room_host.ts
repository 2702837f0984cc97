/**
 * Helpers of the experience-room e2e spec: a host of its own with a "LAN stand-in" port (see
 * support/lan_host.ts; a browser on that port counts as a LAN device, so a second browser context
 * can pair as a booth tablet), API calls as the admin, pairing a booth, and the axe check.
 */
import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { expect } from './fixtures';
import { startLanHost, type LanHost } from './support/lan_host';

let host: LanHost | null = null;
/** The admin's address (this machine's loopback) and the LAN stand-in's, once started. */
export const room = { adminUrl: '', lanUrl: '' };


/** Starts the room's own host on a fresh demo event. */
export async function startRoomHost(): Promise<void> {
  host = await startLanHost('room');
  room.adminUrl = host.adminUrl;
  room.lanUrl = host.lanUrl;
}

/** Stops the host and removes its event folder. */
export async function stopRoomHost(): Promise<void> {
  await host?.stop();
}

export type Answer<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

/** Calls the host's API as the admin on this machine. */
export async function call<T>(request: APIRequestContext, method: string, input: object): Promise<Answer<T>> {
  const response = await request.post(new URL(`api/${method}`, room.adminUrl).toString(), { data: input });
  return (await response.json()) as Answer<T>;
}

/** Calls the host's API as the admin and expects success. */
export async function api<T>(request: APIRequestContext, method: string, input: object): Promise<T> {
  const answer = await call<T>(request, method, input);
  if (!answer.ok) throw new Error(`${method}: ${answer.error.message}`);
  return answer.value;
}

/** axe-core on the page as it is now: no serious or critical violation. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), `${what}: axe`).toEqual([]);
}

/** Pairs a new browser context (a portrait touch tablet) as a booth, from the admin's devices screen. */
export async function pairBooth(page: Page, browser: Browser, name: string): Promise<{ booth: Page; errors: string[]; close: () => Promise<void> }> {
  await page.goto(new URL('#/devices', room.adminUrl).toString());
  await page.getByTestId('pair-name').fill(name);
  await page.getByTestId('pair-role-booth').check();
  await page.getByTestId('pair-start').click();
  const pairing = (await page.getByTestId('pairing-code-shown').getAttribute('data-code')) ?? '';
  const context = await browser.newContext({ viewport: { width: 1024, height: 1366 }, hasTouch: true });
  const booth = await context.newPage();
  const errors: string[] = [];
  booth.on('console', (m) => (m.type() === 'error' ? errors.push(m.text()) : undefined));
  booth.on('pageerror', (e) => errors.push(e.message));
  await booth.goto(room.lanUrl);
  await booth.getByTestId('pairing-code').fill(pairing);
  await booth.getByTestId('pairing-submit').click();
  await expect(booth.getByTestId('booth-idle')).toBeVisible();
  return { booth, errors, close: () => context.close() };
}
