import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { openEventFolder } from '../workspace/event_workspace';
import { makeTempDir } from '../testing/temp_dir_test_helpers';
import { demoEvent, dumpFile, dumpTables } from './backup_test_helpers';
import { backupFileName, backupsToRotate, listBackups, parseBackupName } from './backup_files';
import { inspectDatabaseFile } from './backup_inspect';
import { backupToFile, takeBackup } from './backup_take';
import { restoreDatabaseInto, restoreIntoNewFolder } from './backup_restore';
import { BackupService } from './backup_service';
import { recoveryOffer } from './recovery';

function rename(ws: ReturnType<typeof demoEvent>, id: number, name: string) {
  ws.db.prepare('UPDATE participant SET display_name = ? WHERE id = ?').run(name, id);
}

/** Overwrites bytes in the middle of a database file (a bad sector, a half-written page). */
function damagePages(file: string) {
  const size = fs.statSync(file).size;
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(4096 * 3, 0xa5), 0, 4096 * 3, Math.floor(size / 2 / 4096) * 4096);
  fs.closeSync(fd);
}

test('a backup is one standalone file that holds exactly the event, and its preview says what is in it', async () => {
  const ws = demoEvent();
  const taken = await takeBackup(ws.db, ws.layout.backups, 'manual', new Date('2026-12-01T09:14:05.123Z'));
  expect(taken.ok && taken.value).toMatchObject({ name: 'backup-2026-12-01T09-14-05-123Z-manual.sqlite', reason: 'manual', takenAt: '2026-12-01T09:14:05.123Z' });
  const file = path.join(ws.layout.backups, 'backup-2026-12-01T09-14-05-123Z-manual.sqlite');
  expect(fs.existsSync(`${file}-wal`)).toBe(false);
  expect(fs.readdirSync(ws.layout.backups).filter((f) => f.includes('partial'))).toEqual([]);
  expect(dumpFile(file)).toEqual(dumpTables(ws.db));
  const preview = inspectDatabaseFile(file);
  expect(preview.ok && preview.value).toMatchObject({ eventId: ws.manifest.eventId, participants: 64, schemaVersion: LATEST_SCHEMA_VERSION });
  expect(listBackups(ws.layout.backups).map((b) => b.name)).toEqual([path.basename(file)]);
  ws.close();
});

test('automatic backups happen only when something changed, and once more at close', async () => {
  const ws = demoEvent();
  let clock = Date.parse('2026-12-01T08:00:00.000Z');
  const service = new BackupService({ current: () => ws, now: () => new Date((clock += 60_000)) });
  fs.writeFileSync(path.join(ws.layout.backups, '.backup-2026-12-01T07-00-00-000Z-auto.sqlite.123.partial'), 'killed mid-copy');
  service.opened(ws);
  expect(fs.readdirSync(ws.layout.backups)).toEqual([]);
  expect((await service.tick()).ok && listBackups(ws.layout.backups)).toEqual([]);
  rename(ws, 1, 'Changed once');
  const first = await service.tick();
  expect(first.ok && first.value?.reason).toBe('auto');
  expect(await service.tick()).toEqual({ ok: true, value: null });
  expect(service.status(ws)).toMatchObject({ changedSinceBackup: false, damage: null });
  rename(ws, 2, 'Changed twice');
  expect(service.status(ws).changedSinceBackup).toBe(true);
  service.beforeClose(ws);
  const names = listBackups(ws.layout.backups).map((b) => b.reason);
  expect(names).toEqual(['close', 'auto']);
  const closeCopy = path.join(ws.layout.backups, listBackups(ws.layout.backups)[0]?.name ?? '');
  expect(dumpFile(closeCopy)).toEqual(dumpTables(ws.db));
  ws.close();
});

test('rotation keeps the newest ten and one an hour, and never removes manual backups', () => {
  const now = new Date('2026-12-03T12:00:00.000Z');
  const backups = [];
  for (let i = 0; i < 60; i++) {
    const at = new Date(now.getTime() - i * 20 * 60_000);
    backups.push({ name: backupFileName(at, i % 7 === 0 ? 'manual' : 'auto'), ...parseBackupName(backupFileName(at, i % 7 === 0 ? 'manual' : 'auto'))!, sizeBytes: 1 });
  }
  const removed = new Set(backupsToRotate(backups, now, { keepLast: 10, keepHourlyFor: 72 }).map((b) => b.name));
  const kept = backups.filter((b) => !removed.has(b.name));
  expect(kept.filter((b) => b.reason === 'manual')).toHaveLength(9);
  const keptAuto = kept.filter((b) => b.reason === 'auto').sort((a, b) => b.takenAt.localeCompare(a.takenAt));
  const allAuto = backups.filter((b) => b.reason === 'auto');
  expect(keptAuto.slice(0, 10)).toEqual(allAuto.slice(0, 10));
  const hours = new Set(allAuto.map((b) => b.takenAt.slice(0, 13)));
  expect(new Set(keptAuto.map((b) => b.takenAt.slice(0, 13)))).toEqual(hours);
  expect(removed.size).toBeGreaterThan(0);
});

test('restore puts a backup back exactly and keeps the replaced database aside', async () => {
  const ws = demoEvent();
  await takeBackup(ws.db, ws.layout.backups, 'manual');
  const backup = path.join(ws.layout.backups, listBackups(ws.layout.backups)[0]!.name);
  const before = dumpTables(ws.db);
  rename(ws, 3, 'After the backup');
  const changed = dumpTables(ws.db);
  const { dir, manifest } = { dir: ws.layout.dir, manifest: ws.manifest };
  ws.close();
  const restored = restoreDatabaseInto(dir, backup, manifest);
  expect(restored.ok).toBe(true);
  const reopened = openEventFolder(dir);
  if (!reopened.ok) throw new Error(reopened.error.message);
  expect(dumpTables(reopened.value.db)).toEqual(before);
  reopened.value.close();
  const aside = restored.ok ? restored.value.keptAside : null;
  expect(aside && dumpFile(path.join(aside, 'event.sqlite'))).toEqual(changed);
});

test('a damaged or foreign backup is refused and the event is left as it was', async () => {
  const ws = demoEvent();
  const other = demoEvent();
  await takeBackup(other.db, other.layout.backups, 'manual');
  const foreign = path.join(other.layout.backups, listBackups(other.layout.backups)[0]!.name);
  await takeBackup(ws.db, ws.layout.backups, 'manual');
  const damaged = path.join(ws.layout.backups, listBackups(ws.layout.backups)[0]!.name);
  damagePages(damaged);
  const before = dumpTables(ws.db);
  const { dir, manifest } = { dir: ws.layout.dir, manifest: ws.manifest };
  ws.close();
  const r1 = restoreDatabaseInto(dir, damaged, manifest);
  expect(r1.ok || r1.error).toMatchObject({ code: 'damaged' });
  const r2 = restoreDatabaseInto(dir, foreign, manifest);
  expect(r2.ok || r2.error.message).toContain('another event');
  const r3 = restoreDatabaseInto(dir, path.join(dir, 'delegate-desk-event.json'), manifest);
  expect(r3.ok || r3.error.code).toBe('damaged');
  const r4 = restoreDatabaseInto(dir, path.join(dir, 'gone.sqlite'), manifest);
  expect(r4.ok || r4.error.code).toBe('not_found');
  // Each was checked as the copy that would have gone in place, and no copy is left behind.
  expect(fs.readdirSync(dir).filter((f) => f.includes('.restoring'))).toEqual([]);
  const reopened = openEventFolder(dir);
  expect(reopened.ok && dumpTables(reopened.value.db)).toEqual(before);
  if (reopened.ok) reopened.value.close();
  other.close();
});

test('a damaged event database is detected at open and the newest good backup is offered, not swapped in', async () => {
  const ws = demoEvent();
  for (let i = 0; i < 300; i++) ws.db.prepare('UPDATE participant SET notes = ? WHERE id = ?').run('x'.repeat(500), (i % 64) + 1);
  await takeBackup(ws.db, ws.layout.backups, 'auto', new Date('2026-12-01T08:00:00.000Z'));
  await takeBackup(ws.db, ws.layout.backups, 'auto', new Date('2026-12-01T09:00:00.000Z'));
  damagePages(path.join(ws.layout.backups, 'backup-2026-12-01T09-00-00-000Z-auto.sqlite'));
  ws.db.pragma('wal_checkpoint(TRUNCATE)');
  // A bad sector inside the participant table's pages: the event still opens (its schema and
  // event row are intact), and only the integrity check can tell.
  const pageSize = Number(ws.db.pragma('page_size', { simple: true }));
  const leaf = ws.db.prepare(`SELECT pageno FROM dbstat WHERE name = 'participant' AND pagetype = 'leaf' ORDER BY pageno LIMIT 1 OFFSET 3`).get() as { pageno: number };
  const dir = ws.layout.dir;
  ws.close();
  const fd = fs.openSync(path.join(dir, 'event.sqlite'), 'r+');
  fs.writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (leaf.pageno - 1) * pageSize);
  fs.closeSync(fd);
  const reopened = openEventFolder(dir);
  expect(reopened.ok).toBe(true);
  if (reopened.ok) {
    const service = new BackupService({ current: () => reopened.value });
    service.opened(reopened.value);
    const damage = service.status(reopened.value).damage;
    expect(damage?.problem).toBeTruthy();
    expect(damage?.offer?.name).toBe('backup-2026-12-01T08-00-00-000Z-auto.sqlite');
    reopened.value.close();
  }
  expect(recoveryOffer(dir)?.backup).toContain('backup-2026-12-01T08-00-00-000Z-auto.sqlite');
  // Still the damaged database: nothing was swapped in behind anyone's back.
  const live = fs.readFileSync(path.join(dir, 'event.sqlite'));
  expect(live.includes(Buffer.alloc(4096, 0xa5))).toBe(true);
});

test('back up to a chosen file never replaces one, and says when the folder is gone', async () => {
  const ws = demoEvent();
  const usb = makeTempDir();
  const first = await backupToFile(ws.db, path.join(usb, 'forum.sqlite'));
  expect(first.ok).toBe(true);
  const again = await backupToFile(ws.db, path.join(usb, 'forum.sqlite'));
  expect(again.ok || again.error.code).toBe('exists');
  const gone = await backupToFile(ws.db, path.join(usb, 'unplugged', 'forum.sqlite'));
  expect(gone.ok || gone.error.message).toContain('USB stick');
  const second = path.join(makeTempDir(), 'second-laptop');
  const fresh = restoreIntoNewFolder(second, path.join(usb, 'forum.sqlite'));
  expect(fresh.ok && fresh.value.newKeys).toBe(true);
  const opened = openEventFolder(second);
  if (!opened.ok) throw new Error(opened.error.message);
  expect(opened.value.manifest.eventId).toBe(ws.manifest.eventId);
  expect(dumpTables(opened.value.db)).toEqual(dumpTables(ws.db));
  opened.value.close();
  ws.close();
});
