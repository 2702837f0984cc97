/**
 * Suggests which field each source column feeds: by header text first (in several languages
 * and the usual registration-system exports), then by what the values look like. Columns
 * with passport numbers or birth dates are marked sensitive and never suggested for import.
 */
import type { ImportField, ImportTarget } from '../../contract';
import { lookupCountry } from './country_lookup';
import {
  FAMILY_OR_FULL,
  GIVEN_OR_FULL,
  HEADER_KEYWORDS,
  HEADER_SYNONYMS,
  SENSITIVE_HEADERS,
  SENSITIVE_WORDS,
  SERIAL_HEADERS,
} from './header_synonyms';
import { isLatinOrBlank } from './person_names';
import { foldCompact, foldText } from './text_fold';

export interface ColumnSuggestion {
  readonly target: ImportTarget;
  readonly reason: 'header' | 'values' | 'sensitive' | 'none';
}

type HeaderClass = ImportField | 'sensitive' | 'serial' | 'given_or_full' | 'family_or_full';

let exact: Map<string, HeaderClass> | null = null;

function exactTable(): Map<string, HeaderClass> {
  if (exact) return exact;
  const map = new Map<string, HeaderClass>();
  const add = (words: readonly string[], cls: HeaderClass) => {
    for (const w of words) if (!map.has(foldCompact(w))) map.set(foldCompact(w), cls);
  };
  add(SENSITIVE_HEADERS, 'sensitive');
  add(SERIAL_HEADERS, 'serial');
  add(GIVEN_OR_FULL, 'given_or_full');
  add(FAMILY_OR_FULL, 'family_or_full');
  for (const [field, words] of Object.entries(HEADER_SYNONYMS)) add(words, field as ImportField);
  exact = map;
  return map;
}

// Words that say a name column is in Latin letters ("영문 성명", "Name (English)").
const LATIN_CUES = ['영문', 'english', 'latin', 'roman', 'romanised', 'romanized', 'en anglais', 'латиницей', 'латинскими'];

let folded: { sensitive: string[]; cues: string[]; keywords: Array<readonly [ImportField, string[]]> } | null = null;

/** The word lists, folded once (headers are classified for every row scanned for the header). */
function foldedWords() {
  folded ??= {
    sensitive: SENSITIVE_WORDS.map(foldText),
    cues: LATIN_CUES.map(foldCompact),
    keywords: HEADER_KEYWORDS.map(([field, words]) => [field, words.map(foldText)] as const),
  };
  return folded;
}

/** What a header says, ignoring case, accents, punctuation, "*" and "(required)". */
export function classifyHeader(header: string): HeaderClass | null {
  const folded = foldText(header.replace(/\*|\((?:required|optional|필수|선택|obligatoire|obligatorio)\)/giu, ' '));
  if (!folded) return null;
  const table = exactTable();
  const compact = folded.replace(/ /gu, '');
  const hit = table.get(compact);
  if (hit) return hit;
  const words = foldedWords();
  if (words.sensitive.some((w) => folded.includes(w))) return 'sensitive';
  const withoutCue = words.cues.reduce((text, cue) => text.replace(cue, ''), compact);
  if (withoutCue !== compact && withoutCue) {
    const cued = table.get(withoutCue);
    if (cued) return cued;
  }
  for (const [field, keywords] of words.keywords) {
    if (keywords.some((w) => folded.includes(w))) return field;
  }
  return null;
}

const EMAIL_LIKE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u;
const PHONE_LIKE = /^\+?[\d\s().-]{7,}$/u;
const HONORIFICS = new Set(
  `mr mrs ms miss mx dr prof professor he hon sir dame lord lady rev fr amb ambassador judge justice m mme mlle me
  sr sra srta d dna don dona lic ing gn gzha gospodin gospozha господин госпожа г н г жа 씨 님 박사 교수 의원 장관 대사
  herr frau`.split(/\s+/u),
);

/** The share of values that pass a test (0 when there are none). */
function share(values: readonly string[], test: (v: string) => boolean): number {
  return values.length ? values.filter(test).length / values.length : 0;
}

/** A column of 1, 2, 3…: a serial number, renumbered in every export. */
function isSerial(values: readonly string[]): boolean {
  return values.length > 0 && values.every((v, i) => v === String(Number(values[0]) + i));
}

function fromValues(values: readonly string[]): ImportField | null {
  if (values.length === 0) return null;
  if (share(values, (v) => EMAIL_LIKE.test(v)) >= 0.8) return 'email';
  if (share(values, (v) => lookupCountry(v) !== null) >= 0.8) return 'country';
  if (share(values, (v) => PHONE_LIKE.test(v) && /\d{3}/u.test(v)) >= 0.8 && !isSerial(values)) return 'phone';
  return null;
}

const SINGLE_TARGETS_EXEMPT = new Set<ImportTarget>(['notes', 'nativeName', 'ignore']);
const NAME_FIELDS = new Set<ImportTarget>(['fullName', 'familyName', 'givenName']);

/**
 * One suggestion per column. `samples` holds each column's non-empty values from the first
 * data rows; they settle what headers alone cannot (a "Title" of "Dr" or of "Director").
 */
export function suggestMapping(headers: readonly string[], samples: readonly (readonly string[])[]): ColumnSuggestion[] {
  const classes = headers.map(classifyHeader);
  const has = (field: ImportField) => classes.includes(field);
  const out: ColumnSuggestion[] = classes.map((cls, i) => {
    const values = samples[i] ?? [];
    switch (cls) {
      case 'sensitive':
        return { target: 'ignore', reason: 'sensitive' };
      case 'serial':
        return isSerial(values) || values.length === 0 ? { target: 'ignore', reason: 'none' } : { target: 'externalId', reason: 'header' };
      case 'given_or_full':
        return { target: has('familyName') ? 'givenName' : 'fullName', reason: 'header' };
      case 'family_or_full':
        return { target: has('givenName') || classes.includes('given_or_full') ? 'familyName' : 'fullName', reason: 'header' };
      case null: {
        const guess = fromValues(values);
        return guess ? { target: guess, reason: 'values' } : { target: 'ignore', reason: 'none' };
      }
      default:
        if (cls === 'title' && values.length && share(values, (v) => HONORIFICS.has(foldText(v))) < 0.6) {
          return { target: 'position', reason: 'header' };
        }
        return { target: cls, reason: 'header' };
    }
  });
  return settleNames(out, samples);
}

/**
 * Name columns in two scripts (Hangul and Latin) or a whole-name column beside the parts:
 * the non-Latin ones become the name in own script, a whole name beside parts the display name.
 */
function settleNames(out: ColumnSuggestion[], samples: readonly (readonly string[])[]): ColumnSuggestion[] {
  const nonLatin = (i: number) => share(samples[i] ?? [], (v) => !isLatinOrBlank(v)) >= 0.6;
  const nameColumns = out.map((s, i) => (NAME_FIELDS.has(s.target) ? i : -1)).filter((i) => i >= 0);
  const latinNames = nameColumns.filter((i) => !nonLatin(i));
  if (latinNames.length > 0) {
    for (const i of nameColumns) if (nonLatin(i)) out[i] = { target: 'nativeName', reason: out[i]!.reason };
  }
  const parts = out.some((s) => s.target === 'familyName') && out.some((s) => s.target === 'givenName');
  if (parts) {
    out.forEach((s, i) => {
      if (s.target === 'fullName') out[i] = { target: out.some((o) => o.target === 'displayName') ? 'ignore' : 'displayName', reason: s.reason };
    });
  }
  // One column per field (notes and the own-script name may gather several).
  const seen = new Set<ImportTarget>();
  return out.map((s) => {
    if (SINGLE_TARGETS_EXEMPT.has(s.target)) return s;
    if (seen.has(s.target)) return { target: 'ignore', reason: 'none' };
    seen.add(s.target);
    return s;
  });
}
