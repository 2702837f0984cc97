import { err, ok, type CountArchive, type LocalizedText, type Result } from '../../contract';
import type { Db } from '../db/connection';
import { getRoundRow, roundDefinition } from '../voting';
import { countArchive } from './count_extras';

/** A cell as a spreadsheet must not run it: text starting =, +, -, @, tab or CR gets a leading quote. */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/u.test(text)) text = `'${text}`;
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

/** The CSV report of a round, named after it. */
export function countReport(db: Db, roundId: number): Result<{ fileName: string; mime: string; text: string }, 'not_found' | 'wrong_state'> {
  const archive = countArchive(db, roundId);
  if (!archive.ok) return archive;
  const row = getRoundRow(db, roundId);
  const definition = row ? roundDefinition(db, row) : null;
  if (!definition) return err('not_found', 'That round is not in this event.');
  const contest = (id: string) => definition.contests.find((c) => c.id === id);
  const names = (c: string, o: string) => {
    const option = contest(c)?.options.find((x) => x.id === o);
    return option ? `${option.symbol}. ${en(option.name)}` : o;
  };
  const titles = (c: string) => { const x = contest(c); return x ? en(x.title) : c; };
  const slug = archive.value.roundLabel.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/gu, '').slice(0, 60) || 'round';
  return ok({ fileName: `count-sheet-${slug}.csv`, mime: 'text/csv', text: `\ufeff${countCsv(archive.value, names, titles)}` });
}
