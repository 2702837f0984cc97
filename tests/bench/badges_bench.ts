/**
 * Badges: 1,000 badges to one PDF through the real print page and a system Chromium (seconds,
 * megabytes, and where the time goes), signing, and verifications per second (the signature
 * alone, and the full check a desk makes through the API, records included).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseBadgeCode, type BadgeVerification, type PrintJobStatus } from '../../electron/contract';
import { startHostCore } from '../../electron/core/api/host_core';
import { badgeKeysFor, createChromiumBadgeRenderer, findChromium } from '../../electron/core/badges';
import { createBadgeTestEvent } from '../../electron/core/badges/badges_test_helpers';
import { startHttpServer } from '../../electron/core/host/http_server';
import { report } from './stats';

const BADGES = 1000;
const caller = { role: 'admin', transport: 'test' } as const;

/** Runs the badge benchmarks in a folder of their own under `tmp`. */
export async function benchBadges(tmp: string): Promise<void> {
  const dataDir = path.join(tmp, 'badges-event');
  const seeded = createBadgeTestEvent({ dir: dataDir, extra: BADGES - 9 });
  const keys = badgeKeysFor(seeded);
  if (!keys.ok) throw new Error(keys.error.message);

  // Signing: what starting a batch of 1,000 costs before Chromium sees it.
  let t0 = performance.now();
  const codes: string[] = [];
  for (let id = 1; id <= BADGES; id++) {
    const code = keys.value.sign({ participantId: id, serial: 1 });
    if (code.ok) codes.push(code.value);
  }
  report('badge_sign_1000', performance.now() - t0, 'ms');

  // Verification, signature alone (what an offline desk with the public key does).
  const parsed = codes.map((c) => parseBadgeCode(c)).flatMap((p) => (p.ok ? [p.value] : []));
  const rounds = 5000;
  t0 = performance.now();
  for (let i = 0; i < rounds; i++) {
    const p = parsed[i % parsed.length]!;
    if (!keys.value.verify(p.signedMessage, p.signature)) throw new Error('a genuine signature failed');
  }
  report('badge_signature_verifications_per_second', rounds / ((performance.now() - t0) / 1000), '/s');
  seeded.close();

  let origin: string | null = null;
  const started = startHostCore({
    homeDir: path.join(tmp, 'badges-home'),
    dataDir,
    build: { version: 'bench' },
    badgeRenderer: createChromiumBadgeRenderer({ origin: () => origin }),
  });
  if (!started.ok) throw new Error(started.error.message);
  const core = started.value;
  try {
    // Verification through the API, in process: format, signature, person, newest serial.
    t0 = performance.now();
    for (let i = 0; i < rounds; i++) {
      const result = await core.dispatch(caller, 'badges.verify', { code: codes[i % codes.length] });
      if (!result.ok || (result.value as BadgeVerification).valid) throw new Error('an unprinted badge must be refused as not issued');
    }
    report('badge_verify_api_per_second', rounds / ((performance.now() - t0) / 1000), '/s');

    const chromium = findChromium();
    if ('problem' in chromium) {
      process.stderr.write(`badges: PDF benchmark skipped: ${chromium.problem}\n`);
      return;
    }
    const http = await startHttpServer({ core, host: '127.0.0.1', port: 0, staticDir: path.join(__dirname, '..', 'renderer') });
    origin = http.url;
    try {
      t0 = performance.now();
      const start = await core.dispatch(caller, 'badges.printStart', { filter: { notPrinted: false }, template: 'a6', output: 'pdf' });
      if (!start.ok) throw new Error(start.error.message);
      let status = start.value as PrintJobStatus;
      const stageStart = new Map<string, number>();
      while (status.state === 'running') {
        if (!stageStart.has(status.stage)) stageStart.set(status.stage, performance.now());
        await new Promise((r) => setTimeout(r, 100));
        const next = await core.dispatch(caller, 'badges.printStatus', { jobId: status.jobId });
        if (!next.ok) throw new Error(next.error.message);
        status = next.value as PrintJobStatus;
      }
      const total = (performance.now() - t0) / 1000;
      if (status.state !== 'done' || !status.pdf) throw new Error(status.message ?? `the batch ended ${status.state}`);
      const layoutAt = stageStart.get('layout') ?? t0;
      const pdfAt = stageStart.get('pdf') ?? layoutAt;
      report('badges_pdf_1000_a6_total', total, 's');
      report('badges_pdf_1000_a6_start_chromium', (layoutAt - t0) / 1000, 's');
      report('badges_pdf_1000_a6_layout', (pdfAt - layoutAt) / 1000, 's');
      report('badges_pdf_1000_a6_write_pdf', total - (pdfAt - t0) / 1000, 's');
      report('badges_pdf_1000_a6_size', status.pdf.bytes / 1024 / 1024, 'MB');
      report('badges_pdf_per_second', BADGES / total, '/s');
    } finally {
      await http.close();
    }
  } finally {
    core.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
