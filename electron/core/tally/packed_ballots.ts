/**
 * Ballots as typed arrays of option indexes: one flat Int32Array of marks plus offsets (the CSR
 * layout), so a million ballots cost two allocations and counting touches no strings. Option ids
 * are resolved once here; an unknown id is an expected failure, not a crash.
 */
import { err, ok, type Result } from '../../contract';
import { INVALID_BALLOT, type CastBallot, type TallyErrorCode } from './tally_types';

/** Ballots packed for counting: ballot b's marks are marks[offsets[b] .. offsets[b + 1]). */
export interface PackedBallots {
  readonly optionCount: number;
  readonly offsets: Int32Array;
  readonly marks: Int32Array;
  /** Ballots marked invalid by the count (they are not in offsets). */
  readonly invalid: number;
}

/** Packs cast ballots against the contest's options; fails on an option id the contest does not have. */
export function packBallots(options: readonly string[], ballots: Iterable<CastBallot>): Result<PackedBallots, TallyErrorCode> {
  const index = new Map<string, number>();
  options.forEach((id, i) => index.set(id, i));
  const builder = new PackedBallotsBuilder(options.length);
  let row = 0;
  const scratch: number[] = [];
  for (const ballot of ballots) {
    row++;
    if (ballot === INVALID_BALLOT) {
      builder.addInvalid();
      continue;
    }
    scratch.length = 0;
    for (const id of ballot) {
      const at = index.get(id);
      if (at === undefined) return err('unknown_option', `ballot ${row} names "${id}", which is not an option of this contest (options: ${options.join(', ')})`);
      scratch.push(at);
    }
    builder.add(scratch);
  }
  return ok(builder.build());
}

/** Grows packed ballots one ballot at a time, doubling its typed arrays (for readers and generators). */
export class PackedBallotsBuilder {
  private offsets: Int32Array<ArrayBuffer> = new Int32Array(1024);
  private marks: Int32Array<ArrayBuffer> = new Int32Array(4096);
  private count = 0;
  private used = 0;
  private invalid = 0;

  constructor(private readonly optionCount: number) {}

  /** Adds one ballot's option indexes in order. */
  add(choices: ArrayLike<number>): void {
    if (this.count + 2 > this.offsets.length) this.offsets = grow(this.offsets, this.offsets.length * 2);
    if (this.used + choices.length > this.marks.length) this.marks = grow(this.marks, Math.max(this.marks.length * 2, this.used + choices.length));
    for (let i = 0; i < choices.length; i++) this.marks[this.used++] = choices[i]!;
    this.count++;
    this.offsets[this.count] = this.used;
  }

  /** Counts one invalid ballot. */
  addInvalid(): void {
    this.invalid++;
  }

  /** The packed ballots (trimmed copies; the builder can be dropped). */
  build(): PackedBallots {
    return {
      optionCount: this.optionCount,
      offsets: this.offsets.slice(0, this.count + 1),
      marks: this.marks.slice(0, this.used),
      invalid: this.invalid,
    };
  }
}

function grow(a: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const next = new Int32Array(size);
  next.set(a);
  return next;
}

/** Number of (valid or blank) ballots in a pack. */
export function ballotCount(p: PackedBallots): number {
  return p.offsets.length - 1;
}
