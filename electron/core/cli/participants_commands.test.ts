import path from 'node:path';
import { expect, test } from 'vitest';
import type { Participant } from '../../contract';
import { makeTempDir } from '../testing/temp_dir_test_helpers';
import { runCli } from './run_cli';

async function cli(args: string[], home: string) {
  let out = '';
  let err = '';
  const code = await runCli([...args, '--home', home], { out: (t) => (out += t), err: (t) => (err += t), env: {} });
  return { code, out, err };
}

async function demoEvent(): Promise<{ home: string; dir: string }> {
  const home = makeTempDir();
  const dir = path.join(makeTempDir(), 'forum');
  const created = await cli(['event', 'create', '--name', 'Forum', '--start', '2026-12-01', '--demo', '--data-dir', dir], home);
  expect(created.code).toBe(0);
  return { home, dir };
}

test('participants search --json is the ranked search: romanised Korean, no accents, typos', async () => {
  const { home, dir } = await demoEvent();
  const search = async (query: string) => {
    const r = await cli(['participants', 'search', query, '--json', '--data-dir', dir], home);
    expect(r.code, r.err).toBe(0);
    return JSON.parse(r.out) as { query: string; total: number; items: Participant[] };
  };
  expect((await search('kim minjun')).items[0]?.nativeName).toBe('김민준');
  expect((await search('minjun')).items[0]?.nativeName).toBe('김민준');
  expect((await search('wisniewska')).items[0]?.displayName).toBe('Małgorzata Wiśniewska');
  expect((await search('wisniewsk')).items[0]?.displayName).toBe('Małgorzata Wiśniewska');
  expect((await search('zzzz-nobody')).total).toBe(0);
  // Several words are typed as one query, without quotes too.
  const unquoted = await cli(['participants', 'search', 'kim', 'minjun', '--data-dir', dir], home);
  expect(unquoted.out.split('\n')[0]).toContain('김민준');
});

test('participants list prints everyone, in protocol order; --json gives the API shape', async () => {
  const { home, dir } = await demoEvent();
  const json = await cli(['participants', 'list', '--json', '--data-dir', dir], home);
  const parsed = JSON.parse(json.out) as { total: number; items: Participant[] };
  expect(parsed.total).toBe(64);
  expect(parsed.items).toHaveLength(64);
  const text = await cli(['participants', 'list', '--data-dir', dir], home);
  expect(text.out.trim().split('\n')).toHaveLength(65);
  expect(text.out).toMatch(/^64 people$/mu);
});

test('bad calls say what to do and exit non-zero', async () => {
  const { home, dir } = await demoEvent();
  const noQuery = await cli(['participants', 'search', '--data-dir', dir], home);
  expect(noQuery.code).toBe(1);
  expect(noQuery.err).toMatch(/needs something to search for/u);
  const wrong = await cli(['participants', 'frobnicate', '--data-dir', dir], home);
  expect(wrong.code).toBe(1);
  const missing = await cli(['participants', 'list', '--data-dir', path.join(makeTempDir(), 'nothing-here')], home);
  expect(missing.code).toBe(1);
  expect(missing.err).toMatch(/no event folder/u);
});
