/**
 * `delegate-desk export attendance [--report R] [--session S] --format csv|xlsx|pdf --out FILE`:
 * the attendance records of the event desk or a session (by id or title), as the app's export
 * makes them. PDF needs Chromium, Chrome or Edge (CHROMIUM_PATH picks one), like badge PDFs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AttendanceFormatSchema, AttendanceReportSchema, type ProgrammeSession } from '../../contract';
import { exportAttendance } from '../checkin';
import type { EventHome } from '../home/event_home';
import { listSessions } from '../programme';
import { openEventFolder } from '../workspace/event_workspace';

export interface AttendanceCommandInput {
  readonly what: string | undefined;
  readonly report: string | undefined;
  readonly session: string | undefined;
  readonly format: string | undefined;
  readonly out: string | undefined;
  readonly home: EventHome;
  readonly dataDir: string | undefined;
  readonly json: boolean;
}

export interface AttendanceCommandIo {
  out(text: string): void;
  err(text: string): void;
}

/** The session a --session value names: an id, or a title (exact, then a unique partial match). */
function findSession(sessions: readonly ProgrammeSession[], wanted: string): ProgrammeSession | string {
  const text = wanted.trim();
  const byId = /^\d+$/u.test(text) ? sessions.find((s) => s.id === Number(text)) : undefined;
  if (byId) return byId;
  const lower = text.toLowerCase();
  const exact = sessions.filter((s) => s.title.toLowerCase() === lower);
  if (exact.length === 1) return exact[0]!;
  const partial = sessions.filter((s) => s.title.toLowerCase().includes(lower));
  if (partial.length === 1) return partial[0]!;
  const list = sessions.map((s) => `  ${s.id}  ${s.day} ${s.startsAt}  ${s.title}`).join('\n');
  return partial.length > 1
    ? `"${text}" matches ${partial.length} sessions; give its id:\n${list}`
    : `there is no session "${text}" in the programme. Sessions:\n${list || '  (none)'}`;
}

/** Runs `export attendance`; returns the exit code. */
export async function runAttendanceExportCommand(input: AttendanceCommandInput, io: AttendanceCommandIo): Promise<number> {
  const fail = (message: string) => {
    io.err(`delegate-desk: ${message}\n`);
    return 1;
  };
  if (input.what !== 'attendance') return fail('use "export attendance [--session S] --format csv|xlsx|pdf --out FILE".');
  const format = AttendanceFormatSchema.safeParse(input.format);
  if (!format.success) return fail('choose the file format: --format csv, --format xlsx or --format pdf.');
  const report = AttendanceReportSchema.safeParse(input.report ?? 'attendance');
  if (!report.success) return fail(`--report is one of: ${AttendanceReportSchema.options.join(', ')}.`);
  if (!input.out) return fail(`say where to write the file: --out attendance.${format.data}`);
  const out = path.resolve(input.out);
  if (!fs.existsSync(path.dirname(out))) return fail(`the folder ${path.dirname(out)} does not exist: create it or choose another --out.`);
  const dir = input.dataDir ?? input.home.readState().lastFolder;
  if (!dir) return fail('there is no event yet. Create one first: delegate-desk event create --name NAME --start YYYY-MM-DD');
  const opened = openEventFolder(dir);
  if (!opened.ok) return fail(opened.error.message);
  const ws = opened.value;
  try {
    let session: ProgrammeSession | null = null;
    if (input.session !== undefined && input.session.trim().toLowerCase() !== 'event') {
      const found = findSession(listSessions(ws.db), input.session);
      if (typeof found === 'string') return fail(found);
      session = found;
    }
    let built;
    try {
      built = await exportAttendance(ws.db, { report: report.data, session, format: format.data }, ws.info(), new Date());
    } catch (error) {
      return fail((error as Error).message.split('\n')[0] ?? 'the file could not be made.');
    }
    // Written next to the target and renamed: a half-written file never carries the final name.
    const partial = `${out}.partial`;
    fs.writeFileSync(partial, built.bytes);
    fs.renameSync(partial, out);
    const summary = { file: out, report: report.data, session: session ? { id: session.id, title: session.title } : null, format: format.data, rows: built.rowCount, bytes: built.bytes.length };
    io.out(input.json ? `${JSON.stringify(summary, null, 2)}\n` : `${built.rowCount} row(s) of ${report.data} for ${session ? `"${session.title}"` : 'the event desk'} written to ${out}\n`);
    return 0;
  } finally {
    ws.close();
  }
}
