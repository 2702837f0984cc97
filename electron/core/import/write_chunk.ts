/**
 * Rows to write, packed to cross to the writer thread cheaply: every text of a chunk joined
 * into one string with each one's length beside it, and the numbers in a typed array. One
 * long string and two buffers copy in a few milliseconds; 100,000 rows as objects or arrays
 * measured several hundred (structured clone makes every value anew).
 */
import { COLUMN, COLUMN_COUNT, emptyWriteRow, type WriteRow } from './write_session';

/** A packed chunk. `lengths` holds -1 for a null text. */
export interface WriteChunk {
  readonly count: number;
  readonly text: string;
  readonly lengths: Int32Array;
  readonly numbers: Float64Array;
}

// Every column but the delegation id is text (or null); the delegation's name is the last text.
const TEXT_COLUMNS = Object.values(COLUMN).filter((c) => c !== COLUMN.delegationId);
const TEXTS = TEXT_COLUMNS.length + 1;
// kind, row, existing id, flags, delegation id (NaN for none).
const NUMBERS = 5;
const RESTORED = 1;
const HEAD = 2;
const RESOLVE = 4;

/** Collects rows into chunks. */
export class WriteChunkPacker {
  private parts: string[] = [];
  private lengths: number[] = [];
  private numbers: number[] = [];
  private count = 0;

  /** Rows waiting to be taken. */
  get size(): number {
    return this.count;
  }

  /** Adds a copy of the row's values. */
  add(r: WriteRow): void {
    for (const c of TEXT_COLUMNS) this.text(r.columns[c] as string | null);
    this.text(r.delegationName);
    const flags = (r.restored ? RESTORED : 0) | (r.isHead ? HEAD : 0) | (r.resolveDelegation ? RESOLVE : 0);
    this.numbers.push(r.kind, r.row, r.existingId, flags, r.delegationId ?? Number.NaN);
    this.count++;
  }

  /** The rows added since the last call, packed. */
  take(): WriteChunk {
    const chunk: WriteChunk = { count: this.count, text: this.parts.join(''), lengths: Int32Array.from(this.lengths), numbers: Float64Array.from(this.numbers) };
    this.parts = [];
    this.lengths = [];
    this.numbers = [];
    this.count = 0;
    return chunk;
  }

  private text(value: string | null): void {
    if (value === null || value === undefined) {
      this.lengths.push(-1);
      return;
    }
    this.lengths.push(value.length);
    if (value.length) this.parts.push(value);
  }
}

/** Calls `each` with every row of the chunk, in order, in one reused row. */
export function unpackWriteChunk(chunk: WriteChunk, each: (row: WriteRow) => void): void {
  const { text, lengths, numbers } = chunk;
  if (lengths.length !== chunk.count * TEXTS || numbers.length !== chunk.count * NUMBERS) {
    throw new Error('a write chunk does not add up: it was packed by another version');
  }
  const r = emptyWriteRow();
  let offset = 0;
  let t = 0;
  const next = (): string | null => {
    const length = lengths[t++]!;
    if (length < 0) return null;
    const value = text.slice(offset, offset + length);
    offset += length;
    return value;
  };
  for (let i = 0; i < chunk.count; i++) {
    for (const c of TEXT_COLUMNS) r.columns[c] = next();
    r.delegationName = next();
    const n = i * NUMBERS;
    r.kind = numbers[n] as WriteRow['kind'];
    r.row = numbers[n + 1]!;
    r.existingId = numbers[n + 2]!;
    const flags = numbers[n + 3]!;
    r.restored = (flags & RESTORED) !== 0;
    r.isHead = (flags & HEAD) !== 0;
    r.resolveDelegation = (flags & RESOLVE) !== 0;
    const delegationId = numbers[n + 4]!;
    r.delegationId = Number.isNaN(delegationId) ? null : delegationId;
    r.columns[COLUMN_COUNT] = null;
    each(r);
  }
  if (offset !== text.length) throw new Error('a write chunk does not add up: it was packed by another version');
}
