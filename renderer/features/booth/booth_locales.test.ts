import { expect, test } from 'vitest';
import { BOOTH_CATALOGUES, BOOTH_LANGUAGES, createBoothI18n, pickBoothLanguage } from './booth_i18n';

type Catalogue = { [key: string]: string | Catalogue };

/** Every key of a catalogue, dotted, with what it holds. */
function flatten(catalogue: Catalogue, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(catalogue)) {
    if (typeof v === 'string') out.set(`${prefix}${k}`, v);
    else flatten(v, `${prefix}${k}.`).forEach((text, key) => out.set(key, text));
  }
  return out;
}

const english = flatten(BOOTH_CATALOGUES.en as Catalogue);

test('all nine booth languages have exactly the same keys, none empty, and keep every {{placeholder}}', () => {
  expect(BOOTH_LANGUAGES.map((l) => l.code)).toEqual(['en', 'ko', 'fr', 'es', 'ar', 'ru', 'pt', 'zh', 'ja']);
  expect(english.size).toBeGreaterThan(50);
  for (const { code } of BOOTH_LANGUAGES) {
    const other = flatten(BOOTH_CATALOGUES[code] as Catalogue);
    expect([...english.keys()].filter((k) => !other.has(k)), `missing in ${code}`).toEqual([]);
    expect([...other.keys()].filter((k) => !english.has(k)), `only in ${code}`).toEqual([]);
    for (const [key, text] of other) {
      expect(text.trim(), `${code}: ${key} is empty`).not.toBe('');
      const holes = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/gu)].map((m) => m[1]).sort();
      expect(holes(text), `${code}: ${key} placeholders`).toEqual(holes(english.get(key) ?? ''));
    }
  }
});

test('a translation is a translation: no booth language but English repeats the English sentences', () => {
  for (const { code } of BOOTH_LANGUAGES.filter((l) => l.code !== 'en')) {
    const other = flatten(BOOTH_CATALOGUES[code] as Catalogue);
    const same = [...other].filter(([k, v]) => v === english.get(k) && v.length > 12).map(([k]) => k);
    expect(same, `${code} still in English`).toEqual([]);
  }
});

test('every key the booth code uses exists in the booth catalogue', () => {
  // The booth's sources as text, through Vite (the renderer layer has no file system).
  const sources = import.meta.glob<string>(['./*.ts', './*.tsx', '!./*.test.ts'], { query: '?raw', import: 'default', eager: true });
  expect(Object.keys(sources).length).toBeGreaterThan(8);
  const used = new Set<string>();
  for (const text of Object.values(sources)) {
    // Keys called directly and keys kept in tables (t(SIZE_KEYS[size])) alike.
    for (const m of text.matchAll(/'(booth\.[a-zA-Z0-9_.]+)'/gu)) used.add(m[1] ?? '');
  }
  expect(used.size).toBeGreaterThan(40);
  expect([...used].filter((k) => !english.has(k))).toEqual([]);
  // And nothing in the catalogue is dead weight a translator would work on for nothing.
  expect([...english.keys()].filter((k) => !used.has(k))).toEqual([]);
});

test('the delegate gets the first of their languages the booth speaks; Arabic is right to left', () => {
  expect(pickBoothLanguage(['th', 'pt-BR', 'en'], 'en')).toBe('pt');
  expect(pickBoothLanguage(['zh-Hans'], 'en')).toBe('zh');
  expect(pickBoothLanguage(['sw'], 'ko')).toBe('ko');
  const i18n = createBoothI18n('ar');
  expect(i18n.t('booth.review.cast')).toBe('أدلِ بصوتي');
  expect(i18n.dir('ar')).toBe('rtl');
  expect(i18n.t('booth.ballot.voteForUpTo', { count: 3 })).toBe('ضع حتى 3 علامات');
});
