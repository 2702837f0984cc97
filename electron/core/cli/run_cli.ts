import path from 'node:path';
import { parseArgs } from 'node:util';
import { type CreateEventInput, CreateEventInputSchema } from '../../contract';
import { contractAsJson } from '../api/contract_json';
import { startHostCore, type HostCore } from '../api/host_core';
import { defaultAppHome } from '../home/app_home';
import { EventHome } from '../home/event_home';
import { createEventFolder, openEventFolder } from '../workspace/event_workspace';
import { seedDemoEvent } from '../demo/seed_demo_event';
import { formatContract, formatEvent, formatEventList } from './cli_format';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
}

export const CLI_USAGE = `Usage: delegate-desk <command> [options]

Commands:
  event info [--data-dir DIR]      the event in DIR (default: the last one opened)
  event list                       events on this computer
  event create --name NAME --start YYYY-MM-DD [--end YYYY-MM-DD] [--demo] [--data-dir DIR]
  contract                         every API method: schemas, error codes, roles

Options:
  --json           machine-readable output
  --data-dir DIR   the event folder to use
  --home DIR       where events are kept (default: the app's own folder)
  -h, --help       this help
`;

const OPTIONS = {
  json: { type: 'boolean', default: false },
  'data-dir': { type: 'string' },
  home: { type: 'string' },
  name: { type: 'string' },
  start: { type: 'string' },
  end: { type: 'string' },
  demo: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** Runs one command line; returns the exit code. Never throws for bad input. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    io.err(`delegate-desk: ${(e as Error).message}\n\n${CLI_USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, sub] = positionals;
  if (values.help || !command) {
    io.out(CLI_USAGE);
    return values.help ? 0 : 2;
  }
  const home = new EventHome(values.home ? path.resolve(values.home) : defaultAppHome(io.env));
  const dataDir = values['data-dir'] ? path.resolve(values['data-dir']) : undefined;
  const print = (json: unknown, text: string) => io.out(values.json ? `${JSON.stringify(json, null, 2)}\n` : text);

  if (command === 'contract') {
    const doc = contractAsJson();
    print(doc, formatContract(doc));
    return 0;
  }
  if (command === 'event' && sub === 'list') {
    const events = home.listEvents();
    print(events.map(({ dir, ...e }) => ({ ...e, folder: dir })), formatEventList(events));
    return 0;
  }
  if (command === 'event' && sub === 'info') {
    if (dataDir) {
      const opened = openEventFolder(dataDir);
      if (!opened.ok) return fail(io, opened.error.message);
      const info = opened.value.info();
      opened.value.close();
      print(info, formatEvent(info));
      return 0;
    }
    // Without a folder, behave like the app on first start: the last event, or the demo.
    const core = startCore(home.dir, undefined, io);
    if (!core) return 1;
    print(core.event, formatEvent(core.event));
    core.close();
    return 0;
  }
  if (command === 'event' && sub === 'create') {
    const input = CreateEventInputSchema.safeParse({
      name: values.name,
      startDate: values.start,
      endDate: values.end ?? values.start,
      withDemoData: values.demo,
    });
    if (!input.success) {
      return fail(io, `cannot create the event: ${input.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ')}`);
    }
    return createEvent(home, dataDir, input.data, io, print);
  }
  return fail(io, `unknown command "${positionals.join(' ')}".\n\n${CLI_USAGE}`);
}

function createEvent(
  home: EventHome,
  dataDir: string | undefined,
  input: CreateEventInput,
  io: CliIo,
  print: (json: unknown, text: string) => void,
): number {
  const dir = dataDir ?? home.newFolderFor(input.name);
  const created = createEventFolder(dir, input, { seed: input.withDemoData ? seedDemoEvent : undefined });
  if (!created.ok) return fail(io, created.error.message);
  const info = created.value.info();
  created.value.close();
  home.remember(dir);
  print({ ...info, folder: dir }, `Created "${info.name}" in ${dir}\n`);
  return 0;
}

function startCore(homeDir: string, dataDir: string | undefined, io: CliIo): HostCore | null {
  const started = startHostCore({
    homeDir,
    dataDir,
    build: { version: __APP_VERSION__ },
    log: { error: (message, d) => io.err(`delegate-desk: ${message} (${d.method}, incident ${d.incident})\n`) },
  });
  if (!started.ok) {
    fail(io, started.error.message);
    return null;
  }
  return started.value;
}

function fail(io: CliIo, message: string): number {
  io.err(`delegate-desk: ${message}\n`);
  return 1;
}
