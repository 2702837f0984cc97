import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { API } from '../../contract';
import { makeTempDir } from '../testing/temp_dir_test_helpers';
import { runCli } from './run_cli';

/** Runs the CLI in-process with captured output and a private home folder. */
async function cli(args: string[], home: string) {
  let out = '';
  let err = '';
  const code = await runCli([...args, '--home', home], { out: (t) => (out += t), err: (t) => (err += t), env: {} });
  return { code, out, err };
}

test('event info --json on first start prints the demo event', async () => {
  const home = makeTempDir();
  const r = await cli(['event', 'info', '--json'], home);
  expect(r.code).toBe(0);
  expect(JSON.parse(r.out)).toMatchObject({ name: 'Global Election Visitor Programme 2026 (demo)', isDemo: true });
  // The second run opens the same event rather than making another.
  const again = await cli(['event', 'info', '--json'], home);
  expect(JSON.parse(again.out).id).toBe(JSON.parse(r.out).id);
});

test('event create, then list and info with --data-dir', async () => {
  const home = makeTempDir();
  const dir = path.join(makeTempDir(), 'seminar');
  const created = await cli(['event', 'create', '--name', 'Seminar on voter lists', '--start', '2027-03-02', '--data-dir', dir, '--json'], home);
  expect(created.code).toBe(0);
  expect(JSON.parse(created.out)).toMatchObject({ name: 'Seminar on voter lists', startDate: '2027-03-02', endDate: '2027-03-02' });
  const list = await cli(['event', 'list', '--json'], home);
  expect(JSON.parse(list.out).map((e: { name: string }) => e.name)).toContain('Seminar on voter lists');
  const info = await cli(['event', 'info', '--data-dir', dir], home);
  expect(info.out).toMatch(/^Event\s+Seminar on voter lists$/mu);
});

test('contract --json documents every method with JSON Schemas, errors and roles', async () => {
  const r = await cli(['contract', '--json'], makeTempDir());
  const doc = JSON.parse(r.out) as { methods: Array<{ name: string; roles: string[]; errors: string[]; input: { type?: string }; output: object }> };
  expect(doc.methods.map((m) => m.name)).toEqual(Object.keys(API));
  for (const m of doc.methods) {
    expect(m.input.type, m.name).toBe('object');
    expect(m.roles.length).toBeGreaterThan(0);
  }
});

test('bad input goes to stderr with a non-zero exit code and writes nothing', async () => {
  const home = makeTempDir();
  const notOurs = makeTempDir();
  fs.writeFileSync(path.join(notOurs, 'thesis.docx'), 'x');
  const cases: Array<[string[], RegExp]> = [
    [['event', 'info', '--data-dir', notOurs], /not a Delegate Desk event folder/u],
    [['event', 'create', '--name', 'X', '--start', 'tomorrow'], /startDate/u],
    [['event', 'create', '--name', 'X', '--start', '2027-01-01', '--data-dir', notOurs], /already holds files/u],
    [['event', 'frobnicate'], /unknown command/u],
    [['event', 'info', '--bogus'], /Unknown option/u],
  ];
  for (const [args, message] of cases) {
    const r = await cli(args, home);
    expect(r.code, args.join(' ')).not.toBe(0);
    expect(r.err).toMatch(message);
    expect(r.out).toBe('');
  }
  expect(fs.readdirSync(notOurs)).toEqual(['thesis.docx']);
  expect(fs.existsSync(path.join(home, 'events'))).toBe(false);
});
