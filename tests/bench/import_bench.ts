/**
 * Import of 100,000 registration rows from CSV and from XLSX, through the same pipeline as
 * the import screen (detect, parse, header row, mapping, checks, matching, one transaction),
 * each against a bare baseline measured in the same run: parse the same file with the same
 * library and insert every row with one plain prepared statement in one transaction.
 * Each time is the best of a few interleaved runs into a fresh event; peak memory is measured on the
 * command-line import in a process of its own.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import v8 from 'node:v8';
import vm from 'node:vm';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import readXlsxFile from 'read-excel-file/node';
import { DEMO_EVENT_INPUT } from '../../electron/core/demo/seed_demo_event';
import type { Db } from '../../electron/core/db/connection';
import { importFile } from '../../electron/core/import/import_file';
import { builtWriterThread } from '../../electron/core/import/writer_thread_file';
import { createEventFolder } from '../../electron/core/workspace/event_workspace';
import { generatePeople } from './participant_generator';
import { report } from './stats';

const ROWS = 100_000;
const HEADER = ['Registration ID', 'Title', 'Family name', 'Given name', 'Name in native script', 'Organisation', 'Position', 'Country', 'Delegation', 'Category', 'Languages', 'Email', 'Phone', 'Notes'];

/** The rows of a realistic export: many scripts, country names, a delegation per country. */
function exportRows(count: number): string[][] {
  const names = new Intl.DisplayNames(['en'], { type: 'region' });
  return generatePeople(count, 7).map((p) => {
    const country = names.of(p.country) ?? p.country;
    return [p.externalId, p.title, p.familyName, p.givenName, p.nativeName, p.organisation, p.position, country, country, p.categoryCode, p.languages.join(', '), p.email, p.phone, p.notes];
  });
}

function csvOf(rows: string[][]): Buffer {
  return Buffer.from(Papa.unparse([HEADER, ...rows], { newline: '\r\n' }), 'utf8');
}

async function xlsxOf(rows: string[][], file: string): Promise<void> {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const sheet = writer.addWorksheet('Participants');
  sheet.addRow(HEADER).commit();
  for (const row of rows) sheet.addRow(row).commit();
  sheet.commit();
  await writer.commit();
}

let eventCount = 0;
function freshEvent(tmp: string): { db: Db; dir: string; close: () => void } {
  const dir = path.join(tmp, `import-${++eventCount}`);
  const created = createEventFolder(dir, { ...DEMO_EVENT_INPUT, name: 'Import bench', withDemoData: false });
  if (!created.ok) throw new Error(created.error.message);
  return { db: created.value.db, dir, close: () => created.value.close() };
}

/** The baseline: read, parse with the same library, insert each row with one prepared statement. */
async function bareImport(db: Db, file: string, kind: 'csv' | 'xlsx'): Promise<number> {
  const bytes = fs.readFileSync(file);
  const rows: unknown[][] = kind === 'csv' ? Papa.parse<string[]>(bytes.toString('utf8'), { delimiter: ',' }).data : ((await readXlsxFile(bytes))[0]?.data ?? []);
  db.prepare("INSERT INTO category (code, name, colour, sort_order) VALUES ('delegate', 'Delegate', '#1f5fbf', 10)").run();
  const insert = db.prepare(
    `INSERT INTO participant (external_id, title, family_name, given_name, native_name, display_name, organisation, position,
       category_code, email, phone, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'delegate', ?, ?, ?, ?, ?)`,
  );
  const now = new Date().toISOString();
  const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  db.transaction(() => {
    for (let i = 1; i < rows.length; i++) {
      const r = rows[i]!.map(text);
      if (r.length < HEADER.length) continue;
      insert.run(r[0], r[1], r[2], r[3], r[4], `${r[3]} ${r[2]}`, r[5], r[6], r[11], r[12], r[13], now, now);
    }
  }).immediate();
  return rows.length - 1;
}

/** A full garbage collection before measuring, so the baseline is what is really kept. */
function collectGarbage(): void {
  try {
    v8.setFlagsFromString('--expose-gc');
    (vm.runInNewContext('gc') as () => void)();
  } catch {
    // without gc() the baseline is a little higher and the growth a little lower
  }
}

/**
 * Peak memory of an import on its own: `delegate-desk import` in a fresh process (the same
 * pipeline), whose peak resident set is read as it exits; and, for comparison, the same CLI
 * opening the event and doing nothing else.
 */
function importMemory(tmp: string, file: string): { peak: number; idle: number } {
  const cli = path.join(__dirname, '..', 'cli', 'index.cjs');
  const probe = path.join(tmp, 'peak-rss.cjs');
  fs.writeFileSync(probe, "process.on('exit', () => process.stderr.write('\\nPEAK_RSS_KB=' + process.resourceUsage().maxRSS + '\\n'));\n");
  const peakOf = (args: string[]): number => {
    const fresh = freshEvent(tmp);
    fresh.close();
    const event = fresh.dir;
    const run = spawnSync(process.execPath, ['--require', probe, cli, ...args, '--data-dir', event, '--json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const kb = /PEAK_RSS_KB=(\d+)/u.exec(run.stderr)?.[1];
    if (run.status !== 0 || !kb) throw new Error(`memory probe failed: ${run.stderr.slice(0, 400)}`);
    return Number(kb) / 1024;
  };
  return { peak: peakOf(['import', file]), idle: peakOf(['event', 'info']) };
}

/**
 * Times `runs` fresh imports and baselines, interleaved and taking turns at going first (so
 * neither always inherits the other's garbage or a warmer cache); returns the best of each and
 * the import's peak RSS.
 */
async function measure(tmp: string, file: string, kind: 'csv' | 'xlsx', runs: number) {
  let best = Infinity;
  let bestBare = Infinity;
  let rows = 0;
  const timeBare = async () => {
    const bare = freshEvent(tmp);
    collectGarbage();
    const t0 = performance.now();
    const bareRows = await bareImport(bare.db, file, kind);
    bestBare = Math.min(bestBare, performance.now() - t0);
    bare.close();
    if (bareRows !== ROWS) throw new Error(`baseline read ${bareRows} rows`);
  };
  const timeImport = async () => {
    const event = freshEvent(tmp);
    collectGarbage();
    const t0 = performance.now();
    const outcome = await importFile(event.db, fs.readFileSync(file), path.basename(file), { writerThread: builtWriterThread(__dirname) });
    const elapsed = performance.now() - t0;
    event.close();
    if (!outcome.ok) throw new Error(outcome.message);
    if (outcome.report.added !== ROWS) throw new Error(`import added ${outcome.report.added} rows`);
    rows = outcome.report.added;
    best = Math.min(best, elapsed);
  };
  for (let run = 0; run < runs; run++) {
    if (run % 2 === 0) {
      await timeBare();
      await timeImport();
    } else {
      await timeImport();
      await timeBare();
    }
  }
  const label = `import_${kind}_${ROWS / 1000}k`;
  report(`${label}_seconds`, best / 1000, 's');
  report(`${label}_rows_per_second`, rows / (best / 1000), 'rows/s');
  report(`${label}_bare_parse_insert_seconds`, bestBare / 1000, 's');
  report(`${label}_ratio_vs_bare`, best / bestBare, 'x');
  const memory = importMemory(tmp, file);
  report(`${label}_peak_memory`, memory.peak, 'MB');
  report(`${label}_peak_memory_above_idle`, memory.peak - memory.idle, 'MB');
}

/** Runs the import benchmark in `tmp`. */
export async function benchImport(tmp: string): Promise<void> {
  const dir = path.join(tmp, 'import-bench');
  fs.mkdirSync(dir, { recursive: true });
  const rows = exportRows(ROWS);
  const csv = path.join(dir, 'participants.csv');
  fs.writeFileSync(csv, csvOf(rows));
  const xlsx = path.join(dir, 'participants.xlsx');
  await xlsxOf(rows, xlsx);
  // Warm the JIT on a small file so the first measured run is not the one that compiles.
  const warm = freshEvent(dir);
  await importFile(warm.db, csvOf(rows.slice(0, 5000)), 'warm.csv');
  warm.close();
  // Five runs of each on CSV: on a shared machine the best of three was often a disturbed one.
  await measure(dir, csv, 'csv', 5);
  await measure(dir, xlsx, 'xlsx', 2);
  fs.rmSync(dir, { recursive: true, force: true });
}
