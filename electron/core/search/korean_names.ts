/**
 * Korean names in Latin letters. A Korean is found by how the name is romanised, and there
 * are two conventions in daily use: Revised Romanization (what es-hangul's `romanize` gives:
 * 김 "gim", 이 "i", 박 "bak", 최 "choe") and the spellings in passports, which for surnames
 * follow older habits (Kim, Lee, Park, Choi). Both are indexed, so "kim minjun", "gim minjun"
 * and "minjun" all find 김민준.
 */
import { getChoseong, romanize } from 'es-hangul';

/** Two-syllable surnames; any other name starts with a one-syllable surname. */
const COMPOUND_SURNAMES = new Set(['남궁', '황보', '제갈', '선우', '독고', '사공', '서문', '동방', '어금', '망절', '장곡']);

/**
 * Passport spellings of common surnames (the Revised Romanization is added separately).
 * Compiled from the spellings that dominate Korean passports for each surname.
 */
const PASSPORT_SURNAMES: Readonly<Record<string, readonly string[]>> = {
  김: ['kim'], 이: ['lee', 'yi', 'rhee', 'rhie'], 박: ['park', 'pak'], 최: ['choi', 'choe'],
  정: ['jung', 'chung', 'jeong'], 강: ['kang'], 조: ['cho', 'jo'], 윤: ['yoon', 'yun'], 장: ['jang', 'chang'],
  임: ['lim', 'im', 'rim'], 림: ['lim', 'rim'], 한: ['han'], 오: ['oh', 'o'], 서: ['seo', 'suh'],
  신: ['shin', 'sin'], 권: ['kwon', 'gwon'], 황: ['hwang'], 안: ['ahn', 'an'], 송: ['song'],
  류: ['ryu', 'yoo', 'yu'], 유: ['yoo', 'yu'], 전: ['jeon', 'jun', 'chun'], 홍: ['hong'], 고: ['ko', 'go'],
  문: ['moon', 'mun'], 양: ['yang'], 손: ['son', 'sohn'], 배: ['bae', 'pae'], 백: ['baek', 'paik', 'baik'],
  허: ['heo', 'huh', 'hur'], 남: ['nam'], 심: ['shim', 'sim'], 노: ['noh', 'roh', 'no'], 하: ['ha'],
  곽: ['kwak', 'gwak'], 성: ['sung', 'seong'], 차: ['cha'], 주: ['joo', 'ju', 'chu'], 우: ['woo', 'u'],
  구: ['koo', 'ku', 'gu'], 민: ['min'], 나: ['na', 'ra'], 라: ['ra', 'na'], 진: ['jin', 'chin'],
  지: ['ji', 'chi'], 엄: ['eom', 'um'], 채: ['chae'], 원: ['won'], 천: ['cheon', 'chun'], 방: ['bang'],
  공: ['kong', 'gong'], 현: ['hyun', 'hyeon'], 함: ['ham'], 변: ['byun', 'byeon'], 염: ['yeom', 'yum'],
  여: ['yeo', 'yuh'], 추: ['choo', 'chu'], 도: ['do', 'doh'], 소: ['so'], 석: ['seok', 'suk'],
  선: ['sun', 'seon'], 설: ['seol', 'sul'], 마: ['ma'], 길: ['gil', 'kil'], 연: ['yeon', 'yun'],
  위: ['wi', 'wee'], 표: ['pyo'], 명: ['myung', 'myeong'], 기: ['ki', 'gi'], 반: ['ban', 'pan'],
  왕: ['wang'], 금: ['keum', 'geum'], 옥: ['ok'], 육: ['yook', 'yuk'], 인: ['in'], 맹: ['maeng'],
  제: ['je'], 모: ['mo'], 탁: ['tak'], 국: ['kook', 'guk'], 어: ['eo'], 은: ['eun'], 편: ['pyeon'],
  용: ['yong'], 예: ['ye'], 경: ['kyung', 'gyeong'], 봉: ['bong'], 부: ['boo', 'bu'], 황보: ['hwangbo'],
  남궁: ['namgoong', 'namgung'], 제갈: ['jegal'], 선우: ['sunwoo', 'seonu'], 독고: ['dokgo'], 사공: ['sagong'],
};

const HANGUL_ONLY = /^[\uac00-\ud7a3]+$/u;

// romanize() applies the pronunciation rules and is slow (~20 µs); names repeat a lot, so the
// answers are kept. The cap keeps memory bounded however many distinct names an event has.
const romanized = new Map<string, string>();
const ROMANIZED_CAP = 200_000;

/** Revised Romanization of a Hangul string, lower case, cached. */
export function romanizeHangul(hangul: string): string {
  let rr = romanized.get(hangul);
  if (rr === undefined) {
    rr = romanize(hangul).toLowerCase().replace(/[^a-z]/gu, '');
    if (romanized.size >= ROMANIZED_CAP) romanized.clear();
    romanized.set(hangul, rr);
  }
  return rr;
}

/** A Korean name split into surname and given name, or null if the text is not a Hangul name. */
export function splitKoreanName(native: string): { surname: string; given: string } | null {
  const parts = native.trim().split(/\s+/u).filter(Boolean);
  if (parts.length === 0 || !parts.every((p) => HANGUL_ONLY.test(p))) return null;
  if (parts.length >= 2) {
    const [surname = '', ...rest] = parts;
    return surname.length <= 2 ? { surname, given: rest.join('') } : null;
  }
  const whole = parts[0] ?? '';
  if (whole.length < 2 || whole.length > 5) return null;
  const compound = whole.length >= 3 && COMPOUND_SURNAMES.has(whole.slice(0, 2));
  const cut = compound ? 2 : 1;
  return { surname: whole.slice(0, cut), given: whole.slice(cut) };
}

/** Latin spellings of a Korean surname: Revised Romanization first, then passport forms. */
export function surnameSpellings(surname: string): string[] {
  return [...new Set([romanizeHangul(surname), ...(PASSPORT_SURNAMES[surname] ?? [])])];
}

/**
 * Search keys for a Korean name written in Hangul: every spelling of the surname, the given
 * name romanised whole and by syllable (Min-jun is typed "minjun" and "min jun"), a common
 * passport variant (u → oo: Minjoon, Jihoon), both name orders joined, and the initials (ㄱㅁㅈ).
 */
export function koreanNameKeys(native: string): string[] {
  const split = splitKoreanName(native);
  if (!split) return [];
  const surnames = surnameSpellings(split.surname);
  const given = romanizeHangul(split.given);
  const givenVariants = [...new Set([given, given.replace(/(?<![aeoy])u/gu, 'oo')])].filter(Boolean);
  const keys = [...surnames, ...givenVariants];
  for (const syllable of split.given) keys.push(romanizeHangul(syllable));
  // Surname first in every spelling; given name first (as on Western forms) in the two main ones.
  for (const [i, s] of surnames.entries()) {
    for (const g of givenVariants) {
      keys.push(s + g);
      if (i < 2) keys.push(g + s);
    }
  }
  keys.push(getChoseong(split.surname + split.given));
  return [...new Set(keys.filter(Boolean))];
}

/**
 * Latin forms of a Hangul query word, surname and given name joined in each spelling
 * ("김민" → gimmin, kimmin), so that a Hangul query also finds people whose record holds
 * only the Latin name. Single syllables give nothing: alone they would match too many.
 */
export function koreanQueryForms(word: string): string[] {
  const split = splitKoreanName(word);
  if (!split || !split.given) return [];
  const given = romanizeHangul(split.given);
  return surnameSpellings(split.surname).map((s) => s + given);
}
