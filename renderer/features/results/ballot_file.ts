/**
 * Checks on a ballot-records file before it is sent to the host: a CSV (by name or type), at most
 * the contract's 200 KB, and text rather than a renamed PDF, spreadsheet or image. Each refusal is
 * a catalogue key with its values, so the presenter reads it in the console's language.
 */

/** The most text `count.loadBallots` takes: its `csv` field holds at most 200,000 characters. */
export const MAX_BALLOT_TEXT_CHARS = 200_000;
/**
 * The largest file worth reading: 200,000 characters are at most 800,000 bytes of UTF-8 (Hangul
 * takes three bytes a character), so a file the host would take is never refused by its size.
 */
export const MAX_BALLOT_FILE_BYTES = 4 * MAX_BALLOT_TEXT_CHARS;

/** A refusal: the catalogue key under `countShow.load.problem` and its values. */
export interface BallotFileProblem {
  readonly key: 'notCsv' | 'tooBig' | 'empty' | 'notText';
  readonly values?: Record<string, string | number>;
}

/** Checks a chosen file's name, type and size (before reading it). */
export function checkBallotFile(file: { name: string; type: string; size: number }): BallotFileProblem | null {
  const csvName = /\.(csv|txt)$/iu.test(file.name);
  const csvType = file.type === 'text/csv' || file.type === 'text/plain' || file.type === 'application/vnd.ms-excel';
  if (!csvName && !csvType) return { key: 'notCsv', values: { name: file.name } };
  if (file.size > MAX_BALLOT_FILE_BYTES) return { key: 'tooBig', values: { size: Math.ceil(file.size / 1000), max: MAX_BALLOT_TEXT_CHARS / 1000 } };
  if (file.size === 0) return { key: 'empty' };
  return null;
}

// Signatures of files that are often renamed .csv by mistake, as they read once decoded as UTF-8:
// PDF and ZIP (XLSX) keep their ASCII start; OLE (XLS), PNG and JPEG start with bytes that are not
// UTF-8, which decode to U+FFFD (counted below) beside their NULs.
const BINARY_STARTS = ['%PDF', 'PK\u0003\u0004'];

/** Checks the text read from the file: not a binary file, not blank, within the contract's limit. */
export function checkBallotText(text: string): BallotFileProblem | null {
  // eslint-disable-next-line no-control-regex -- a NUL is the mark of a binary file
  if (BINARY_STARTS.some((s) => text.startsWith(s)) || /\u0000/u.test(text) || (text.match(/\ufffd/gu)?.length ?? 0) > 3) return { key: 'notText' };
  if (text.trim() === '') return { key: 'empty' };
  if (text.length > MAX_BALLOT_TEXT_CHARS) return { key: 'tooBig', values: { size: Math.ceil(text.length / 1000), max: MAX_BALLOT_TEXT_CHARS / 1000 } };
  return null;
}

/** A title from the file name ("seoul_mayor_2022.csv" → "seoul mayor 2022"), cut to the contract's 120. */
export function titleFromFileName(name: string): string {
  return name.replace(/\.[^.]+$/u, '').replace(/[_]+/gu, ' ').trim().slice(0, 120);
}
