/**
 * One-typo matching (Damerau–Levenshtein distance 1) over the sorted tokens of a TokenIndex.
 *
 * Instead of measuring the distance from the query to every token, the few shapes a single typo
 * can take are looked up directly: a letter left out (deletion), two letters swapped
 * (transposition), a wrong letter (substitution) or an extra letter (insertion). For the last
 * two the "any letter" at position i is enumerated from the sorted tokens themselves, by jumping
 * from one distinct next letter to the next, and only within the query letter's own script, so
 * the cost is a few hundred binary searches whatever the index size.
 */
import type { TokenIndex } from './token_index';

const MAX_CHAR = '\uffff';

/** The code-unit range of letters that can replace `ch` in a typo: same script, or none. */
function typoRange(ch: number): [number, number] | null {
  if (ch >= 0x30 && ch <= 0x7a) return [0x30, 0x7a]; // ASCII digits and letters
  if (ch >= 0x370 && ch <= 0x3ff) return [0x370, 0x3ff]; // Greek
  if (ch >= 0x400 && ch <= 0x52f) return [0x400, 0x52f]; // Cyrillic
  if (ch >= 0x590 && ch <= 0x6ff) return [0x590, 0x6ff]; // Hebrew, Arabic
  if (ch >= 0xe00 && ch <= 0xe7f) return [0xe00, 0xe7f]; // Thai
  if (ch >= 0x3131 && ch <= 0x318e) return [0x3131, 0x318e]; // Hangul jamo (folded syllables)
  return null;
}

/**
 * Finds the tokens within one typo of `query`. In prefix mode a token matches when one of its
 * prefixes is within one typo (for as-you-type queries), and matches come as ranges of sorted
 * positions (`onRange`); otherwise the whole token must be, and matches come as ids (`onId`).
 * A token may be reported more than once; callers count each once per round.
 */
export function forEachFuzzy(
  index: TokenIndex,
  query: string,
  prefixMode: boolean,
  onId: (id: number) => void,
  onRange: (lo: number, hi: number) => void,
): void {
  const total = index.sortedLength;
  const take = (pattern: string, from: number, to: number) => {
    if (prefixMode) {
      const [lo, hi] = index.prefixRange(pattern, from, to);
      if (lo < hi) onRange(lo, hi);
    } else {
      const id = index.exact(pattern);
      if (id >= 0) onId(id);
    }
  };
  const m = query.length;
  for (let i = 0; i < m; i++) {
    const head = query.slice(0, i);
    // Deletion: the token lacks query[i].
    take(head + query.slice(i + 1), 0, total);
    // Transposition of query[i] and query[i + 1].
    if (i + 1 < m && query[i] !== query[i + 1]) take(head + query.charAt(i + 1) + query.charAt(i) + query.slice(i + 2), 0, total);
    const range = typoRange(query.charCodeAt(i));
    if (!range) continue;
    const [lo, hi] = index.prefixRange(head, 0, total);
    // Substitution (the token has another letter at i) and insertion (an extra letter before i).
    eachNextLetter(index, head, range, lo, hi, (c, from, to) => {
      if (c !== query[i]) take(head + c + query.slice(i + 1), from, to);
      take(head + c + query.slice(i), from, to);
    });
  }
  if (!prefixMode) {
    // An extra letter at the very end (in prefix mode every extension is a plain prefix match).
    const range = typoRange(query.charCodeAt(m - 1));
    if (range) {
      const [lo, hi] = index.prefixRange(query, 0, total);
      eachNextLetter(index, query, range, lo, hi, (c) => take(query + c, 0, total));
    }
  }
}

/**
 * Enumerates the distinct letters (within `range`) that follow `head` among the tokens in
 * sorted positions [lo, hi), with the sub-range of tokens continuing with each letter.
 */
function eachNextLetter(
  index: TokenIndex,
  head: string,
  range: [number, number],
  lo: number,
  hi: number,
  each: (letter: string, from: number, to: number) => void,
): void {
  let pos = index.lowerBound(head + String.fromCharCode(range[0]), lo, hi);
  const end = index.lowerBound(head + String.fromCharCode(range[1] + 1), pos, hi);
  while (pos < end) {
    const letter = index.text(index.idAt(pos)).charAt(head.length);
    const next = index.lowerBound(head + letter + MAX_CHAR, pos, end);
    each(letter, pos, next);
    pos = next;
  }
}
