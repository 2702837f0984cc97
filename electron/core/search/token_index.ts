/**
 * An in-memory inverted index of folded tokens, built for typing speed over 100,000 people.
 *
 * Each distinct token is stored once with its postings: `doc * 16 + field`, so a posting says
 * who has the token and in which field (which sets its weight). Tokens are kept in code-unit
 * order, so a prefix is a binary-searched range; tokens that allow substring matching are also
 * listed under each of their trigrams. One-typo matching walks the sorted tokens by pattern
 * (see fuzzy_lookup.ts) instead of comparing the query against every token.
 *
 * During the bulk load postings are appended to growing typed arrays; `seal` sorts the tokens,
 * renumbers them in that order and packs their postings into one pool, so a prefix range is a
 * run of consecutive ids whose postings lie side by side. Later edits copy just the touched
 * lists out into ordinary arrays: the index stays current without being rebuilt for an edit.
 */

import { sortDistinctStrings } from './sort_strings';
import { TrigramIndex } from './trigram_index';

/** How many field codes a posting can carry (4 bits). */
export const FIELD_SLOTS = 16;
const MAX_CHAR = '\uffff';
const EMPTY = new Int32Array(0);

/**
 * Where scoring adds up: per document the best points of the current query word. A posting
 * counts only if its field is at most `maxField` and its document matched every earlier word
 * (`hits[doc] === word`). Typed arrays and plain loops: this is the hot path of every keystroke.
 */
export interface PostingSink {
  best: Float64Array;
  hits: Uint8Array;
  touched: Int32Array;
  touchedCount: number;
  word: number;
  maxField: number;
  weights: Float64Array;
}

export class TokenIndex {
  private readonly ids = new Map<string, number>();
  private texts: string[] = [];
  /** Postings not (or no longer) in the packed pool. */
  private lists: Array<number[] | undefined> = [];
  private lengths = new Int32Array(1024);
  private pool = EMPTY;
  private poolStart = EMPTY;
  private poolLength = EMPTY;
  private substringOk = new Uint8Array(1024);
  private readonly trigrams = new TrigramIndex();
  /** Token ids in code-unit order of their text (valid once sealed), in the first sortedCount slots. */
  private sorted = EMPTY;
  private sortedCount = 0;
  private sealed = false;
  /** Bulk-load postings before sealing: token id and posting, pair by pair. */
  private bulkTokens = new Int32Array(1 << 16);
  private bulkPostings = new Int32Array(1 << 16);
  private bulkCount = 0;
  private stamps = new Int32Array(1024);
  private epoch = 0;

  /** Records that `doc` has `token` in `field`; `substring` lets it match from the middle too. */
  add(doc: number, token: string, field: number, substring: boolean): void {
    let id = this.ids.get(token);
    if (id === undefined) {
      id = this.texts.length;
      this.ids.set(token, id);
      this.texts.push(token);
      if (this.sealed) this.lists.push([]);
      if (id >= this.substringOk.length) this.substringOk = grow(this.substringOk, id + 1);
      if (id >= this.lengths.length) this.lengths = grow(this.lengths, id + 1);
      this.lengths[id] = token.length;
      if (this.sealed) this.insertSorted(id, token);
    }
    if (this.sealed) {
      this.ownList(id).push(doc * FIELD_SLOTS + field);
    } else {
      if (this.bulkCount === this.bulkTokens.length) {
        this.bulkTokens = grow(this.bulkTokens, this.bulkCount + 1);
        this.bulkPostings = grow(this.bulkPostings, this.bulkCount + 1);
      }
      this.bulkTokens[this.bulkCount] = id;
      this.bulkPostings[this.bulkCount++] = doc * FIELD_SLOTS + field;
    }
    if (substring && token.length >= 3 && this.substringOk[id] === 0) {
      this.substringOk[id] = 1;
      if (this.sealed) this.trigrams.add(id, token);
    }
  }

  /** Forgets `doc` under each of the given tokens (the ones it was added with). */
  removeDoc(doc: number, tokens: Iterable<string>): void {
    this.seal(); // removal happens after the bulk load; sealing first keeps one code path
    for (const token of tokens) {
      const id = this.ids.get(token);
      if (id === undefined) continue;
      const list = this.ownList(id);
      let w = 0;
      for (let r = 0; r < list.length; r++) {
        const p = list[r] as number;
        if (p >>> 4 !== doc) list[w++] = p;
      }
      list.length = w;
    }
  }

  /** Sorts the tokens and packs postings and trigram lists after a bulk load. */
  seal(): void {
    if (this.sealed) return;
    // Renumber the tokens in sorted order (see the top of the file).
    const texts = sortDistinctStrings(this.texts);
    const n = texts.length;
    const renumber = new Int32Array(n);
    const lengths = new Int32Array(Math.max(n, 1024));
    const substringOk = new Uint8Array(Math.max(n, 1024));
    texts.forEach((text, id) => {
      const old = this.ids.get(text) as number;
      renumber[old] = id;
      lengths[id] = text.length;
      substringOk[id] = this.substringOk[old] as number;
      this.ids.set(text, id);
    });
    this.texts = texts;
    this.lengths = lengths;
    this.substringOk = substringOk;
    this.sorted = Int32Array.from({ length: n }, (_, i) => i);
    this.sortedCount = n;
    // Counting sort of the bulk pairs by new token id: the pool, postings in insertion order.
    this.poolStart = new Int32Array(n);
    this.poolLength = new Int32Array(n);
    for (let i = 0; i < this.bulkCount; i++) {
      const id = renumber[this.bulkTokens[i] as number] as number;
      this.bulkTokens[i] = id;
      this.poolLength[id] = (this.poolLength[id] as number) + 1;
    }
    let at = 0;
    for (let id = 0; id < n; id++) {
      this.poolStart[id] = at;
      at += this.poolLength[id] as number;
    }
    this.pool = new Int32Array(this.bulkCount);
    const fill = Int32Array.from(this.poolStart);
    for (let i = 0; i < this.bulkCount; i++) {
      const id = this.bulkTokens[i] as number;
      this.pool[fill[id] as number] = this.bulkPostings[i] as number;
      fill[id] = (fill[id] as number) + 1;
    }
    this.bulkTokens = EMPTY;
    this.bulkPostings = EMPTY;
    this.bulkCount = 0;
    this.lists = new Array<number[] | undefined>(n);
    this.trigrams.pack(this.substringTokens());
    this.sealed = true;
  }

  /** The text of a token id. */
  text(id: number): string {
    return this.texts[id] ?? '';
  }

  /** Scores every posting of one token with `points` (times its field's weight) into `sink`. */
  accumulate(id: number, points: number, sink: PostingSink): void {
    const { best, hits, touched, word, maxField, weights } = sink;
    let count = sink.touchedCount;
    const list = this.lists[id];
    const source: ArrayLike<number> = list ?? this.pool;
    const start = list ? 0 : (this.poolStart[id] as number);
    const end = list ? list.length : start + (this.poolLength[id] as number);
    for (let i = start; i < end; i++) {
      const p = source[i] as number;
      const field = p & (FIELD_SLOTS - 1);
      if (field > maxField) continue;
      const doc = p >>> 4;
      if (hits[doc] !== word) continue;
      const score = points * (weights[field] as number);
      const was = best[doc] as number;
      if (was === 0) touched[count++] = doc;
      if (score > was) best[doc] = score;
    }
    sink.touchedCount = count;
  }

  /**
   * Scores the tokens at sorted positions [lo, hi) that are new this round. With `fullLength`
   * > 0 the points grow with how much of the token the query covers (prefix matches: `points`
   * at none, `points + span` when whole); otherwise every token gets `points`.
   */
  accumulateRange(lo: number, hi: number, points: number, span: number, fullLength: number, sink: PostingSink): void {
    const { sorted, stamps, epoch, lengths, lists, pool, poolStart, poolLength } = this;
    const { best, hits, touched, word, maxField, weights } = sink;
    let count = sink.touchedCount;
    for (let pos = lo; pos < hi; pos++) {
      const id = sorted[pos] as number;
      if (stamps[id] === epoch) continue;
      stamps[id] = epoch;
      const tokenPoints = fullLength > 0 ? points + (span * fullLength) / (lengths[id] as number) : points;
      // The loop of `accumulate`, inlined: a prefix range can hold 100,000 tokens.
      const list = lists[id];
      const source: ArrayLike<number> = list ?? pool;
      const start = list ? 0 : (poolStart[id] as number);
      const end = list ? list.length : start + (poolLength[id] as number);
      for (let i = start; i < end; i++) {
        const p = source[i] as number;
        const field = p & (FIELD_SLOTS - 1);
        if (field > maxField) continue;
        const doc = p >>> 4;
        if (hits[doc] !== word) continue;
        const score = tokenPoints * (weights[field] as number);
        const was = best[doc] as number;
        if (was === 0) touched[count++] = doc;
        if (score > was) best[doc] = score;
      }
    }
    sink.touchedCount = count;
  }

  /** The id of a token, or -1. */
  exact(token: string): number {
    return this.ids.get(token) ?? -1;
  }

  /** Starts a new lookup round: `firstVisit` answers true once per token id per round. */
  newRound(): void {
    if (this.stamps.length < this.texts.length) {
      this.stamps = new Int32Array(Math.max(this.texts.length * 2, 1024));
      this.epoch = 0;
    }
    this.epoch++;
  }

  /** True the first time a token id is seen in this round (so each token counts once, at its best). */
  firstVisit(id: number): boolean {
    if (this.stamps[id] === this.epoch) return false;
    this.stamps[id] = this.epoch;
    return true;
  }

  /** Calls `visit` for every token that contains `part` but does not start with it (part ≥ 3 chars). */
  forEachSubstring(part: string, visit: (id: number) => void): void {
    if (part.length < 3) return;
    const candidates = this.trigrams.candidates(part);
    for (let i = 0; i < candidates.length; i++) {
      const id = candidates[i] as number;
      const text = this.texts[id] as string;
      if (text.length > part.length && !text.startsWith(part) && text.includes(part)) visit(id);
    }
  }

  /** [lo, hi) sorted positions of the tokens starting with `prefix`, searched within [from, to). */
  prefixRange(prefix: string, from: number, to: number): [number, number] {
    const lo = this.lowerBound(prefix, from, to);
    return [lo, this.lowerBound(prefix + MAX_CHAR, lo, to)];
  }

  /** The token id at a sorted position. */
  idAt(pos: number): number {
    return this.sorted[pos] as number;
  }

  /** Number of sorted positions (equals size once sealed). */
  get sortedLength(): number {
    return this.sortedCount;
  }

  /** First sorted position in [from, to) whose token is not less than `text`. */
  lowerBound(text: string, from: number, to: number): number {
    let lo = from;
    let hi = to;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.texts[this.sorted[mid] as number] as string) < text) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** A token's postings as an ordinary array, copied out of the pool on first change. */
  private ownList(id: number): number[] {
    let list = this.lists[id];
    if (!list) {
      const start = this.poolStart[id] as number;
      list = Array.from(this.pool.subarray(start, start + (this.poolLength[id] as number)));
      this.lists[id] = list;
    }
    return list;
  }

  private insertSorted(id: number, token: string): void {
    if (this.sortedCount === this.sorted.length) this.sorted = grow(this.sorted, this.sortedCount + 1);
    const pos = this.lowerBound(token, 0, this.sortedCount);
    this.sorted.copyWithin(pos + 1, pos, this.sortedCount);
    this.sorted[pos] = id;
    this.sortedCount++;
  }

  private *substringTokens(): Generator<[number, string]> {
    for (let id = 0; id < this.texts.length; id++) if (this.substringOk[id] === 1) yield [id, this.texts[id] as string];
  }
}

/** A typed array with room for at least `min` elements (doubling). */
function grow<T extends Int32Array | Uint8Array>(array: T, min: number): T {
  const next = new (array.constructor as new (n: number) => T)(Math.max(min, array.length * 2, 1024));
  next.set(array);
  return next;
}
