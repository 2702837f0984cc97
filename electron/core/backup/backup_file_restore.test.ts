import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from 'vitest';
import type { ExternalBackup } from '../../contract';
import type { Caller } from '../api/caller';
import type { HostCore } from '../api/host_core';
import { ADMIN_CALLER, callValue, useTestHosts } from '../api/host_test_helpers';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { makeTempDir } from '../testing/temp_dir_test_helpers';
import { dumpFile, dumpTables } from './backup_test_helpers';

const admin = ADMIN_CALLER;
const { start } = useTestHosts();
const call = callValue;

/** A backup of the open event written where a USB stick would be, as "Back up to a file" does. */
async function toUsb(core: HostCore, name = 'forum-backup.sqlite'): Promise<string> {
  const file = path.join(makeTempDir('dd-usb-'), name);
  await call(core, 'backup.toPath', { path: file });
  return file;
}

/** What an observer of the event can see: every table, and the names of the files in its folder. */
function state(core: HostCore) {
  const ws = core.session.current!;
  return { tables: dumpTables(ws.db), backups: fs.readdirSync(ws.layout.backups).sort() };
}

const renameFirst = (core: HostCore, name: string) => core.session.current!.db.prepare('UPDATE participant SET display_name = ? WHERE id = 1').run(name);
const firstName = (core: HostCore) => (core.session.current!.db.prepare('SELECT display_name AS n FROM participant WHERE id = 1').get() as { n: string }).n;

test('a backup file elsewhere on the host is previewed read-only: what it holds, when, and that it is this event', async () => {
  const core = start();
  const usb = await toUsb(core);
  const bytes = fs.readFileSync(usb);
  const mtime = fs.statSync(usb).mtime.toISOString();
  const seen = await call<ExternalBackup & { sameEvent: boolean; openEventName: string }>(core, 'backup.previewFile', { path: usb });
  expect(seen).toMatchObject({
    path: usb,
    sizeBytes: bytes.length,
    takenAt: mtime,
    takenAtFrom: 'modified',
    sameEvent: true,
    openEventName: core.event.name,
    preview: { eventId: core.session.current!.manifest.eventId, eventName: core.event.name, participants: 64, schemaVersion: LATEST_SCHEMA_VERSION },
  });
  // Read-only: the file is byte for byte what it was, and nothing was made beside it.
  expect(fs.readFileSync(usb).equals(bytes)).toBe(true);
  expect(fs.readdirSync(path.dirname(usb))).toEqual(['forum-backup.sqlite']);
  // A copy that kept a backup's own name tells its time by the name, whenever it was copied.
  const named = path.join(path.dirname(usb), 'backup-2026-11-20T08-30-00-000Z-manual.sqlite');
  fs.copyFileSync(usb, named);
  expect(await call(core, 'backup.previewFile', { path: named })).toMatchObject({ takenAt: '2026-11-20T08:30:00.000Z', takenAtFrom: 'name' });
});

test('restoring from a file gives back exactly what the file holds, keeps the state before, and can be undone', async () => {
  const core = start();
  const usb = await toUsb(core);
  const before = await call<{ items: unknown[] }>(core, 'participants.list', { limit: 100 });
  renameFirst(core, 'Changed after the backup');
  const events: string[] = [];
  core.bus.subscribe((m) => events.push(m.topic));
  const restored = await call<{ restored: ExternalBackup; keptAs: string }>(core, 'backup.restoreFile', { path: usb });
  expect(restored.restored.path).toBe(usb);
  expect(restored.keptAs).toMatch(/before_restore\.sqlite$/u);
  expect(events).toContain('event.changed');
  expect(dumpTables(core.session.current!.db)).toEqual(dumpFile(usb));
  expect(await call(core, 'participants.list', { limit: 100 })).toEqual(before);
  const layout = core.session.current!.layout;
  const aside = fs.readdirSync(layout.backups).filter((f) => f.startsWith('replaced-'));
  expect(aside).toHaveLength(1);
  expect((dumpFile(path.join(layout.backups, aside[0]!, 'event.sqlite'))['participant'] as Array<{ display_name: string }>)[0]!.display_name).toBe('Changed after the backup');
  // The state before is a listed backup: restoring it brings the change back.
  await call(core, 'backup.restore', { name: restored.keptAs });
  expect(firstName(core)).toBe('Changed after the backup');
});

test('every file that cannot be restored is refused with its own code and message, and nothing changes', async () => {
  const core = start();
  const usb = await toUsb(core);
  renameFirst(core, 'Kept as it is');
  const stick = path.dirname(usb);
  const file = (name: string, content: string | Buffer) => {
    const p = path.join(stick, name);
    fs.writeFileSync(p, content);
    return p;
  };
  const copyWith = (name: string, change: (db: Database.Database) => void) => {
    const p = path.join(stick, name);
    fs.copyFileSync(usb, p);
    const db = new Database(p);
    change(db);
    db.close();
    return p;
  };
  const damaged = path.join(stick, 'damaged.sqlite');
  fs.copyFileSync(usb, damaged);
  const size = fs.statSync(damaged).size;
  const fd = fs.openSync(damaged, 'r+');
  fs.writeSync(fd, Buffer.alloc(4096 * 3, 0xa5), 0, 4096 * 3, Math.floor(size / 2 / 4096) * 4096);
  fs.closeSync(fd);
  const foreignDb = path.join(stick, 'notes.sqlite');
  new Database(foreignDb).exec('CREATE TABLE note (text TEXT)').close();
  const withWal = copyWith('raw-copy.sqlite', () => undefined);
  fs.writeFileSync(`${withWal}-wal`, Buffer.alloc(4096, 1));
  const loop = path.join(stick, 'loop.sqlite');
  fs.symlinkSync(loop, loop);

  const cases: Array<[string, string, RegExp]> = [
    [path.join(stick, 'missing.sqlite'), 'not_found', /There is no file at .*missing\.sqlite.*USB stick/u],
    [stick, 'not_a_file', /is a folder, not a backup file.*It holds: .*forum-backup\.sqlite/u],
    ['/dev/zero', 'not_a_file', /not a plain file/u],
    [file('notes.txt', 'shopping list\n'.repeat(20)), 'damaged', /not a readable Delegate Desk database/u],
    [file('empty.sqlite', ''), 'damaged', /not a readable Delegate Desk database/u],
    [damaged, 'damaged', /integrity check|cannot be read/u],
    [foreignDb, 'not_ours', /not one made by Delegate Desk/u],
    [copyWith('newer.sqlite', (db) => db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`)), 'newer_version', /newer Delegate Desk.*Update the app/u],
    [withWal, 'damaged', /raw-copy\.sqlite-wal beside it/u],
    [loop, 'unreadable', /loop/u],
    [core.session.current!.layout.database, 'open_database', /open event's own database/u],
  ];
  if (process.getuid?.() !== 0) {
    // chmod does not stop root; as anyone else an unreadable file is its own refusal.
    const locked = copyWith('locked.sqlite', () => undefined);
    fs.chmodSync(locked, 0o000);
    cases.push([locked, 'unreadable', /permission denied/u]);
  }
  const was = state(core);
  for (const [p, code, message] of cases) {
    for (const method of ['backup.previewFile', 'backup.restoreFile']) {
      const r = await core.dispatch(admin, method, { path: p });
      expect(r.ok, `${method} ${p}`).toBe(false);
      if (!r.ok) {
        expect(r.error.code, `${method} ${p}: ${r.error.message}`).toBe(code);
        expect(r.error.message, `${method} ${p}`).toMatch(message);
      }
    }
  }
  expect(await core.dispatch(admin, 'backup.restoreFile', { path: 'a\u0000b' })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('NUL') } });
  expect(await core.dispatch(admin, 'backup.previewFile', { path: '' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  expect(await core.dispatch(admin, 'backup.previewFile', { path: `/${'x'.repeat(4096)}` })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  expect(state(core)).toEqual(was);
  expect(firstName(core)).toBe('Kept as it is');
});

test("a backup of another event is shown as such and never restored into this one", async () => {
  const core = start();
  const other = start();
  const otherUsb = await toUsb(other, 'other-event.sqlite');
  other.session.current!.db.prepare(`UPDATE event SET name = 'Regional Observers Forum'`).run();
  const renamedUsb = path.join(path.dirname(otherUsb), 'renamed.sqlite');
  await call(other, 'backup.toPath', { path: renamedUsb });
  const seen = await call<{ sameEvent: boolean; openEventName: string; preview: { eventName: string } }>(core, 'backup.previewFile', { path: renamedUsb });
  expect(seen).toMatchObject({ sameEvent: false, openEventName: core.event.name, preview: { eventName: 'Regional Observers Forum' } });
  const was = state(core);
  const r = await core.dispatch(admin, 'backup.restoreFile', { path: renamedUsb });
  expect(r).toMatchObject({ ok: false, error: { code: 'wrong_event' } });
  expect(!r.ok && r.error.message).toMatch(/another event \("Regional Observers Forum"\).*nothing was restored.*delegate-desk restore/u);
  expect(state(core)).toEqual(was);
});

test('no LAN device can make the host read a path: refused before the file is looked at', async () => {
  const core = start();
  const usb = await toUsb(core);
  const lan: Caller[] = [
    { role: 'desk', transport: 'http', deviceId: 'desk-1', address: '192.168.8.31' },
    { role: 'presenter', transport: 'http', deviceId: 'p-1', address: '192.168.8.32' },
    { role: 'booth', transport: 'http', deviceId: 'b-1', address: '192.168.8.33' },
    { role: 'projector', transport: 'http', deviceId: 'pr-1', address: '192.168.8.34' },
    { role: 'unpaired', transport: 'http', address: '192.168.8.35' },
    // Even a device that somehow carried the admin role: a paired device is never the host machine.
    { role: 'admin', transport: 'http', deviceId: 'rogue', address: '192.168.8.36' },
  ];
  const was = state(core);
  for (const caller of lan) {
    for (const method of ['backup.previewFile', 'backup.restoreFile']) {
      // The same answer whether the path exists or not: a refusal tells nothing about the disk.
      for (const p of [usb, '/no/such/file.sqlite']) {
        const r = await core.dispatch(caller, method, { path: p });
        expect(r, `${caller.role} ${method}`).toMatchObject({ ok: false, error: { code: 'forbidden' } });
        expect(!r.ok && r.error.message).not.toContain(p);
      }
    }
  }
  expect(state(core)).toEqual(was);
});
