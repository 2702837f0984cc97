/**
 * Ranked matching of a query against a TokenIndex.
 *
 * Every query word must match (in any field, any form) for a document to be a result. A word
 * scores by how it matched (exact > prefix > phonetic > substring > one typo) times the weight of
 * the field it matched in; a document's score is the sum over the query's words. Scores live in
 * typed arrays indexed by document, reused between queries, so a query allocates almost nothing.
 */
import { forEachFuzzy } from './fuzzy_lookup';
import { FIELD, FIELD_WEIGHT, type QueryWord } from './search_keys';
import type { PostingSink, TokenIndex } from './token_index';

/** Points for each kind of match before the field weight; the order is the ranking policy. */
export const MATCH_SCORE = {
  exact: 100,
  /** A prefix scores between prefixMin and prefixMin + prefixSpan, more the more of the token it covers. */
  prefixMin: 60,
  prefixSpan: 20,
  phonetic: 45,
  substring: 35,
  typo: 25,
  typoPrefix: 20,
} as const;

/** Shortest query word matched from the middle of a token, with a typo, or as a typo'd prefix. */
export const MIN_LENGTH = { substring: 3, typo: 4, typoPrefix: 5 } as const;
/** Longest word tried with a typo: longer words would only slow typing down. */
const MAX_TYPO_LENGTH = 32;

const WEIGHTS = Float64Array.from(FIELD_WEIGHT);

/** Typo matching runs only for a word that found fewer documents than this without it. */
export const TYPOS_ONLY_BELOW = 25;

/**
 * Scores one query word into `sink` without typos: exact, prefix, phonetic and substring
 * matches, each token counted once at its best (the kinds are tried best first).
 */
export function matchWordExactly(index: TokenIndex, word: QueryWord, sink: PostingSink): void {
  index.newRound();
  const one = (points: number) => (id: number) => {
    if (id >= 0 && index.firstVisit(id)) index.accumulate(id, points, sink);
  };
  const total = index.sortedLength;
  for (const form of word.forms) one(MATCH_SCORE.exact)(index.exact(form));
  for (const form of word.forms) {
    const [lo, hi] = index.prefixRange(form, 0, total);
    index.accumulateRange(lo, hi, MATCH_SCORE.prefixMin, MATCH_SCORE.prefixSpan, form.length, sink);
  }
  if (word.skeleton) one(MATCH_SCORE.phonetic)(index.exact(word.skeleton));
  for (const form of word.forms) {
    if (form.length >= MIN_LENGTH.substring) index.forEachSubstring(form, one(MATCH_SCORE.substring));
  }
}

/** Adds the one-typo matches of a word (after matchWordExactly on the same index). */
export function matchWordTypos(index: TokenIndex, word: QueryWord, sink: PostingSink): void {
  const one = (id: number) => {
    if (index.firstVisit(id)) index.accumulate(id, MATCH_SCORE.typo, sink);
  };
  for (const form of word.forms) {
    if (form.length < MIN_LENGTH.typo || form.length > MAX_TYPO_LENGTH) continue;
    forEachFuzzy(index, form, false, one, () => undefined);
    if (form.length >= MIN_LENGTH.typoPrefix) {
      forEachFuzzy(index, form, true, () => undefined, (lo, hi) => index.accumulateRange(lo, hi, MATCH_SCORE.typoPrefix, 0, 0, sink));
    }
  }
}

/**
 * Scores one query word into `sink`. Typos are tried only when the word found few documents
 * as typed: "park" finding a thousand Parks need not also list the Marks, while "kovacevc",
 * which finds nobody, does find Kovačević.
 */
export function matchWord(index: TokenIndex, word: QueryWord, sink: PostingSink): void {
  matchWordExactly(index, word, sink);
  if (sink.touchedCount < TYPOS_ONLY_BELOW) matchWordTypos(index, word, sink);
}

/** Extra scoring a caller adds per query word (e.g. matches on organisation or country). */
export type WordExtra = (word: QueryWord, raise: (doc: number, score: number) => void) => void;

/**
 * The documents matching every word of a query, with their scores (same order, unsorted).
 * Views into the scorer's own arrays: read them before the next query.
 */
export interface ScoredDocs {
  docs: Int32Array;
  scores: Float64Array;
}

/** A sink over `capacity` documents in which every document is eligible (for group indexes). */
export function openSink(capacity: number): PostingSink {
  return {
    best: new Float64Array(capacity),
    hits: new Uint8Array(capacity),
    touched: new Int32Array(capacity),
    touchedCount: 0,
    word: 0,
    maxField: 15,
    weights: WEIGHTS,
  };
}

/** Scores queries over an index; owns scratch arrays sized to the number of documents. */
export class QueryScorer {
  private sink = openSink(0);
  private total = new Float64Array(0);
  private candidates = new Int32Array(0);
  private outDocs = new Int32Array(0);
  private outScores = new Float64Array(0);

  /**
   * Runs a query over one or more indexes of the same documents, names first (a one-letter word
   * searches only that one); `docCapacity` bounds the document numbers; documents whose `alive`
   * entry is 0 are left out.
   */
  run(indexes: readonly TokenIndex[], words: readonly QueryWord[], docCapacity: number, alive: Uint8Array, extra?: WordExtra): ScoredDocs {
    this.ensure(docCapacity);
    const sink = this.sink;
    const { best, hits, touched } = sink;
    const total = this.total;
    const docs = this.outDocs;
    const scores = this.outScores;
    let candidateCount = 0;
    let n = 0;
    const last = words.length - 1;
    words.forEach((word, w) => {
      sink.touchedCount = 0;
      sink.word = w;
      // A one-letter word is the start of a name being typed: only names count, not e-mail
      // domains or organisations, which would match nearly everyone.
      const namesOnly = word.forms.every((f) => f.length < 2);
      sink.maxField = namesOnly ? FIELD.alias : 15;
      const searched = namesOnly ? indexes.slice(0, 1) : indexes;
      for (const index of searched) matchWordExactly(index, word, sink);
      if (!namesOnly && extra) {
        extra(word, (doc, score) => {
          if (hits[doc] !== w) return;
          const was = best[doc] as number;
          if (was === 0) touched[sink.touchedCount++] = doc;
          if (score > was) best[doc] = score;
        });
      }
      if (sink.touchedCount < TYPOS_ONLY_BELOW) for (const index of searched) matchWordTypos(index, word, sink);
      if (w === last) {
        // The last word's documents matched every word: they are the answer, in one pass (a
        // word typed so far can match all 100,000 people). Earlier words' marks are cleared below.
        for (let i = 0; i < sink.touchedCount; i++) {
          const doc = touched[i] as number;
          const points = best[doc] as number;
          if (points === 0) continue; // listed twice (never with positive weights): once is enough
          if (alive[doc] !== 0) {
            docs[n] = doc;
            scores[n++] = (total[doc] as number) + points;
          }
          best[doc] = 0;
        }
        return;
      }
      for (let i = 0; i < sink.touchedCount; i++) {
        const doc = touched[i] as number;
        total[doc] = (total[doc] as number) + (best[doc] as number);
        best[doc] = 0;
        hits[doc] = w + 1;
        if (w === 0) this.candidates[candidateCount++] = doc;
      }
    });
    // Results go into reused arrays: the answer is valid until the next run.
    for (let i = 0; i < candidateCount; i++) {
      const doc = this.candidates[i] as number;
      hits[doc] = 0;
      total[doc] = 0;
    }
    return { docs: docs.subarray(0, n), scores: scores.subarray(0, n) };
  }

  private ensure(capacity: number): void {
    if (this.total.length >= capacity) return;
    const size = Math.max(capacity, this.total.length * 2, 1024);
    this.sink = openSink(size);
    this.total = new Float64Array(size);
    this.candidates = new Int32Array(size);
    this.outDocs = new Int32Array(size);
    this.outScores = new Float64Array(size);
  }
}
