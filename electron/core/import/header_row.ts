/**
 * Finds the header row. Secretariat spreadsheets open with a title ("2026 International
 * Election Forum – participants", merged across the sheet), a date line or a blank row; the
 * header is the first row that names several known columns, or failing that the first row
 * as wide as the data below it.
 */
import { classifyHeader } from './suggest_mapping';

const SCAN_ROWS = 30;

function filled(row: readonly string[] | undefined): number {
  let n = 0;
  for (const cell of row ?? []) if (cell.trim() !== '') n++;
  return n;
}

/** Scores a row as a header: known column names count most, plain text cells a little. */
function headerScore(row: readonly string[]): number {
  let known = 0;
  let text = 0;
  for (const cell of row) {
    const value = cell.trim();
    if (!value) continue;
    if (classifyHeader(value) !== null) known++;
    if (!/^[\d\s.,:/+-]+$/u.test(value) && !value.includes('@')) text++;
  }
  return known * 3 + text;
}

/** The 0-based index of the header row, or null when the table has no non-empty row. */
export function findHeaderRow(rows: readonly (readonly string[])[]): number | null {
  const limit = Math.min(rows.length, SCAN_ROWS);
  let widest = 0;
  for (let i = 0; i < limit; i++) widest = Math.max(widest, filled(rows[i]));
  if (widest === 0) {
    const first = rows.findIndex((r) => filled(r) > 0);
    return first >= 0 ? first : null;
  }
  let best: number | null = null;
  let bestScore = -1;
  for (let i = 0; i < limit; i++) {
    const row = rows[i]!;
    const n = filled(row);
    // A title row fills one or two cells of a wide table; a header fills most of it.
    if (n === 0 || (widest >= 3 && n < Math.max(2, Math.ceil(widest * 0.5)))) continue;
    const score = headerScore(row);
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  return best ?? rows.findIndex((r) => filled(r) > 0);
}
