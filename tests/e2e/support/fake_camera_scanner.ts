import type { APIRequestContext, Page } from '@playwright/test';
import type { BadgeSheet, Participant, PrintJobStatus } from '../../../electron/contract';

/** Calls a host's API (from this machine's loopback: the admin, unless a token is given). */
export async function hostApi<T>(request: APIRequestContext, base: string, method: string, input: object, token?: string): Promise<T> {
  const response = await request.post(new URL(`api/${method}`, base).toString(), {
    data: input,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  const result = (await response.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!result.ok) throw new Error(`${method}: ${result.error?.message}`);
  return result.value;
}

/** Registered people of the demo event, in list order. */
export async function registeredPeople(request: APIRequestContext, base: string): Promise<Participant[]> {
  const { items } = await hostApi<{ items: Participant[] }>(request, base, 'participants.list', { limit: 500 });
  return items.filter((p) => p.status === 'registered');
}

/**
 * Prints badges for these people as staff would (a PDF batch on the host) and returns the codes
 * of the badges now issued, by participant id: only a finished print makes a code valid.
 */
export async function issueBadges(request: APIRequestContext, base: string, ids: readonly number[]): Promise<Map<number, string>> {
  const job = await hostApi<PrintJobStatus>(request, base, 'badges.printStart', { filter: { participantIds: ids }, output: 'pdf' });
  for (let i = 0; i < 600; i++) {
    const status = await hostApi<PrintJobStatus>(request, base, 'badges.printStatus', { jobId: job.jobId });
    if (status.state === 'done') break;
    if (status.state === 'failed' || status.state === 'cancelled') throw new Error(`the badge batch ${status.state}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const sheet = await hostApi<BadgeSheet>(request, base, 'badges.printSheet', { jobId: job.jobId });
  return new Map(sheet.items.map((item) => [item.participantId, item.code]));
}

/** Makes sure nothing on the page has the focus (a scanner must work without clicking a field). */
export async function blurEverything(page: Page): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  if ((await page.evaluate(() => document.activeElement?.tagName)) !== 'BODY') throw new Error('something kept the focus');
}

/** Keyboard layouts a wedge scanner's keys pass through: `key` changes, `code` (the physical key) stays. */
export type ScannerLayout = 'us' | 'hangul-ime' | 'azerty';

// What each layout makes of a physical key (independent of the app's own table, which this tests).
const JAMO: Record<string, string> = { KeyD: 'ㅇ', KeyA: 'ㅁ', KeyB: 'ㅠ', KeyC: 'ㅊ', KeyE: 'ㄷ', KeyK: 'ㅏ', KeyR: 'ㄱ', KeyS: 'ㄴ' };
const AZERTY_LETTERS: Record<string, string> = { KeyQ: 'a', KeyA: 'q', KeyW: 'z', KeyZ: 'w', KeyM: ',' };
const AZERTY_DIGITS: Record<string, string> = { Digit1: '&', Digit2: 'é', Digit3: '"', Digit4: "'", Digit5: '(', Digit6: '-', Digit7: 'è' };

/** The keydown a US-layout scanner's key becomes under a layout: `key`, and the text it would type into a field. */
function underLayout(char: string, layout: ScannerLayout, index: number): { code: string; shift: boolean; key: string; text: string } {
  const letter = /[A-Za-z]/u.test(char);
  const code = letter ? `Key${char.toUpperCase()}` : /\d/u.test(char) ? `Digit${char}` : char === '-' ? 'Minus' : 'Space';
  const shift = letter && char === char.toUpperCase();
  if (layout === 'hangul-ime') {
    // The IME reports 'Process' (or, on some systems, the jamo) and composes Hangul into a field.
    const jamo = JAMO[code] ?? 'ㅎ';
    return { code, shift, key: index % 3 === 0 ? jamo : 'Process', text: letter ? jamo : char };
  }
  if (layout === 'azerty') {
    const base = letter ? (AZERTY_LETTERS[code] ?? char.toLowerCase()) : (AZERTY_DIGITS[code] ?? char);
    const typed = shift ? base.toUpperCase() : base;
    return { code, shift, key: typed, text: typed };
  }
  return { code, shift, key: char, text: char };
}

/**
 * Types `text` + Enter as a USB keyboard-wedge scanner does, through the browser's real keyboard
 * input path (trusted keydown and text input, the CDP call `page.keyboard` itself makes), with a
 * scanner's timing: each key carries its own timestamp `perKeyMs` after the previous one, as the
 * operating system stamps a USB scanner's keys. Delivery may lag on a busy machine (as on a busy
 * desk laptop) but the timestamps stay a scanner's, so the test does not hang on machine load.
 * `layout` makes the keys arrive as a Korean IME or a French AZERTY keyboard would deliver them.
 */
export async function scanWithKeyboard(page: Page, text: string, layout: ScannerLayout = 'us', perKeyMs = 8): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  let at = Date.now() / 1000;
  let index = 0;
  for (const char of text) {
    const k = underLayout(char, layout, index++);
    const keyCode = layout === 'hangul-ime' ? 229 : /[A-Za-z]/u.test(char) ? char.toUpperCase().charCodeAt(0) : char.charCodeAt(0);
    const common = { key: k.key, code: k.code, windowsVirtualKeyCode: keyCode, modifiers: k.shift ? 8 : 0 };
    at += perKeyMs / 1000;
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', ...common, timestamp: at, text: k.text, unmodifiedText: k.text });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...common, timestamp: at + 0.002 });
  }
  at += perKeyMs / 1000;
  const enter = { key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13 };
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', ...enter, timestamp: at, text: '\r', unmodifiedText: '\r' });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...enter, timestamp: at + 0.002 });
  await cdp.detach();
}
