import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { Dashboard, Participant, ScanLogEntry } from '../../electron/contract';
import { expect, fontsReady, screenshot, test } from './fixtures';
import { blurEverything, hostApi, issueBadges, registeredPeople } from './support/fake_camera_scanner';

// A desk whose host goes away (issue 6 part 6). This spec runs its own host as a child process,
// so it can stop it and start it again on the same port and event folder, as a power cut or a
// crashed laptop would, without touching the shared e2e host.
const root = path.resolve(__dirname, '..', '..');
const outDir = process.env['DD_OUT_DIR'] ?? 'out';
let host: ChildProcess | null = null;
let dataRoot = '';
let port = 0;
const url = () => `http://127.0.0.1:${port}/`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port: p } = server.address() as net.AddressInfo;
      server.close(() => resolve(p));
    });
  });
}

async function startHost(): Promise<void> {
  host = spawn(
    process.execPath,
    [path.join(root, outDir, 'host', 'index.cjs'), '--data-dir', path.join(dataRoot, 'demo'), '--home', path.join(dataRoot, 'home'), '--port', String(port), '--local-only'],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(new URL('api/health', url()))).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the host did not start');
}

async function stopHost(): Promise<void> {
  const child = host;
  host = null;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
}

test.beforeAll(async () => {
  dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-e2e-offline-'));
  port = await freePort();
  await startHost();
});

test.afterAll(async () => {
  await stopHost();
  fs.rmSync(dataRoot, { recursive: true, force: true });
});

/** Errors a page may log while its host is away (refused requests and sockets); anything else fails the test. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  const expected = /ERR_CONNECTION_REFUSED|WebSocket connection to .* failed|Failed to load resource/u;
  page.on('console', (m) => {
    if (m.type() === 'error' && !expected.test(m.text())) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => {
    if (new URL(r.url()).hostname !== '127.0.0.1') errors.push(`left the machine: ${r.url()}`);
  });
  return errors;
}

/**
 * A USB scanner: the code as a burst of keydowns (physical key in `code`, as a wedge scanner
 * sends them) with nothing focused, then Enter. Dispatched inside the page in one go: on a
 * loaded two-core machine Playwright's per-key round trips can be slower than a scanner (over
 * the desk's 40 ms scanner threshold), which would make this test about the machine's load.
 */
async function scan(page: Page, code: string): Promise<void> {
  await blurEverything(page);
  await page.evaluate((text) => {
    const fire = (init: KeyboardEventInit) => {
      const target = document.activeElement ?? document.body;
      target.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, composed: true, ...init }));
      target.dispatchEvent(new KeyboardEvent('keyup', { bubbles: true, cancelable: true, composed: true, ...init }));
    };
    for (const char of text) {
      const letter = /[A-Z]/u.test(char);
      fire({ key: char, code: letter ? `Key${char}` : `Digit${char}`, shiftKey: letter });
    }
    fire({ key: 'Enter', code: 'Enter' });
  }, code);
}

test('a desk whose host is stopped keeps checking in 50 people; when the host is back all 50 arrive exactly once', async ({ page, playwright }) => {
  test.setTimeout(240_000);
  const errors = watchErrors(page);
  const request = await playwright.request.newContext();
  const people: Participant[] = (await registeredPeople(request, url())).slice(0, 50);
  expect(people).toHaveLength(50);
  const codes = await issueBadges(request, url(), people.map((p) => p.id));

  // The desk opens while the host is up and takes its copy of the event (people, badge key).
  const copied = page.waitForResponse((r) => r.url().endsWith('/api/checkin.snapshot') && r.ok());
  await page.goto(new URL('#/checkin', url()).toString());
  await expect(page.getByTestId('desk-result')).toHaveAttribute('data-state', 'ready');
  await copied;

  // The desk's first keydown starts its audio (a user gesture), which blocks the page long
  // enough for the wedge detector to drop that burst's first key (reported to desk_ui). A
  // Shift press first, as an operator's hand on the keyboard would, keeps this test about the
  // offline queue.
  await page.keyboard.press('Shift');
  await stopHost();
  const banner = page.getByTestId('offline-banner');
  for (const [i, person] of people.entries()) {
    await scan(page, codes.get(person.id) ?? '');
    // Each scan answers at once from the desk's own copy, and is kept on the desk.
    await expect(banner).toHaveAttribute('data-pending', String(i + 1));
    await expect(page.getByTestId('desk-result')).toHaveAttribute('data-state', 'welcome');
    await expect(page.getByTestId('desk-name')).toContainText(person.displayName);
  }
  await expect(banner).toHaveAttribute('data-state', 'offline');
  // The same badge again, still offline: the desk knows it checked this person in.
  await scan(page, codes.get(people[0]!.id) ?? '');
  await expect(page.getByTestId('desk-result')).toHaveAttribute('data-state', 'already');
  await expect(banner).toHaveAttribute('data-pending', '51');
  await expect(banner).toContainText('Offline: the host cannot be reached');
  await fontsReady(page);
  await screenshot(page, 'offline-desk-banner');

  // The host comes back on the same address and event folder: the desk sends its queue by itself.
  await startHost();
  await expect(banner).toHaveAttribute('data-state', 'sent', { timeout: 30_000 });
  await expect(banner).toContainText('all 51 scans sent');
  await screenshot(page, 'offline-desk-synced');

  const dashboard = await hostApi<Dashboard>(request, url(), 'checkin.dashboard', {});
  expect(dashboard.here).toBe(50);
  const log = await hostApi<ScanLogEntry[]>(request, url(), 'checkin.recent', { limit: 200 });
  const welcomes = log.filter((e) => e.result === 'welcome');
  expect(welcomes).toHaveLength(50);
  expect(new Set(welcomes.map((e) => e.participantId))).toEqual(new Set(people.map((p) => p.id)));
  expect(log.filter((e) => e.result === 'already')).toHaveLength(1);
  // Every scan is in the log as made offline, with the time it happened on the desk.
  expect(log).toHaveLength(51);
  expect(log.every((e) => e.offline)).toBe(true);
  expect(Math.max(...log.map((e) => Date.parse(e.scannedAt)))).toBeLessThan(Math.min(...log.map((e) => Date.parse(e.receivedAt))));

  // A reload of the desk sends nothing again: the queue is empty and the host unchanged.
  await page.reload();
  await expect(page.getByTestId('desk-result')).toHaveAttribute('data-state', 'ready');
  expect((await hostApi<Dashboard>(request, url(), 'checkin.dashboard', {})).here).toBe(50);
  expect(await hostApi<ScanLogEntry[]>(request, url(), 'checkin.recent', { limit: 200 })).toHaveLength(51);
  await request.dispose();
  expect(errors).toEqual([]);
});
