// Group commit on a real SQLite file (WAL, synchronous=FULL): writes queued together share one
// COMMIT, each caller hears only after it (a second connection already sees the row), one
// failing write is rolled back alone, a failed COMMIT fails everyone and keeps nothing, and
// scans in one batch come out exactly as they would one by one.
import path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { connect, type Db } from '../db/connection';
import { makeTempDir } from '../testing/temp_dir_test_helpers';
import { createCheckinTestEvent, PEOPLE, scanOf } from './checkin_test_helpers';
import { EventClosedError, GroupCommit } from './group_commit';
import { recordScan } from './scan_service';

let db: Db;
let reader: Db;
beforeEach(() => {
  const file = path.join(makeTempDir('dd-group-'), 'g.sqlite');
  db = connect(file);
  db.exec('CREATE TABLE parent (id INTEGER PRIMARY KEY) STRICT; CREATE TABLE t (id INTEGER PRIMARY KEY, k TEXT NOT NULL UNIQUE, parent INTEGER REFERENCES parent(id)) STRICT');
  reader = connect(file, { readonly: true });
});
afterEach(() => {
  reader.close();
  if (db.open) db.close();
});

const insert = (k: string, parent: number | null = null) => () => Number(db.prepare('INSERT INTO t (k, parent) VALUES (?, ?)').run(k, parent).lastInsertRowid);
const visible = (k: string) => reader.prepare('SELECT 1 FROM t WHERE k = ?').get(k) !== undefined;

test('writes queued in one turn share one commit, in order; every answer comes after the commit', async () => {
  const group = new GroupCommit(db);
  const seenAtAnswer: boolean[] = [];
  const answers = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      group.run(insert(`k${i}`)).then((id) => {
        // The answer arrives with the transaction closed and the row readable by anyone else.
        seenAtAnswer.push(!db.inTransaction && visible(`k${i}`));
        return id;
      }),
    ),
  );
  expect(answers).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  expect(seenAtAnswer).toEqual(Array.from({ length: 20 }, () => true));
  expect(group.stats()).toEqual({ commits: 1, writes: 20, largest: 20 });
});

test('a batch is bounded: the rest waits for the next commit', async () => {
  const group = new GroupCommit(db, 8);
  await Promise.all(Array.from({ length: 20 }, (_, i) => group.run(insert(`k${i}`))));
  expect(group.stats()).toEqual({ commits: 3, writes: 20, largest: 8 });
  expect((reader.prepare('SELECT count(*) AS n FROM t').get() as { n: number }).n).toBe(20);
});

test('a write that throws is rolled back alone; the others are committed', async () => {
  const group = new GroupCommit(db);
  const results = await Promise.allSettled([
    group.run(insert('a')),
    group.run(() => {
      insert('b')();
      insert('a')(); // a UNIQUE violation after a first write: the whole unit must go
    }),
    group.run(insert('c')),
  ]);
  expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  expect(['a', 'b', 'c'].map(visible)).toEqual([true, false, true]);
  expect(group.stats().commits).toBe(1);
});

test('a COMMIT that fails answers every caller with the error and keeps nothing', async () => {
  const group = new GroupCommit(db);
  // A deferred foreign key is only checked at COMMIT: the commit itself fails.
  db.pragma('defer_foreign_keys = ON');
  const results = await Promise.allSettled([group.run(insert('a')), group.run(insert('b', 99)), group.run(insert('c'))]);
  expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
  expect(['a', 'b', 'c'].map(visible)).toEqual([false, false, false]);
  expect(db.inTransaction).toBe(false);
  expect(group.stats().commits).toBe(0);
  // The queue keeps working afterwards.
  await group.run(insert('d'));
  expect(visible('d')).toBe(true);
});

test('an event closed before its batch ran: the callers hear EventClosedError', async () => {
  const group = new GroupCommit(db);
  const pending = group.run(insert('a'));
  db.close();
  await expect(pending).rejects.toBeInstanceOf(EventClosedError);
});

test('scans in one batch come out as they would one by one: one welcome, "already" at the first desk, replays, refusals', async () => {
  const ev = createCheckinTestEvent();
  try {
    const group = new GroupCommit(ev.ws.db);
    const first = scanOf({ code: ev.code(PEOPLE.kim) });
    const jobs = [
      { req: first, desk: 'Desk 1' },
      { req: scanOf({ code: ev.code(PEOPLE.kim) }), desk: 'Desk 2' },
      { req: first, desk: 'Desk 1' }, // the same scan sent twice (a retry): a replay
      { req: scanOf({ participantId: PEOPLE.wang }, { sessionId: 999 }), desk: 'Desk 3' }, // no such session
      { req: scanOf({ code: 'DD1-not-a-badge' }), desk: 'Desk 3' },
      { req: scanOf({ participantId: PEOPLE.wang }), desk: 'Desk 3' },
    ];
    const answers = await Promise.all(jobs.map(({ req, desk }) => group.run(() => recordScan(ev.ws.db, req, ev.ctx(desk)))));
    expect(group.stats().commits).toBe(1);
    const outcome = (i: number) => {
      const a = answers[i];
      if (!a?.ok) throw new Error(`scan ${i} refused: ${a?.error.code ?? ''}`);
      return a.value;
    };
    expect(outcome(0)).toMatchObject({ result: 'welcome', replay: false, checkIn: { deskName: 'Desk 1' } });
    expect(outcome(1)).toMatchObject({ result: 'already', checkIn: { deskName: 'Desk 1' } });
    expect(outcome(1).message).toContain('(Desk 1)');
    expect(outcome(2)).toMatchObject({ result: 'welcome', replay: true, scanId: outcome(0).scanId });
    expect(answers[3]).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(outcome(4).result).toBe('unknown');
    expect(outcome(5).result).toBe('welcome');
    const n = (sql: string) => (ev.ws.db.prepare(sql).get() as { n: number }).n;
    // Every scan that reached a decision is in the log (the replay and the missing session add none).
    expect(n('SELECT count(*) AS n FROM checkin_scan')).toBe(4);
    expect(n('SELECT count(*) AS n FROM attendance')).toBe(2);
  } finally {
    ev.close();
  }
});
