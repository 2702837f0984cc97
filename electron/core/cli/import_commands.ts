/**
 * `delegate-desk import FILE`: the same reading, checking and all-or-nothing write as the
 * import screen, for preparing an event from a script. Rows with errors are skipped (and
 * listed) unless --strict; the exit code is non-zero when nothing could be imported.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ImportEncodingSchema, type ImportEncoding, type ImportProblem, type ImportReport } from '../../contract';
import { formatBytes } from '../import/upload_store';
import { importFile } from '../import/import_file';
import { builtWriterThread } from '../import/writer_thread_file';
import { IMPORT_MAX_BYTES } from '../../contract';
import type { EventHome } from '../home/event_home';
import { openEventFolder } from '../workspace/event_workspace';

export interface ImportCommandInput {
  readonly file: string | undefined;
  readonly home: EventHome;
  readonly dataDir: string | undefined;
  readonly mapping: string | undefined;
  readonly encoding: string | undefined;
  readonly sheet: string | undefined;
  readonly headerRow: string | undefined;
  readonly source: string | undefined;
  readonly dryRun: boolean;
  readonly strict: boolean;
  readonly json: boolean;
}

export interface ImportCommandIo {
  out(text: string): void;
  err(text: string): void;
}

// Names people type for the encodings, mapped to the ones the import knows.
const ENCODING_ALIASES: Record<string, ImportEncoding> = {
  utf8: 'utf-8', 'utf-16': 'utf-16le', utf16: 'utf-16le', 'euc-kr': 'cp949', euckr: 'cp949', uhc: 'cp949', 'ks_c_5601-1987': 'cp949',
  sjis: 'shift_jis', 'shift-jis': 'shift_jis', cp932: 'shift_jis', gbk: 'gb18030', gb2312: 'gb18030', cp936: 'gb18030',
  latin1: 'windows-1252', 'iso-8859-1': 'windows-1252', cp1252: 'windows-1252', cp1251: 'windows-1251', cp1250: 'windows-1250',
};

/** Parses --encoding; null when it names nothing we know. */
export function parseEncoding(text: string): ImportEncoding | null {
  const lower = text.trim().toLowerCase();
  const direct = ImportEncodingSchema.safeParse(lower);
  return direct.success ? direct.data : (ENCODING_ALIASES[lower] ?? null);
}

function problemLines(problems: readonly ImportProblem[], total: number): string {
  if (total === 0) return '';
  const lines = problems.slice(0, 50).map((p) => `  ${p.severity === 'warning' ? 'warning' : 'error  '}  ${p.message}`);
  const more = total > lines.length ? `\n  … and ${total - lines.length} more (--json lists up to 1000)` : '';
  return `\nProblems (${total}):\n${lines.join('\n')}${more}\n`;
}

/** The report as a few lines for people. */
export function formatImportReport(r: ImportReport, eventName: string): string {
  const head = r.dryRun ? `Dry run: nothing was written. Importing ${r.fileName} into "${eventName}" would give:` : `Imported ${r.fileName} into "${eventName}" (source "${r.source}"):`;
  const rows: Array<[string, number]> = [
    ['rows read', r.rowsRead],
    ['added', r.added],
    ['updated', r.updated],
    ['unchanged', r.unchanged],
    ['skipped', r.skipped],
  ];
  let text = `${head}\n${rows.map(([k, v]) => `  ${k.padEnd(12)}${String(v).padStart(7)}`).join('\n')}\n`;
  if (r.restored) text += `  (${r.restored} cancelled people are registered again)\n`;
  if (r.delegationsCreated.length) text += `New delegations: ${r.delegationsCreated.join(', ')}\n`;
  if (r.missingTotal) {
    text += `\n${r.missingTotal} people of source "${r.source}" are not in this file (they stay registered; cancel them in the import screen):\n`;
    text += r.missing.slice(0, 20).map((m) => `  ${m.externalId ? `${m.externalId}  ` : ''}${m.displayName}${m.organisation ? ` (${m.organisation})` : ''}`).join('\n');
    text += r.missingTotal > 20 ? `\n  … and ${r.missingTotal - 20} more\n` : '\n';
  }
  if (r.likelyDuplicates.length) {
    text += `\nLikely registered twice (merge them in the participants screen):\n`;
    text += r.likelyDuplicates.slice(0, 20).map((d) => `  ${d.names.join('  /  ')}`).join('\n') + '\n';
  }
  return text + problemLines(r.problems, r.problemTotal);
}

/** Runs the import command; returns the exit code. */
export async function runImportCommand(input: ImportCommandInput, io: ImportCommandIo): Promise<number> {
  const fail = (message: string) => {
    io.err(`delegate-desk: ${message}\n`);
    return 1;
  };
  if (!input.file) return fail('import needs a file: delegate-desk import FILE [--mapping PRESET] [--encoding ENC] [--dry-run] [--json]');
  const file = path.resolve(input.file);
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    return fail(`cannot read ${file}: there is no such file. Check the path.`);
  }
  if (size > IMPORT_MAX_BYTES) return fail(`${path.basename(file)} is ${formatBytes(size)}; files up to ${formatBytes(IMPORT_MAX_BYTES)} can be imported. Split it into smaller files.`);
  const encoding = input.encoding ? parseEncoding(input.encoding) : undefined;
  if (encoding === null) return fail(`unknown encoding "${input.encoding}". Use one of: ${ImportEncodingSchema.options.join(', ')}.`);
  const headerRow = input.headerRow ? Number(input.headerRow) : undefined;
  if (headerRow !== undefined && !(Number.isInteger(headerRow) && headerRow > 0)) return fail(`--header-row must be a row number (1, 2, 3…), not "${input.headerRow}".`);
  const dir = input.dataDir ?? input.home.readState().lastFolder;
  if (!dir) return fail('there is no event yet. Create one first: delegate-desk event create --name NAME --start YYYY-MM-DD');
  const opened = openEventFolder(dir);
  if (!opened.ok) return fail(opened.error.message);
  const ws = opened.value;
  try {
    const outcome = await importFile(ws.db, fs.readFileSync(file), path.basename(file), {
      encoding,
      sheet: input.sheet,
      headerRow,
      preset: input.mapping,
      source: input.source,
      dryRun: input.dryRun,
      skipRowsWithErrors: !input.strict,
      writerThread: builtWriterThread(__dirname),
    });
    if (!outcome.ok) {
      const problems = outcome.analysis?.problems ?? [];
      if (input.json) io.out(`${JSON.stringify({ imported: false, message: outcome.message, problems, problemTotal: outcome.analysis?.problemTotal ?? 0 }, null, 2)}\n`);
      else io.out(problemLines(problems, outcome.analysis?.problemTotal ?? 0));
      return fail(outcome.message);
    }
    io.out(input.json ? `${JSON.stringify(outcome.report, null, 2)}\n` : formatImportReport(outcome.report, ws.info().name));
    return 0;
  } finally {
    ws.close();
  }
}
