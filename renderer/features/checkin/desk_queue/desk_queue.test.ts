import { afterEach, describe, expect, test } from 'vitest';
import { err, ok, parseBadgeCode, type DeskSnapshot, type OfflineScan, type ScanOutcome } from '../../../../electron/contract';
import { createMemoryStorage, type DeskStorage } from './desk_storage';
import { createDeskQueue, isOfflineOutcome, type ApiCall, type DeskQueue } from './desk_queue';

const EVENT_ID = '1a2b3c4d-0000-4000-8000-000000000000';
// Signed by node:crypto for event tag 1a2b3c4d: participant 7, serial 2 (see offline_decision.test.ts).
const KEY = 'VbM6BxRKgjIneArRma8FvE/K01Snp/avh/sCCEewqkE=';
const CODE_P7 = 'DD1AENCWPCNAAAAOAACJ45AJ4MLWRYPWED7R4QQRTRJF4BIUMOVZ7Q5M3YNWPF3ZHXIFSFMOVJDYXWKU5LFR3B7LPDYEZZANLA3RWROY5K34FHSAFYKSG6FWDI';

function people(n: number): DeskSnapshot['people'] {
  return Array.from({ length: n }, (_, i) => ({
    participantId: i + 1,
    title: '',
    displayName: `Person ${i + 1}`,
    familyName: 'Person',
    nativeName: '',
    nativeNameLang: null,
    country: 'KR',
    delegationId: null,
    delegationName: null,
    isHeadOfDelegation: false,
    categoryCode: 'delegate',
    status: 'registered' as const,
    flags: [],
    badgeSerial: i + 1 === 7 ? 2 : 1,
    badgePrintedAt: '2026-11-30T10:00:00.000Z',
  }));
}

/**
 * A stand-in host with the contract's rules: each clientScanId is recorded once (a replay
 * answers as before), the earliest check-in of a person at a door wins, every scan is logged.
 */
function fakeHost(count = 60) {
  const state = { up: true, eventId: EVENT_ID, loseSyncAnswers: false, refuseSync: false, hang: false };
  const log = new Map<string, OfflineScan>();
  const checkIns = new Map<string, { at: string; desk: string }>();
  let nextId = 1;
  const record = (scan: OfflineScan, desk: string): ScanOutcome => {
    const participantId = scan.participantId ?? (scan.code ? (parseBadgeCode(scan.code).ok ? 7 : 0) : 0);
    const key = `${participantId}:${scan.sessionId}`;
    const first = checkIns.get(key);
    const replay = log.has(scan.clientScanId);
    log.set(scan.clientScanId, scan);
    if (!replay && (!first || scan.scannedAt < first.at)) checkIns.set(key, { at: scan.scannedAt, desk });
    const kept = checkIns.get(key);
    return {
      scanId: nextId++, clientScanId: scan.clientScanId, result: kept?.at === scan.scannedAt ? 'welcome' : 'already', message: '', person: null,
      sessionId: scan.sessionId, checkIn: kept ? { attendanceId: 1, at: kept.at, deskId: 'd', deskName: kept.desk, operator: '' } : null,
      expected: null, checkedOutOf: [], badgeRefusal: null, replacedAt: null, replay, scannedAt: scan.scannedAt,
    };
  };
  const snapshot = (): DeskSnapshot => ({
    eventId: state.eventId, eventName: 'Forum', timezone: 'Asia/Seoul', eventTag: '1a2b3c4d', codePrefix: 'DD1',
    publicKey: { algorithm: 'Ed25519', spkiPem: '', rawBase64: KEY },
    categories: [{ code: 'delegate', name: 'Delegate', colour: '#2563eb' }],
    people: people(count),
    checkedIn: [...checkIns.entries()].filter(([k]) => k.endsWith(':null')).map(([k, v]) => ({ participantId: Number(k.split(':')[0]), at: v.at, deskName: v.desk })),
    takenAt: new Date().toISOString(),
  });
  const calls: string[] = [];
  const call = (async (method: string, input: never) => {
    calls.push(method);
    if (state.hang) return new Promise(() => undefined);
    if (!state.up) return err('offline', 'The host cannot be reached.');
    const i = input as { scans: OfflineScan[] } & OfflineScan;
    switch (method) {
      case 'health':
        return ok({ version: 'test', event: { id: state.eventId, name: 'Forum' } });
      case 'checkin.snapshot':
        return ok(snapshot());
      case 'checkin.scan':
        return ok(record({ ...i, scannedAt: new Date().toISOString() }, 'Desk 1'));
      case 'checkin.sync': {
        if (state.refuseSync) return err('no_key', 'This event has no badge key.');
        const before = log.size;
        const outcomes = i.scans.map((s) => record(s, 'Desk 1'));
        // The host did the work, but the answer never reached the desk.
        if (state.loseSyncAnswers) return err('offline', 'The connection dropped.');
        return ok({ outcomes, recorded: log.size - before });
      }
      default:
        return err('unknown_method', method);
    }
  }) as unknown as ApiCall;
  return { state, log, checkIns, call, calls };
}

let queues: DeskQueue[] = [];
afterEach(() => {
  queues.forEach((q) => q.dispose());
  queues = [];
});

function desk(host: ReturnType<typeof fakeHost>, storage: DeskStorage = createMemoryStorage(), more: { answerTimeoutMs?: number; probeEveryMs?: number } = {}) {
  const q = createDeskQueue({ call: host.call, storage: Promise.resolve(storage), thisDeskName: 'this desk', probeEveryMs: more.probeEveryMs ?? 60_000, answerTimeoutMs: more.answerTimeoutMs ?? 1000 });
  queues.push(q);
  return q;
}

let seq = 0;
const scanOf = (participantId: number, sessionId: number | null = null) => ({ participantId, sessionId, source: 'search' as const, clientScanId: `scan-${String(++seq).padStart(6, '0')}` });

describe('a desk that loses the host', () => {
  test('online, scans go straight to the host and nothing is queued', async () => {
    const host = fakeHost();
    const q = desk(host);
    await q.refreshCopy();
    const r = await q.scan(scanOf(1));
    expect(r).toMatchObject({ ok: true, value: { result: 'welcome' } });
    expect(r.ok && isOfflineOutcome(r.value)).toBe(false);
    expect(q.state()).toMatchObject({ offline: false, pending: 0 });
  });

  test('50 people checked in while the host is down arrive exactly once; a repeat says "already"', async () => {
    const host = fakeHost();
    const storage = createMemoryStorage();
    const q = desk(host, storage);
    await q.refreshCopy();
    host.state.up = false;
    for (let id = 1; id <= 50; id++) {
      const r = await q.scan(scanOf(id));
      expect(r).toMatchObject({ ok: true, value: { result: 'welcome', person: { participantId: id } } });
      expect(r.ok && isOfflineOutcome(r.value)).toBe(true);
    }
    const again = await q.scan(scanOf(3));
    expect(again).toMatchObject({ ok: true, value: { result: 'already', checkIn: { deskName: 'this desk' } } });
    expect(q.state()).toMatchObject({ offline: true, pending: 51 });
    // Offline, the desk does not even try the host for each scan: one probe decides.
    expect(host.calls.filter((c) => c === 'checkin.scan')).toHaveLength(1);

    host.state.up = true;
    await q.probe();
    expect(q.state()).toMatchObject({ offline: false, pending: 0, syncing: false });
    expect(host.log.size).toBe(51);
    expect([...host.checkIns.keys()].filter((k) => k.endsWith(':null'))).toHaveLength(50);
    // A second sync sends nothing: the queue is empty.
    await q.sync();
    expect(host.calls.filter((c) => c === 'checkin.sync')).toHaveLength(1);
  });

  test('a sync whose answer is lost is sent again and recorded once (replays change nothing)', async () => {
    const host = fakeHost(600);
    const q = desk(host);
    await q.refreshCopy();
    host.state.up = false;
    for (let id = 1; id <= 520; id++) await q.scan(scanOf(id));
    host.state.up = true;
    host.state.loseSyncAnswers = true;
    await q.sync();
    expect(q.state()).toMatchObject({ offline: true, pending: 520 });
    expect(host.log.size).toBe(500); // the first batch reached the host
    host.state.loseSyncAnswers = false;
    await q.sync();
    expect(q.state()).toMatchObject({ offline: false, pending: 0 });
    expect(host.log.size).toBe(520);
    expect(host.checkIns.size).toBe(520);
    expect(host.calls.filter((c) => c === 'checkin.sync')).toHaveLength(3); // 500 lost, 500 replayed, 20
  });

  test('the earliest scan wins: the queue carries the time of each scan, not of the sync', async () => {
    const host = fakeHost();
    const a = desk(host);
    const b = desk(host);
    await Promise.all([a.refreshCopy(), b.refreshCopy()]);
    host.state.up = false;
    await a.scan(scanOf(5));
    await new Promise((r) => setTimeout(r, 5));
    await b.scan(scanOf(5));
    host.state.up = true;
    await b.sync();
    await a.sync();
    const first = [...host.log.values()].sort((x, y) => x.scannedAt.localeCompare(y.scannedAt))[0];
    expect(host.checkIns.get('5:null')?.at).toBe(first?.scannedAt);
    expect(host.log.size).toBe(2);
  });

  test('a host that does not answer at all (dropped Wi-Fi) is given up on after the timeout', async () => {
    const host = fakeHost();
    const q = desk(host, createMemoryStorage(), { answerTimeoutMs: 30 });
    await q.refreshCopy();
    host.state.hang = true;
    const r = await q.scan(scanOf(2));
    expect(r).toMatchObject({ ok: true, value: { result: 'welcome' } });
    expect(q.state()).toMatchObject({ offline: true, pending: 1 });
  });

  test('badges are verified on the desk: a genuine one is welcome, an altered one forged', async () => {
    const host = fakeHost();
    const q = desk(host);
    await q.refreshCopy();
    host.state.up = false;
    expect(await q.scan({ code: CODE_P7, source: 'scanner', clientScanId: 'scan-code-0001' })).toMatchObject({ ok: true, value: { result: 'welcome', person: { participantId: 7, category: { name: 'Delegate' } } } });
    const forged = `${CODE_P7.slice(0, 100)}${CODE_P7[100] === 'A' ? 'B' : 'A'}${CODE_P7.slice(101)}`;
    expect(await q.scan({ code: forged, source: 'scanner', clientScanId: 'scan-code-0002' })).toMatchObject({ ok: true, value: { result: 'forged', person: null } });
    // Refused scans are queued too: the host's log keeps every scan.
    expect(q.state().pending).toBe(2);
  });

  test('without a copy of the event, or for a check-out, the desk says it needs the host', async () => {
    const host = fakeHost();
    host.state.up = false;
    const q = desk(host);
    expect(await q.scan(scanOf(1))).toMatchObject({ ok: false, error: { code: 'offline', message: expect.stringMatching(/no copy of the participants/u) } });
    host.state.up = true;
    await q.refreshCopy();
    host.state.up = false;
    expect(await q.scan({ ...scanOf(1), action: 'checkout' })).toMatchObject({ ok: false, error: { code: 'offline' } });
    expect(q.state().pending).toBe(0);
  });

  test('scans stay queued when the host has another event open, or refuses the sync', async () => {
    const host = fakeHost();
    const q = desk(host);
    await q.refreshCopy();
    host.state.up = false;
    await q.scan(scanOf(1));
    host.state.up = true;
    host.state.refuseSync = true;
    await q.sync();
    expect(q.state()).toMatchObject({ pending: 1, problem: 'refused', problemMessage: 'This event has no badge key.' });
    host.state.refuseSync = false;
    host.state.eventId = '99999999-0000-4000-8000-000000000000';
    await q.sync();
    expect(q.state()).toMatchObject({ pending: 1, problem: 'other_event' });
    expect(host.log.size).toBe(0);
  });

  test('the queue survives a reload: a new desk on the same store sends it', async () => {
    const host = fakeHost();
    const storage = createMemoryStorage();
    const first = desk(host, storage);
    await first.refreshCopy();
    host.state.up = false;
    for (let id = 1; id <= 5; id++) await first.scan(scanOf(id));
    first.dispose();
    const second = desk(host, storage);
    // The reloaded desk, still offline, knows who it checked in before the reload.
    const again = await second.scan(scanOf(2));
    expect(again).toMatchObject({ ok: true, value: { result: 'already' } });
    host.state.up = true;
    await second.probe();
    expect(host.log.size).toBe(6);
    expect(second.state().pending).toBe(0);
  });

  test('an offline desk notices by itself that the host is back and syncs', async () => {
    const host = fakeHost();
    const q = desk(host, createMemoryStorage(), { probeEveryMs: 20 });
    await q.refreshCopy();
    host.state.up = false;
    await q.scan(scanOf(1));
    host.state.up = true;
    await expect.poll(() => q.state().pending, { timeout: 2000 }).toBe(0);
    expect(host.log.size).toBe(1);
  });
});
