import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { demoEvent, dumpTables } from '../backup/backup_test_helpers';
import { takeBackup } from '../backup/backup_take';
import { listBackups } from '../backup/backup_files';
import { importFile } from '../import/import_file';
import { makeTempDir } from '../testing/temp_dir_test_helpers';
import { eraseEventFolder } from './erase_event';
import { eraseParticipantEverywhere } from './erase_participant';
import { sweepTargets } from './participant_erasers';

/** Every byte of every file under a folder, so "appears nowhere" includes the WAL, backups and uploads. */
function folderContains(dir: string, text: string): string[] {
  const needles = [Buffer.from(text, 'utf8'), Buffer.from(text, 'utf16le')];
  const hits: string[] = [];
  for (const rel of fs.readdirSync(dir, { recursive: true }).map(String)) {
    const full = path.join(dir, rel);
    if (fs.statSync(full).isFile() && needles.some((n) => fs.readFileSync(full).includes(n))) hits.push(rel);
  }
  return hits;
}

test('a passport number in an unmapped column is never stored anywhere in the event folder', async () => {
  const ws = demoEvent();
  const csv = [
    'Full name,E-mail,Passport No.,Internal ref',
    'Amara OKAFOR,amara@example.org,P98765432X,QQ-UNMAPPED-77',
    'Lucía NÚÑEZ,lucia@example.org,P12345678Y,QQ-UNMAPPED-78',
  ].join('\n');
  const outcome = await importFile(ws.db, Buffer.from(csv), 'registrations.csv');
  expect(outcome.ok && outcome.report.added).toBe(2);
  ws.db.pragma('wal_checkpoint(PASSIVE)');
  expect(folderContains(ws.layout.dir, 'Amara')).not.toEqual([]); // the search really looks into the files
  expect(folderContains(ws.layout.dir, 'P98765432X')).toEqual([]);
  expect(folderContains(ws.layout.dir, 'P12345678Y')).toEqual([]);
  expect(folderContains(ws.layout.dir, 'QQ-UNMAPPED-77')).toEqual([]);
  ws.close();
});

test('erasing a person removes their rows, photo and undo history from the event and from every backup', async () => {
  const ws = demoEvent();
  const person = ws.db.prepare('SELECT id, display_name AS name FROM participant ORDER BY id LIMIT 1 OFFSET 4').get() as { id: number; name: string };
  const marker = 'ERASE-ME-7Q2@example.org';
  ws.db.prepare('UPDATE participant SET email = ?, photo_file = ? WHERE id = ?').run(marker, `${person.id}-aaaaaaaaaaaa.jpg`, person.id);
  ws.db.prepare(`INSERT INTO participant_change (participant_id, kind, actor, after_json, changed_at) VALUES (?, 'update', 'desk-1', ?, '2026-12-01T09:00:00Z')`).run(person.id, JSON.stringify({ email: marker }));
  ws.db.prepare('UPDATE delegation SET head_participant_id = ? WHERE id = (SELECT min(id) FROM delegation)').run(person.id);
  // A table another feature adds later (a scan log): the generic sweep reaches it without an eraser.
  ws.db.exec('CREATE TABLE future_scan (id INTEGER PRIMARY KEY, participant_id INTEGER NOT NULL, at TEXT NOT NULL) STRICT');
  ws.db.prepare(`INSERT INTO future_scan (participant_id, at) VALUES (?, 'now'), (?, 'now'), (1, 'now')`).run(person.id, person.id);
  fs.writeFileSync(path.join(ws.layout.photos, `${person.id}-aaaaaaaaaaaa.jpg`), 'jpeg');
  fs.writeFileSync(path.join(ws.layout.photos, `${person.id}-bbbbbbbbbbbb.png`), 'older photo');
  await takeBackup(ws.db, ws.layout.backups, 'auto');
  await takeBackup(ws.db, ws.layout.backups, 'manual');
  expect(folderContains(ws.layout.dir, marker).length).toBeGreaterThanOrEqual(3);
  const othersBefore = ws.db.prepare('SELECT * FROM participant WHERE id != ? ORDER BY id').all(person.id);

  expect(sweepTargets(ws.db)).toContainEqual({ table: 'future_scan', column: 'participant_id' });
  const erased = eraseParticipantEverywhere(ws.db, ws.layout, person.id);
  if (!erased.ok) throw new Error(erased.error.message);
  expect(erased.value.backupsScrubbed).toBe(2);
  expect(erased.value.photoRemoved).toBe(true);
  expect(erased.value.tables).toEqual(
    expect.arrayContaining([{ table: 'participant', rows: 1 }, { table: 'participant_change', rows: 1 }, { table: 'future_scan', rows: 2 }, { table: 'delegation', rows: 1 }]),
  );
  expect(folderContains(ws.layout.dir, marker)).toEqual([]);
  expect(folderContains(ws.layout.dir, person.name)).toEqual([]);
  expect(fs.readdirSync(ws.layout.photos).filter((f) => f.startsWith(`${person.id}-`))).toEqual([]);
  expect(ws.db.prepare('SELECT * FROM participant WHERE id != ? ORDER BY id').all(person.id)).toEqual(othersBefore);
  expect(ws.db.prepare('SELECT count(*) AS n FROM future_scan').get()).toEqual({ n: 1 });
  expect(ws.db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(listBackups(ws.layout.backups)).toHaveLength(2);
  expect(eraseParticipantEverywhere(ws.db, ws.layout, person.id)).toMatchObject({ ok: false, error: { code: 'not_found' } });
  ws.close();
});

test('erasing the whole event removes the folder with its backups, and refuses anything that is not an event', async () => {
  const ws = demoEvent();
  await takeBackup(ws.db, ws.layout.backups, 'manual');
  const dir = ws.layout.dir;
  const before = dumpTables(ws.db);
  expect(Object.keys(before).length).toBeGreaterThan(5);
  ws.close();
  const papers = makeTempDir();
  fs.writeFileSync(path.join(papers, 'thesis.docx'), 'mine');
  expect(eraseEventFolder(papers)).toMatchObject({ ok: false, error: { code: 'not_ours' } });
  expect(fs.existsSync(path.join(papers, 'thesis.docx'))).toBe(true);
  const erased = eraseEventFolder(dir);
  expect(erased.ok && erased.value.filesRemoved).toBeGreaterThanOrEqual(5);
  expect(fs.existsSync(dir)).toBe(false);
  expect(eraseEventFolder(dir)).toMatchObject({ ok: false, error: { code: 'not_found' } });
});
