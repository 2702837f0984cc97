import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import type { Participant } from '../../contract';
import { makeTempDir } from '../testing/temp_dir_test_helpers';
import { runCli } from './run_cli';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

async function cli(args: string[], home: string) {
  let out = '';
  let err = '';
  const code = await runCli([...args, '--home', home], { out: (t) => (out += t), err: (t) => (err += t), env: {} });
  return { code, out, err };
}

test('photos import stores the files named by registration id or e-mail and reports the rest', async () => {
  const home = makeTempDir();
  const dir = path.join(makeTempDir(), 'forum');
  expect((await cli(['event', 'create', '--name', 'Forum', '--start', '2026-12-01', '--demo', '--data-dir', dir], home)).code).toBe(0);
  const list = await cli(['participants', 'list', '--json', '--data-dir', dir], home);
  const people = (JSON.parse(list.out) as { items: Participant[] }).items;
  const byId = people.find((p) => p.externalId)!;
  const byEmail = people.find((p) => p.email && p.id !== byId.id)!;
  const folder = makeTempDir();
  fs.writeFileSync(path.join(folder, `${byId.externalId!}.png`), PNG);
  fs.writeFileSync(path.join(folder, `${byEmail.email.toUpperCase()}.png`), PNG);
  fs.writeFileSync(path.join(folder, 'stranger.png'), PNG);
  fs.writeFileSync(path.join(folder, `${byEmail.externalId ?? 'x'}-notes.txt`), 'not a photo');

  const run = await cli(['photos', 'import', folder, '--json', '--data-dir', dir], home);
  expect(run.code, run.err).toBe(0);
  const report = JSON.parse(run.out) as { stored: number; total: number; files: Array<{ fileName: string; result: string }> };
  expect(report).toMatchObject({ stored: 2, total: 4 });
  expect(report.files.find((f) => f.fileName === 'stranger.png')?.result).toBe('no_match');
  const after = (JSON.parse((await cli(['participants', 'list', '--json', '--data-dir', dir], home)).out) as { items: Participant[] }).items;
  expect(after.filter((p) => p.photoFile).map((p) => p.id).sort()).toEqual([byId.id, byEmail.id].sort());

  const none = makeTempDir();
  fs.writeFileSync(path.join(none, 'stranger.png'), PNG);
  const failed = await cli(['photos', 'import', none, '--data-dir', dir], home);
  expect(failed.code).toBe(1);
  expect(failed.out).toContain('0 of 1 photos stored');
  expect((await cli(['photos', 'import', path.join(none, 'missing'), '--data-dir', dir], home)).err).toContain('cannot read the folder');
});
