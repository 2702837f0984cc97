// Every badge method through the dispatcher, as the screens and the print page call them:
// design, list, preview, the public key, and a batch driven by a fake print page.
import crypto from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  DEFAULT_BADGE_DESIGN,
  parseBadgeCode,
  type BadgeItem,
  type BadgeVerification,
  type MethodInput,
  type MethodName,
  type PrintJobStatus,
} from '../../contract';
import type { Caller } from '../api/caller';
import { startHostCore, type HostCore } from '../api/host_core';
import { makeTempDir } from '../testing/temp_dir_test_helpers';
import type { BadgeRenderer } from './badge_renderer';
import { createBadgeTestEvent } from './badges_test_helpers';

const admin: Caller = { role: 'admin', transport: 'test' };
const desk: Caller = { role: 'desk', transport: 'test' };
let core: HostCore;
const opened: string[] = [];

/** A print page that lays out at once when the test says so, and makes a tiny PDF. */
const renderer: BadgeRenderer = {
  availability: () => ({ pdf: true, printDialog: false, problem: null }),
  open: async (pagePath) => {
    opened.push(pagePath);
    return { pdf: async () => new TextEncoder().encode('%PDF-1.7 fake'), print: async () => false, close: async () => undefined };
  },
};

async function call<M extends MethodName>(method: M, input: MethodInput<M>, caller: Caller = admin) {
  return core.dispatch(caller, method, input);
}

async function value<T>(method: MethodName, input: object, caller: Caller = admin): Promise<T> {
  const result = await core.dispatch(caller, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
}

beforeAll(() => {
  const tmp = makeTempDir();
  createBadgeTestEvent({ dir: path.join(tmp, 'event') }).close();
  const started = startHostCore({ homeDir: path.join(tmp, 'home'), dataDir: path.join(tmp, 'event'), build: { version: 't' }, badgeRenderer: renderer });
  if (!started.ok) throw new Error(started.error.message);
  core = started.value;
});

afterAll(() => core.close());

test('the design: the default until saved, saved whole, and a bad logo or no name refused', async () => {
  expect(await value('badges.design', {})).toEqual({ design: DEFAULT_BADGE_DESIGN, outputs: { pdf: true, printDialog: false, problem: null } });
  const logo = `data:image/png;base64,${Buffer.from('png bytes').toString('base64')}`;
  const design = { ...DEFAULT_BADGE_DESIGN, template: 'cr80' as const, title: 'Forum 2026', logo };
  expect(await value('badges.saveDesign', design)).toEqual(design);
  expect(await value('badges.design', {})).toMatchObject({ design });
  for (const bad of [
    { ...design, logo: 'data:image/svg+xml;base64,PHN2Zz4=' },
    { ...design, logo: `data:image/png;base64,${'A'.repeat(200_001)}` },
    { ...design, fields: { ...design.fields, nativeName: false, latinName: false } },
    { ...design, title: 'two\nlines' },
  ]) {
    expect(await call('badges.saveDesign', bad)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  }
  // A LAN desk may read the design but not change it.
  expect(await call('badges.saveDesign', design, desk)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  await value('badges.saveDesign', DEFAULT_BADGE_DESIGN);
});

test('the list counts who is printed; the preview signs what the next print makes, recording nothing', async () => {
  expect(await value('badges.list', { filter: { notPrinted: false } })).toMatchObject({ total: 9, printed: 0 });
  const { items } = await value<{ items: BadgeItem[] }>('badges.preview', { participantIds: [3, 5] });
  expect(items.map((i) => [i.participantId, i.serial, i.nativeName])).toEqual([[3, 1, '김민준'], [5, 1, 'محمد عبد الرحمن الهاشمي']]);
  expect(await value<BadgeVerification>('badges.verify', { code: items[0]!.code })).toMatchObject({ valid: false, reason: 'not_issued' });
  expect(await value('badges.list', { filter: { notPrinted: true } })).toMatchObject({ total: 9, printed: 0 });
});

test('the public key verifies a badge anywhere; the private key never leaves', async () => {
  const key = await value<{ rawBase64: string; spkiPem: string; eventTag: string; codePrefix: string }>('badges.publicKey', {}, desk);
  expect(key.codePrefix).toBe('DD1');
  expect(JSON.stringify(key)).not.toMatch(/PRIVATE/u);
  const { items } = await value<{ items: BadgeItem[] }>('badges.preview', { participantIds: [1] });
  const parsed = parseBadgeCode(items[0]!.code);
  if (!parsed.ok) throw new Error(parsed.message);
  expect(Buffer.from(parsed.value.eventTag).toString('hex')).toBe(key.eventTag);
  const publicKey = crypto.createPublicKey(key.spkiPem);
  expect(crypto.verify(null, parsed.value.signedMessage, publicKey, parsed.value.signature)).toBe(true);
});

test('a batch: the page reads its sheet, reports, and only then are the badges issued', async () => {
  const job = await value<PrintJobStatus>('badges.printStart', { filter: { delegationId: 1 }, output: 'pdf' });
  expect(job).toMatchObject({ total: 4, state: 'running', template: 'a6' });
  expect(await call('badges.printStart', { filter: { notPrinted: false } })).toMatchObject({ ok: false, error: { code: 'busy' } });
  await expect.poll(() => opened.length).toBe(1);
  expect(opened[0]).toBe(`badge_print.html#job=${job.jobId}`);
  // The sheet is for the host's own print page, never for a LAN device.
  expect(await call('badges.printSheet', { jobId: job.jobId }, desk)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  const sheet = await value<{ items: BadgeItem[] }>('badges.printSheet', { jobId: job.jobId });
  expect(sheet.items.map((i) => i.participantId)).toEqual([1, 2, 3, 4]);
  expect(await value('badges.printReport', { jobId: job.jobId, laidOut: 4, ready: true, tight: [2] })).toEqual({ proceed: true });
  await expect.poll(async () => (await value<PrintJobStatus>('badges.printStatus', { jobId: job.jobId })).state).toBe('done');
  const done = await value<PrintJobStatus>('badges.printStatus', { jobId: job.jobId }, desk);
  expect(done).toMatchObject({ tight: [2], pdf: { bytes: 13, fileName: expect.stringMatching(/^badges-friends-of-the-forum-a6-/u) } });
  expect(Buffer.from((await value<{ base64: string }>('badges.printPdf', { jobId: job.jobId })).base64, 'base64').toString()).toBe('%PDF-1.7 fake');
  for (const item of sheet.items) {
    expect(await value<BadgeVerification>('badges.verify', { code: item.code }, desk)).toMatchObject({ valid: true, participantId: item.participantId });
  }
  expect(await value('badges.list', { filter: { notPrinted: false } })).toMatchObject({ total: 9, printed: 4 });
  expect(await call('badges.printStart', { filter: { delegationId: 1, notPrinted: true } })).toMatchObject({
    ok: false,
    error: { code: 'empty_selection', message: expect.stringContaining('already has a printed badge') },
  });
  expect(await call('badges.printStart', { filter: { notPrinted: false }, output: 'printer' })).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  expect(await call('badges.printStatus', { jobId: crypto.randomUUID() })).toMatchObject({ ok: false, error: { code: 'not_found' } });
});
