import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { demoEvent, dumpTables } from '../backup/backup_test_helpers';
import { makeTempDir } from '../testing/temp_dir_test_helpers';
import { openEventFolder } from '../workspace/event_workspace';
import { exportEvent, importEvent } from './event_transfer';

const PASS = 'correct horse battery staple';

async function exported(options: { photo?: boolean } = {}) {
  const ws = demoEvent();
  if (options.photo) fs.writeFileSync(path.join(ws.layout.photos, '1-0123456789ab.jpg'), Buffer.from([0xff, 0xd8, 0xff, 1, 2, 3]));
  const file = path.join(makeTempDir(), 'forum.ddevent');
  const out = await exportEvent(ws.layout.dir, file, PASS, { db: ws.db, logN: 14 });
  if (!out.ok) throw new Error(out.error.message);
  return { ws, file };
}

function listFiles(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true }).map(String).sort() : [];
}

test('an exported event imports elsewhere with the same data, keys and photos', async () => {
  const { ws, file } = await exported({ photo: true });
  const bytes = fs.readFileSync(file);
  // Nothing readable inside: no name, no key, no SQLite header.
  expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
  expect(bytes.includes(Buffer.from('PRIVATE KEY'))).toBe(false);
  const target = path.join(makeTempDir(), 'laptop-2', 'forum');
  const imported = importEvent(file, target, PASS);
  expect(imported.ok && imported.value).toMatchObject({ eventId: ws.manifest.eventId, replacedKeptAt: null });
  const opened = openEventFolder(target);
  if (!opened.ok) throw new Error(opened.error.message);
  expect(dumpTables(opened.value.db)).toEqual(dumpTables(ws.db));
  for (const f of ['keys/badge-signing-key.pem', 'keys/badge-signing-key.pub.pem', 'photos/1-0123456789ab.jpg', 'delegate-desk-event.json']) {
    expect(fs.readFileSync(path.join(target, f))).toEqual(fs.readFileSync(path.join(ws.layout.dir, f)));
  }
  expect(fs.statSync(path.join(target, 'keys/badge-signing-key.pem')).mode & 0o077).toBe(0);
  opened.value.close();
  ws.close();
});

test('a wrong passphrase or a changed byte is refused, and nothing is written', async () => {
  const { ws, file } = await exported();
  const parent = makeTempDir();
  const target = path.join(parent, 'forum');
  const wrong = importEvent(file, target, 'correct horse battery stable');
  expect(wrong.ok || wrong.error).toMatchObject({ code: 'wrong_passphrase', message: expect.stringContaining('passphrase is wrong') });
  expect(listFiles(parent)).toEqual([]);

  const bytes = fs.readFileSync(file);
  for (const at of [bytes.length - 1, bytes.length - 40, Math.floor(bytes.length / 2)]) {
    const changed = Buffer.from(bytes);
    changed[at] = (changed[at] ?? 0) ^ 0x01;
    const tampered = path.join(makeTempDir(), 'tampered.ddevent');
    fs.writeFileSync(tampered, changed);
    const r = importEvent(tampered, target, PASS);
    expect(r.ok || r.error.code).toBe('tampered');
    expect(listFiles(parent)).toEqual([]);
  }
  // The header is authenticated too: a weakened KDF parameter is caught, not obeyed.
  const header = bytes.toString('latin1', 12, 12 + bytes.readUInt32BE(8));
  const weakened = Buffer.concat([bytes.subarray(0, 12), Buffer.from(header.replace('"p":1', '"p":2'), 'latin1'), bytes.subarray(12 + header.length)]);
  const wf = path.join(makeTempDir(), 'weakened.ddevent');
  fs.writeFileSync(wf, weakened);
  const w = importEvent(wf, target, PASS);
  expect(w.ok).toBe(false);
  const truncated = path.join(makeTempDir(), 'cut.ddevent');
  fs.writeFileSync(truncated, bytes.subarray(0, 30));
  expect(importEvent(truncated, target, PASS)).toMatchObject({ ok: false, error: { code: 'not_an_export' } });
  expect(listFiles(parent)).toEqual([]);
  ws.close();
});

test('an existing event is replaced only when told, and then kept aside; short passphrases are refused', async () => {
  const { ws, file } = await exported();
  const other = demoEvent();
  const blocked = importEvent(file, other.layout.dir, PASS);
  expect(blocked.ok || blocked.error.code).toBe('exists');
  const otherDir = other.layout.dir;
  const otherDump = dumpTables(other.db);
  other.close();
  const forced = importEvent(file, otherDir, PASS, { force: true });
  if (!forced.ok) throw new Error(forced.error.message);
  const kept = openEventFolder(forced.value.replacedKeptAt ?? '');
  expect(kept.ok && dumpTables(kept.value.db)).toEqual(otherDump);
  if (kept.ok) kept.value.close();
  const short = await exportEvent(ws.layout.dir, path.join(makeTempDir(), 'x.ddevent'), 'short', { db: ws.db });
  expect(short.ok || short.error.code).toBe('weak_passphrase');
  const again = await exportEvent(ws.layout.dir, file, PASS, { db: ws.db, logN: 14 });
  expect(again.ok || again.error.code).toBe('exists');
  ws.close();
});
