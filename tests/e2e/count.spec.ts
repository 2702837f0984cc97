import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { type Page } from '@playwright/test';
import { expect, fontsReady, screenshot, test } from './fixtures';

// The count on its own host (fresh demo event, LAN stand-in port so a booth and a projector can
// pair as real devices), so the shared e2e host is left alone.
let host: ChildProcess | null = null;
let adminUrl = '';
let lanUrl = '';
let dataRoot = '';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function call<T>(base: string, method: string, input: unknown, token?: string): Promise<T> {
  const res = await fetch(new URL(`api/${method}`, base), {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: new URL(base).origin, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as { ok: boolean; value?: T; error?: { code: string; message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.code} ${body.error?.message}`);
  return body.value as T;
}

async function pair(role: 'booth' | 'projector', name: string): Promise<{ token: string; id: string }> {
  const offer = await call<{ code: string }>(adminUrl, 'devices.pairingStart', { role, name });
  const paired = await call<{ token: string; device: { id: string } }>(lanUrl, 'devices.pair', { code: offer.code });
  return { token: paired.token, id: paired.device.id };
}

test.beforeAll(async () => {
  const [adminPort, lanPort] = [await freePort(), await freePort()];
  dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-e2e-count-'));
  const root = path.resolve(__dirname, '..', '..');
  host = spawn(
    process.execPath,
    [path.join(root, process.env['DD_OUT_DIR'] ?? 'out', 'host', 'index.cjs'), '--data-dir', path.join(dataRoot, 'demo'), '--home', path.join(dataRoot, 'home'), '--port', String(adminPort), '--local-only'],
    { cwd: root, env: { ...process.env, DELEGATE_DESK_E2E_LAN_STAND_IN_PORT: String(lanPort) }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  adminUrl = `http://127.0.0.1:${adminPort}/`;
  lanUrl = `http://127.0.0.1:${lanPort}/`;
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(new URL('api/health', adminUrl))).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the count host did not start');
});

test.afterAll(async () => {
  if (host && host.exitCode === null) {
    const exited = new Promise((r) => host?.once('exit', r));
    host.kill('SIGTERM');
    await exited;
  }
  fs.rmSync(dataRoot, { recursive: true, force: true });
});

/** 30 delegates vote at a booth: 27 clear ballots and 3 invalid ones (two overvotes, one blank); the polls close. */
async function castThirty(): Promise<{ roundId: number; candidates: string[] }> {
  const [election] = await call<Array<{ id: number; definition: { contests: Array<{ id: string; demonstrateInvalid: boolean; options: Array<{ id: string }> }> } }>>(adminUrl, 'elections.list', {});
  const definition = structuredClone(election!.definition);
  definition.contests[0]!.demonstrateInvalid = true;
  const saved = await call<{ saved: boolean }>(adminUrl, 'elections.save', { electionId: election!.id, definition });
  expect(saved.saved).toBe(true);
  const contest = definition.contests[0]!;
  const ids = contest.options.map((o) => o.id);
  const booth = await pair('booth', 'Booth A');
  const round = await call<{ round: { id: number } }>(adminUrl, 'voting.rounds.create', { electionId: election!.id, label: 'Jamaica delegation, 14:00' });
  const roundId = round.round.id;
  await call(adminUrl, 'voting.rounds.open', { roundId });
  const people = await call<{ items: Array<{ id: number }> }>(adminUrl, 'participants.list', { limit: 60 });
  const marks: string[][] = [];
  for (let i = 0; i < 27; i++) marks.push([ids[[0, 1, 0, 2, 1, 0, 3, 0, 1][i % 9]!]!]);
  marks.push([ids[0]!, ids[1]!], [ids[1]!, ids[2]!], []);
  let cast = 0;
  for (const person of people.items) {
    if (cast === marks.length) break;
    let issued: { id: number };
    try {
      issued = await call<{ id: number }>(adminUrl, 'voting.issue', { roundId, participantId: person.id });
    } catch {
      continue; // not on this round's voters' list (e.g. a cancelled registration)
    }
    await call(adminUrl, 'voting.booths.assign', { issuanceId: issued.id, deviceId: booth.id });
    const ballot = await call<{ token: string }>(lanUrl, 'voting.booth.current', {}, booth.token);
    await call(lanUrl, 'voting.booth.cast', { token: ballot.token, selections: { [contest.id]: marks[cast]! } }, booth.token);
    cast++;
  }
  expect(cast).toBe(30);
  await call(adminUrl, 'voting.rounds.close', { roundId });
  return { roundId, candidates: ids };
}

async function projectorPage(page: Page, token: string): Promise<Page> {
  const context = await page.context().browser()!.newContext({ viewport: { width: 1600, height: 900 } });
  // The big screen's own clock is ten minutes fast (nobody set it): the sorting must still play
  // in step with the presenter, from the host's clock, not jump to the end.
  await context.clock.install({ time: Date.now() + 10 * 60_000 });
  await context.addInitScript((t) => localStorage.setItem('delegate-desk.device-token', t), token);
  const projector = await context.newPage();
  const errors: string[] = [];
  projector.on('console', (m) => void (m.type() === 'error' ? errors.push(m.text()) : undefined));
  projector.on('pageerror', (e) => errors.push(e.message));
  await projector.goto(new URL('#/results', lanUrl).toString());
  (projector as Page & { errors?: string[] }).errors = errors;
  return projector;
}

test('30 ballots with 3 invalid: the projector shows the sorting, the presenter judges the re-check tray, the count sheet reconciles', async ({ page, watch }) => {
  void watch;
  test.setTimeout(180_000);
  const { candidates } = await castThirty();
  const projectorDevice = await pair('projector', 'Big screen');
  const projector = await projectorPage(page, projectorDevice.token);
  await expect(projector.getByTestId('turnout-stage')).toBeVisible();

  // The presenter's console (this machine) starts the count; the projector follows by push.
  await page.goto(new URL('#/results', adminUrl).toString());
  await page.getByTestId('start-count').click();
  await expect(projector.getByTestId('sorting-stage')).toBeVisible();
  await expect(projector.getByTestId('sort-count')).toHaveAttribute('data-sorted', '0');
  await page.getByTestId('show-step').click();
  await expect(projector.getByTestId('sort-count')).toHaveAttribute('data-sorted', '1');
  await page.getByTestId('show-speed').selectOption('4');
  await page.getByTestId('show-play').click();
  // 8 ballots a second from the host's clock: just after play, far from all 30 (a projector
  // counting from its own fast clock would show the end at once).
  await projector.waitForFunction(() => Number(document.querySelector('[data-testid="sort-count"]')?.getAttribute('data-sorted')) >= 2);
  expect(Number(await projector.getByTestId('sort-count').getAttribute('data-sorted'))).toBeLessThan(20);
  await projector.waitForFunction(() => Number(document.querySelector('[data-testid="sort-count"]')?.getAttribute('data-sorted')) >= 12);
  await fontsReady(projector);
  await screenshot(projector, 'count-sorting');
  await expect(projector.getByTestId('sort-count')).toHaveAttribute('data-sorted', '30', { timeout: 20_000 });
  // Every paper in a tray: 27 in candidates' trays, 3 in the re-check tray.
  await expect(projector.getByTestId('tray-recheck').locator('.tray-count')).toHaveText('3');
  const inCandidateTrays = async () => (await Promise.all(candidates.map((id) => projector.getByTestId(`tray-${id}`).locator('.tray-count').textContent()))).reduce((s, n) => s + Number(n), 0);
  await expect.poll(inCandidateTrays).toBe(27); // the last papers are still falling when the sorter has read them

  // Next before judging the re-check tray is refused with the reason.
  await page.getByTestId('show-next').click();
  await expect(projector.getByTestId('recheck-stage')).toBeVisible();
  await page.getByTestId('show-next').click();
  await expect(page.getByTestId('control-problem')).toContainText('3 paper(s) in the re-check tray');
  await screenshot(projector, 'count-recheck');
  // Judge each paper with the group: an overvote may be judged valid only for a marked candidate
  // (its buttons name just those); all three are judged invalid here.
  for (let i = 0; i < 3; i++) {
    await expect(page.getByTestId('verdict')).toHaveText(/Awaiting judgment/u);
    // Read together: the reason and the buttons come from the same view, which a push may renew between two reads.
    const buttonsFitTheReason = async () => {
      const reason = await page.getByTestId('unclear-reason').textContent();
      return (await page.locator('[data-testid^="judge-valid-"]').count()) === (reason === 'Too many marks' ? 2 : 0);
    };
    await expect.poll(buttonsFitTheReason).toBe(true);
    await page.getByTestId('judge-invalid').click();
    await expect(projector.locator('.recheck-strip li.pending')).toHaveCount(2 - i);
  }
  await page.getByTestId('show-next').click();
  await expect(projector.getByTestId('bundling-stage')).toBeVisible();
  await page.getByTestId('show-next').click();
  await expect(projector.getByTestId('sheet-stage')).toBeVisible();
  const figure = async (id: string) => Number(await projector.getByTestId(id).textContent());
  const [issued, valid, invalid, outstanding, cancelled] = [await figure('sheet-issued'), await figure('sheet-valid'), await figure('sheet-invalid'), await figure('sheet-outstanding'), await figure('sheet-cancelled')];
  expect([issued, valid, invalid]).toEqual([30, 27, 3]);
  expect(issued).toBe(valid + invalid + outstanding + cancelled);
  await expect(projector.getByTestId('sheet-reconciled')).toContainText(`${issued} = ${valid} + ${invalid} + 0 + 0`);
  await expect(projector.getByTestId('sheet-alarm')).toHaveCount(0);
  await fontsReady(projector);
  await screenshot(projector, 'count-sheet');

  // Sign, announce: the result with animated bars and the winner.
  await page.getByTestId('show-next').click();
  await page.getByTestId('sign-name').fill('Presenter Kim');
  await page.getByTestId('sign-button').click();
  await expect(projector.getByTestId('signature')).toContainText('Presenter Kim');
  await page.getByTestId('show-next').click();
  await expect(projector.getByTestId('results-stage')).toBeVisible();
  await expect(projector.getByTestId(`result-${candidates[0]}`)).toContainText('Elected');
  await projector.waitForTimeout(1600); // the bars finish growing
  await screenshot(projector, 'count-results');
  // The same stage in Korean, chosen by the presenter.
  await page.getByTestId('show-language').selectOption('ko');
  await expect(projector.getByTestId(`result-${candidates[0]}`)).toContainText('당선');
  await fontsReady(projector);
  await screenshot(projector, 'count-results-ko');
  await page.getByTestId('show-language').selectOption('en');

  // The count sheet as CSV and as PDF, from the presenter's console, with the same figures.
  const csvDownload = page.waitForEvent('download');
  await page.getByTestId('report-csv').click();
  const csvFile = await csvDownload;
  expect(csvFile.suggestedFilename()).toBe('count-sheet-Jamaica-delegation-14-00.csv');
  const csv = fs.readFileSync((await csvFile.path()) ?? '').toString('utf8');
  expect(csv).toContain('Ballots issued,,30');
  expect(csv).toContain('Invalid papers,,3');
  const pdfDownload = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByTestId('report-pdf').click();
  await expect(page.getByTestId('report-pdf')).toBeDisabled(); // "Making the file…" while Chromium prints
  const pdfFile = await pdfDownload;
  expect(pdfFile.suggestedFilename()).toBe('count-sheet-Jamaica-delegation-14-00.pdf');
  const pdfPath = (await pdfFile.path()) ?? '';
  expect(fs.readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');
  const pdfText = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/gu, ' ');
  expect(pdfText).toContain(`Reconciled. Ballots issued ${issued} = valid ${valid} + invalid ${invalid} + outstanding ${outstanding} + cancelled ${cancelled} = ${issued}`);
  expect(pdfText).toContain('Counted and signed by Presenter Kim');
  expect(pdfText).toContain('Jamaica delegation, 14:00');
  await expect(page.getByTestId('control-problem')).toHaveCount(0);

  // A real election's ballot records, loaded through the console and counted on the projector.
  await page.getByTestId('load-ballots').click();
  const panel = page.getByTestId('load-ballots-panel');
  await panel.getByTestId('load-file').setInputFiles({ name: 'result.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7') });
  await expect(panel.getByTestId('load-problem')).toContainText('“result.pdf” is not a CSV file');
  await panel.getByTestId('load-file').setInputFiles({ name: 'renamed.csv', mimeType: 'text/csv', buffer: Buffer.from('%PDF-1.7\n1 0 obj') });
  await expect(panel.getByTestId('load-problem')).toContainText('This file is not text');
  await panel.getByTestId('load-file').setInputFiles({ name: 'huge.csv', mimeType: 'text/csv', buffer: Buffer.alloc(210_000, 'A,B\n') });
  await expect(panel.getByTestId('load-problem')).toContainText('at most 200 KB');
  // Alice leads on first preferences (4 of 9) but Carol wins once Bob's ballots transfer.
  const records = ['Alice,Bob', 'Alice,Bob', 'Alice,Carol', 'Alice', 'Bob,Carol', 'Bob,Carol', 'Carol,Bob', 'Carol,Bob', 'Carol,Alice', 'invalid'].join('\n');
  await panel.getByTestId('load-file').setInputFiles({ name: 'city_mayor_sample.csv', mimeType: 'text/csv', buffer: Buffer.from(records) });
  await expect(panel.getByTestId('load-file-ok')).toContainText('10 lines');
  await expect(panel.getByTestId('load-title')).toHaveValue('city mayor sample');
  await panel.getByTestId('load-title').fill('City mayor (real ranked ballots)');
  await panel.getByTestId('load-method').selectOption('irv');
  await expect(panel.getByTestId('load-seats')).toHaveCount(0);
  await fontsReady(page);
  await screenshot(page, 'count-load-ballots-panel');
  await panel.getByTestId('load-submit').click();
  await expect(page.getByTestId('load-shown')).toContainText('City mayor (real ranked ballots)');
  await expect(projector.getByTestId('results-stage').locator('h2')).toHaveText('City mayor (real ranked ballots)');
  // Round 1 on show: Alice ahead, nobody elected yet; Next moves to round 2, where Carol wins.
  await expect(projector.getByTestId('result-Alice')).toContainText('4 votes');
  await expect(projector.getByTestId('result-Carol')).not.toContainText('Elected');
  await projector.waitForTimeout(1600);
  await screenshot(projector, 'count-loaded-ballots-round1');
  await page.getByTestId('show-next').click();
  await expect(projector.getByTestId('result-Carol')).toContainText('Elected');
  await expect(projector.getByTestId('result-Carol')).toContainText('+2');
  await projector.waitForTimeout(1600);
  await screenshot(projector, 'count-loaded-ballots');
  // The same records by plurality: Alice (4 first preferences) wins.
  await page.getByTestId('load-ballots').click();
  await panel.getByTestId('load-file').setInputFiles({ name: 'city_mayor_sample.csv', mimeType: 'text/csv', buffer: Buffer.from(records) });
  await panel.getByTestId('load-method').selectOption('plurality');
  await panel.getByTestId('load-submit').click();
  await expect(projector.getByTestId('result-Alice')).toContainText('Elected');
  await expect(page.getByTestId('what-if')).toHaveValue(''); // loaded records are not a recount of the contest
  await page.waitForTimeout(1600);
  await screenshot(page, 'count-console-after-load');
  // Back to the round's own result.
  await page.getByTestId('back-to-round').click();
  await expect(projector.getByTestId(`result-${candidates[0]}`)).toContainText('Elected');
  await expect(page.getByTestId('back-to-round')).toHaveCount(0);
  // The desktop app's projector window shows #/results/projector: the stage alone, no controls.
  await page.goto(new URL('#/results/projector', adminUrl).toString());
  await expect(page.getByTestId('results-stage')).toBeVisible();
  await expect(page.getByTestId('presenter-controls')).toHaveCount(0);
  // No staff frame there: no menu, and the presenter's Alt+2 (if the window ever had the
  // keyboard) cannot turn the public screen into the check-in desk.
  await expect(page.getByTestId('nav-checkin')).toHaveCount(0);
  await page.keyboard.press('Alt+2');
  await page.keyboard.press('Alt+3');
  await expect(page.getByTestId('results-stage')).toBeVisible();
  expect(new URL(page.url()).hash).toBe('#/results/projector');
  await page.waitForTimeout(1600);
  await screenshot(page, 'count-projector-window');
  expect((projector as Page & { errors?: string[] }).errors).toEqual([]);
  await projector.context().close();
});
