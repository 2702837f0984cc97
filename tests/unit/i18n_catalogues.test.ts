import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';

const renderer = path.resolve(import.meta.dirname, '..', '..', 'renderer');
const LANGUAGES = ['en', 'ko', 'ar'] as const;
const PLURAL = /_(zero|one|two|few|many|other)$/u;

type Catalogue = { [key: string]: string | Catalogue };

/** Flattens a catalogue to its keys, with plural forms folded into one key. */
function keys(catalogue: Catalogue, prefix = ''): Set<string> {
  const out = new Set<string>();
  for (const [k, v] of Object.entries(catalogue)) {
    const key = `${prefix}${k}`;
    if (typeof v === 'string') out.add(key.replace(PLURAL, ''));
    else keys(v, `${key}.`).forEach((x) => out.add(x));
  }
  return out;
}

/** The base catalogues plus every feature's own locale folder, as the app merges them. */
function catalogueFiles(): Array<{ name: string; files: Record<string, string> }> {
  const groups = [{ name: 'base', dir: path.join(renderer, 'i18n', 'locales') }];
  for (const feature of fs.readdirSync(path.join(renderer, 'features'))) {
    const dir = path.join(renderer, 'features', feature, 'locales');
    if (fs.existsSync(dir)) groups.push({ name: feature, dir });
  }
  return groups.map((g) => ({ name: g.name, files: Object.fromEntries(LANGUAGES.map((l) => [l, path.join(g.dir, `${l}.json`)])) }));
}

test('every catalogue has the same keys in English, Korean and Arabic', () => {
  for (const group of catalogueFiles()) {
    const [en, ...others] = LANGUAGES.map((l) => keys(JSON.parse(fs.readFileSync(group.files[l] ?? '', 'utf8')) as Catalogue));
    for (const [i, other] of others.entries()) {
      const lang = LANGUAGES[i + 1];
      expect([...(en ?? [])].filter((k) => !other.has(k)), `${group.name}: missing in ${lang}`).toEqual([]);
      expect([...other].filter((k) => !en?.has(k)), `${group.name}: only in ${lang}`).toEqual([]);
    }
  }
});

test('every t() key used in the renderer exists in the English catalogue', () => {
  const all = new Set<string>();
  for (const group of catalogueFiles()) keys(JSON.parse(fs.readFileSync(group.files['en'] ?? '', 'utf8')) as Catalogue).forEach((k) => all.add(k));
  const used = new Set<string>();
  for (const file of fs.readdirSync(renderer, { recursive: true }) as string[]) {
    if (!/\.tsx?$/u.test(file)) continue;
    const text = fs.readFileSync(path.join(renderer, file), 'utf8');
    for (const m of text.matchAll(/\bt\('([a-zA-Z0-9_.]+)'/gu)) used.add(m[1] ?? '');
  }
  expect(used.size).toBeGreaterThan(50);
  expect([...used].filter((k) => !all.has(k))).toEqual([]);
});
