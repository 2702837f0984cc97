import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Result } from '../../contract';
import { startHostCore, type HostCore } from '../api/host_core';
import type { Caller } from '../api/caller';
import { insertDevice } from '../devices/device_store';
import { insertParticipant } from '../participants';
import { testPerson } from '../participants/participants_test_helpers';
import { makeTempDir } from '../testing/temp_dir_test_helpers';
import { orderLeaks } from './secrecy_test_helpers';
import { expectBalanced } from './voting_test_helpers';

// 200 voters go through issue and cast with a known random assignment (seeded), cast in the
// order they were issued (the order an observer at the identity station sees). Then the whole
// database file, its WAL, the logs and every API answer are searched for the link.

const VOTERS = 200;
const OPTIONS = ['ana-ribeiro', 'tomas-novak', 'amina-diallo', 'kenji-mori', 'lucia-fernandez'];

/** mulberry32: a seeded PRNG, so a failure can be replayed. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
/** Every ranking of 1–5 of the five candidates (325): each voter gets a different one, so a paper names its voter. */
function allRankings(): string[][] {
  const out: string[][] = [];
  const grow = (prefix: string[]) => {
    if (prefix.length) out.push(prefix);
    for (const o of OPTIONS) if (!prefix.includes(o)) grow([...prefix, o]);
  };
  grow([]);
  return out;
}

let tmp: string;
let core: HostCore;
const logs: string[] = [];
const answers: string[] = [];
const papers = new Map<string, number>(); // stored JSON of a voter's paper -> the voter's issue index
const walSizesAfterCast: number[] = [];
let dbFile = '';

const admin: Caller = { role: 'admin', transport: 'test' };
const projector: Caller = { role: 'projector', transport: 'test', deviceId: 'proj' };
const booth = (deviceId: string): Caller => ({ role: 'booth', transport: 'test', deviceId });

async function api<T>(caller: Caller, method: string, input: unknown): Promise<T> {
  const r = (await core.dispatch(caller, method, input)) as Result<T>;
  answers.push(JSON.stringify(r));
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value;
}

beforeAll(async () => {
  tmp = makeTempDir('dd-secrecy-');
  const started = startHostCore({
    homeDir: path.join(tmp, 'home'),
    dataDir: path.join(tmp, 'event'),
    build: { version: 't' },
    log: { error: (message, details) => logs.push(JSON.stringify({ message, details: String(details.error) })) },
  });
  if (!started.ok) throw new Error(started.error.message);
  core = started.value;
  const ws = core.session.current!;
  dbFile = ws.layout.database;
  const db = ws.db;
  const now = '2026-12-02T05:00:00.000Z';
  db.transaction(() => {
    for (let i = 0; i < VOTERS; i += 1) insertParticipant(db, testPerson({ displayName: `Voter ${i}`, languages: ['en'] }), now);
  })();
  for (const id of ['booth-a', 'booth-b']) insertDevice(db, { id, name: id, role: 'booth', tokenSha256: id.padEnd(64, '0'), pairedAt: now, pairedFrom: '127.0.0.1' });
  const voterIds = (db.prepare(`SELECT id FROM participant WHERE status = 'registered' ORDER BY id`).all() as Array<{ id: number }>).map((r) => r.id).slice(0, VOTERS);

  const random = prng(20261202);
  const issueOrder = shuffled(voterIds, random);
  const rankings = shuffled(allRankings(), random).slice(0, VOTERS);
  const election = await api<{ id: number }>(admin, 'elections.createFromTemplate', { templateId: 'ranked-mayor' });
  const round = await api<{ round: { id: number } }>(admin, 'voting.rounds.create', { electionId: election.id, label: 'Secrecy, 14:00' });
  const roundId = round.round.id;
  await api(admin, 'voting.rounds.open', { roundId });
  for (let k = 0; k < VOTERS; k += 1) {
    const boothId = k % 2 ? 'booth-b' : 'booth-a';
    const issued = await api<{ id: number }>(admin, 'voting.issue', { roundId, participantId: issueOrder[k], station: 'Station 1' });
    await api(admin, 'voting.booths.assign', { issuanceId: issued.id, deviceId: boothId });
    const ballot = await api<{ token: string }>(booth(boothId), 'voting.booth.current', {});
    const ranking = rankings[k] as string[];
    await api(booth(boothId), 'voting.booth.cast', { token: ballot.token, selections: { mayor: ranking } });
    papers.set(JSON.stringify(ranking), k);
    walSizesAfterCast.push(fs.existsSync(`${dbFile}-wal`) ? fs.statSync(`${dbFile}-wal`).size : 0);
    if (k % 20 === 0) {
      await api(projector, 'voting.turnout', {});
      await api(admin, 'voting.rounds.get', { roundId });
      await api(admin, 'voting.issuances.list', { roundId });
    }
  }
  await api(admin, 'voting.issuances.list', { roundId });
  await api(admin, 'voting.rounds.close', { roundId });
  expectBalanced(db);
}, 180_000);
afterAll(() => {
  core.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

test('the ballot box holds only selections, and the issue list holds nothing that points at a paper', () => {
  const db = core.session.current!.db;
  const columns = (table: string) => (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as Array<{ name: string }>).map((c) => c.name);
  expect(columns('ballot_paper')).toEqual(['id', 'round_id', 'contest_id', 'selections_json']);
  expect(columns('ballot_issue')).toEqual(['id', 'round_id', 'participant_id', 'station', 'issued_at', 'status', 'token_sha256', 'cancel_reason', 'cancel_note', 'cancelled_at']);
  expect(db.prepare('SELECT COUNT(*) AS n FROM booth_assignment').get()).toEqual({ n: 0 });
  expect(db.prepare(`SELECT COUNT(*) AS n FROM ballot_paper`).get()).toEqual({ n: VOTERS });
});

test('the order the database returns papers in does not follow the order voters received ballots', () => {
  const db = core.session.current!.db;
  const stored = (db.prepare('SELECT selections_json AS json FROM ballot_paper').all() as Array<{ json: string }>).map((r) => papers.get(r.json) as number);
  expect(stored.every((k) => k !== undefined)).toBe(true);
  const verdict = orderLeaks(stored);
  expect(verdict.leaks, JSON.stringify(verdict)).toBe(false);
  // The same detector catches a box kept in casting order, and one kept backwards.
  expect(orderLeaks(stored.map((_, i) => i)).leaks).toBe(true);
  expect(orderLeaks(stored.map((_, i) => VOTERS - 1 - i)).leaks).toBe(true);
});

test('the WAL is emptied after every cast: no earlier state of the box survives beside the database', () => {
  expect(walSizesAfterCast).toHaveLength(VOTERS);
  expect(walSizesAfterCast.every((size) => size === 0)).toBe(true);
});

test('the bytes of the database file: each paper once, at a position unrelated to casting order (and a linked store is caught)', () => {
  const bytes = fs.readFileSync(dbFile);
  const positions: Array<{ offset: number; k: number }> = [];
  for (const [json, k] of papers) {
    const needle = Buffer.from(json);
    const first = bytes.indexOf(needle);
    expect(first, json).toBeGreaterThanOrEqual(0);
    // No stale copy of an earlier deal is left in free space (secure_delete).
    expect(bytes.indexOf(needle, first + 1), `${json} appears twice`).toBe(-1);
    positions.push({ offset: first, k });
  }
  const byOffset = positions.sort((a, b) => a.offset - b.offset).map((p) => p.k);
  const verdict = orderLeaks(byOffset);
  expect(verdict.leaks, JSON.stringify(verdict)).toBe(false);

  // Control: a plain table written in casting order, read the same way, is caught.
  const linkedFile = path.join(tmp, 'linked.sqlite');
  const linked = new Database(linkedFile);
  linked.exec('CREATE TABLE paper (id INTEGER PRIMARY KEY, selections TEXT NOT NULL)');
  const cast = [...papers].sort((a, b) => a[1] - b[1]);
  linked.transaction(() => {
    for (const [json] of cast) linked.prepare('INSERT INTO paper (selections) VALUES (?)').run(json);
  })();
  linked.close();
  const linkedBytes = fs.readFileSync(linkedFile);
  const linkedOrder = cast.map(([json, k]) => ({ offset: linkedBytes.indexOf(Buffer.from(json)), k })).sort((a, b) => a.offset - b.offset).map((p) => p.k);
  expect(orderLeaks(linkedOrder).leaks).toBe(true);

  // Control: random keys alone (our table without the re-deal) are caught too, because SQLite
  // lays cells out in a page in insertion order. This is why every cast re-deals the box.
  const keyedFile = path.join(tmp, 'keyed.sqlite');
  const keyed = new Database(keyedFile);
  keyed.exec('CREATE TABLE paper (id INTEGER PRIMARY KEY, round_id INTEGER, contest_id TEXT, selections_json TEXT) STRICT');
  keyed.transaction(() => {
    for (const [json] of cast) keyed.prepare(`INSERT INTO paper VALUES (abs(random() >> 2), 1, 'mayor', ?)`).run(json);
  })();
  keyed.close();
  const keyedBytes = fs.readFileSync(keyedFile);
  const keyedOrder = cast.map(([json, k]) => ({ offset: keyedBytes.indexOf(Buffer.from(json)), k })).sort((a, b) => a.offset - b.offset).map((p) => p.k);
  expect(orderLeaks(keyedOrder).leaks).toBe(true);
});

test('logs and API answers carry no selections, no cast times and nothing per paper', () => {
  for (const json of papers.keys()) {
    expect(logs.some((l) => l.includes(json))).toBe(false);
    expect(answers.some((a) => a.includes(json))).toBe(false);
  }
  expect(logs).toEqual([]);
  // The cast answer is the same for everyone; issue lists have no cast time.
  expect(new Set(answers.filter((a) => a.includes('"cast":true'))).size).toBe(1);
  const lastList = JSON.parse(answers.filter((a) => a.includes('"issuedAtLocal"')).at(-1) as string) as { value: Array<Record<string, unknown>> };
  expect(lastList.value).toHaveLength(VOTERS);
  for (const item of lastList.value) {
    expect(Object.keys(item).sort()).toEqual(['boothName', 'cancelNote', 'cancelReason', 'cancelledAt', 'id', 'issuedAt', 'issuedAtLocal', 'participantId', 'roundId', 'station', 'status', 'voterName']);
    expect(item['status']).toBe('cast');
  }
});
