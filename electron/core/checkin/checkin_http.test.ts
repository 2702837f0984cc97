// Check-in through the real host: two paired desks scanning the same person at the same moment
// over HTTP get exactly one check-in; calls over the push WebSocket answer like HTTP (same
// roles); every accepted write is pushed as checkin.changed; roles are enforced. Concurrent
// scans share a group commit: serial outcomes, every answer only once its row is durable.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type WebSocket from 'ws';
import type { ScanOutcome } from '../../contract';
import { connect } from '../db/connection';
import { groupCommitFor } from './group_commit';
import { call, openPush, pairDevice, pushOutcome, startTestHost, type TestHost } from '../host/http_test_helpers';

let host: TestHost;
let deskA: { token: string; id: string };
let deskB: { token: string; id: string };
let presenter: { token: string; id: string };
let booth: { token: string; id: string };

beforeAll(async () => {
  host = await startTestHost();
  deskA = await pairDevice(host, 'desk', 'Desk A');
  deskB = await pairDevice(host, 'desk', 'Desk B');
  presenter = await pairDevice(host, 'presenter', 'Stage');
  booth = await pairDevice(host, 'booth', 'Booth 1');
}, 60_000);
afterAll(async () => host.close());

let n = 0;
const scanBody = (participantId: number) => ({ participantId, source: 'search', operator: 'Ana', clientScanId: `http-test-${(++n).toString().padStart(4, '0')}` });

function opened(ws: WebSocket): Promise<void> {
  return pushOutcome(ws).then((o) => {
    if (o !== 'open') throw new Error(o);
  });
}

/** Sends a call on the socket and waits for its answer. */
function wsCall(ws: WebSocket, id: string, method: string, input: unknown): Promise<{ id: unknown; result: { ok: boolean; value?: unknown; error?: { code: string } } }> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const message = JSON.parse(String(data)) as { id?: unknown; result?: never };
      if (message.id === id || (id === '' && message.id === null)) {
        ws.off('message', onMessage);
        resolve(message as never);
      }
    };
    ws.on('message', onMessage);
    ws.send(typeof input === 'string' ? input : JSON.stringify({ id, method, input }));
  });
}

test('two desks scanning the same person at once over HTTP: one check-in, the other hears "already" at the first desk', async () => {
  const pushes: string[] = [];
  const listener = openPush(host.lanUrl, presenter.token);
  await opened(listener);
  listener.on('message', (data) => pushes.push(String(data)));
  const [a, b] = await Promise.all([call(host.lanUrl, 'checkin.scan', scanBody(7), deskA.token), call(host.lanUrl, 'checkin.scan', scanBody(7), deskB.token)]);
  const outcomes = [a.body.value, b.body.value] as ScanOutcome[];
  expect(outcomes.map((o) => o.result).sort()).toEqual(['already', 'welcome']);
  const welcome = outcomes.find((o) => o.result === 'welcome')!;
  const already = outcomes.find((o) => o.result === 'already')!;
  expect(already.checkIn).toEqual(welcome.checkIn);
  expect(['Desk A', 'Desk B']).toContain(already.checkIn?.deskName);
  const dash = await call(host.lanUrl, 'checkin.dashboard', {}, presenter.token);
  expect(dash.body.value).toMatchObject({ here: 1, scannedTwice: [expect.objectContaining({ participantId: 7 })] });
  await new Promise((r) => setTimeout(r, 200));
  expect(pushes.filter((p) => p.includes('"checkin.changed"')).length).toBe(2);
  listener.close();
});

test('calls over the push WebSocket: same dispatcher and roles, replies by id, junk answered not trusted', async () => {
  const ws = openPush(host.lanUrl, deskA.token);
  await opened(ws);
  const scanned = await wsCall(ws, 'c1', 'checkin.scan', scanBody(9));
  expect(scanned).toMatchObject({ id: 'c1', result: { ok: true, value: { result: 'welcome', checkIn: { deskName: 'Desk A' } } } });
  const forbidden = await wsCall(ws, 'c2', 'checkin.export', { report: 'attendance', format: 'csv' });
  expect(forbidden.result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  const junk = await wsCall(ws, '', '', 'not json {');
  expect(junk.result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  const invalid = await wsCall(ws, 'c3', 'checkin.scan', { participantId: 9, code: 'DD1X', source: 'search', clientScanId: 'bad id!' });
  expect(invalid.result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  ws.close();
  const boothWs = openPush(host.lanUrl, booth.token);
  await opened(boothWs);
  const boothScan = await wsCall(boothWs, 'b1', 'checkin.scan', scanBody(10));
  expect(boothScan.result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  boothWs.close();
});

test('roles: a presenter reads the dashboard but cannot scan; a booth reads nothing', async () => {
  expect((await call(host.lanUrl, 'checkin.scan', scanBody(11), presenter.token)).body.error?.code).toBe('forbidden');
  expect((await call(host.lanUrl, 'checkin.dashboard', {}, booth.token)).body.error?.code).toBe('forbidden');
  expect((await call(host.lanUrl, 'checkin.snapshot', {}, deskA.token)).body).toMatchObject({ ok: true, value: { codePrefix: 'DD1' } });
  expect((await call(host.lanUrl, 'sessions.create', {}, deskA.token)).body.error?.code).toBe('forbidden');
});

test('20 scans at once from 4 desks over HTTP: one check-in per person, every scan logged, each answer after its commit', async () => {
  const db = host.core.session.current!.db;
  const reader = connect(db.name, { readonly: true });
  const desks = [deskA, deskB, await pairDevice(host, 'desk', 'Desk C'), await pairDevice(host, 'desk', 'Desk D')];
  const people = (db.prepare("SELECT id FROM participant WHERE status != 'cancelled' AND id > 20 ORDER BY id LIMIT 5").all() as Array<{ id: number }>).map((r) => r.id);
  expect(people).toHaveLength(5);
  const durableAtAnswer: boolean[] = [];
  const answers = await Promise.all(
    Array.from({ length: 20 }, (_, i) => {
      const body = scanBody(people[i % 5]!);
      return call(host.lanUrl, 'checkin.scan', body, desks[i % 4]!.token).then((a) => {
        // Read through another connection the moment the desk hears: the scan must already be there.
        durableAtAnswer.push(reader.prepare('SELECT 1 FROM checkin_scan WHERE client_scan_id = ?').get(body.clientScanId) !== undefined);
        return a.body.value as ScanOutcome;
      });
    }),
  );
  reader.close();
  expect(durableAtAnswer).toEqual(Array.from({ length: 20 }, () => true));
  for (const id of people) {
    const mine = answers.filter((o) => o.person?.participantId === id);
    expect(mine.map((o) => o.result).sort()).toEqual(['already', 'already', 'already', 'welcome']);
    const welcome = mine.find((o) => o.result === 'welcome')!;
    // "already checked in just now at desk X": X is the desk the welcome went to.
    for (const o of mine.filter((m) => m.result === 'already')) expect(o.message).toContain(`(${welcome.checkIn?.deskName ?? ''})`);
  }
  const placeholders = people.map(() => '?').join(',');
  expect((db.prepare(`SELECT count(*) AS n FROM attendance WHERE session_id IS NULL AND participant_id IN (${placeholders})`).get(...people) as { n: number }).n).toBe(5);
  expect((db.prepare(`SELECT count(*) AS n FROM checkin_scan WHERE participant_id IN (${placeholders})`).get(...people) as { n: number }).n).toBe(20);
});

test('scans dispatched in the same moment share one commit; a replay in the same batch answers the stored outcome', async () => {
  const db = host.core.session.current!.db;
  const group = groupCommitFor(db);
  const before = group.stats();
  const caller = { role: 'desk' as const, transport: 'test' as const, deviceId: deskA.id };
  const people = (db.prepare("SELECT id FROM participant WHERE status != 'cancelled' AND id > 30 ORDER BY id LIMIT 10").all() as Array<{ id: number }>).map((r) => r.id);
  const bodies = people.map(scanBody);
  const results = await Promise.all([...bodies, bodies[0]!].map((b) => host.core.dispatch(caller, 'checkin.scan', b)));
  const after = group.stats();
  expect(after.commits - before.commits).toBe(1);
  expect(after.writes - before.writes).toBe(11);
  const outcomes = results.map((r) => (r.ok ? (r.value as ScanOutcome) : null));
  expect(outcomes.slice(0, 10).map((o) => o?.result)).toEqual(Array.from({ length: 10 }, () => 'welcome'));
  expect(outcomes[10]).toMatchObject({ replay: true, scanId: outcomes[0]?.scanId, result: 'welcome' });
});
