/**
 * Delimited text parsed a slice at a time with papaparse's own parser, the way its streaming
 * mode does it: each slice ends at the last complete row and the rest is parsed again with the
 * next slice. A big file's first rows can then be checked and written while the rest is
 * still text, and the rows come out exactly as one whole-file parse would give them.
 */
import Papa from 'papaparse';

// About 3,000 rows of a registration export: small enough that writing starts at once.
const SLICE_CHARS = 512 * 1024;

export interface TextRowSlices {
  /** The next rows, or null once the whole text has been parsed. */
  next(): string[][] | null;
  /** After the last slice: the 0-based row whose quote is never closed, if any. */
  readonly unclosedQuoteRow: number | null;
  /** How much of the text has been parsed, from 0 to 1. */
  readonly share: number;
}

/** The line break papaparse would choose for the whole text (it looks at the first 1 MB). */
function lineBreakOf(text: string, delimiter: string): '\r' | '\n' | '\r\n' {
  const found = Papa.parse<string[]>(text.slice(0, 1024 * 1024), { delimiter, preview: 1 }).meta.linebreak;
  return found === '\r' || found === '\r\n' ? found : '\n';
}

export function textRowSlices(text: string, delimiter: string, sliceChars = SLICE_CHARS): TextRowSlices {
  const parser = new Papa.Parser({ delimiter, newline: lineBreakOf(text, delimiter) });
  let start = 0;
  let size = sliceChars;
  let rowsBefore = 0;
  let unclosedQuoteRow: number | null = null;
  return {
    next() {
      if (start >= text.length) return null;
      for (;;) {
        const end = Math.min(text.length, start + size);
        const last = end === text.length;
        // Not the last slice: the parser leaves out the row the slice cuts and says where it began.
        const result = parser.parse(text.slice(start, end), 0, !last) as Papa.ParseResult<string[]>;
        if (!last && result.data.length === 0) {
          size *= 2; // one row longer than a slice (a long quoted note, or a quote never closed)
          continue;
        }
        if (last) {
          const unclosed = result.errors.find((e) => e.code === 'MissingQuotes');
          if (unclosed?.row !== undefined) unclosedQuoteRow = rowsBefore + unclosed.row;
        }
        start = last ? text.length : start + result.meta.cursor;
        size = sliceChars;
        rowsBefore += result.data.length;
        return result.data;
      }
    },
    get unclosedQuoteRow() {
      return unclosedQuoteRow;
    },
    get share() {
      return text.length === 0 ? 1 : start / text.length;
    },
  };
}
