import type { Browser, Page } from '@playwright/test';
import { expect, fontsReady, screenshot, test } from './fixtures';
import { startLanHost, type LanHost } from './support/lan_host';
import { hostApi, issueBadges, registeredPeople, scanWithKeyboard } from './support/fake_camera_scanner';

// A host of our own with a "LAN stand-in" port (callers there count as LAN devices although they
// come from loopback, see support/lan_host.ts), so two desks can be paired under their own names.
let host: LanHost | null = null;
let adminUrl = '';
let lanUrl = '';


test.beforeAll(async () => {
  host = await startLanHost('desks');
  ({ adminUrl, lanUrl } = host);
});

test.afterAll(async () => {
  await host?.stop();
});

/** Pairs a desk through the API (as the devices screen and the pairing page do) and opens its desk screen. */
async function pairedDesk(browser: Browser, name: string, errors: string[]): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${name}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`${name}: ${e.message}`));
  const offer = await hostApi<{ code: string }>(page.request, adminUrl, 'devices.pairingStart', { role: 'desk', name });
  const { token } = await hostApi<{ token: string }>(page.request, lanUrl, 'devices.pair', { code: offer.code });
  await context.addInitScript((t) => localStorage.setItem('delegate-desk.device-token', t), token);
  await page.goto(new URL('#/checkin', lanUrl).toString());
  await expect(page.getByTestId('device-badge')).toContainText(name);
  await expect(page.getByTestId('desk-result')).toHaveAttribute('data-state', 'ready');
  return page;
}

test('two desks scan the same badge at the same moment: one welcome, the other "already checked in just now at" the first desk', async ({ browser, page, watch }) => {
  void watch;
  test.setTimeout(90_000);
  const holder = (await registeredPeople(page.request, adminUrl)).find((p) => p.nativeNameLang === 'ar') ?? (await registeredPeople(page.request, adminUrl))[0];
  if (!holder) throw new Error('no participant');
  const code = (await issueBadges(page.request, adminUrl, [holder.id])).get(holder.id) ?? '';
  const errors: string[] = [];
  const deskA = await pairedDesk(browser, 'Desk A', errors);
  const deskB = await pairedDesk(browser, 'Desk B', errors);

  await Promise.all([scanWithKeyboard(deskA, code, 'azerty'), scanWithKeyboard(deskB, code, 'azerty')]);
  const states = ['welcome', 'already'];
  for (const desk of [deskA, deskB]) {
    await expect.poll(async () => states.includes((await desk.getByTestId('desk-result').getAttribute('data-state')) ?? '')).toBe(true);
  }
  const [a, b] = [await deskA.getByTestId('desk-result').getAttribute('data-state'), await deskB.getByTestId('desk-result').getAttribute('data-state')];
  expect([a, b].sort()).toEqual(['already', 'welcome']);
  const [winner, other, winnerName] = a === 'welcome' ? [deskA, deskB, 'Desk A'] : [deskB, deskA, 'Desk B'];
  await expect(winner.getByTestId('desk-name')).toContainText(holder.displayName);
  await expect(other.getByTestId('desk-detail')).toHaveText(`Checked in just now at ${winnerName}.`);
  // One check-in in the records, and both scans in the log.
  const dashboard = await hostApi<{ here: number; scannedTwice: unknown[] }>(page.request, adminUrl, 'checkin.dashboard', {});
  expect(dashboard.here).toBe(1);
  expect(dashboard.scannedTwice).toHaveLength(1);
  // Each desk's count follows the other's check-in live (checkin.changed push).
  for (const desk of [deskA, deskB]) await expect(desk.getByTestId('desk-count').locator('.desk-count-here')).toHaveText('1');
  await fontsReady(other);
  await screenshot(other, 'checkin-desk-two-desks-already');
  await fontsReady(winner);
  await screenshot(winner, 'checkin-desk-two-desks-welcome');
  expect(errors).toEqual([]);
});
