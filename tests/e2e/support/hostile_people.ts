/**
 * Hostile people for the e2e specs (issue #10): a registration export full of markup, script,
 * spreadsheet formulas, bidi overrides, zero-width and combining characters, emoji and a
 * 600-character name, imported through the real import screen into an event of its own (so
 * the demo event the other specs count on keeps its 64 people), plus a hostile session,
 * round label, operator and event name. The demo event is opened again afterwards.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { APIRequestContext, Page } from '@playwright/test';
import { expect } from '../fixtures';

/** The markup that must never turn into an element (it sets window.__pwned if it ever runs). */
export const IMG_PAYLOAD = '<img src=x onerror=window.__pwned=1>';
export const SCRIPT_PAYLOAD = '<script>window.__pwned=1</script>';
/** A 600-character family name (one word: nothing to break it at but the layout). */
export const LONG_NAME = 'Wolfeschlegelsteinhausenbergerdorff'.repeat(18).slice(0, 600);
/** The event's own name: shown in the frame of every screen and at the top of every record. */
export const HOSTILE_EVENT_NAME = `${IMG_PAYLOAD} =HYPERLINK("http://x.invalid") \u202Eevil Forum`;
/** A programme session and a voting round label, as staff could type them. */
export const HOSTILE_SESSION = `=HYPERLINK("http://x.invalid","Bus") ${SCRIPT_PAYLOAD} \u202Elud`;
export const HOSTILE_VENUE = '@SUM(1+1) Hall \u200B\u200D';
export const HOSTILE_ROUND = `+1 ${IMG_PAYLOAD} \u202Eround`;
/** The desk operator's name goes into the scan log. */
export const HOSTILE_OPERATOR = "=cmd|' /C calc'!A0";

/** One hostile registration; the keys are the export's columns. */
export interface HostilePerson {
  family: string;
  given: string;
  native: string;
  organisation: string;
  delegation: string;
  notes: string;
  /** A word search finds this person by (searches skip bidi and zero-width characters). */
  find: string;
}

/** The people, each probing something else. */
export const HOSTILE_PEOPLE: readonly HostilePerson[] = [
  {
    family: 'Pwnedimg', given: IMG_PAYLOAD, native: SCRIPT_PAYLOAD, organisation: `${SCRIPT_PAYLOAD} & {{constructor}}`,
    delegation: `=HYPERLINK("http://x.invalid","click") ${IMG_PAYLOAD}`, notes: 'VIP <b>bold</b> =1+1', find: 'pwnedimg',
  },
  {
    family: '+1 Formulaic', given: '=HYPERLINK("http://evil.invalid","x")', native: '@SUM(1+1)', organisation: '-1 Ministry of Minus',
    delegation: '@SUM(A1:A9) Delegation', notes: '-2+3', find: 'formulaic',
  },
  {
    family: 'Zero\u200Bwidth\u200Djoiner', given: '\u202Eevil\u202C Bidiover', native: 'Z\u0351\u0351\u0351a\u0308\u0316lgo e\u0301\u0301\u0301',
    organisation: '\u2066isolated\u2069 Commission \u200F\u200E', delegation: '\u202Ereversed delegation', notes: '\uFEFFbom first', find: 'bidiover',
  },
  {
    family: LONG_NAME, given: 'Hubert', native: '김'.repeat(300), organisation: 'Q'.repeat(300),
    delegation: `Longdelegation ${'X'.repeat(180)}`, notes: 'N'.repeat(600), find: 'wolfeschlegel',
  },
  {
    family: '🏳️‍🌈 Emojiful', given: '👩‍👩‍👧‍👦 Family', native: '𝕳𝖊𝖑𝖑𝖔 𝔀𝓸𝓻𝓵𝓭', organisation: 'Ministry 😀\uD83D\uDE00',
    delegation: '🇫🇷 Délégation 👨‍👩‍👧', notes: '%s%s%n ${7*7}', find: 'emojiful',
  },
];

/** The people as a UTF-8 CSV with a BOM, as a registration system exports it. */
export function hostileCsv(): Buffer {
  const field = (text: string) => `"${text.replace(/"/gu, '""')}"`;
  const header = 'Family name,Given name,Native name,Organisation,Country,Delegation,Category,Notes,E-mail';
  const lines = HOSTILE_PEOPLE.map((p, i) =>
    [p.family, p.given, p.native, p.organisation, 'FR', p.delegation, 'delegate', p.notes, `hostile${i}@example.org`].map(field).join(','),
  );
  return Buffer.from(`\ufeff${header}\r\n${lines.join('\r\n')}\r\n`, 'utf8');
}

/** Calls the host's API as this machine's admin. */
export async function api<T>(request: APIRequestContext, method: string, input: object): Promise<T> {
  const res = await request.post(`/api/${method}`, { data: input });
  const body = (await res.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message ?? 'failed'}`);
  return body.value;
}

/** The day it is now in the event's timezone (Asia/Seoul), so the session is today's. */
export function seoulToday(): string {
  return new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);
}

/** Creates the hostile event (with the demo programme and election) and returns the demo event's id. */
export async function openHostileEvent(request: APIRequestContext): Promise<string> {
  const demoId = (await api<{ id: string }>(request, 'event.current', {})).id;
  const day = seoulToday();
  const shift = (days: number) => new Date(Date.parse(day) + days * 86_400_000).toISOString().slice(0, 10);
  await api(request, 'event.create', { name: HOSTILE_EVENT_NAME, startDate: shift(-1), endDate: shift(1), withDemoData: true });
  return demoId;
}

/** Imports the hostile CSV through the import screen, as staff would. */
export async function importThroughScreen(page: Page): Promise<void> {
  await page.goto('/#/import');
  await page.getByTestId('import-file').setInputFiles({ name: `${IMG_PAYLOAD}.csv`, mimeType: 'text/csv', buffer: hostileCsv() });
  await expect(page.getByTestId('import-plan-add')).toContainText(String(HOSTILE_PEOPLE.length));
}

/** The ids of the hostile people, found by their search word. */
export async function hostileIds(request: APIRequestContext): Promise<number[]> {
  const ids: number[] = [];
  for (const p of HOSTILE_PEOPLE) {
    const { items } = await api<{ items: Array<{ id: number }> }>(request, 'participants.list', { query: p.find, limit: 5 });
    if (!items[0]) throw new Error(`nobody found by ${p.find}`);
    ids.push(items[0].id);
  }
  return ids;
}

/** A hostile session today (everyone expected), the hostile people checked in at the desk and its door, and a hostile round. */
export async function addHostileProgramme(request: APIRequestContext, ids: readonly number[]): Promise<{ sessionId: number; roundId: number }> {
  const session = await api<{ id: number }>(request, 'sessions.create', {
    title: HOSTILE_SESSION, type: 'site_visit', day: seoulToday(), startsAt: '00:00', endsAt: '23:59', venue: HOSTILE_VENUE, expected: { kind: 'all' }, checksOutOf: [],
  });
  let n = 0;
  for (const participantId of ids) {
    for (const sessionId of [null, session.id]) {
      n += 1;
      await api(request, 'checkin.scan', { participantId, sessionId, source: 'search', operator: HOSTILE_OPERATOR, clientScanId: `hostile-scan-${n}-${Date.now()}` });
    }
  }
  // Scanned twice: the long name arrives again, so the "scanned twice" list holds a hostile person.
  await api(request, 'checkin.scan', { participantId: ids[3], sessionId: null, source: 'search', operator: HOSTILE_OPERATOR, clientScanId: `hostile-again-${Date.now()}` });
  const elections = await api<Array<{ id: number }>>(request, 'elections.list', {});
  const round = await api<{ round: { id: number } }>(request, 'voting.rounds.create', { electionId: elections[0]!.id, label: HOSTILE_ROUND });
  // Open, so the identity station looks voters up and the results screen shows the round.
  await api(request, 'voting.rounds.open', { roundId: round.round.id });
  return { sessionId: session.id, roundId: round.round.id };
}

/** Checks that nothing of the data ran or became an element on this page. */
export async function expectInert(page: Page, where: string): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), `${where}: a payload ran`).toBeUndefined();
  await expect(page.locator('img[src="x"]'), `${where}: an <img> from the data`).toHaveCount(0);
  expect(await page.locator('script').evaluateAll((els) => els.filter((e) => (e.textContent ?? '').includes('__pwned')).length), `${where}: a <script> from the data`).toBe(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), `${where}: the page scrolls sideways`).toBe(true);
  // Nor does a box scroll sideways inside the page (a long name pushing a table's other columns out of view).
  const sideways = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('body *')]
    .filter((e) => ['auto', 'scroll'].includes(getComputedStyle(e).overflowX) && e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 0)
    .map((e) => `${e.tagName.toLowerCase()}.${e.className}`));
  expect(sideways, `${where}: boxes that scroll sideways`).toEqual([]);
}

/** The page's text (textContent, so bidi and zero-width characters are as stored). */
export async function pageText(page: Page): Promise<string> {
  return page.evaluate(() => document.body.textContent ?? '');
}

/**
 * What a spreadsheet might run, stated on its own (not the exporters' rule): a tab or CR first,
 * or, once compatibility forms are folded (NFKC: ＝ → =) and leading spaces of any kind and
 * invisible characters are dropped, =, +, - or @ first.
 */
export const RUNS_AS_FORMULA = { test: (cell: string) => /^[\t\r]/u.test(cell) || /^[=+\-@]/u.test(cell.normalize('NFKC').replace(/^[\s\u200b-\u200f\u2060\ufeff\u00ad]+/u, '')) };

/** Clicks a button that saves a file and returns the file's bytes and name. */
export async function downloadFrom(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  const downloaded = page.waitForEvent('download');
  await page.getByTestId(testId).click();
  const file = await downloaded;
  const at = await file.path();
  return { name: file.suggestedFilename(), bytes: fs.readFileSync(at) };
}

/** The text pdftotext finds in a PDF (compare through squash: a name may wrap). */
export function pdfText(bytes: Buffer): string {
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dd-hostile-pdf-')), 'file.pdf');
  fs.writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

/** Removes whitespace, so a name a PDF wrapped (pdftotext puts a space where a line broke) still compares. */
export const squash = (text: string): string => text.replace(/\s+/gu, '');
