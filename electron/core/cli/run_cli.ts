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
import { runImportCommand } from './import_commands';
import { runBadgesCommand, runVerifyBadgeCommand } from './badge_commands';
import { runAttendanceExportCommand } from './attendance_commands';
import { runParticipantsCommand } from './participants_commands';
import { runTallyCommand, TALLY_OPTIONS } from './tally_commands';
import { runPhotosCommand } from './photo_commands';
import { BACKUP_COMMANDS, BACKUP_OPTIONS, runBackupCommand } from './backup_commands';

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
  participants list [--data-dir DIR]
                                   everyone registered, in protocol order
  participants search QUERY [--data-dir DIR]
                                   the ranked search of the participants screen (any script,
                                   romanised Korean, no accents needed, one typo); best 50 shown
  import FILE [--mapping PRESET] [--encoding ENC] [--sheet NAME] [--header-row N] [--source NAME]
              [--strict] [--dry-run] [--data-dir DIR]
                                   import a registration export (CSV, TSV, Unicode Text, XLSX) into
                                   the event; rows with errors are skipped and listed (--strict:
                                   import nothing then); exits non-zero when nothing was imported
  badges [--filter F]... [--template T] --out FILE.pdf [--data-dir DIR]
                                   print-ready badge PDF (needs Chromium, Chrome or Edge; CHROMIUM_PATH
                                   picks one). F: all, not-printed, delegation=NAME|ID, category=CODE,
                                   participant=ID (filters combine). T: a6, in4x3, cr80, a4x4, a4x8
  photos import FOLDER [--data-dir DIR]
                                   participants' photos (JPEG, PNG, WebP up to 2 MB) from files named
                                   by registration id or e-mail; exits non-zero when none was stored
  export attendance [--report R] [--session S] --format csv|xlsx|pdf --out FILE [--data-dir DIR]
                                   attendance records of the event desk or a session (id or title):
                                   R: attendance (default), arrivals, no_shows, scanned_twice, scan_log;
                                   PDF needs Chromium, Chrome or Edge (CHROMIUM_PATH picks one)
  verify-badge CODE [--data-dir DIR]
                                   checks a scanned badge code: valid and whose, or why it is refused;
                                   exits non-zero when it is not valid
  tally --method M [--seats N] [--threshold P] --ballots FILE [--json]
                                   counts an election from its records: ranked or single-choice ballot
                                   CSV (.gz too) for plurality, sntv, approval, irv, stv; party totals
                                   CSV (party, votes[, district seats]) for dhondt, sainte-lague,
                                   modified-sainte-lague (--first-divisor 1.4|1.2), hare, droop,
                                   kr-mixed (--independents N, --linked-cap 30 for 2020). IRV:
                                   --batch, --eliminate-first NAME. P: percent of valid votes; --seed S
  backup --data-dir DIR --out FILE [--force]
                                   a consistent copy of the event's database (the app may stay open)
  restore FILE --data-dir DIR [--force]
                                   puts a backup back (the replaced database is kept aside), or makes a
                                   new event folder from it; close the app first
  export-event --data-dir DIR --out FILE --passphrase-file P [--force]
                                   the whole event (data, keys, photos) as one encrypted file
                                   (AES-256-GCM, scrypt) to set up a second laptop or archive it
  import-event FILE --data-dir DIR --passphrase-file P [--force]
                                   an exported event into a new folder (--force replaces an event there,
                                   keeping it aside); a wrong passphrase changes nothing
  erase --data-dir DIR --yes       erases the whole event with its backups, keys and photos

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
  mapping: { type: 'string' },
  encoding: { type: 'string' },
  sheet: { type: 'string' },
  'header-row': { type: 'string' },
  source: { type: 'string' },
  strict: { type: 'boolean', default: false },
  'dry-run': { type: 'boolean', default: false },
  filter: { type: 'string', multiple: true },
  template: { type: 'string' },
  out: { type: 'string' },
  session: { type: 'string' },
  format: { type: 'string' },
  report: { type: 'string' },
  ...TALLY_OPTIONS,
  ...BACKUP_OPTIONS,
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

  if (command === 'import') {
    const { mapping, encoding, sheet, source, strict, json } = values;
    return runImportCommand(
      { file: sub, home, dataDir, mapping, encoding, sheet, headerRow: values['header-row'], source, dryRun: values['dry-run'], strict, json },
      io,
    );
  }
  if (command === 'badges') {
    const { filter, template, out, json } = values;
    return runBadgesCommand({ home, dataDir, filters: filter ?? [], template, out, json }, io);
  }
  if (command === 'participants') {
    const query = positionals.slice(2).join(' ');
    return runParticipantsCommand({ sub, query, home, dataDir, json: values.json }, io);
  }
  if (command === 'photos') return runPhotosCommand({ sub, folder: positionals[2], home, dataDir, json: values.json }, io);
  if (command === 'export') {
    return runAttendanceExportCommand({ what: sub, report: values.report, session: values.session, format: values.format, out: values.out, home, dataDir, json: values.json }, io);
  }
  if ((BACKUP_COMMANDS as readonly string[]).includes(command)) {
    return runBackupCommand({ command, file: sub, dataDir, out: values.out, passphraseFile: values['passphrase-file'], force: values.force, yes: values.yes, json: values.json }, io);
  }
  if (command === 'verify-badge') return runVerifyBadgeCommand({ code: sub, home, dataDir, json: values.json }, io);
  if (command === 'tally') {
    const v = values;
    return runTallyCommand({ method: v.method, seats: v.seats, threshold: v.threshold, ballots: v.ballots, firstDivisor: v['first-divisor'], seed: v.seed, batch: v.batch, eliminateFirst: v['eliminate-first'] ?? [], independents: v.independents, linkedCap: v['linked-cap'], json: v.json }, io);
  }
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
