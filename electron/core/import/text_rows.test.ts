import Papa from 'papaparse';
import { expect, test } from 'vitest';
import { textRowSlices } from './text_rows';

/** Every slice joined, for comparison with one whole-text parse. */
function allRows(text: string, delimiter: string, sliceChars: number): { rows: string[][]; slices: number; unclosed: number | null } {
  const reader = textRowSlices(text, delimiter, sliceChars);
  const rows: string[][] = [];
  let slices = 0;
  for (let slice = reader.next(); slice; slice = reader.next()) {
    slices++;
    rows.push(...slice);
  }
  expect(reader.share).toBe(1);
  return { rows, slices, unclosed: reader.unclosedQuoteRow };
}

function wholeParse(text: string, delimiter: string): { rows: string[][]; unclosed: number | null } {
  const parsed = Papa.parse<string[]>(text, { delimiter });
  return { rows: parsed.data, unclosed: parsed.errors.find((e) => e.code === 'MissingQuotes')?.row ?? null };
}

/** Rows with what cuts a naive split: quoted delimiters, quoted line breaks, doubled quotes, empty lines. */
function trickyText(lineBreak: string, delimiter: string, rows: number): string {
  const lines = [['ID', 'Name', 'Notes'].join(delimiter)];
  for (let i = 0; i < rows; i++) {
    const notes = ['', `"needs${delimiter} ramp"`, `"line one${lineBreak}line two"`, '"he said ""hi"""', '김민준 Núñez'][i % 5]!;
    lines.push([`R-${i}`, `Person ${i}`, notes].join(delimiter));
    if (i % 17 === 0) lines.push('');
  }
  return lines.join(lineBreak) + lineBreak;
}

test.each([
  ['\r\n', ','],
  ['\n', ';'],
  ['\r', '\t'],
])('slices of any size give exactly the rows of one whole parse (line break %j, delimiter %j)', (lineBreak, delimiter) => {
  const text = trickyText(lineBreak, delimiter, 400);
  const whole = wholeParse(text, delimiter);
  for (const size of [1, 7, 64, 333, 4096, 1 << 20]) {
    const sliced = allRows(text, delimiter, size);
    expect(sliced.rows, `slices of ${size}`).toEqual(whole.rows);
    expect(sliced.unclosed).toBeNull();
    if (size === 333) expect(sliced.slices).toBeGreaterThan(20);
  }
});

test('a quote never closed is found in the last slice, at its row in the whole text', () => {
  const text = `${trickyText('\n', ',', 200)}R-x,"never closed,then\nmore rows,after,it\n`;
  const whole = wholeParse(text, ',');
  expect(whole.unclosed).not.toBeNull();
  for (const size of [5, 100, 2048]) {
    const sliced = allRows(text, ',', size);
    expect(sliced.rows).toEqual(whole.rows);
    expect(sliced.unclosed).toBe(whole.unclosed);
  }
});

test('a row longer than a slice is read whole, and an empty text has no rows', () => {
  const long = `"${'x'.repeat(10_000)}\n${'y'.repeat(5_000)}"`;
  const text = `A,B\n1,${long}\n2,short\n`;
  expect(allRows(text, ',', 64).rows).toEqual(wholeParse(text, ',').rows);
  expect(allRows('', ',', 64)).toEqual({ rows: [], slices: 0, unclosed: null });
});
