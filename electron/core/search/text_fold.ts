/**
 * Text folding for search: the one place that decides which spellings are "the same".
 *
 * Every indexed value and every query goes through the same functions, so that a match never
 * depends on how a name was typed: case, accents (Núñez = nunez, Kovačević = kovacevic),
 * full-width letters, zero-width and bidi control characters, Arabic vowel marks and alef forms
 * are all folded away. Hangul syllables become their jamo (김 → ㄱㅣㅁ), so that a syllable
 * still being composed in the input method ("김미" on the way to "김민") already matches.
 * Marks that carry meaning in their script (Thai vowels, Devanagari signs) are kept.
 */
import anyAscii from 'any-ascii';
import { disassemble } from 'es-hangul';

// The character classes below list combining marks and variation selectors on purpose.
/* eslint-disable no-misleading-character-class */
// Invisible characters that only change how text is shown, never what it says: zero-width
// spaces and joiners, bidi embeddings/overrides/isolates, soft hyphen, BOM, variation selectors.
const INVISIBLE = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufe00-\ufe0f]/gu;

// Combining marks that are diacritics in Latin, Greek, Cyrillic, Hebrew and Arabic (plus the
// Arabic tatweel): dropped. Marks of other scripts (Thai, Indic) are letters in all but name.
const DIACRITICS =
  /[\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u0640\u064b-\u065f\u0670\u06d6-\u06ed\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/gu;

/* eslint-enable no-misleading-character-class */

const ARABIC_LETTER_FORMS: Readonly<Record<string, string>> = {
  'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ى': 'ي', 'ئ': 'ي', 'ؤ': 'و', 'ة': 'ه',
};
const ARABIC_FORMS_RE = /[أإآٱىئؤة]/gu;

const HANGUL_SYLLABLES = /[\uac00-\ud7a3]+/gu;

/** A word: letters, digits and their marks; or one pictograph (emoji are searchable too). */
const WORD = /[\p{L}\p{N}\p{M}]+|\p{Extended_Pictographic}/gu;

/** Removes what never carries meaning for matching: invisible controls; normalises width (NFKC). */
export function cleanText(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, '');
}

/**
 * Folds text for matching in its own script: lower case, diacritics dropped, Arabic letter
 * forms unified, Hangul as jamo. "Núñez" → "nunez", "김민준" → "ㄱㅣㅁㅁㅣㄴㅈㅜㄴ".
 */
export function foldNative(text: string): string {
  // Most names and e-mails are plain ASCII: nothing to normalise, strip or decompose there.
  if (isAscii(text)) return text.toLowerCase();
  const lowered = cleanText(text).toLowerCase().normalize('NFD').replace(DIACRITICS, '').normalize('NFC');
  return lowered
    .replace(ARABIC_FORMS_RE, (c) => ARABIC_LETTER_FORMS[c] ?? c)
    .replace(HANGUL_SYLLABLES, (run) => disassemble(run));
}

/** Splits text into words (see WORD); punctuation, spaces and symbols separate them. */
export function splitWords(text: string): string[] {
  // Plain ASCII (most e-mails, ids and Latin names) needs no Unicode property classes.
  return (isAscii(text) ? text.match(ASCII_WORD) : text.match(WORD)) ?? [];
}

const ASCII_WORD = /[A-Za-z0-9]+/gu;

/** Whether text is plain ASCII, so that no transliteration is needed. */
export function isAscii(text: string): boolean {
  // eslint-disable-next-line no-control-regex -- the ASCII range itself is the test
  return /^[\u0000-\u007f]*$/u.test(text);
}

const CJK_OR_HANGUL = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const GREEK = /\p{Script=Greek}/u;
const PICTOGRAPH = /^\p{Extended_Pictographic}$/u;

// ELOT 743 (Greek passports) spells these digraphs differently from letter-by-letter
// transliteration: Παπαδόπουλος is "Papadopoulos", Ευάγγελος "Evangelos".
const GREEK_DIGRAPHS: ReadonlyArray<[RegExp, string]> = [
  [/ου/gu, 'ou'], [/αυ/gu, 'av'], [/ευ/gu, 'ev'], [/ηυ/gu, 'iv'],
  [/γγ/gu, 'ng'], [/γκ/gu, 'gk'], [/γξ/gu, 'nx'], [/γχ/gu, 'nch'], [/μπ/gu, 'mp'], [/ντ/gu, 'nt'],
];

/**
 * The Latin-letter words of any text, via any-ascii: Cyrillic "Юлия" → "yuliya", Greek by
 * ELOT digraphs, CJK and Hangul split into syllables ("王小明" → "wang xiao ming"), Arabic
 * letters as consonants ("محمد" → "mhmd"). Latin text just loses its accents ("Straße" → "strasse").
 * Without `syllables`, a CJK or Hangul word gives only its joined form ("wangxiaoming").
 */
export function asciiWords(text: string, options: { syllables?: boolean } = {}): string[] {
  const syllables = options.syllables ?? true;
  const out: string[] = [];
  for (const word of splitWords(cleanText(text))) {
    if (PICTOGRAPH.test(word)) continue; // an emoji has no letters (any-ascii would name it)
    if (isAscii(word)) {
      out.push(word.toLowerCase());
      continue;
    }
    let source = word.normalize('NFD').replace(DIACRITICS, '').normalize('NFC');
    if (GREEK.test(source)) {
      source = source.toLowerCase();
      for (const [re, latin] of GREEK_DIGRAPHS) source = source.replace(re, latin);
    } else {
      source = source.replace(ARABIC_FORMS_RE, (c) => ARABIC_LETTER_FORMS[c] ?? c);
    }
    // any-ascii writes soft signs and hamza as apostrophes (Ольга → Ol'ga): they are not breaks.
    const ascii = anyAscii(source).replace(/['’`]/gu, '');
    // any-ascii capitalises each CJK/Hangul syllable ("WangXiaoMing"): those are the word breaks.
    if (!CJK_OR_HANGUL.test(word)) {
      out.push(...splitWords(ascii.toLowerCase()));
      continue;
    }
    if (syllables) out.push(...splitWords(ascii.replace(/([a-z])([A-Z])/gu, '$1 $2').toLowerCase()));
    const joined = splitWords(ascii.toLowerCase()).join('');
    if (joined) out.push(joined);
  }
  return out;
}

// ICAO 9303 (machine-readable passports) transliteration of Cyrillic, which differs from the
// BGN style any-ascii uses: Юлия is "Iuliia" in a passport, "Yuliya" in any-ascii.
const ICAO_CYRILLIC: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'i', к: 'k', л: 'l',
  м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch',
  ш: 'sh', щ: 'shch', ъ: 'ie', ы: 'y', ь: '', э: 'e', ю: 'iu', я: 'ia', і: 'i', ї: 'i', є: 'ie', ґ: 'g',
  ў: 'u', ө: 'o', ү: 'u', ә: 'a', ғ: 'g', қ: 'q', ң: 'n', ұ: 'u', һ: 'h',
};
const CYRILLIC = /\p{Script=Cyrillic}/u;

/** Passport (ICAO 9303) spellings of Cyrillic words; empty when the text has no Cyrillic. */
export function icaoWords(text: string): string[] {
  if (!CYRILLIC.test(text)) return [];
  const out: string[] = [];
  for (const word of splitWords(foldNative(text))) {
    if (!CYRILLIC.test(word)) continue;
    const latin = [...word].map((c) => ICAO_CYRILLIC[c] ?? c).join('');
    if (isAscii(latin) && latin) out.push(latin);
  }
  return out;
}

/**
 * The consonant skeleton of a Latin word, for names that reach us in many spellings:
 * Mohamed, Muhammad, Mohammed and محمد (any-ascii "mhmd") all become "mhmd". Vowels and the
 * semivowels w/y go, q counts as k, doubled letters collapse. Null when too little is left.
 */
export function consonantSkeleton(word: string): string | null {
  if (word.length < 3) return null;
  let skeleton = '';
  let last = '';
  for (const ch of word) {
    if (ch < 'a' || ch > 'z') return null;
    if ('aeiouyw'.includes(ch)) continue;
    const c = ch === 'q' ? 'k' : ch;
    if (c !== last) skeleton += c;
    last = c;
  }
  return skeleton.length >= 2 && skeleton !== word ? skeleton : null;
}
