/**
 * What a person is findable by: the search keys derived from their record. Keys carry the
 * field they came from, which decides their weight in the ranking (a name counts more than an
 * e-mail, which counts more than an organisation).
 */
import { koreanNameKeys, koreanQueryForms } from './korean_names';
import { asciiWords, cleanText, consonantSkeleton, foldNative, icaoWords, isAscii, splitWords } from './text_fold';

/** Where a key came from; stored in each posting. Name fields come first (see ranked_search). */
export const FIELD = {
  family: 0,
  given: 1,
  display: 2,
  native: 3,
  /** Transliterations, romanisations, passport spellings, name orders joined. */
  alias: 4,
  /** Consonant skeletons (mhmd) for names with many spellings. */
  skeleton: 5,
  email: 6,
  externalId: 7,
  organisation: 8,
  delegation: 9,
  country: 10,
} as const;
export type FieldCode = (typeof FIELD)[keyof typeof FIELD];

/** Weight of each field code in the ranking: names first, then ids, then groups. */
export const FIELD_WEIGHT: readonly number[] = [1, 1, 0.98, 1, 0.92, 0.6, 0.8, 0.85, 0.5, 0.6, 0.55];

/** One search key of a record. */
export interface SearchKey {
  token: string;
  field: FieldCode;
  /** Whether the key may match from its middle (names, e-mail); joined forms may not. */
  substring: boolean;
}

/** The parts of a person that search looks at. */
export interface PersonSearchText {
  familyName: string;
  givenName: string;
  displayName: string;
  nativeName: string;
  email: string;
  externalId: string | null;
}

/** Receives each key of a record once: its token, field and whether it may match mid-token. */
export type KeySink = (token: string, field: FieldCode, substring: boolean) => void;

/**
 * Collects keys, keeping for each token the weightiest field it appears in. One instance is
 * reused for every person (indexing 100,000 people should not make 100,000 maps).
 */
class KeySet {
  private readonly keys = new Map<string, number>();

  add(token: string, field: FieldCode, substring: boolean): void {
    if (!token) return;
    const existing = this.keys.get(token);
    const packed = field | (substring ? 16 : 0);
    if (existing === undefined) {
      this.keys.set(token, packed);
    } else {
      const keep = (FIELD_WEIGHT[field] as number) > (FIELD_WEIGHT[existing & 15] as number) ? field : existing & 15;
      this.keys.set(token, keep | ((existing | packed) & 16));
    }
  }

  /** Hands every key to `sink` and empties the set. */
  drain(sink: KeySink): void {
    for (const [token, packed] of this.keys) sink(token, (packed & 15) as FieldCode, (packed & 16) !== 0);
    this.keys.clear();
  }
}

const scratch = new KeySet();

/** Folded words of a text, plus each hyphenated or dotted word joined (Min-jun → min, jun, minjun). */
export function foldedWords(text: string): string[] {
  const words: string[] = [];
  for (const chunk of foldNative(text).split(/\s+/u)) {
    const parts = splitWords(chunk);
    words.push(...parts);
    if (parts.length > 1) words.push(parts.join(''));
  }
  return words;
}

/** A name part's keys before they are tied to a field: its own words, Latin forms, skeletons. */
interface NamePartKeys {
  own: string[];
  latin: string[];
  skeletons: string[];
}

// Names repeat (Kim, García, Mohamed): the work for a name part is done once and kept.
const namePartCache = new Map<string, NamePartKeys>();
const NAME_PART_CACHE_CAP = 100_000;

function namePartKeys(text: string): NamePartKeys {
  let keys = namePartCache.get(text);
  if (keys) return keys;
  const own = foldedWords(text);
  const latin = isAscii(text) ? [] : [...asciiWords(text), ...icaoWords(text)];
  const skeletons: string[] = [];
  for (const w of isAscii(text) ? own : latin) {
    const skeleton = consonantSkeleton(w);
    if (skeleton) skeletons.push(skeleton);
  }
  keys = { own, latin, skeletons };
  if (namePartCache.size >= NAME_PART_CACHE_CAP) namePartCache.clear();
  namePartCache.set(text, keys);
  return keys;
}

function addName(set: KeySet, text: string, field: FieldCode): void {
  if (!text) return;
  const { own, latin, skeletons } = namePartKeys(text);
  for (const w of own) set.add(w, field, true);
  for (const w of latin) set.add(w, FIELD.alias, true);
  for (const s of skeletons) set.add(s, FIELD.skeleton, false);
}

/** Every search key of a person, each once, handed to `sink`. The same person gives the same keys. */
export function forEachPersonKey(p: PersonSearchText, sink: KeySink): void {
  const set = scratch;
  addName(set, p.familyName, FIELD.family);
  addName(set, p.givenName, FIELD.given);
  addName(set, p.displayName, FIELD.display);
  addName(set, p.nativeName, FIELD.native);
  for (const k of koreanNameKeys(p.nativeName)) set.add(foldNative(k), FIELD.alias, false);
  // Han and kana names have no spaces: their endings (the given name) are keys of their own.
  for (const w of isAscii(p.nativeName) ? [] : splitWords(foldNative(p.nativeName))) {
    if (/^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]{2,6}$/u.test(w)) {
      for (let i = 1; i < w.length; i++) set.add(w.slice(i), FIELD.native, false);
    }
  }
  // E-mail: the words of the local part and the domain labels, so that an address typed whole
  // or in part finds its owner.
  for (const w of splitWords(foldNative(p.email))) set.add(w, FIELD.email, true);
  if (p.externalId) {
    const words = splitWords(foldNative(p.externalId));
    set.add(words.join(''), FIELD.externalId, false);
    // Badge numbers are read aloud without their leading zeros: "GEN-000042" is also "42".
    for (const w of words) if (/^\d+$/u.test(w)) set.add(w.replace(/^0+(?=\d)/u, ''), FIELD.externalId, false);
  }
  set.drain(sink);
}

/** Every search key of a person (deduplicated). */
export function personSearchKeys(p: PersonSearchText): SearchKey[] {
  const keys: SearchKey[] = [];
  forEachPersonKey(p, (token, field, substring) => keys.push({ token, field, substring }));
  return keys;
}

/** Keys of a group name (organisation, delegation, country name): folded and transliterated. */
export function groupSearchKeys(text: string, field: FieldCode): SearchKey[] {
  const { own, latin } = namePartKeys(text);
  return [...new Set([...own, ...latin])].map((token) => ({ token, field, substring: true }));
}

/** One word of a query, in every form it may be indexed under. */
export interface QueryWord {
  forms: string[];
  /** The consonant skeleton, when the word is Latin and long enough to have a useful one. */
  skeleton: string | null;
}

/** Most words a query may have; more add nothing a person could be found by. */
export const MAX_QUERY_WORDS = 8;
/** Longest word kept from a query (longer ones are cut, and can still match as a prefix). */
export const MAX_WORD_LENGTH = 64;

/**
 * Splits a query into words. Words are separated by spaces; within one, punctuation joins
 * ("Min-jun" is "minjun", "GEN-0042" is "gen0042", "O'Brien" is "obrien") the way the index
 * joins them, except in e-mail addresses, whose parts are words of their own. Each word
 * comes with its folded, transliterated and romanised forms.
 */
export function queryWords(query: string): QueryWord[] {
  const words: QueryWord[] = [];
  for (const chunk of cleanText(query).trim().split(/\s+/u)) {
    const parts = splitWords(chunk);
    const raws = chunk.includes('@') ? parts : parts.length ? [parts.join('')] : [];
    for (const raw of raws) {
      const forms = new Set<string>();
      const folded = splitWords(foldNative(raw)).join('');
      if (folded) forms.add(folded.slice(0, MAX_WORD_LENGTH));
      if (!isAscii(raw)) {
        const latin = [...asciiWords(raw, { syllables: false }), ...icaoWords(raw), ...koreanQueryForms(raw)];
        for (const f of latin) forms.add(f.slice(0, MAX_WORD_LENGTH));
      }
      const list = [...forms].filter(Boolean);
      if (list.length === 0) continue;
      const latin = list.find((f) => /^[a-z]+$/u.test(f));
      words.push({ forms: list, skeleton: latin && latin.length >= 4 ? consonantSkeleton(latin) : null });
      if (words.length >= MAX_QUERY_WORDS) return words;
    }
  }
  return words;
}
