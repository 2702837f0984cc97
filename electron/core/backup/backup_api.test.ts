import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import type { BackupInfo, BackupStatus } from '../../contract';
import type { Caller } from '../api/caller';
import { ADMIN_CALLER, callValue, useTestHosts } from '../api/host_test_helpers';
import { makeTempDir } from '../testing/temp_dir_test_helpers';
import { dumpTables } from './backup_test_helpers';

const admin = ADMIN_CALLER;
const { start, forget } = useTestHosts();
const desk: Caller = { role: 'desk', transport: 'test', deviceId: 'desk-1' };
const call = callValue;

test('admin backs up, previews and restores through the API; the state before the restore stays restorable', async () => {
  const core = start();
  const db = () => core.session.current!.db;
  const taken = await call<BackupInfo>(core, 'backup.now', {});
  const snapshot = dumpTables(db());
  db().prepare(`UPDATE participant SET display_name = 'Changed after the backup' WHERE id = 1`).run();
  expect((await call<BackupStatus>(core, 'backup.status', {})).changedSinceBackup).toBe(true);
  const preview = await call<{ preview: { participants: number; eventName: string } }>(core, 'backup.preview', { name: taken.name });
  expect(preview.preview).toMatchObject({ participants: 64, eventName: core.event.name });

  const events: string[] = [];
  core.bus.subscribe((m) => events.push(m.topic));
  const restored = await call<{ keptAs: string }>(core, 'backup.restore', { name: taken.name });
  expect(restored.keptAs).toMatch(/before_restore\.sqlite$/u);
  // One copy of the state before the restore, not a second one taken as the event closed.
  expect(fs.readdirSync(core.session.current!.layout.backups).filter((f) => f.endsWith('-close.sqlite'))).toEqual([]);
  expect(events).toContain('event.changed');
  expect(dumpTables(db())).toEqual(snapshot);
  // Undo the restore: the kept state comes back with the change in it.
  await call(core, 'backup.restore', { name: restored.keptAs });
  expect((db().prepare('SELECT display_name AS n FROM participant WHERE id = 1').get() as { n: string }).n).toBe('Changed after the backup');
});

test('backup methods are admin only, refuse names outside the backups folder, and back up to a chosen path', async () => {
  const core = start();
  expect(await core.dispatch(desk, 'backup.now', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  expect(await core.dispatch(admin, 'backup.preview', { name: '../event.sqlite' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  expect(await core.dispatch(admin, 'backup.restore', { name: 'backup-2020-01-01T00-00-00-000Z-manual.sqlite' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  const usb = path.join(makeTempDir(), 'forum.sqlite');
  expect(await core.dispatch(admin, 'backup.toPath', { path: usb })).toMatchObject({ ok: true });
  expect(fs.existsSync(usb)).toBe(true);
  expect(await core.dispatch(admin, 'backup.toPath', { path: usb })).toMatchObject({ ok: false, error: { code: 'exists' } });
});

test('erasing a person needs their name typed exactly, then takes them out everywhere; closing takes a last backup', async () => {
  const core = start();
  const ws = core.session.current!;
  const person = ws.db.prepare('SELECT id, display_name AS name FROM participant WHERE id = 7').get() as { id: number; name: string };
  expect(await core.dispatch(admin, 'privacy.eraseParticipant', { participantId: 7, confirmName: 'someone else' })).toMatchObject({ ok: false, error: { code: 'confirm_mismatch' } });
  const erased = await call<{ tables: Array<{ table: string; rows: number }> }>(core, 'privacy.eraseParticipant', { participantId: 7, confirmName: ` ${person.name} ` });
  expect(erased.tables).toContainEqual({ table: 'participant', rows: 1 });
  expect(await call<{ total: number }>(core, 'participants.list', { query: person.name.split(' ')[0] ?? '' })).not.toMatchObject({ items: [{ id: 7 }] });
  const backupsDir = ws.layout.backups;
  core.close();
  forget(core);
  expect(fs.readdirSync(backupsDir).filter((f) => f.endsWith('-close.sqlite'))).toHaveLength(1);
});
