import { type BrowserContext, type Page } from '@playwright/test';
import { expect, fontsReady, screenshot, test } from './fixtures';
import { startLanHost, type LanHost } from './support/lan_host';

// A second host of our own with a "LAN stand-in" port (see support/lan_host.ts).
let host: LanHost | null = null;
let adminUrl = '';
let lanUrl = '';


test.beforeAll(async () => {
  host = await startLanHost('devices');
  ({ adminUrl, lanUrl } = host);
});

test.afterAll(async () => {
  await host?.stop();
});

/** A second browser context, as a tablet on the LAN, watched for console errors like the fixture's page. */
async function tablet(context: BrowserContext): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return { page, errors };
}

test('a second browser pairs as a booth, is locked to its kiosk, and is cut off within a second when revoked', async ({ page, watch, browser }) => {
  void watch;
  test.setTimeout(60_000);
  // The host side: the admin console on this machine.
  await page.goto(new URL('#/devices', adminUrl).toString());
  await expect(page.getByTestId('network-card')).toContainText(lanUrl);
  await page.getByTestId('pair-name').fill('Booth A');
  await page.getByTestId('pair-role-booth').check();
  await page.getByTestId('pair-start').click();
  const shown = page.getByTestId('pairing-code-shown');
  await expect(shown).toBeVisible();
  const code = (await shown.getAttribute('data-code')) ?? '';
  expect(code).toMatch(/^\d{6}$/u);
  // The QR carries the address with the code in the fragment, never in the query.
  await expect(page.getByTestId('pairing-qr')).toHaveAttribute('data-qr-text', `${lanUrl}#pair=${code}`);
  await fontsReady(page);
  await screenshot(page, 'devices-pairing-code');

  // The device: an unpaired browser sees only the pairing page.
  const context = await browser.newContext();
  const { page: device, errors } = await tablet(context);
  await device.goto(new URL('#/participants', lanUrl).toString());
  await expect(device.getByTestId('pairing-page')).toBeVisible();
  await expect(device.getByTestId('nav-participants')).toHaveCount(0);
  await fontsReady(device);
  await screenshot(device, 'pairing-page');
  const wrong = code === '000000' ? '000001' : '000000';
  await device.getByTestId('pairing-code').fill(wrong);
  await device.getByTestId('pairing-submit').click();
  await expect(device.getByTestId('pairing-error')).toContainText('not right');
  await device.getByTestId('pairing-code').fill(code);
  await device.getByTestId('pairing-submit').click();
  await expect(device.getByTestId('kiosk')).toBeVisible();
  await expect(device.getByTestId('kiosk')).toContainText('Booth A');
  await fontsReady(device);
  await screenshot(device, 'kiosk-booth');

  // Locked: no staff page by URL, none after a reload (the pairing survives it), no menu.
  for (const route of ['participants', 'devices', 'settings', 'overview']) {
    await device.goto(new URL(`#/${route}`, lanUrl).toString());
    await device.reload();
    await expect(device.getByTestId('kiosk')).toBeVisible();
    await expect(device.locator('nav')).toHaveCount(0);
    await expect(device.getByTestId('participant-table')).toHaveCount(0);
  }
  // And the host itself refuses a booth's staff calls, whatever the page does.
  const token = await device.evaluate(() => localStorage.getItem('delegate-desk.device-token'));
  expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/u);
  const refused = await context.request.post(new URL('api/participants.list', lanUrl).toString(), {
    data: {},
    headers: { authorization: `Bearer ${token}` },
  });
  expect(refused.status()).toBe(403);

  // The host sees the booth online, then revokes it.
  await page.goto(new URL('#/devices', adminUrl).toString());
  const row = page.locator('[data-testid=device-row][data-device="Booth A"]');
  await expect(row.getByTestId('device-presence')).toHaveText('Online');
  await expect(page.getByTestId('open-code')).toHaveCount(0);
  await fontsReady(page);
  await screenshot(page, 'devices-screen');
  await row.getByTestId('revoke').click();
  const t0 = Date.now();
  await row.getByTestId('revoke-confirm').click();
  await expect(device.getByTestId('pairing-lost')).toBeVisible({ timeout: 1000 });
  expect(Date.now() - t0).toBeLessThan(1000);
  await expect(device.getByTestId('kiosk')).toHaveCount(0);
  expect(await device.evaluate(() => localStorage.getItem('delegate-desk.device-token'))).toBeNull();
  const after = await context.request.post(new URL('api/devices.whoami', lanUrl).toString(), {
    data: {},
    headers: { authorization: `Bearer ${token}` },
  });
  expect(after.status()).toBe(401);
  await fontsReady(device);
  await screenshot(device, 'pairing-lost');
  await expect(page.getByText('1 revoked device')).toBeVisible();

  expect(errors, 'console errors on the device').toEqual([]);
  await context.close();
});

test('a QR link pairs a desk by itself, the code leaves the address bar, and the desk sees only desk screens', async ({ page, watch, browser }) => {
  void watch;
  await page.goto(new URL('#/devices', adminUrl).toString());
  await page.getByTestId('pair-name').fill('Desk 2');
  await page.getByTestId('pair-role-desk').check();
  await page.getByTestId('pair-start').click();
  const link = (await page.getByTestId('pairing-qr').getAttribute('data-qr-text')) ?? '';
  expect(link).toMatch(/#pair=\d{6}$/u);

  const context = await browser.newContext();
  const { page: desk, errors } = await tablet(context);
  await desk.goto(link);
  await expect(desk.getByTestId('device-badge')).toContainText('Desk 2');
  expect(desk.url()).not.toContain('pair=');
  await expect(desk.getByTestId('nav-participants')).toBeVisible();
  await expect(desk.getByTestId('nav-devices')).toHaveCount(0);
  await expect(desk.getByTestId('nav-settings')).toHaveCount(0);
  // Asking for an admin screen by URL lands on the desk's first screen instead.
  await desk.goto(new URL('#/devices', lanUrl).toString());
  await expect(desk.getByTestId('nav-overview')).toHaveAttribute('aria-current', 'page');

  // The same link again: the code was single-use.
  const other = await browser.newContext();
  const { page: late } = await tablet(other);
  await late.goto(link);
  await expect(late.getByTestId('pairing-error')).toContainText('used already');
  await other.close();

  // A role change on the host applies at once: the desk becomes a booth and locks to the kiosk.
  await page.goto(new URL('#/devices', adminUrl).toString());
  await page.locator('[data-testid=device-row][data-device="Desk 2"]').getByTestId('device-role').selectOption('booth');
  await expect(desk.getByTestId('kiosk')).toBeVisible();
  expect(errors, 'console errors on the desk').toEqual([]);
  await context.close();

  // The devices screen right-to-left, as an Arabic-speaking organiser sees it.
  await page.getByTestId('language-switch').selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('h1')).toBeVisible();
  await fontsReady(page);
  await screenshot(page, 'devices-screen-ar');
});
