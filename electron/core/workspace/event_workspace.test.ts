import fs from 'node:fs';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { makeReadOnly, makeTempDir } from '../testing/temp_dir_test_helpers';
import { connect } from '../db/connection';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { DEMO_EVENT_INPUT, seedDemoEvent } from '../demo/seed_demo_event';
import { eventFolderLayout } from '../event_folder/layout';
import { createEventFolder, openEventFolder } from './event_workspace';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((undo) => undo()));

const INPUT = { ...DEMO_EVENT_INPUT, name: 'Test forum', withDemoData: false };

/** Lists a folder recursively, to prove a refusal wrote nothing. */
function snapshot(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).map((e) => `${path.relative(dir, e.parentPath)}/${e.name}:${e.isFile() ? fs.statSync(path.join(e.parentPath, e.name)).size : 'dir'}`).sort();
}

test('creates an event folder with its database, keys, backups and manifest, then reopens it', () => {
  const dir = path.join(makeTempDir(), 'forum');
  const created = createEventFolder(dir, INPUT);
  expect(created.ok).toBe(true);
  if (!created.ok) return;
  const layout = eventFolderLayout(dir);
  for (const f of [layout.database, layout.manifest, layout.badgePrivateKey, layout.badgePublicKey, layout.backups]) {
    expect(fs.existsSync(f), f).toBe(true);
  }
  expect(fs.statSync(layout.badgePrivateKey).mode & 0o077).toBe(0); // private key readable by the owner only
  const info = created.value.info();
  expect(info).toMatchObject({ name: 'Test forum', isDemo: false, schemaVersion: LATEST_SCHEMA_VERSION, folderName: 'forum' });
  created.value.close();

  const reopened = openEventFolder(dir);
  expect(reopened.ok && reopened.value.info().id).toBe(info.id);
  if (reopened.ok) reopened.value.close();
});

test('the demo seed fills a new event in the same transaction', () => {
  const created = createEventFolder(path.join(makeTempDir(), 'demo'), DEMO_EVENT_INPUT, { seed: seedDemoEvent });
  expect(created.ok).toBe(true);
  if (!created.ok) return;
  const n = created.value.db.prepare('SELECT count(*) AS n FROM participant').get() as { n: number };
  expect(n.n).toBeGreaterThan(50);
  created.value.close();
});

test('a failing seed leaves no half-created event behind', () => {
  const dir = path.join(makeTempDir(), 'broken');
  expect(() =>
    createEventFolder(dir, INPUT, {
      seed: () => {
        throw new Error('boom');
      },
    }),
  ).toThrow('boom');
  expect(fs.existsSync(dir)).toBe(false);
});

test('a folder holding other files is not ours, and is left untouched', () => {
  const dir = makeTempDir();
  fs.writeFileSync(path.join(dir, 'holiday.jpg'), 'not an event');
  const before = snapshot(dir);
  expect(openEventFolder(dir)).toMatchObject({ ok: false, error: { code: 'not_ours' } });
  expect(createEventFolder(dir, INPUT)).toMatchObject({ ok: false, error: { code: 'not_ours' } });
  expect(snapshot(dir)).toEqual(before);
});

test('a missing or empty folder has no event to open', () => {
  expect(openEventFolder(path.join(makeTempDir(), 'nope'))).toMatchObject({ ok: false, error: { code: 'not_found' } });
  expect(openEventFolder(makeTempDir())).toMatchObject({ ok: false, error: { code: 'not_found' } });
});

test('an event saved by a newer Delegate Desk is refused without touching it', () => {
  const dir = path.join(makeTempDir(), 'future');
  const created = createEventFolder(dir, INPUT);
  if (!created.ok) throw new Error('setup failed');
  created.value.db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
  created.value.close();
  const before = snapshot(dir);
  const opened = openEventFolder(dir);
  expect(opened).toMatchObject({ ok: false, error: { code: 'newer_version' } });
  expect(!opened.ok && opened.error.message).toMatch(/newer Delegate Desk/u);
  expect(snapshot(dir)).toEqual(before);
});

test('a read-only event folder is refused with a message that says what to do', () => {
  const dir = path.join(makeTempDir(), 'readonly');
  const created = createEventFolder(dir, INPUT);
  if (!created.ok) throw new Error('setup failed');
  created.value.close();
  cleanups.push(makeReadOnly(dir));
  const opened = openEventFolder(dir);
  expect(opened).toMatchObject({ ok: false, error: { code: 'read_only' } });
  expect(!opened.ok && opened.error.message).toMatch(/read-only/u);
});

test('a damaged database or manifest is reported, not replaced', () => {
  const dir = path.join(makeTempDir(), 'damaged');
  const created = createEventFolder(dir, INPUT);
  if (!created.ok) throw new Error('setup failed');
  created.value.close();
  const layout = eventFolderLayout(dir);
  for (const f of [`${layout.database}-wal`, `${layout.database}-shm`]) fs.rmSync(f, { force: true });
  fs.writeFileSync(layout.database, 'this is not a database at all, just text '.repeat(200));
  expect(openEventFolder(dir)).toMatchObject({ ok: false, error: { code: 'damaged' } });
  expect(fs.readFileSync(layout.database, 'utf8')).toMatch(/^this is not a database/u);

  fs.writeFileSync(layout.manifest, '{ broken');
  expect(openEventFolder(dir)).toMatchObject({ ok: false, error: { code: 'damaged' } });
});

test('someone else\'s SQLite file in an event folder is refused as not ours', () => {
  const dir = path.join(makeTempDir(), 'swapped');
  const created = createEventFolder(dir, INPUT);
  if (!created.ok) throw new Error('setup failed');
  created.value.close();
  const layout = eventFolderLayout(dir);
  for (const f of [layout.database, `${layout.database}-wal`, `${layout.database}-shm`]) fs.rmSync(f, { force: true });
  const foreign = connect(layout.database);
  foreign.exec('CREATE TABLE invoices (id INTEGER)');
  foreign.close();
  expect(openEventFolder(dir)).toMatchObject({ ok: false, error: { code: 'not_ours' } });
});
