/**
 * Names: which script a name is written in, how a single "full name" cell splits into family
 * and given names, and how a display name is composed. Splitting is a best guess, so the
 * name as written is always kept (as the display name) and the order can be chosen.
 */
import type { z } from 'zod';
import type { NameOrderSchema } from '../../contract';

type NameOrder = z.infer<typeof NameOrderSchema>;

/** The script families that change how names are split, joined and shown. */
export type NameScript = 'latin' | 'hangul' | 'han' | 'kana' | 'cyrillic' | 'arabic' | 'thai' | 'greek' | 'hebrew' | 'other';

// Script of a code point by its Unicode block; in priority order, any Hangul makes a name
// Korean and any kana makes it Japanese (kanji alone could be Chinese or Japanese).
const PRIORITY: readonly NameScript[] = ['hangul', 'kana', 'han', 'arabic', 'cyrillic', 'thai', 'greek', 'hebrew', 'latin', 'other'];

// Each script's place in PRIORITY, looked up once per letter outside ASCII.
const RANK = Object.fromEntries(PRIORITY.map((s, i) => [s, i])) as Record<NameScript, number>;
const ASCII_ONLY = /^[\0-\x7f]*$/;
const ASCII_LETTER = /[A-Za-z]/;

function blockScript(c: number): NameScript | null {
  if (c < 0x80) return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) ? 'latin' : null;
  if (c >= 0xac00 && c <= 0xd7af) return 'hangul';
  if ((c >= 0x1100 && c <= 0x11ff) || (c >= 0x3130 && c <= 0x318f)) return 'hangul';
  if (c >= 0x3040 && c <= 0x30ff) return 'kana';
  if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0x20000 && c <= 0x3134f)) return 'han';
  if ((c >= 0x0600 && c <= 0x06ff) || (c >= 0x0750 && c <= 0x077f) || (c >= 0x08a0 && c <= 0x08ff) || (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfeff)) return 'arabic';
  if (c >= 0x0400 && c <= 0x052f) return 'cyrillic';
  if (c >= 0x0e00 && c <= 0x0e7f) return 'thai';
  if ((c >= 0x0370 && c <= 0x03ff) || (c >= 0x1f00 && c <= 0x1fff)) return 'greek';
  if (c >= 0x0590 && c <= 0x05ff) return 'hebrew';
  if ((c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x1e00 && c <= 0x1eff) || (c >= 0xff21 && c <= 0xff5a)) return 'latin';
  return /\p{L}/u.test(String.fromCodePoint(c)) ? 'other' : null;
}

/** The script a name is mainly written in (any Hangul makes it Hangul; kana makes it Japanese). */
export function scriptOf(text: string): NameScript | null {
  return PRIORITY[scriptRank(text, PRIORITY.length)] ?? null;
}

/**
 * scriptOf(first + second) without joining the two (a new string for every row of a file).
 * The only difference a join could make, a surrogate pair split across the two, is joined.
 */
export function scriptOfPair(first: string, second: string): NameScript | null {
  const last = first.charCodeAt(first.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) return scriptOf(first + second);
  return PRIORITY[scriptRank(second, scriptRank(first, PRIORITY.length))] ?? null;
}

/** The best (lowest) rank among the text's letters and `best`. */
function scriptRank(text: string, best: number): number {
  if (best === 0) return 0;
  // Most names in an export are plain ASCII: one native scan instead of a loop over the letters.
  if (ASCII_ONLY.test(text)) return best > 8 && ASCII_LETTER.test(text) ? 8 : best;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      // ASCII letters are Latin, the lowest rank but one; nothing else in ASCII counts.
      if (best > 8 && ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a))) best = 8;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) c = text.codePointAt(i++)!;
    const script = blockScript(c);
    if (script !== null) {
      const rank = RANK[script];
      if (rank < best) best = rank;
      if (best === 0) break;
    }
  }
  return best;
}

/** Whether a name needs no own-script copy (Latin, or no letters at all). */
export function isLatinOrBlank(text: string): boolean {
  const script = scriptOf(text);
  return script === null || script === 'latin';
}

// Countries where a Cyrillic or Han name is in a language other than the script's default.
const CYRILLIC_BY_COUNTRY: Record<string, string> = { UA: 'uk', BY: 'be', BG: 'bg', RS: 'sr', MK: 'mk', KZ: 'kk', KG: 'ky', MN: 'mn', TJ: 'tg' };

/** The BCP 47 tag screens use to pick a font and direction for a name in its own script. */
export function nativeNameLang(text: string, country: string | null, script = scriptOf(text)): string | null {
  switch (script) {
    case 'hangul':
      return 'ko';
    case 'kana':
      return 'ja';
    case 'han':
      if (country === 'JP') return 'ja';
      return country === 'TW' || country === 'HK' || country === 'MO' ? 'zh-Hant' : 'zh-Hans';
    case 'arabic':
      return country === 'IR' || country === 'AF' ? 'fa' : 'ar';
    case 'cyrillic':
      return (country && CYRILLIC_BY_COUNTRY[country]) ?? 'ru';
    case 'thai':
      return 'th';
    case 'greek':
      return 'el';
    case 'hebrew':
      return 'he';
    default:
      return null;
  }
}

// Two-syllable Korean surnames and two-character Chinese ones; the rest are one character.
const COMPOUND_SURNAMES = new Set(['남궁', '황보', '제갈', '선우', '독고', '사공', '서문', '동방', '欧阳', '司马', '诸葛', '上官', '东方', '夏侯', '皇甫', '尉迟', '公孙', '慕容', '歐陽', '司馬', '諸葛']);

// Romanised East Asian surnames, to tell "Kim Minjun" from "Minjun Kim".
const EAST_ASIAN_SURNAMES = new Set(
  `kim lee yi rhee park pak bak choi choe jung jeong chung kang cho jo yoon yun jang chang lim im han oh seo suh shin
  kwon hwang ahn an song ryu yoo yu hong jeon chun ko go moon mun yang son sohn bae baek paik heo huh nam noh roh ha
  kwak koo gu min ju joo woo na jin cha
  wang li zhang liu chen huang zhao wu zhou xu sun ma zhu hu guo he lin gao luo zheng liang xie tang feng deng cao
  peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei su lu ding ren shen yao
  nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly`.split(/\s+/u),
);
const FAMILY_FIRST_COUNTRIES = new Set(['KR', 'KP', 'CN', 'TW', 'HK', 'MO', 'VN', 'HU', 'KH']);
// Lower-case particles that belong to the family name ("van der Berg", "de la Cruz", "bin Ahmad").
const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'du', 'la', 'le', 'dos', 'das', 'bin', 'binti', 'ibn', 'al', 'el', 'ter', 'ten', 'zu', 'y']);

/** A token written in capitals ("KIM", "NÚÑEZ"), the usual way exports mark the family name. */
function isCapitalised(token: string): boolean {
  const letters = token.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && /\p{Lu}/u.test(letters) && letters === letters.toLocaleUpperCase() && letters !== letters.toLocaleLowerCase();
}

/** Splits a name written in one cell; `family` and `given` are substrings of what was written. */
export function splitFullName(full: string, order: NameOrder, country: string | null): { family: string; given: string } {
  const text = full.trim().replace(/\s+/gu, ' ');
  if (!text) return { family: '', given: '' };
  const comma = text.split(',');
  if (comma.length === 2 && comma[0]!.trim() && comma[1]!.trim()) return { family: comma[0]!.trim(), given: comma[1]!.trim() };
  const tokens = text.split(' ');
  const script = scriptOf(text);
  if (tokens.length === 1) return splitOneToken(text, script);
  if (order === 'family_first') return { family: tokens[0]!, given: tokens.slice(1).join(' ') };
  if (order === 'given_first') return lastTokenFamily(tokens);
  const caps = tokens.map(isCapitalised);
  if (caps.some(Boolean) && !caps.every(Boolean)) {
    const first = caps.indexOf(true);
    let last = first;
    while (last + 1 < tokens.length && caps[last + 1]) last++;
    const family = tokens.slice(first, last + 1).join(' ');
    const given = [...tokens.slice(0, first), ...tokens.slice(last + 1)].join(' ');
    return { family, given };
  }
  if (script === 'hangul' || script === 'han' || script === 'kana') return { family: tokens[0]!, given: tokens.slice(1).join(' ') };
  if (script === 'latin' && tokens.length === 2) {
    const [a, b] = tokens.map((t) => t.toLowerCase().replace(/[^a-z]/gu, ''));
    const firstIsSurname = EAST_ASIAN_SURNAMES.has(a!);
    const lastIsSurname = EAST_ASIAN_SURNAMES.has(b!);
    if (country && FAMILY_FIRST_COUNTRIES.has(country)) {
      return lastIsSurname && !firstIsSurname ? lastTokenFamily(tokens) : { family: tokens[0]!, given: tokens[1]! };
    }
  }
  return lastTokenFamily(tokens);
}

function splitOneToken(text: string, script: NameScript | null): { family: string; given: string } {
  const chars = [...text];
  if ((script === 'hangul' || script === 'han') && chars.length >= 2 && chars.length <= 5) {
    const two = chars.slice(0, 2).join('');
    const familyLength = chars.length >= 3 && COMPOUND_SURNAMES.has(two) ? 2 : 1;
    return { family: chars.slice(0, familyLength).join(''), given: chars.slice(familyLength).join('') };
  }
  return { family: text, given: '' };
}

function lastTokenFamily(tokens: string[]): { family: string; given: string } {
  let start = tokens.length - 1;
  while (start > 1 && PARTICLES.has(tokens[start - 1]!.toLowerCase())) start--;
  return { family: tokens.slice(start).join(' '), given: tokens.slice(0, start).join(' ') };
}

function joinInScript(first: string, second: string, script: NameScript | null): string {
  if (!first) return second;
  if (!second) return first;
  return script === 'hangul' || script === 'han' ? `${first}${second}` : `${first} ${second}`;
}

/** Joins name parts as the script writes them: no space in Korean and Chinese, a space elsewhere. */
export function joinNameParts(first: string, second: string): string {
  return !first || !second ? first || second : joinInScript(first, second, scriptOf(first + second));
}

/**
 * A display name from separate parts, family first where the script or country puts it first.
 * `script` may be passed when the caller knows it already (scriptOf(family + given)).
 */
export function composeDisplayName(family: string, given: string, country: string | null, script = scriptOf(family + given)): string {
  const familyFirst =
    script === 'hangul' || script === 'han' || script === 'kana' || (script === 'latin' && !!country && FAMILY_FIRST_COUNTRIES.has(country));
  return familyFirst ? joinInScript(family, given, script) : joinInScript(given, family, script);
}
