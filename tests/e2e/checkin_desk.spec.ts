import type { Page } from '@playwright/test';
import type { Participant } from '../../electron/contract';
import { expect, fontsReady, screenshot, test } from './fixtures';
import { blurEverything, hostApi, issueBadges, registeredPeople, scanWithKeyboard } from './support/fake_camera_scanner';

// The desk on the shared e2e host (this machine's loopback: the admin's own desk, "Host").
// Badges are printed once for a handful of people; each test uses its own people.
let base = '';
let people: Participant[] = [];
let codes = new Map<number, string>();

test.beforeAll(async ({ playwright }) => {
  test.setTimeout(120_000);
  base = `http://127.0.0.1:${process.env['E2E_PORT'] ?? 4799}/`;
  const request = await playwright.request.newContext();
  const all = await registeredPeople(request, base);
  // People whose name has a second script, so both are on screen; Korean first.
  const twoScripts = all.filter((p) => p.nativeName && p.nativeName !== p.displayName);
  people = [...twoScripts.filter((p) => p.nativeNameLang === 'ko'), ...twoScripts.filter((p) => p.nativeNameLang !== 'ko')].slice(0, 8);
  codes = await issueBadges(request, base, people.map((p) => p.id));
  await request.dispose();
});

function person(i: number): { p: Participant; code: string } {
  const p = people[i];
  const code = p ? codes.get(p.id) : undefined;
  if (!p || !code) throw new Error(`no badge for person ${i}`);
  return { p, code };
}

async function openDesk(page: Page): Promise<void> {
  await page.goto('/#/checkin');
  await expect(page.getByTestId('desk-result')).toHaveAttribute('data-state', 'ready');
  await expect(page.getByTestId('desk-count')).toBeVisible();
}

const result = (page: Page) => page.getByTestId('desk-result');

test('a USB scanner burst with nothing focused checks in; the same badge again says "already", and a burst never lands in the search field', async ({ page, watch }) => {
  void watch;
  const { p, code } = person(0);
  // How long from the scanner's Enter to the result on screen (reported, not asserted). Set up
  // before the app starts, so this listener hears the Enter before the desk swallows it.
  await page.addInitScript(() => {
    const w = window as unknown as { enterAt: number; shownAt: number };
    window.addEventListener('keydown', (e) => e.key === 'Enter' && (w.enterAt = performance.now()), true);
    new MutationObserver(() => {
      const state = document.querySelector('[data-testid="desk-result"]')?.getAttribute('data-state');
      if (state === 'welcome' && !w.shownAt) w.shownAt = performance.now();
    }).observe(document, { subtree: true, attributes: true, childList: true, attributeFilter: ['data-state'] });
  });
  await openDesk(page);
  await page.getByTestId('desk-operator').fill('Mina');
  await blurEverything(page);
  // A scanner: the whole code as fast keystrokes, then Enter.
  await scanWithKeyboard(page, code);
  await expect(result(page)).toHaveAttribute('data-state', 'welcome');
  const [ms, call] = await page.evaluate(() => {
    const w = window as unknown as { enterAt: number; shownAt: number };
    const scan = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/api/checkin.scan')).at(-1);
    return [w.shownAt - w.enterAt, scan?.duration ?? NaN];
  });
  console.log(`scan-enter-to-welcome-on-screen ${ms.toFixed(1)} ms (of which the checkin.scan call ${call.toFixed(1)} ms)`);
  await expect(page.getByTestId('desk-headline')).toHaveText('Welcome');
  await expect(page.getByTestId('desk-name')).toContainText(p.displayName);
  await expect(page.getByTestId('desk-native-name')).toHaveText(p.nativeName);
  await expect(page.getByTestId('desk-category')).toBeVisible();
  await expect(page.getByTestId('desk-recent').locator('li').first()).toHaveAttribute('data-result', 'welcome');
  await fontsReady(page);
  await screenshot(page, 'checkin-desk-welcome');

  // Someone was typing a name when the next badge was scanned: the field keeps what was typed.
  await page.getByTestId('desk-search').fill('ki');
  await page.getByTestId('desk-search').focus();
  await scanWithKeyboard(page, code);
  await expect(result(page)).toHaveAttribute('data-state', 'already');
  await expect(page.getByTestId('desk-headline')).toHaveText('Already checked in');
  await expect(page.getByTestId('desk-detail')).toHaveText('Checked in just now at Host.');
  await expect(page.getByTestId('desk-search')).toHaveValue('ki');
  const log = await hostApi<Array<{ result: string; operator: string; source: string }>>(page.request, base, 'checkin.recent', { limit: 5 });
  expect(log.slice(0, 2)).toEqual([
    expect.objectContaining({ result: 'already', operator: 'Mina', source: 'scanner' }),
    expect.objectContaining({ result: 'welcome', operator: 'Mina', source: 'scanner' }),
  ]);
  await fontsReady(page);
  await screenshot(page, 'checkin-desk-already');

  // The same person at a session's door: a check-in of its own, logged with the session.
  const sessions = await hostApi<Array<{ id: number }>>(page.request, base, 'sessions.list', {});
  const door = sessions[0]?.id;
  if (!door) throw new Error('the demo event has no sessions');
  await page.getByTestId('desk-door').selectOption(String(door));
  await blurEverything(page);
  await scanWithKeyboard(page, code);
  await expect(result(page)).toHaveAttribute('data-state', 'welcome');
  const atDoor = await hostApi<Array<{ sessionId: number | null; participantId: number | null }>>(page.request, base, 'checkin.recent', { limit: 1 });
  expect(atDoor[0]).toMatchObject({ sessionId: door, participantId: p.id });
  await page.getByTestId('desk-door').selectOption('');
});

test('scans typed through a Korean IME and an AZERTY layout read back the original code', async ({ page, watch }) => {
  void watch;
  await openDesk(page);
  const korean = person(1);
  await blurEverything(page);
  await scanWithKeyboard(page, korean.code, 'hangul-ime');
  await expect(result(page)).toHaveAttribute('data-state', 'welcome');
  await expect(page.getByTestId('desk-name')).toContainText(korean.p.displayName);

  // In a focused field, with the IME on: the field gets nothing and the scan still reads.
  const french = person(2);
  await page.getByTestId('desk-search').focus();
  await scanWithKeyboard(page, french.code, 'azerty');
  await expect(result(page)).toHaveAttribute('data-state', 'welcome');
  await expect(page.getByTestId('desk-name')).toContainText(french.p.displayName);
  await expect(page.getByTestId('desk-search')).toHaveValue('');

  // The Korean UI says the same in Korean.
  await page.getByTestId('language-switch').selectOption('ko');
  await scanWithKeyboard(page, korean.code, 'hangul-ime');
  await expect(page.getByTestId('desk-headline')).toHaveText('이미 체크인됨');
  await fontsReady(page);
  await screenshot(page, 'checkin-desk-already-ko');
  await page.getByTestId('language-switch').selectOption('en');
});

test('name search checks in with Enter; undo takes it back with a reason; check-out records a leaving', async ({ page, watch }) => {
  void watch;
  await openDesk(page);
  const { p } = person(3);
  await page.keyboard.press('F2');
  await expect(page.getByTestId('desk-search')).toBeFocused();
  await page.keyboard.type(p.displayName.split(' ')[0] ?? p.displayName, { delay: 90 });
  await expect(page.getByTestId('desk-found').filter({ hasText: p.displayName }).first()).toBeVisible();
  // Move to the person with the arrow keys, then Enter.
  const names = await page.getByTestId('desk-found').allTextContents();
  const index = names.findIndex((n) => n.includes(p.displayName));
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(result(page)).toHaveAttribute('data-state', 'welcome');
  await expect(page.getByTestId('desk-name')).toContainText(p.displayName);
  await expect(page.getByTestId('desk-search')).toHaveValue('');
  await fontsReady(page);
  await screenshot(page, 'checkin-desk-search-welcome');

  await page.keyboard.press('F4');
  await expect(page.getByTestId('desk-undo-dialog')).toBeVisible();
  await fontsReady(page);
  await screenshot(page, 'checkin-desk-undo');
  await page.getByTestId('desk-undo-confirm').click();
  await expect(result(page)).toHaveAttribute('data-state', 'undone');
  const status = await hostApi<{ current: unknown }>(page.request, base, 'checkin.status', { participantId: p.id });
  expect(status.current).toBeNull();

  // Check in again, then out with the button.
  await page.getByTestId('desk-search').fill(p.displayName);
  await page.getByTestId('desk-found').filter({ hasText: p.displayName }).first().click();
  await expect(result(page)).toHaveAttribute('data-state', 'welcome');
  await page.getByTestId('desk-checkout').click();
  await expect(result(page)).toHaveAttribute('data-state', 'checked_out');
  await expect(page.getByTestId('desk-headline')).toHaveText('Checked out');
});

test('refusals: forged, another event\'s, unknown and replaced badges and a cancelled registration each say what to do', async ({ page, watch }) => {
  void watch;
  await openDesk(page);
  const scan = async (text: string) => {
    await blurEverything(page);
    await scanWithKeyboard(page, text);
  };
  // One signature character changed: the code still reads, the signature no longer matches.
  const { code } = person(4);
  const at = 60;
  const forged = code.slice(0, at) + (code[at] === 'A' ? 'B' : 'A') + code.slice(at + 1);
  await scan(forged);
  await expect(result(page)).toHaveAttribute('data-state', 'forged');
  await expect(page.getByTestId('desk-headline')).toHaveText('Forged or altered badge');
  await fontsReady(page);
  await screenshot(page, 'checkin-desk-forged');

  // Another event's badge: same format, another event tag (the 3rd base32 character holds tag bits).
  await scan(`${code.slice(0, 5)}${code[5] === 'Z' ? 'Y' : 'Z'}${code.slice(6)}`);
  await expect(result(page)).toHaveAttribute('data-state', 'wrong_event');

  await scan('HELLO-WORLD-1234');
  await expect(result(page)).toHaveAttribute('data-state', 'unknown');
  await expect(page.getByTestId('desk-headline')).toHaveText('Unknown code');

  // A reprint makes the old badge a replaced one.
  const reprinted = person(5);
  await issueBadges(page.request, base, [reprinted.p.id]);
  await scan(reprinted.code);
  await expect(result(page)).toHaveAttribute('data-state', 'replaced');
  await expect(page.getByTestId('desk-name')).toContainText(reprinted.p.displayName);
  await fontsReady(page);
  await screenshot(page, 'checkin-desk-replaced');

  // A cancelled registration.
  const cancelled = person(6);
  await hostApi(page.request, base, 'participants.setStatus', { id: cancelled.p.id, expectedUpdatedAt: cancelled.p.updatedAt, status: 'cancelled' });
  await scan(cancelled.code);
  await expect(result(page)).toHaveAttribute('data-state', 'cancelled');
  await expect(page.getByTestId('desk-detail')).toContainText('registration team');

  // Arabic, right to left: the same result mirrored.
  await page.getByTestId('language-switch').selectOption('ar');
  await scan(cancelled.code);
  await expect(page.getByTestId('desk-headline')).toHaveText('التسجيل ملغى');
  await fontsReady(page);
  await screenshot(page, 'checkin-desk-cancelled-ar');
  await page.getByTestId('language-switch').selectOption('en');
});
