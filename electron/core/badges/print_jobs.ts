import crypto from 'node:crypto';
import {
  err,
  ok,
  PDF_CHUNK_BYTES,
  type BadgeSheet,
  type BadgeTemplate,
  type MethodParsedInput,
  type PrintJobStatus,
  type Result,
} from '../../contract';
import { printPagePath, type BadgePage, type BadgeRenderer } from './badge_renderer';

/** What a batch needs besides its badges: where its serials are recorded when it is done. */
export interface PrintJobRequest {
  readonly sheet: BadgeSheet;
  readonly template: BadgeTemplate;
  readonly output: 'pdf' | 'printer';
  readonly fileName: string;
  readonly reprints: number;
  /** Records the batch's serials as printed; false when the event was switched meanwhile. */
  readonly commit: (printedAt: string) => boolean;
}

interface Job {
  status: PrintJobStatus;
  readonly request: PrintJobRequest;
  readonly abort: AbortController;
  pdf: Buffer | null;
  finishedMs: number | null;
  layout: { resolve: () => void; reject: (e: Error) => void };
  readonly laidOutPromise: Promise<void>;
}

export interface PrintJobsOptions {
  readonly renderer: BadgeRenderer | null;
  readonly now?: () => Date;
  /** How long a finished batch's PDF stays available for download. */
  readonly retainMs?: number;
  /** How long the page may take to lay out, beyond a per-badge allowance. */
  readonly layoutTimeoutMs?: (badges: number) => number;
}

/** Finished batches kept for download at most. */
const KEEP_FINISHED = 4;

const NO_RENDERER = 'Badge PDFs cannot be made here: this host has no Chromium to lay them out.';

/** Thrown inside a batch when it was cancelled; never leaves this module. */
class Cancelled extends Error {}

function untilAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(new Cancelled());
    signal.addEventListener('abort', () => reject(new Cancelled()), { once: true });
  });
}

/**
 * Badge batches: one runs at a time (Chromium is the expensive part), each goes
 * starting → layout (the page reports progress) → pdf or printing → finished, and can be
 * cancelled at any point. Only a finished batch records its badges as printed.
 */
export class BadgePrintJobs {
  private readonly jobs = new Map<string, Job>();
  private readonly now: () => Date;
  private readonly retainMs: number;
  private readonly layoutTimeoutMs: (badges: number) => number;

  constructor(private readonly options: PrintJobsOptions) {
    this.now = options.now ?? (() => new Date());
    this.retainMs = options.retainMs ?? 30 * 60_000;
    this.layoutTimeoutMs = options.layoutTimeoutMs ?? ((n) => 60_000 + 100 * n);
  }

  /** What this host can produce. */
  outputs(): { pdf: boolean; printDialog: boolean; problem: string | null } {
    const renderer = this.options.renderer;
    if (!renderer) return { pdf: false, printDialog: false, problem: NO_RENDERER };
    return { ...renderer.availability() };
  }

  /** Starts a batch; `busy` while another one runs. */
  start(request: PrintJobRequest): Result<PrintJobStatus, 'busy' | 'unavailable'> {
    this.forgetOld();
    const renderer = this.options.renderer;
    const outputs = this.outputs();
    if (!renderer || !outputs.pdf) return err('unavailable', outputs.problem ?? NO_RENDERER);
    if (request.output === 'printer' && !outputs.printDialog) {
      return err('unavailable', 'The print dialog is only available in the desktop app. Save the PDF and print it instead.');
    }
    const running = [...this.jobs.values()].find((j) => j.status.state === 'running');
    if (running) {
      return err('busy', `Another batch of ${running.status.total} badges is being produced. Wait for it, or cancel it first.`);
    }
    let layout!: Job['layout'];
    const laidOutPromise = new Promise<void>((resolve, reject) => {
      layout = { resolve, reject };
    });
    // A rejection nobody awaits yet (cancel before the page opened) must not crash the host.
    laidOutPromise.catch(() => undefined);
    const job: Job = {
      status: {
        jobId: crypto.randomUUID(),
        output: request.output,
        template: request.template,
        state: 'running',
        stage: 'starting',
        total: request.sheet.items.length,
        laidOut: 0,
        reprints: request.reprints,
        startedAt: this.now().toISOString(),
        finishedAt: null,
        message: null,
        tight: [],
        pdf: null,
      },
      request,
      abort: new AbortController(),
      pdf: null,
      finishedMs: null,
      layout,
      laidOutPromise,
    };
    this.jobs.set(job.status.jobId, job);
    void this.run(job, renderer);
    return ok({ ...job.status });
  }

  /** A batch's status. */
  status(jobId: string): Result<PrintJobStatus, 'not_found'> {
    const job = this.jobs.get(jobId);
    return job ? ok({ ...job.status }) : err('not_found', 'This badge batch is not known (any more). Start it again.');
  }

  /** Cancels a running batch; a finished one is left as it is. */
  cancel(jobId: string): Result<PrintJobStatus, 'not_found'> {
    const job = this.jobs.get(jobId);
    if (!job) return this.status(jobId);
    if (job.status.state === 'running') {
      job.abort.abort();
      this.finish(job, 'cancelled', 'Cancelled: no badge of this batch counts as printed.');
    }
    return ok({ ...job.status });
  }

  /** The badges of a batch, for its print page. */
  sheet(jobId: string): Result<BadgeSheet, 'not_found'> {
    const job = this.jobs.get(jobId);
    return job ? ok(job.request.sheet) : err('not_found', 'This badge batch is not known (any more).');
  }

  /** The print page's progress report; the answer tells it whether to go on. */
  report(input: MethodParsedInput<'badges.printReport'>): Result<{ proceed: boolean }, 'not_found'> {
    const job = this.jobs.get(input.jobId);
    if (!job) return err('not_found', 'This badge batch is not known (any more).');
    if (job.status.state !== 'running') return ok({ proceed: false });
    job.status.laidOut = Math.min(input.laidOut, job.status.total);
    job.status.stage = 'layout';
    if (input.problem) job.layout.reject(new Error(`The badge page could not lay out the badges: ${input.problem}`));
    else if (input.ready) {
      job.status.tight = [...input.tight];
      job.layout.resolve();
    }
    return ok({ proceed: true });
  }

  /** A piece of a finished batch's PDF. */
  pdfChunk(jobId: string, offset: number): Result<{ base64: string; nextOffset: number | null; totalBytes: number }, 'not_found' | 'not_ready'> {
    const job = this.jobs.get(jobId);
    if (!job) return err('not_found', 'This badge batch is not known (any more). Start it again.');
    if (!job.pdf) return err('not_ready', 'This batch has no PDF (yet): wait until it is finished.');
    if (offset >= job.pdf.length) return err('not_ready', 'That offset is past the end of the PDF.');
    const end = Math.min(offset + PDF_CHUNK_BYTES, job.pdf.length);
    return ok({ base64: job.pdf.subarray(offset, end).toString('base64'), nextOffset: end < job.pdf.length ? end : null, totalBytes: job.pdf.length });
  }

  private async run(job: Job, renderer: BadgeRenderer): Promise<void> {
    const { signal } = job.abort;
    const aborted = untilAborted(signal);
    aborted.catch(() => undefined);
    let page: BadgePage | null = null;
    try {
      const onProblem = (message: string) => job.layout.reject(new Error(message));
      page = await Promise.race([renderer.open(printPagePath(job.status.jobId), signal, onProblem), aborted]);
      job.status.stage = 'layout';
      const timeoutMs = this.layoutTimeoutMs(job.status.total);
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`The badge page did not finish laying out the badges in time (${job.status.laidOut} of ${job.status.total} done). Try a smaller batch.`)),
          timeoutMs,
        );
      });
      try {
        await Promise.race([job.laidOutPromise, aborted, timeout]);
      } finally {
        clearTimeout(timer);
      }
      if (job.request.output === 'pdf') {
        job.status.stage = 'pdf';
        job.pdf = Buffer.from(await Promise.race([page.pdf(), aborted]));
      } else {
        job.status.stage = 'printing';
        const printed = await Promise.race([page.print(), aborted]);
        if (!printed) throw new Cancelled();
      }
      if (signal.aborted) throw new Cancelled();
      const printedAt = this.now().toISOString();
      if (!job.request.commit(printedAt)) {
        throw new Error('The event was switched while the badges were being produced: nothing was recorded. Start the batch again.');
      }
      if (job.pdf) job.status.pdf = { bytes: job.pdf.length, fileName: job.request.fileName };
      this.finish(job, 'done', null);
    } catch (error) {
      job.pdf = null;
      if (error instanceof Cancelled || signal.aborted) {
        this.finish(job, 'cancelled', job.request.output === 'printer' && !signal.aborted
          ? 'The print dialog was closed without printing: no badge counts as printed.'
          : 'Cancelled: no badge of this batch counts as printed.');
      } else {
        this.finish(job, 'failed', error instanceof Error && error.message ? error.message : 'The badges could not be produced.');
      }
    } finally {
      await page?.close();
    }
  }

  private finish(job: Job, state: 'done' | 'failed' | 'cancelled', message: string | null): void {
    if (job.status.state !== 'running') return;
    job.status.state = state;
    job.status.stage = 'finished';
    job.status.message = message;
    job.status.finishedAt = this.now().toISOString();
    job.finishedMs = Date.now();
    job.layout.reject(new Cancelled());
  }

  /**
   * Finished batches (and their PDFs, which can be tens of megabytes) are forgotten after a
   * while, and only the few newest are kept at all.
   */
  private forgetOld(): void {
    const limit = Date.now() - this.retainMs;
    const finished = [...this.jobs.values()]
      .filter((j) => j.finishedMs !== null)
      .sort((a, b) => (b.finishedMs ?? 0) - (a.finishedMs ?? 0));
    for (const [i, job] of finished.entries()) {
      if (i >= KEEP_FINISHED || (job.finishedMs ?? 0) < limit) this.jobs.delete(job.status.jobId);
    }
  }
}
