import { describe, expect, test, vi } from 'vitest';
import { DEFAULT_BADGE_DESIGN, PDF_CHUNK_BYTES, type BadgeItem, type PrintJobStatus } from '../../contract';
import type { BadgePage, BadgeRenderer } from './badge_renderer';
import { BadgePrintJobs, type PrintJobRequest } from './print_jobs';

function item(participantId: number): BadgeItem {
  return {
    participantId,
    serial: 1,
    code: 'DD1X',
    latinName: `Person ${participantId}`,
    familyName: 'Person',
    nativeName: '',
    nativeNameLang: null,
    organisation: '',
    position: '',
    country: null,
    delegationName: null,
    category: { code: 'delegate', name: 'Delegate', colour: '#1f5fbf' },
  };
}

/** A renderer whose page does what the test says, and records what happened to it. */
function fakeRenderer(page: Partial<BadgePage> = {}, availability = { pdf: true, printDialog: true, problem: null }) {
  const opened: string[] = [];
  const closed = vi.fn(async () => undefined);
  const renderer: BadgeRenderer = {
    availability: () => availability,
    open: vi.fn(async (path: string) => {
      opened.push(path);
      return { pdf: async () => new Uint8Array([37, 80, 68, 70]), print: async () => true, close: closed, ...page };
    }),
  };
  return { renderer, opened, closed };
}

function request(overrides: Partial<PrintJobRequest> = {}, count = 3): PrintJobRequest & { commit: ReturnType<typeof vi.fn> } {
  return {
    sheet: { event: { name: 'E', startDate: '2026-12-01', endDate: '2026-12-01', city: '' }, design: DEFAULT_BADGE_DESIGN, items: Array.from({ length: count }, (_, i) => item(i + 1)) },
    template: 'a6',
    output: 'pdf',
    fileName: 'badges-all-a6.pdf',
    reprints: 1,
    commit: vi.fn(() => true),
    ...overrides,
  } as PrintJobRequest & { commit: ReturnType<typeof vi.fn> };
}

async function until(jobs: BadgePrintJobs, jobId: string, done: (s: PrintJobStatus) => boolean): Promise<PrintJobStatus> {
  for (let i = 0; i < 200; i++) {
    const s = jobs.status(jobId);
    if (s.ok && done(s.value)) return s.value;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('the job never got there');
}

function started(jobs: BadgePrintJobs, req: PrintJobRequest): PrintJobStatus {
  const s = jobs.start(req);
  if (!s.ok) throw new Error(s.error.message);
  return s.value;
}

describe('a badge batch', () => {
  test('opens the print page, follows its progress, makes the PDF, then records the badges', async () => {
    const { renderer, opened, closed } = fakeRenderer();
    const jobs = new BadgePrintJobs({ renderer });
    const req = request();
    const job = started(jobs, req);
    expect(job).toMatchObject({ state: 'running', stage: 'starting', total: 3, reprints: 1 });
    await until(jobs, job.jobId, (s) => s.stage === 'layout');
    expect(opened).toEqual([`badge_print.html#job=${job.jobId}`]);
    expect(jobs.sheet(job.jobId)).toMatchObject({ ok: true, value: { items: [{ participantId: 1 }, { participantId: 2 }, { participantId: 3 }] } });

    expect(jobs.report({ jobId: job.jobId, laidOut: 2, ready: false, tight: [], problem: null })).toEqual({ ok: true, value: { proceed: true } });
    expect(jobs.status(job.jobId)).toMatchObject({ ok: true, value: { laidOut: 2, state: 'running' } });
    expect(req.commit).not.toHaveBeenCalled();

    jobs.report({ jobId: job.jobId, laidOut: 3, ready: true, tight: [3], problem: null });
    const done = await until(jobs, job.jobId, (s) => s.state !== 'running');
    expect(done).toMatchObject({ state: 'done', stage: 'finished', tight: [3], pdf: { bytes: 4, fileName: 'badges-all-a6.pdf' } });
    expect(req.commit).toHaveBeenCalledOnce();
    expect(closed).toHaveBeenCalled();
    expect(jobs.pdfChunk(job.jobId, 0)).toEqual({ ok: true, value: { base64: 'JVBERg==', nextOffset: null, totalBytes: 4 } });
  });

  test('hands a large PDF out in pieces', async () => {
    const big = new Uint8Array(PDF_CHUNK_BYTES * 2 + 10).fill(7);
    const { renderer } = fakeRenderer({ pdf: async () => big });
    const jobs = new BadgePrintJobs({ renderer });
    const job = started(jobs, request());
    await until(jobs, job.jobId, (s) => s.stage === 'layout');
    jobs.report({ jobId: job.jobId, laidOut: 3, ready: true, tight: [], problem: null });
    await until(jobs, job.jobId, (s) => s.state === 'done');
    let offset: number | null = 0;
    let total = 0;
    while (offset !== null) {
      const chunk = jobs.pdfChunk(job.jobId, offset);
      if (!chunk.ok) throw new Error(chunk.error.message);
      total += Buffer.from(chunk.value.base64, 'base64').length;
      offset = chunk.value.nextOffset;
    }
    expect(total).toBe(big.length);
  });

  test('cancelled while laying out: nothing is recorded and the page is closed', async () => {
    const { renderer, closed } = fakeRenderer();
    const jobs = new BadgePrintJobs({ renderer });
    const req = request();
    const job = started(jobs, req);
    await until(jobs, job.jobId, (s) => s.stage === 'layout');
    expect(jobs.cancel(job.jobId)).toMatchObject({ ok: true, value: { state: 'cancelled' } });
    await vi.waitFor(() => expect(closed).toHaveBeenCalled());
    // The page learns it should stop.
    expect(jobs.report({ jobId: job.jobId, laidOut: 3, ready: true, tight: [], problem: null })).toEqual({ ok: true, value: { proceed: false } });
    expect(req.commit).not.toHaveBeenCalled();
    expect(jobs.pdfChunk(job.jobId, 0)).toMatchObject({ ok: false, error: { code: 'not_ready' } });
  });

  test('one batch at a time; the next may start once it has finished', async () => {
    const { renderer } = fakeRenderer();
    const jobs = new BadgePrintJobs({ renderer });
    const first = started(jobs, request());
    expect(jobs.start(request())).toMatchObject({ ok: false, error: { code: 'busy' } });
    jobs.cancel(first.jobId);
    expect(jobs.start(request()).ok).toBe(true);
  });

  test('a page that reports a problem, or never finishes, fails the batch with a message', async () => {
    const { renderer } = fakeRenderer();
    const jobs = new BadgePrintJobs({ renderer, layoutTimeoutMs: () => 50 });
    const req = request();
    const job = started(jobs, req);
    await until(jobs, job.jobId, (s) => s.stage === 'layout');
    jobs.report({ jobId: job.jobId, laidOut: 1, ready: false, tight: [], problem: 'fonts did not load' });
    expect(await until(jobs, job.jobId, (s) => s.state !== 'running')).toMatchObject({ state: 'failed', message: expect.stringContaining('fonts did not load') });

    const silent = started(jobs, req);
    expect(await until(jobs, silent.jobId, (s) => s.state !== 'running')).toMatchObject({ state: 'failed', message: expect.stringContaining('in time') });
    expect(req.commit).not.toHaveBeenCalled();
  });

  test('a page that fails to load fails the batch at once, not after the timeout', async () => {
    const failing: BadgeRenderer = {
      availability: () => ({ pdf: true, printDialog: false, problem: null }),
      open: async (_path, _signal, onProblem) => {
        setTimeout(() => onProblem('The badge page could not load /assets/x.js (404).'), 5);
        return { pdf: async () => new Uint8Array(1), print: async () => false, close: async () => undefined };
      },
    };
    const jobs = new BadgePrintJobs({ renderer: failing, layoutTimeoutMs: () => 60_000 });
    const job = started(jobs, request());
    expect(await until(jobs, job.jobId, (s) => s.state !== 'running')).toMatchObject({ state: 'failed', message: expect.stringContaining('404') });
  });

  test('a renderer that cannot start, or an event switched meanwhile, records nothing', async () => {
    const broken: BadgeRenderer = { availability: () => ({ pdf: true, printDialog: false, problem: null }), open: async () => Promise.reject(new Error('Chromium at /x could not be started')) };
    const jobs = new BadgePrintJobs({ renderer: broken });
    const job = started(jobs, request());
    expect(await until(jobs, job.jobId, (s) => s.state !== 'running')).toMatchObject({ state: 'failed', message: 'Chromium at /x could not be started' });

    const { renderer } = fakeRenderer();
    const switched = new BadgePrintJobs({ renderer });
    const req = request({ commit: vi.fn(() => false) });
    const j2 = started(switched, req);
    await until(switched, j2.jobId, (s) => s.stage === 'layout');
    switched.report({ jobId: j2.jobId, laidOut: 3, ready: true, tight: [], problem: null });
    expect(await until(switched, j2.jobId, (s) => s.state !== 'running')).toMatchObject({ state: 'failed', message: expect.stringContaining('switched') });
    expect(switched.pdfChunk(j2.jobId, 0).ok).toBe(false);
  });

  test('the print dialog: printed counts, closed without printing does not', async () => {
    for (const printed of [true, false]) {
      const { renderer } = fakeRenderer({ print: async () => printed });
      const jobs = new BadgePrintJobs({ renderer });
      const req = request({ output: 'printer' });
      const job = started(jobs, req);
      await until(jobs, job.jobId, (s) => s.stage === 'layout');
      jobs.report({ jobId: job.jobId, laidOut: 3, ready: true, tight: [], problem: null });
      const end = await until(jobs, job.jobId, (s) => s.state !== 'running');
      expect(end.state).toBe(printed ? 'done' : 'cancelled');
      expect(end.pdf).toBeNull();
      expect(req.commit).toHaveBeenCalledTimes(printed ? 1 : 0);
    }
  });

  test('without a Chromium, or a print dialog, says why and what to do', () => {
    const none = new BadgePrintJobs({ renderer: null });
    expect(none.outputs()).toMatchObject({ pdf: false, printDialog: false, problem: expect.stringContaining('Chromium') });
    expect(none.start(request())).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    const { renderer } = fakeRenderer({}, { pdf: true, printDialog: false, problem: null });
    const headless = new BadgePrintJobs({ renderer });
    expect(headless.start(request({ output: 'printer' }))).toMatchObject({ ok: false, error: { code: 'unavailable', message: expect.stringContaining('Save the PDF') } });
    expect(headless.status('00000000-0000-4000-8000-000000000000')).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
