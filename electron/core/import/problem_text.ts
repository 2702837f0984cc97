/**
 * English sentences for import problems: each names the file, the row and the column, and
 * says what to do. The CLI prints them; screens build their own from the same code and place.
 */
import type { ImportProblem } from '../../contract';
import type { RawProblem } from './read_table';

/** The column's letter as a spreadsheet shows it (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** What a column is called: its header, or its letter when the header is blank. */
export function columnName(headers: readonly string[], index: number): string {
  return (headers[index] ?? '').trim() || columnLetter(index);
}

function quote(value: string | null): string {
  const text = value ?? '';
  return `“${text.length > 60 ? `${text.slice(0, 60)}…` : text}”`;
}

type Place = { file: string; row: number | null; column: string | null; lettered: boolean };

function where({ file, row, column, lettered }: Place): string {
  const columnText = column ? (lettered ? `column ${column}` : `column “${column}”`) : null;
  return [file, row ? `row ${row}` : null, columnText].filter(Boolean).join(', ');
}

const SENTENCES: Record<RawProblem['code'], (p: RawProblem, at: string) => string> = {
  empty_file: (_p, at) => `${at}: the file is empty. Choose the exported file again; if it really is empty, export the list again from the registration system.`,
  no_data_rows: (_p, at) => `${at}: there is a header row but no people under it. Export the list again with its rows, pick another sheet, or set the header row lower.`,
  binary_file: (p, at) => `${at}: this is not a list of people (${p.detail ?? 'binary data'}). Choose the CSV or Excel (.xlsx) export of the participant list.`,
  password_protected: (_p, at) => `${at}: the workbook is protected with a password. Open it in Excel, remove the password (File › Info › Protect Workbook › Encrypt with Password, then clear it), save, and import it again.`,
  legacy_xls: (_p, at) => `${at}: this is an Excel 97–2003 workbook (.xls). Open it in Excel and save it as "Excel Workbook (.xlsx)" or "CSV UTF-8", then import that file.`,
  unsupported_spreadsheet: (_p, at) => `${at}: this is an OpenDocument spreadsheet (.ods). Save it as .xlsx or CSV (UTF-8) and import that file.`,
  damaged_xlsx: (_p, at) => `${at}: the workbook is damaged or incomplete (it may have been cut off while copying). Copy or download it again, or open it in Excel and save it again.`,
  empty_sheet: (_p, at) => `${at}: this sheet is empty. Choose the sheet that holds the list of people.`,
  unclosed_quote: (_p, at) => `${at}: a quotation mark opens a value that is never closed, so the rest of the file would be read as one value. Add the closing quotation mark (or remove the stray one) and import the file again.`,
  no_name_column: (_p, at) => `${at}: no column is imported as a name. In the mapping, choose the column with the full name, or the family and given names.`,
  duplicate_target: (p, at) => `${at}: two columns are imported as the same field (${p.value ?? ''}). Set one of them to "Don't import".`,
  missing_name: (_p, at) => `${at}: this row has no name. Add the name in the file, or leave the row out.`,
  duplicate_id: (p, at) => `${at}: the id ${quote(p.value)} is also on row ${p.otherRow ?? '?'}. Give each person their own id, or delete the repeated row.`,
  same_person_twice: (p, at) => `${at}: this row and row ${p.otherRow ?? '?'} are the same person already in the event (${p.detail ?? 'same id, e-mail or name'}). Delete one of the two rows.`,
  extra_cells: (p, at) => `${at}: the row has more values than the header has columns (${quote(p.value)} is beyond the last one). A value probably holds an unquoted delimiter: put that value in quotation marks, or fix the row, and import again.`,
  bad_email: (p, at) => `${at}: ${quote(p.value)} is not an e-mail address. It is imported as written; correct it in the file or in the participant's details.`,
  unknown_country: (p, at) => `${at}: ${quote(p.value)} is not a country we know, so the person is imported without one. Write the country's name or ISO code (for example KR) in the file, or set it in the participant's details.`,
  unknown_category: (p, at) => `${at}: ${quote(p.value)} matches no category, so the person gets the default one. Choose the category for ${quote(p.value)} in the mapping.`,
  unknown_language: (p, at) => `${at}: ${quote(p.value)} is not a language we know and is left out. Write languages as names or ISO codes (for example en, fr).`,
  second_head: (p, at) => `${at}: this row is marked head of delegation ${quote(p.value)}, but row ${p.otherRow ?? '?'} already is. Only the first is made head; change it later in the delegations view.`,
};

/** A raw problem with its place named and its English sentence. */
export function describeProblem(problem: RawProblem, file: string, headers: readonly string[]): ImportProblem {
  const index = problem.columnIndex === null || problem.columnIndex < 0 ? null : problem.columnIndex;
  const column = index === null ? null : columnName(headers, index);
  const place: Place = { file, row: problem.row, column, lettered: index !== null && !(headers[index] ?? '').trim() };
  return {
    code: problem.code,
    severity: problem.severity,
    row: problem.row,
    column,
    value: problem.value === null ? null : problem.value.slice(0, 200),
    otherRow: problem.otherRow ?? null,
    message: SENTENCES[problem.code](problem, where(place)),
  };
}
