/**
 * `delegate-desk badges` and `delegate-desk verify-badge`: badges from the command line, with
 * no desktop. The command starts the same core as the app, serves the built print page on a
 * private loopback port, and lets a system Chromium lay the badges out into a PDF: the very
 * page the app and the host print, so the same badges come out.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  BADGE_TEMPLATES,
  BadgeTemplateSchema,
  type BadgeFilter,
  type BadgeVerification,
  type Category,
  type Delegation,
  type MethodInput,
  type MethodName,
  type PrintJobStatus,
  type Result,
} from '../../contract';
import type { Caller } from '../api/caller';
import { startHostCore, type HostCore } from '../api/host_core';
import { createChromiumBadgeRenderer, formatPrintTime } from '../badges';
import type { EventHome } from '../home/event_home';
import { startHttpServer } from '../host/http_server';

/** Where a command writes (run_cli's CliIo satisfies it; declared here to keep imports one-way). */
interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

const CLI_CALLER: Caller = { role: 'admin', transport: 'cli' };
const FILTER_FORMS = 'all, not-printed, delegation=NAME|ID, category=CODE, participant=ID';

/** The built renderer: next to the CLI bundle (out/cli → out/renderer), or the source tree's build. */
function rendererDir(): string {
  const candidates = [path.join(__dirname, '..', 'renderer'), path.resolve(__dirname, '..', '..', '..', 'out', 'renderer')];
  return candidates.find((dir) => fs.existsSync(path.join(dir, 'badge_print.html'))) ?? candidates[0]!;
}

async function call<M extends MethodName>(core: HostCore, method: M, input: MethodInput<M>): Promise<Result<unknown>> {
  return core.dispatch(CLI_CALLER, method, input);
}

/** Turns `--filter` words into a batch filter, naming delegations and categories as people know them. */
export function parseBadgeFilters(
  words: readonly string[],
  known: { delegations: readonly Delegation[]; categories: readonly Category[] },
): { ok: true; filter: BadgeFilter } | { ok: false; message: string } {
  const filter: BadgeFilter = { notPrinted: false };
  const ids: number[] = [];
  for (const word of words) {
    const [key, ...rest] = word.split('=');
    const value = rest.join('=').trim();
    if (word === 'all') continue;
    if (word === 'not-printed') {
      filter.notPrinted = true;
    } else if (key === 'delegation' && value) {
      const match = known.delegations.find((d) => String(d.id) === value || d.name.toLowerCase() === value.toLowerCase());
      if (!match) return { ok: false, message: `no delegation "${value}". Delegations: ${known.delegations.map((d) => d.name).join(', ') || '(none)'}.` };
      filter.delegationId = match.id;
    } else if (key === 'category' && value) {
      const match = known.categories.find((c) => c.code === value.toLowerCase() || c.name.toLowerCase() === value.toLowerCase());
      if (!match) return { ok: false, message: `no category "${value}". Categories: ${known.categories.map((c) => c.code).join(', ') || '(none)'}.` };
      filter.categoryCode = match.code;
    } else if ((key === 'participant' || key === 'person') && /^\d+$/u.test(value)) {
      ids.push(Number(value));
    } else {
      return { ok: false, message: `cannot read the filter "${word}". Use: ${FILTER_FORMS}.` };
    }
  }
  if (ids.length) filter.participantIds = ids;
  return { ok: true, filter };
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 2 : 1)} MB`;
}

/** Follows a batch to its end, telling the person where it is; Ctrl+C cancels it. */
async function follow(core: HostCore, started: PrintJobStatus, io: CliIo): Promise<PrintJobStatus> {
  let status = started;
  let said = '';
  const cancel = () => void call(core, 'badges.printCancel', { jobId: started.jobId });
  process.once('SIGINT', cancel);
  try {
    while (status.state === 'running') {
      await new Promise((r) => setTimeout(r, 250));
      const next = await call(core, 'badges.printStatus', { jobId: started.jobId });
      if (!next.ok) break;
      status = next.value as PrintJobStatus;
      const line =
        status.stage === 'layout'
          ? `laying out badges: ${Math.floor((10 * status.laidOut) / Math.max(1, status.total)) * 10}%`
          : status.stage === 'pdf'
            ? 'writing the PDF'
            : status.stage === 'starting'
              ? 'starting Chromium'
              : '';
      if (line && line !== said) io.err(`delegate-desk: ${(said = line)}\n`);
    }
  } finally {
    process.removeListener('SIGINT', cancel);
  }
  return status;
}

/** Reads a finished batch's PDF and writes it whole, or not at all. */
async function savePdf(core: HostCore, jobId: string, out: string): Promise<number> {
  const parts: Buffer[] = [];
  let offset: number | null = 0;
  while (offset !== null) {
    const chunk = await call(core, 'badges.printPdf', { jobId, offset });
    if (!chunk.ok) throw new Error(chunk.error.message);
    const value = chunk.value as { base64: string; nextOffset: number | null };
    parts.push(Buffer.from(value.base64, 'base64'));
    offset = value.nextOffset;
  }
  const pdf = Buffer.concat(parts);
  const partial = `${out}.part`;
  fs.writeFileSync(partial, pdf);
  fs.renameSync(partial, out);
  return pdf.length;
}

export interface BadgesCommand {
  readonly home: EventHome;
  readonly dataDir: string | undefined;
  readonly filters: readonly string[];
  readonly template: string | undefined;
  readonly out: string | undefined;
  readonly json: boolean;
}

/** `delegate-desk badges [--filter …] [--template T] --out FILE.pdf` */
export async function runBadgesCommand(cmd: BadgesCommand, io: CliIo): Promise<number> {
  const fail = (message: string, code = 1) => {
    io.err(`delegate-desk badges: ${message}\n`);
    return code;
  };
  if (!cmd.out) return fail(`say where the PDF goes: --out FILE.pdf`, 2);
  const out = path.resolve(cmd.out);
  if (!fs.existsSync(path.dirname(out))) return fail(`the folder ${path.dirname(out)} does not exist.`, 2);
  const template = cmd.template === undefined ? undefined : BadgeTemplateSchema.safeParse(cmd.template);
  if (template && !template.success) return fail(`no template "${cmd.template}". Templates: ${BADGE_TEMPLATES.join(', ')}.`, 2);

  let origin: string | null = null;
  const started = startHostCore({
    homeDir: cmd.home.dir,
    dataDir: cmd.dataDir,
    build: { version: __APP_VERSION__ },
    badgeRenderer: createChromiumBadgeRenderer({ origin: () => origin }),
    log: { error: (message, d) => io.err(`delegate-desk: ${message} (${d.method}, incident ${d.incident})\n`) },
  });
  if (!started.ok) return fail(started.error.message);
  const core = started.value;
  const http = await startHttpServer({ core, host: '127.0.0.1', port: 0, staticDir: rendererDir() }).catch((e: Error) => e);
  try {
    if (http instanceof Error) return fail(`could not serve the print page: ${http.message}`);
    origin = http.url;
    const [delegations, categories] = await Promise.all([call(core, 'delegations.list', {}), call(core, 'categories.list', {})]);
    const filter = parseBadgeFilters(cmd.filters, {
      delegations: delegations.ok ? (delegations.value as Delegation[]) : [],
      categories: categories.ok ? (categories.value as Category[]) : [],
    });
    if (!filter.ok) return fail(filter.message, 2);
    const start = await call(core, 'badges.printStart', { filter: filter.filter, template: template?.data, output: 'pdf' });
    if (!start.ok) return fail(start.error.message);
    const status = await follow(core, start.value as PrintJobStatus, io);
    if (status.state !== 'done') return fail(status.message ?? `the batch ended ${status.state}.`);
    const bytes = await savePdf(core, status.jobId, out);
    const summary = { file: out, template: status.template, badges: status.total, reprints: status.reprints, bytes, tight: status.tight };
    io.out(
      cmd.json
        ? `${JSON.stringify(summary, null, 2)}\n`
        : `${status.total} badge(s), ${status.template}, written to ${out} (${megabytes(bytes)}).\n` +
            (status.reprints ? `${status.reprints} of them replace earlier badges: those are refused from now on.\n` : '') +
            (status.tight.length ? `Names printed at the smallest size (worth a look): participant ${status.tight.join(', ')}.\n` : ''),
    );
    return 0;
  } finally {
    if (!(http instanceof Error)) await http.close();
    core.close();
  }
}

/** One line a desk person reads: who, and whether to let them in. */
function describeVerification(v: BadgeVerification, timeZone: string): string {
  const who = v.holder
    ? `${v.holder.displayName}${v.holder.nativeName && v.holder.nativeName !== v.holder.displayName ? ` (${v.holder.nativeName})` : ''}${v.holder.delegationName ? `, ${v.holder.delegationName}` : ''}`
    : '';
  if (v.valid) return `VALID    ${who}: badge #${v.serial}, printed ${formatPrintTime(v.printedAt, timeZone)}\n`;
  return `REFUSED  ${v.reason}: ${v.message}${who ? `\n         ${who}` : ''}\n`;
}

/** `delegate-desk verify-badge CODE [--json]`: exit 0 when valid, 1 when refused. */
export async function runVerifyBadgeCommand(cmd: { code: string | undefined; home: EventHome; dataDir: string | undefined; json: boolean }, io: CliIo): Promise<number> {
  if (cmd.code === undefined) {
    io.err('delegate-desk verify-badge: give the scanned code: delegate-desk verify-badge CODE [--json]\n');
    return 2;
  }
  const started = startHostCore({ homeDir: cmd.home.dir, dataDir: cmd.dataDir, build: { version: __APP_VERSION__ } });
  if (!started.ok) {
    io.err(`delegate-desk verify-badge: ${started.error.message}\n`);
    return 1;
  }
  const core = started.value;
  try {
    const result = await call(core, 'badges.verify', { code: cmd.code });
    if (!result.ok) {
      io.err(`delegate-desk verify-badge: ${result.error.message}\n`);
      return 1;
    }
    const verification = result.value as BadgeVerification;
    io.out(cmd.json ? `${JSON.stringify(verification, null, 2)}\n` : describeVerification(verification, core.event.timezone));
    return verification.valid ? 0 : 1;
  } finally {
    core.close();
  }
}
