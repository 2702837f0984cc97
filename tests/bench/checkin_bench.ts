/**
 * Check-in: scan-to-acknowledge latency (a signed badge code verified, the visit opened, the
 * scan logged, committed with synchronous=FULL, the answer back) in-process, over loopback HTTP
 * and over the push WebSocket with 20 desks scanning at once; sustained check-ins per second,
 * and that as a ratio to bare SQLite inserts with the same durability (WAL, synchronous=FULL,
 * one commit each) on the same disk, measured in the same run. Concurrent desks share group
 * commits (electron/core/checkin/group_commit.ts), so their rate is also set against bare
 * inserts committed 20 at a time, clearly named as such.
 */
import http from 'node:http';
import path from 'node:path';
import Database from 'better-sqlite3';
import WebSocket from 'ws';
import { PUSH_WS_PROTOCOL } from '../../electron/contract';
import { startHostCore } from '../../electron/core/api/host_core';
import { badgeKeysFor, recordBadgeIssues } from '../../electron/core/badges';
import { groupCommitFor } from '../../electron/core/checkin';
import { startHttpServer } from '../../electron/core/host/http_server';
import { insertParticipant } from '../../electron/core/participants/participant_store';
import { generatePeople } from './participant_generator';
import { percentile, report } from './stats';

const PEOPLE = 2000;
const DESKS = 20;
const PER_DESK = PEOPLE / DESKS;
const BARE_INSERTS = 2000;

let scanCounter = 0;
const scanId = () => `bench-${(++scanCounter).toString(36).padStart(8, '0')}`;

function httpScan(agent: http.Agent, port: number, token: string, body: string): Promise<number> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path: '/api/checkin.scan', method: 'POST', agent, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } },
      (res) => {
        let data = '';
        res.on('data', (c: Buffer) => (data += c.toString()));
        res.on('end', () => (res.statusCode === 200 && data.includes('"welcome"') ? resolve(performance.now() - t0) : reject(new Error(`scan failed: ${data.slice(0, 200)}`))));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** One desk on a WebSocket: sends its scans one after another, each waiting for its answer. */
async function wsDesk(port: number, token: string, bodies: ReadonlyArray<Record<string, unknown>>, samples: number[]): Promise<void> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/api/events`, [PUSH_WS_PROTOCOL, `bearer.${token}`]);
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  const waiting = new Map<string, (ok: boolean) => void>();
  ws.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString()) as { id?: string; result?: { ok: boolean; value?: { result: string } } };
    if (message.id) waiting.get(message.id)?.(message.result?.value?.result === 'welcome');
  });
  for (const input of bodies) {
    const id = input['clientScanId'] as string;
    const t0 = performance.now();
    const ok = await new Promise<boolean>((resolve) => {
      waiting.set(id, resolve);
      ws.send(JSON.stringify({ id, method: 'checkin.scan', input }));
    });
    if (!ok) throw new Error('a WebSocket scan was not welcomed');
    samples.push(performance.now() - t0);
  }
  ws.close();
}

/**
 * Bare SQLite, WAL + synchronous=FULL, in the same folder: `perCommit` rows per committed
 * transaction (1: one commit per insert, the honest baseline; 20: what a group commit of 20
 * desks could reach at best).
 */
function bareInsertsPerSecond(dir: string, perCommit = 1): number {
  const db = new Database(path.join(dir, `bare-${perCommit}.sqlite`));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, at TEXT NOT NULL, body TEXT NOT NULL) STRICT');
  const insert = db.prepare('INSERT INTO t (key, at, body) VALUES (?, ?, ?)');
  const group = db.transaction((from: number) => {
    for (let i = from; i < Math.min(from + perCommit, BARE_INSERTS); i++) insert.run(`k${i}`, new Date().toISOString(), 'x'.repeat(400));
  });
  const t0 = performance.now();
  for (let i = 0; i < BARE_INSERTS; i += perCommit) {
    if (perCommit === 1) insert.run(`k${i}`, new Date().toISOString(), 'x'.repeat(400));
    else group.immediate(i);
  }
  const seconds = (performance.now() - t0) / 1000;
  db.close();
  return BARE_INSERTS / seconds;
}

/** Runs the check-in benchmark against a fresh demo event in `tmp`, with 2000 badged people added. */
export async function benchCheckin(tmp: string): Promise<void> {
  const dataDir = path.join(tmp, 'checkin-event');
  const started = startHostCore({ homeDir: path.join(tmp, 'checkin-home'), dataDir, build: { version: 'bench' } });
  if (!started.ok) throw new Error(started.error.message);
  const core = started.value;
  const ws = core.session.current;
  if (!ws) throw new Error('no event');
  const keys = badgeKeysFor(ws);
  if (!keys.ok) throw new Error(keys.error.message);
  const now = new Date().toISOString();
  const ids = ws.db.transaction(() => generatePeople(PEOPLE, 11).map((p) => insertParticipant(ws.db, { ...p, delegationId: null, categoryCode: 'delegate' }, now)))();
  recordBadgeIssues(ws.db, ids.map((participantId) => ({ participantId, serial: 1 })), 'a6', new Date(Date.now() + 1000).toISOString());
  const codes = ids.map((participantId) => {
    const signed = keys.value.sign({ participantId, serial: 1 });
    if (!signed.ok) throw new Error(signed.error.message);
    return signed.value;
  });
  const sessionIds: number[] = [];
  for (const title of ['Bench door HTTP', 'Bench door WebSocket']) {
    const created = await core.dispatch({ role: 'admin', transport: 'test' }, 'sessions.create', {
      title, type: 'lecture', day: core.event.startDate, startsAt: '09:00', endsAt: '10:00', venue: 'Bench hall', expected: { kind: 'all' },
    });
    if (!created.ok) throw new Error(created.error.message);
    sessionIds.push((created.value as { id: number }).id);
  }
  const body = (i: number, sessionId: number | null) => ({ code: codes[i], sessionId, source: 'scanner', operator: 'Bench', clientScanId: scanId() });

  // In-process: one desk, every scan a new arrival at the event desk.
  const admin = { role: 'admin' as const, transport: 'test' as const };
  const inProcess: number[] = [];
  const t0 = performance.now();
  for (let i = 0; i < PEOPLE; i++) {
    const s = performance.now();
    const r = await core.dispatch(admin, 'checkin.scan', body(i, null));
    if (!r.ok || (r.value as { result: string }).result !== 'welcome') throw new Error('in-process scan not welcomed');
    inProcess.push(performance.now() - s);
  }
  const checkinsPerSecond = PEOPLE / ((performance.now() - t0) / 1000);
  report('checkin_scan_inprocess_p50', percentile(inProcess, 50), 'ms');
  report('checkin_scan_inprocess_p99', percentile(inProcess, 99), 'ms');

  const host = await startHttpServer({ core, host: '127.0.0.1', port: 0, staticDir: null, lanStandInPort: 0 });
  const lan = host.info().addresses.find((a) => a.interface === 'test stand-in');
  if (!lan) throw new Error('no LAN stand-in');
  const port = Number(new URL(lan.url).port);
  const tokens: string[] = [];
  for (let d = 0; d < DESKS; d++) {
    const offer = core.devices.startPairing('desk', `Bench desk ${d + 1}`);
    if (!offer.ok) throw new Error(offer.error.message);
    const paired = core.devices.pair(offer.value.code, `10.0.1.${d + 1}`);
    if (!paired.ok) throw new Error(paired.error.message);
    tokens.push(paired.value.token);
  }

  // HTTP: 20 desks at once, each scanning its share of people at the first session's door.
  const agent = new http.Agent({ keepAlive: true, maxSockets: DESKS });
  const beforeHttp = groupCommitFor(ws.db).stats();
  const httpSamples: number[] = [];
  const httpStart = performance.now();
  await Promise.all(
    tokens.map(async (token, d) => {
      for (let k = 0; k < PER_DESK; k++) httpSamples.push(await httpScan(agent, port, token, JSON.stringify(body(d * PER_DESK + k, sessionIds[0] ?? null))));
    }),
  );
  const httpPerSecond = PEOPLE / ((performance.now() - httpStart) / 1000);
  const afterHttp = groupCommitFor(ws.db).stats();
  report('checkin_http_20_desks_scans_per_commit', (afterHttp.writes - beforeHttp.writes) / Math.max(1, afterHttp.commits - beforeHttp.commits), 'scans/commit');
  report('checkin_scan_http_20_desks_p50', percentile(httpSamples, 50), 'ms');
  report('checkin_scan_http_20_desks_p99', percentile(httpSamples, 99), 'ms');
  report('checkin_http_20_desks_checkins_per_second', httpPerSecond, 'checkins/s');

  // WebSocket: the same, at the second session's door, calls on each desk's push socket.
  const wsSamples: number[] = [];
  const wsStart = performance.now();
  await Promise.all(tokens.map((token, d) => wsDesk(port, token, Array.from({ length: PER_DESK }, (_, k) => body(d * PER_DESK + k, sessionIds[1] ?? null)), wsSamples)));
  report('checkin_scan_websocket_20_desks_p50', percentile(wsSamples, 50), 'ms');
  report('checkin_scan_websocket_20_desks_p99', percentile(wsSamples, 99), 'ms');
  const afterWs = groupCommitFor(ws.db).stats();
  report('checkin_websocket_20_desks_scans_per_commit', (afterWs.writes - afterHttp.writes) / Math.max(1, afterWs.commits - afterHttp.commits), 'scans/commit');
  report('checkin_websocket_20_desks_checkins_per_second', PEOPLE / ((performance.now() - wsStart) / 1000), 'checkins/s');

  const bare = bareInsertsPerSecond(path.join(tmp));
  const bareBatched = bareInsertsPerSecond(path.join(tmp), DESKS);
  // One desk scanning alone (a batch of one, one commit per check-in) against one commit per insert.
  report('checkin_checkins_per_second_sync_full', checkinsPerSecond, 'checkins/s');
  report('checkin_bare_sqlite_inserts_per_second_sync_full', bare, 'inserts/s');
  report('checkin_checkins_vs_bare_inserts_ratio', checkinsPerSecond / bare, 'ratio');
  // 20 desks over HTTP (group commit) against the same one-commit-per-insert baseline, and
  // against bare inserts that are batched too (20 per commit).
  report('checkin_http_20_desks_vs_bare_inserts_ratio', httpPerSecond / bare, 'ratio');
  report('checkin_bare_sqlite_inserts_batched_20_per_commit_per_second_sync_full', bareBatched, 'inserts/s');
  report('checkin_http_20_desks_vs_batched_bare_inserts_ratio', httpPerSecond / bareBatched, 'ratio');

  agent.destroy();
  await host.close();
  core.close();
}
