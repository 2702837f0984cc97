import { err, ok, type CountArchive, type CountReportFormat, type LocalizedText, type Result } from '../../contract';
// The attendance export's Chromium printer, reused as it is (a direct import, like sorting.ts's
// of the election validation): one PDF path for every report.
import { htmlToPdf } from '../checkin/attendance_export';
import { localTime } from '../checkin/attendance_records';
import type { Db } from '../db/connection';
import { neutraliseCell } from '../participants';
import { getRoundRow, roundDefinition } from '../voting';
import { countArchive } from './count_extras';
import { countSheetHtml } from './count_sheet_html';
import { sessionOfRound } from './count_store';

/** A cell as a spreadsheet must not run it: text starting =, +, -, @, tab or CR (or their full-width forms), even after spaces, gets a leading quote. */
export function csvCell(value: string | number): string {
  // The same rule as every other export (participants/participant_export.ts).
  const text = typeof value === 'string' ? neutraliseCell(value) : String(value);
  return /[",\r\n]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
}

const en = (t: LocalizedText) => t['en'] ?? Object.values(t)[0] ?? '';

/**
 * The count sheet and result of an announced round as CSV: a header block with the round, the
 * signature and the election fingerprint, then per contest the sheet lines, the votes per option
 * and the result (winners, seats, rounds).
 */
export function countCsv(archive: CountArchive, names: (contestId: string, optionId: string) => string, titles: (contestId: string) => string): string {
  const rows: Array<Array<string | number>> = [
    ['Round', archive.roundLabel],
    ['Election', en(archive.electionTitle)],
    ['Election fingerprint (SHA-256)', archive.fingerprint],
    ['Signed by', archive.signedBy],
    ['Signed at', archive.signedAt],
    ['Announced at', archive.announcedAt],
    [],
    ['Contest', 'Line', 'Option', 'Figure'],
  ];
  for (const sheet of archive.sheets) {
    const title = titles(sheet.contestId);
    const line = (label: string, n: number) => rows.push([title, label, '', n]);
    line('Ballots issued', sheet.issued);
    line('Ballots cast', sheet.cast);
    line('Papers counted', sheet.counted);
    for (const v of sheet.votes) rows.push([title, 'Votes', names(sheet.contestId, v.optionId), v.votes]);
    line('Valid papers', sheet.valid);
    line('Invalid papers', sheet.invalid);
    line('Outstanding (issued, not cast)', sheet.outstanding);
    line('Cancelled', sheet.cancelled);
    rows.push([title, 'Reconciled (issued = valid + invalid + outstanding + cancelled)', '', sheet.reconciled ? 'yes' : 'NO']);
    const result = archive.results.find((r) => r.contestId === sheet.contestId);
    if (!result) continue;
    rows.push([title, 'Method', result.method, result.seats]);
    for (const w of result.winners) rows.push([title, 'Elected', names(sheet.contestId, w), result.seatsByOption?.[w] ?? 1]);
    for (const r of result.rounds ?? []) {
      for (const [option, votes] of Object.entries(r.tallies)) rows.push([title, `Round ${r.round}`, names(sheet.contestId, option), votes]);
      if (r.exhausted) rows.push([title, `Round ${r.round}`, 'Exhausted', r.exhausted]);
    }
    if (result.passed !== null) rows.push([title, 'Passed', '', result.passed ? 'yes' : 'no']);
  }
  return `${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** A built count report, waiting to be fetched in chunks. */
export interface CountReportFile {
  readonly bytes: Buffer;
  readonly fileName: string;
  readonly mimeType: string;
  /** Contests on the sheet. */
  readonly rowCount: number;
}

/** Prints a page to PDF (the attendance export's system-Chromium path; a test may pass another). */
export type PdfPrinter = (html: string) => Promise<Buffer>;

const MIME: Record<CountReportFormat, string> = { csv: 'text/csv;charset=utf-8', pdf: 'application/pdf' };

/**
 * The count sheet and result of an announced round as a file: CSV (UTF-8 with BOM) or PDF (the
 * printable sheet with the fingerprint and sign-off lines). Names come from the round's own
 * election definition; times are shown in the event's time zone.
 */
export async function buildCountReport(
  db: Db,
  request: { roundId: number; format: CountReportFormat },
  event: { name: string; timezone: string },
  now: Date,
  print: PdfPrinter = htmlToPdf,
): Promise<Result<CountReportFile, 'not_found' | 'wrong_state' | 'unavailable'>> {
  const archive = countArchive(db, request.roundId);
  if (!archive.ok) return archive;
  const row = getRoundRow(db, request.roundId);
  const definition = row ? roundDefinition(db, row) : null;
  const session = sessionOfRound(db, request.roundId);
  if (!definition || !session) return err('not_found', 'That round is not in this event.');
  const a = archive.value;
  const slug = a.roundLabel.normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/gu, '').slice(0, 60) || 'round';
  const base = { fileName: `count-sheet-${slug}.${request.format}`, mimeType: MIME[request.format], rowCount: a.sheets.length };
  if (request.format === 'csv') {
    const contest = (id: string) => definition.contests.find((c) => c.id === id);
    const names = (c: string, o: string) => {
      const option = contest(c)?.options.find((x) => x.id === o);
      return option ? `${option.symbol}. ${en(option.name)}` : o;
    };
    const titles = (c: string) => { const x = contest(c); return x ? en(x.title) : c; };
    return ok({ ...base, bytes: Buffer.from(`\ufeff${countCsv(a, names, titles)}`, 'utf8') });
  }
  const local = (iso: string) => localTime(iso, event.timezone);
  const html = countSheetHtml({ eventName: event.name, archive: a, contests: definition.contests, startedAt: local(session.startedAt), signedAt: local(a.signedAt), announcedAt: local(a.announcedAt), generatedAt: local(now.toISOString()) });
  try {
    return ok({ ...base, bytes: await print(html) });
  } catch (error) {
    const message = ((error as Error).message.split('\n')[0] ?? '').replace(/^(Badge|Attendance) PDFs/u, 'Count sheet PDFs');
    return err('unavailable', message || 'The PDF could not be made. Export the CSV instead.');
  }
}
