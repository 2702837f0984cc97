// The whole road a badge takes, with nothing mocked: the built print page in a real Chromium
// (playwright-core, headless, against the host's own HTTP server), a PDF, Poppler to rasterise
// it (pdftoppm) and read its fonts and text, zbar to decode every QR code from the pixels,
// and the host to verify each code. Needs `npm run build` (npm test builds first), Chromium,
// poppler-utils and zbar-tools (.ci/run installs them).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BadgeTemplate, BadgeVerification, MethodInput, MethodName, PrintJobStatus } from '../../contract';
import { startHostCore, type HostCore } from '../api/host_core';
import { startHttpServer, type HttpHost } from '../host/http_server';
import { makeTempDir } from '../testing/temp_dir_test_helpers';
import { createBadgeTestEvent, SCRIPT_PEOPLE } from './badges_test_helpers';
import { createChromiumBadgeRenderer, findChromium } from './chromium_renderer';

const RENDERER_DIR = path.resolve(import.meta.dirname, '..', '..', '..', 'out', 'renderer');
const PT_PER_MM = 72 / 25.4;
const caller = { role: 'admin', transport: 'test' } as const;

let tmp: string;
let core: HostCore;
let http: HttpHost;

async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<unknown> {
  const result = await core.dispatch(caller, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** Runs a batch to its end and returns the PDF's path. */
async function printBatch(template: BadgeTemplate, name: string): Promise<{ file: string; status: PrintJobStatus }> {
  const started = (await call('badges.printStart', { filter: { notPrinted: false }, template, output: 'pdf' })) as PrintJobStatus;
  let status = started;
  while (status.state === 'running') {
    await new Promise((r) => setTimeout(r, 100));
    status = (await call('badges.printStatus', { jobId: started.jobId })) as PrintJobStatus;
  }
  expect(status, `${template}: ${status.message ?? ''}`).toMatchObject({ state: 'done', laidOut: SCRIPT_PEOPLE.length });
  const parts: Buffer[] = [];
  let offset: number | null = 0;
  while (offset !== null) {
    const chunk = (await call('badges.printPdf', { jobId: started.jobId, offset })) as { base64: string; nextOffset: number | null };
    parts.push(Buffer.from(chunk.base64, 'base64'));
    offset = chunk.nextOffset;
  }
  const file = path.join(tmp, `${name}.pdf`);
  fs.writeFileSync(file, Buffer.concat(parts));
  return { file, status };
}

function pdfInfo(file: string): { pages: number; widthPt: number; heightPt: number } {
  const text = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/u.exec(text);
  return { pages: Number(/Pages:\s+(\d+)/u.exec(text)?.[1]), widthPt: Number(size?.[1]), heightPt: Number(size?.[2]) };
}

/** Rasterises every page and decodes every QR code with zbar, in page order. */
function decodeQrCodes(file: string, dpi = 300): string[] {
  const prefix = path.join(tmp, `${path.basename(file, '.pdf')}-page`);
  execFileSync('pdftoppm', ['-r', String(dpi), '-png', file, prefix]);
  const pages = fs.readdirSync(tmp).filter((f) => f.startsWith(path.basename(prefix)) && f.endsWith('.png')).sort();
  return pages.flatMap((page) =>
    execFileSync('zbarimg', ['--quiet', '--raw', '-Sdisable', '-Sqrcode.enable', path.join(tmp, page)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .split('\n')
      .filter(Boolean),
  );
}

beforeAll(async () => {
  if (!fs.existsSync(path.join(RENDERER_DIR, 'badge_print.html'))) {
    throw new Error('The renderer is not built: run "npm run build" (npm test does) before this test.');
  }
  const chromium = findChromium();
  if ('problem' in chromium) throw new Error(chromium.problem);
  tmp = makeTempDir('dd-badge-pdf-');
  createBadgeTestEvent({ dir: path.join(tmp, 'event') }).close();
  let origin: string | null = null;
  const started = startHostCore({
    homeDir: path.join(tmp, 'home'),
    dataDir: path.join(tmp, 'event'),
    build: { version: 'test' },
    badgeRenderer: createChromiumBadgeRenderer({ origin: () => origin }),
  });
  if (!started.ok) throw new Error(started.error.message);
  core = started.value;
  http = await startHttpServer({ core, host: '127.0.0.1', port: 0, staticDir: RENDERER_DIR });
  origin = http.url;
});

afterAll(async () => {
  await http?.close();
  core?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('badge PDFs', { timeout: 180_000 }, () => {
  let firstCodes: string[] = [];

  test('A6: every script, vector text in embedded subset fonts, and every QR decodes and verifies', async () => {
    const { file, status } = await printBatch('a6', 'a6');
    expect(status.pdf?.fileName).toMatch(/^badges-all-a6-\d{8}-\d{4}\.pdf$/u);
    const info = pdfInfo(file);
    expect(info.pages).toBe(SCRIPT_PEOPLE.length);
    expect(info.widthPt).toBeCloseTo(105 * PT_PER_MM, -0.5);
    expect(info.heightPt).toBeCloseTo(148 * PT_PER_MM, -0.5);

    // Fonts: embedded and subset (the "ABCDEF+" prefix), one family per script.
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    for (const family of ['NotoSans-', 'NotoSansKR', 'NotoSansArabic', 'NotoSansThai', 'NotoSansTamil']) {
      expect(fonts, family).toMatch(new RegExp(`[A-Z]{6}\\+${family}\\S*\\s.*\\byes\\s+yes\\b`, 'u'));
    }
    expect(fonts).not.toMatch(/\bno\s+no\s+no\b/u);
    // Text, not pictures of text: the names come back out of the PDF.
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    for (const name of ['Đặng Thị Hương', '김민준', '王秀英', 'Кузнецова', 'สมชาย', 'முத்துலட்சுமி', 'KUZNETSOVA', 'Sri Lanka']) {
      expect(text).toContain(name);
    }

    firstCodes = decodeQrCodes(file);
    expect(firstCodes).toHaveLength(SCRIPT_PEOPLE.length);
    const verified = await Promise.all(firstCodes.map(async (code) => (await call('badges.verify', { code })) as BadgeVerification));
    expect(verified.every((v) => v.valid)).toBe(true);
    // Page order is protocol order: participants 1…9, one each.
    expect(verified.map((v) => (v.valid ? v.participantId : 0))).toEqual(SCRIPT_PEOPLE.map((_, i) => i + 1));
    expect(verified.map((v) => (v.valid ? v.holder.nativeName : ''))).toEqual(SCRIPT_PEOPLE.map((p) => p.nativeName));
    expect(await call('badges.list', { filter: { notPrinted: false } })).toMatchObject({ total: 9, printed: 9 });
  });

  test('every format has its own page size; A4 sheets carry 4 and 8 badges; every QR still decodes', async () => {
    const formats: Array<[BadgeTemplate, number, number, number]> = [
      ['in4x3', 101.6, 76.2, 9],
      ['cr80', 53.98, 85.6, 9],
      ['a4x4', 210, 297, 3],
      ['a4x8', 210, 297, 2],
    ];
    for (const [template, width, height, pages] of formats) {
      const { file } = await printBatch(template, template);
      const info = pdfInfo(file);
      expect({ template, pages: info.pages }).toEqual({ template, pages });
      expect(info.widthPt, template).toBeCloseTo(width * PT_PER_MM, -0.5);
      expect(info.heightPt, template).toBeCloseTo(height * PT_PER_MM, -0.5);
      const codes = decodeQrCodes(file);
      expect(codes, template).toHaveLength(SCRIPT_PEOPLE.length);
      for (const code of codes) expect(((await call('badges.verify', { code })) as BadgeVerification).valid, template).toBe(true);
    }
    // Four reprints later, the badges of the first PDF are all refused as replaced.
    for (const code of firstCodes) {
      expect(await call('badges.verify', { code })).toMatchObject({ valid: false, reason: 'replaced' });
    }
  });

  test('a cancelled batch records nothing: the badges people wear stay valid', async () => {
    const before = (await call('badges.list', { filter: { notPrinted: false } })) as { items: Array<{ serial: number }> };
    const started = (await call('badges.printStart', { filter: { notPrinted: false }, output: 'pdf' })) as PrintJobStatus;
    expect(await call('badges.printCancel', { jobId: started.jobId })).toMatchObject({ state: 'cancelled' });
    const after = (await call('badges.list', { filter: { notPrinted: false } })) as { items: Array<{ serial: number }> };
    expect(after.items.map((i) => i.serial)).toEqual(before.items.map((i) => i.serial));
    // The host is free again for the next batch.
    const next = await core.dispatch(caller, 'badges.printStart', { filter: { participantIds: [1] }, output: 'pdf' });
    expect(next.ok).toBe(true);
    if (next.ok) await call('badges.printCancel', { jobId: (next.value as PrintJobStatus).jobId });
  });
});
