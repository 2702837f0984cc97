import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { beforeAll, expect, test } from 'vitest';
import { importFile } from './import_file';
import { encoded, newEvent, storedPeople, tableCounts, withoutId } from './import_test_helpers';
import { unpackWriteChunk, WriteChunkPacker } from './write_chunk';
import { emptyWriteRow, WRITE_UPDATE, type WriteRow } from './write_session';

// The writer thread runs built code, as in the app: built once here, inside the repository so
// that it finds better-sqlite3 in node_modules.
const built = path.resolve(__dirname, '..', '..', '..', 'node_modules', '.cache', 'dd-tests', `import_write_${process.pid}.cjs`);
beforeAll(async () => {
  await build({ entryPoints: [path.join(__dirname, 'write_worker.ts')], outfile: built, bundle: true, platform: 'node', format: 'cjs', packages: 'external', logLevel: 'warning' });
  return () => fs.rmSync(built, { force: true });
});
const onThread = () => ({ writerThread: { file: built, fromBytes: 0 } });

const SCRIPTS: Array<[string, string, string, string]> = [
  ['Kim', 'Minjun', '김민준', 'KR'],
  ['Núñez', 'María José', '', 'ES'],
  ['Kovačević', 'Ana', '', 'HR'],
  ['Ivanova', 'Olga', 'Иванова Ольга', 'RU'],
  ['Yamada', 'Taro', '山田太郎', 'JP'],
  ['Al-Hashimi', 'Sara', 'سارة الهاشمي', 'JO'],
];

/** A registration export of `count` people: many scripts, delegations with heads, notes with line breaks. */
function exportOf(count: number, changed = false): string {
  const lines = ['Registration ID,Family name,Given name,Native name,Organisation,Country,Delegation,Head,Category,Languages,Email,Notes'];
  for (let i = 1; i <= count; i++) {
    const [family, given, native, country] = SCRIPTS[i % SCRIPTS.length]!;
    const org = changed && i % 7 === 0 ? 'Ministry of Justice' : `Election Commission ${country}`;
    const notes = i % 5 === 0 ? '"wheelchair\naccess, ""halal"""' : '';
    const email = i % 11 === 0 ? '' : `p${i}@example.org`;
    lines.push([`R-${i}`, `${family}${i}`, given, native, org, country, `Delegation ${country}`, i <= SCRIPTS.length ? 'yes' : '', i % 3 ? 'delegate' : 'observer', '"en, fr"', email, notes].join(','));
  }
  return `${lines.join('\n')}\n`;
}

function batches(db: ReturnType<typeof newEvent>['db']) {
  return db.prepare('SELECT source, file_name, rows_read, added, updated, unchanged, skipped FROM import_batch ORDER BY id').all();
}

test('a file written on the writer thread stores exactly what the same import stores on one thread, first import and re-import', async () => {
  const one = newEvent();
  const two = newEvent();
  const now = '2026-03-02T10:00:00.000Z';
  for (const [file, changed] of [['v1.csv', false], ['v2.csv', true]] as const) {
    const bytes = encoded(exportOf(1200, changed), 'utf-8');
    const inThread = await importFile(one.db, bytes, file, { source: 'registration', now });
    const threaded = await importFile(two.db, bytes, file, { source: 'registration', now, ...onThread() });
    expect(threaded).toEqual(inThread);
    expect(inThread.ok).toBe(true);
  }
  const people = storedPeople(two.db);
  expect(people.map(withoutId)).toEqual(storedPeople(one.db).map(withoutId));
  expect(people).toHaveLength(1200);
  expect(people.find((p) => p.externalId === 'R-42')).toMatchObject({ organisation: 'Ministry of Justice', nativeName: '김민준', delegation: 'Delegation KR' });
  expect(batches(two.db)).toEqual(batches(one.db));
  expect(batches(two.db)[1]).toMatchObject({ rows_read: 1200, added: 0, updated: 171, unchanged: 1029 });
  const heads = (db: typeof one.db) => db.prepare('SELECT d.name, p.external_id AS head, d.protocol_order FROM delegation d LEFT JOIN participant p ON p.id = d.head_participant_id ORDER BY d.id').all();
  expect(heads(two.db)).toEqual(heads(one.db));
  expect(two.db.prepare("SELECT count(DISTINCT protocol_order) AS n FROM participant WHERE delegation_id = (SELECT id FROM delegation WHERE name = 'Delegation KR')").get()).toEqual({ n: 200 });
  one.close();
  two.close();
});

test('a file refused after rows went to the writer thread leaves the event as it was', async () => {
  const ws = newEvent();
  await importFile(ws.db, encoded(exportOf(50), 'utf-8'), 'first.csv', onThread());
  const before = tableCounts(ws.db);
  const people = storedPeople(ws.db);
  // Row 2,501 repeats an id: everything before it was already handed to the thread.
  const csv = `${exportOf(2500, true)}R-3,Again,Someone,,Org,KR,,,,,,\n`;
  const outcome = await importFile(ws.db, encoded(csv, 'utf-8'), 'second.csv', { ...onThread(), skipRowsWithErrors: false });
  expect(outcome.ok).toBe(false);
  if (!outcome.ok) expect(outcome.message).toMatch(/^Nothing was imported: 1 of 2501 rows have errors\. The first: .*row 2502/u);
  expect({ ...tableCounts(ws.db), changes: 0 }).toEqual({ ...before, changes: 0 });
  expect(storedPeople(ws.db)).toEqual(people);
  ws.close();
});

test('a writer thread that dies before it commits: nothing is written and the message says what to do', async () => {
  const ws = newEvent();
  const dying = path.join(path.dirname(built), `dying_${process.pid}.cjs`);
  // Takes a few rows into a transaction of its own, then the thread ends without committing.
  fs.writeFileSync(dying, `const { workerData, parentPort } = require('node:worker_threads');
const Database = require('better-sqlite3');
const db = new Database(workerData.file);
db.exec('BEGIN IMMEDIATE');
db.prepare("INSERT INTO delegation (name, protocol_order) VALUES ('half-way', 99)").run();
parentPort.once('message', () => process.exit(7));\n`);
  try {
    const before = tableCounts(ws.db);
    const outcome = await importFile(ws.db, encoded(exportOf(3000), 'utf-8'), 'big.csv', { writerThread: { file: dying, fromBytes: 0 } });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.message).toMatch(/^Nothing was imported: the event's database could not be written \(the writer thread stopped \(exit code 7\)/u);
      expect(outcome.message).toMatch(/import big\.csv again\.$/u);
    }
    expect({ ...tableCounts(ws.db), changes: 0 }).toEqual({ ...before, changes: 0 });
    // The event takes writes again at once: the dead thread's transaction is gone.
    expect((await importFile(ws.db, encoded(exportOf(10), 'utf-8'), 'small.csv')).ok).toBe(true);
  } finally {
    fs.rmSync(dying, { force: true });
    ws.close();
  }
});

test('rows packed for the writer thread come back the same: null and empty kept apart, every script, emoji and line breaks', () => {
  const packer = new WriteChunkPacker();
  const rows: WriteRow[] = [];
  const texts = ['', 'Núñez', '김민준', '👩🏽‍⚕️ a\nb', '\ud800 lone', '=cmd|calc', 'x'.repeat(600)];
  for (let i = 0; i < 40; i++) {
    const r = emptyWriteRow();
    r.kind = WRITE_UPDATE;
    r.row = i + 2;
    r.existingId = i * 3;
    r.restored = i % 2 === 0;
    r.isHead = i % 3 === 0;
    r.resolveDelegation = i % 4 === 0;
    r.delegationName = i % 5 ? texts[i % texts.length]! : null;
    r.delegationId = i % 6 ? i : null;
    for (let c = 0; c < r.columns.length - 1; c++) r.columns[c] = c === 10 ? null : (i + c) % 8 === 7 ? null : texts[(i + c) % texts.length]!;
    rows.push(r);
    packer.add(r);
  }
  const chunk = packer.take();
  expect(packer.size).toBe(0);
  const back: WriteRow[] = [];
  unpackWriteChunk(chunk, (r) => back.push({ ...r, columns: [...r.columns] }));
  expect(back).toEqual(rows.map((r) => ({ ...r, columns: [...r.columns.slice(0, -1), null] })));
  // A chunk that does not add up is refused before any row is written.
  let seen = 0;
  expect(() => unpackWriteChunk({ ...chunk, count: chunk.count + 1 }, () => seen++)).toThrow(/does not add up/u);
  expect(seen).toBe(0);
});
