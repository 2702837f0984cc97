import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { dumpFile } from '../backup/backup_test_helpers';
import { makeTempDir } from '../testing/temp_dir_test_helpers';
import { runCli } from './run_cli';

async function cli(args: string[], home: string) {
  let out = '';
  let err = '';
  const code = await runCli([...args, '--home', home], { out: (t) => (out += t), err: (t) => (err += t), env: {} });
  return { code, out, err };
}

async function demoEventDir(home: string): Promise<string> {
  const dir = path.join(makeTempDir(), 'forum');
  expect((await cli(['event', 'create', '--name', 'Forum', '--start', '2027-03-02', '--demo', '--data-dir', dir], home)).code).toBe(0);
  return dir;
}

const db = (dir: string) => dumpFile(path.join(dir, 'event.sqlite'));

test('backup then restore into another data dir gives identical tables; an existing event needs --force', async () => {
  const home = makeTempDir();
  const dir = await demoEventDir(home);
  const usb = path.join(makeTempDir(), 'forum-backup.sqlite');
  const backed = await cli(['backup', '--data-dir', dir, '--out', usb], home);
  expect(backed.code, backed.err).toBe(0);
  expect(backed.out).toContain('Backed up "Forum"');
  expect((await cli(['backup', '--data-dir', dir, '--out', usb], home)).err).toContain('exists already');
  expect((await cli(['backup', '--data-dir', dir, '--out', usb, '--force'], home)).code).toBe(0);

  const d2 = path.join(makeTempDir(), 'restored');
  const restored = await cli(['restore', usb, '--data-dir', d2], home);
  expect(restored.code, restored.err).toBe(0);
  expect(restored.out).toContain('badges printed before will not verify here');
  expect(db(d2)).toEqual(db(dir));

  const refused = await cli(['restore', usb, '--data-dir', dir], home);
  expect(refused.code).toBe(1);
  expect(refused.err).toContain('--force');
  const forced = await cli(['restore', usb, '--data-dir', dir, '--force', '--json'], home);
  expect(forced.code, forced.err).toBe(0);
  expect(JSON.parse(forced.out)).toMatchObject({ participants: 64, keptAside: expect.stringContaining('replaced-') });
  expect(db(dir)).toEqual(db(d2));

  const bad = path.join(makeTempDir(), 'not-a-backup.sqlite');
  fs.writeFileSync(bad, 'hello');
  const r = await cli(['restore', bad, '--data-dir', path.join(makeTempDir(), 'x')], home);
  expect(r.code).toBe(1);
  expect(r.err).toContain('not a readable Delegate Desk database');
});

test('export-event then import-event elsewhere gives identical tables; a wrong passphrase writes nothing', async () => {
  const home = makeTempDir();
  const dir = await demoEventDir(home);
  const secrets = makeTempDir();
  fs.writeFileSync(path.join(secrets, 'pass.txt'), 'seven horses eat apples\n');
  fs.writeFileSync(path.join(secrets, 'wrong.txt'), 'seven horses eat pears\n');
  const file = path.join(makeTempDir(), 'forum.ddevent');
  const exported = await cli(['export-event', '--data-dir', dir, '--out', file, '--passphrase-file', path.join(secrets, 'pass.txt')], home);
  expect(exported.code, exported.err).toBe(0);
  expect(exported.out).toContain('encrypted');

  const target = path.join(makeTempDir(), 'laptop-2');
  const wrong = await cli(['import-event', file, '--data-dir', target, '--passphrase-file', path.join(secrets, 'wrong.txt')], home);
  expect(wrong.code).toBe(1);
  expect(wrong.err).toContain('The passphrase is wrong');
  expect(fs.existsSync(target)).toBe(false);
  expect(fs.readdirSync(path.dirname(target))).toEqual([]);

  const imported = await cli(['import-event', file, '--data-dir', target, '--passphrase-file', path.join(secrets, 'pass.txt')], home);
  expect(imported.code, imported.err).toBe(0);
  expect(db(target)).toEqual(db(dir));
  expect(fs.readFileSync(path.join(target, 'keys', 'badge-signing-key.pem'))).toEqual(fs.readFileSync(path.join(dir, 'keys', 'badge-signing-key.pem')));
  const info = await cli(['event', 'info', '--data-dir', target, '--json'], home);
  expect(JSON.parse(info.out)).toMatchObject({ name: 'Forum' });

  const again = await cli(['import-event', file, '--data-dir', target, '--passphrase-file', path.join(secrets, 'pass.txt')], home);
  expect(again.code).toBe(1);
  expect(again.err).toContain('holds an event already');
  expect((await cli(['export-event', '--data-dir', dir, '--out', file, '--passphrase-file', path.join(secrets, 'pass.txt')], home)).err).toContain('exists already');
  expect((await cli(['export-event', '--data-dir', dir, '--out', file], home)).err).toContain('--passphrase-file');
});

test('erase needs --data-dir and --yes, and then removes the event with its backups', async () => {
  const home = makeTempDir();
  const dir = await demoEventDir(home);
  expect((await cli(['backup', '--data-dir', dir, '--out', path.join(dir, 'backups', 'extra.sqlite')], home)).code).toBe(0);
  const noDir = await cli(['erase', '--yes'], home);
  expect(noDir.code).toBe(1);
  expect(noDir.err).toContain('--data-dir');
  const noYes = await cli(['erase', '--data-dir', dir], home);
  expect(noYes.code).toBe(1);
  expect(noYes.err).toContain('--yes');
  expect(fs.existsSync(dir)).toBe(true);
  const erased = await cli(['erase', '--data-dir', dir, '--yes'], home);
  expect(erased.code, erased.err).toBe(0);
  expect(fs.existsSync(dir)).toBe(false);
});
