// Every scan outcome against a real event (SQLite file, Ed25519 keys): welcome, already,
// replaced, cancelled, unknown, forged, another event, replays, session doors, undo, check-out.
import path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { createBadgeTestEvent } from '../badges/badges_test_helpers';
import { recordBadgeIssues, badgeKeysFor } from '../badges';
import { makeTempDir } from '../testing/temp_dir_test_helpers';
import { addSession, createCheckinTestEvent, PEOPLE, scanOf, type CheckinTestEvent } from './checkin_test_helpers';
import { recordScan } from './scan_service';
import { checkinStatus, undoCheckIn } from './desk_records';

let ev: CheckinTestEvent;
beforeEach(() => {
  ev = createCheckinTestEvent();
});
afterEach(() => ev.close());

function scan(...args: Parameters<typeof scanOf>) {
  return scanWith(ev.ctx(), ...args);
}
function scanWith(ctx: ReturnType<CheckinTestEvent['ctx']>, ...args: Parameters<typeof scanOf>) {
  const r = recordScan(ev.ws.db, scanOf(...args), ctx);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}
const count = (sql: string, ...params: unknown[]) => (ev.ws.db.prepare(sql).get(...params) as { n: number }).n;

test('welcome with the person in both scripts and flags; a second scan at another desk is "already" with when and where', () => {
  const first = scan({ code: ev.code(PEOPLE.kim) });
  expect(first).toMatchObject({ result: 'welcome', replay: false, expected: null, checkIn: { deskName: 'Desk 1', operator: 'Ana' } });
  expect(first.person).toMatchObject({ displayName: 'Kim Min-jun', nativeName: '김민준', nativeNameLang: 'ko', delegationName: 'Friends of the Forum', category: { code: 'vip', colour: '#c9a227' } });
  expect(first.person?.flags.map((f) => f.kind)).toContain('vip');
  const again = scanWith(ev.ctx('Desk 2'), { code: ev.code(PEOPLE.kim) }, { source: 'camera' });
  expect(again.result).toBe('already');
  expect(again.checkIn).toEqual(first.checkIn);
  expect(count('SELECT count(*) AS n FROM attendance')).toBe(1);
  expect(count('SELECT count(*) AS n FROM checkin_scan')).toBe(2);
  // The log never holds the code itself.
  const stored = ev.ws.db.prepare('SELECT code_sha256 AS h, outcome_json AS o FROM checkin_scan').all() as Array<{ h: string; o: string }>;
  expect(stored.every((r) => /^[0-9a-f]{64}$/u.test(r.h) && !r.o.includes(ev.code(PEOPLE.kim)))).toBe(true);
});

test('a replaced badge, a cancelled registration and a badge never issued are refused with the person shown', () => {
  recordBadgeIssues(ev.ws.db, [{ participantId: PEOPLE.wang, serial: 2 }], 'a6', '2026-11-12T00:00:00.000Z');
  const old = scan({ code: ev.code(PEOPLE.wang, 1) });
  expect(old).toMatchObject({ result: 'replaced', badgeRefusal: 'replaced', replacedAt: '2026-11-12T00:00:00.000Z', checkIn: null });
  expect(old.person?.displayName).toBe('Wang Xiuying');
  expect(scan({ code: ev.code(PEOPLE.wang, 3) }).result).toBe('not_issued');
  expect(scan({ code: ev.code(PEOPLE.wang, 2) }).result).toBe('welcome');
  ev.ws.db.prepare(`UPDATE participant SET status = 'cancelled' WHERE id = ?`).run(PEOPLE.olga);
  expect(scan({ code: ev.code(PEOPLE.olga) })).toMatchObject({ result: 'cancelled', person: { displayName: 'Olga Kuznetsova' } });
  expect(scan({ participantId: PEOPLE.olga }, { source: 'search' }).result).toBe('cancelled');
  expect(count('SELECT count(*) AS n FROM attendance')).toBe(1);
  expect(count(`SELECT count(*) AS n FROM checkin_scan WHERE result != 'welcome'`)).toBe(4);
});

test('forged, altered, foreign and hostile codes name nobody, change no attendance, and are logged', () => {
  const good = ev.code(PEOPLE.kim);
  // Flip one character inside the signature: same person, broken signature.
  const i = good.length - 10;
  const forged = good.slice(0, i) + (good[i] === 'A' ? 'B' : 'A') + good.slice(i + 1);
  expect(scan({ code: forged })).toMatchObject({ result: 'forged', person: null, badgeRefusal: 'bad_signature' });
  const other = createBadgeTestEvent({ dir: path.join(makeTempDir('dd-other-'), 'event') });
  const otherKeys = badgeKeysFor(other);
  if (!otherKeys.ok) throw new Error('no keys');
  const foreign = otherKeys.value.sign({ participantId: PEOPLE.kim, serial: 1 });
  other.close();
  if (!foreign.ok) throw new Error('no code');
  expect(scan({ code: foreign.value })).toMatchObject({ result: 'wrong_event', person: null });
  for (const hostile of ['', "'; DROP TABLE attendance; --", '=HYPERLINK("http://x")', 'DD1' + 'A'.repeat(500), '\u0000\u202e', '🙂'.repeat(300)]) {
    expect(scan({ code: hostile }).result).toBe('unknown');
  }
  expect(scan({ participantId: 999_999 }, { source: 'search' }).result).toBe('unknown');
  expect(count('SELECT count(*) AS n FROM attendance')).toBe(0);
  expect(count('SELECT count(*) AS n FROM checkin_scan')).toBe(9);
});

test('a replayed clientScanId answers the stored outcome and records nothing new', () => {
  const request = scanOf({ code: ev.code(PEOPLE.kim) });
  const first = recordScan(ev.ws.db, request, ev.ctx());
  const second = recordScan(ev.ws.db, request, ev.ctx('Desk 2'));
  expect(first.ok && second.ok).toBe(true);
  if (!first.ok || !second.ok) return;
  expect(second.value).toEqual({ ...first.value, replay: true });
  expect(count('SELECT count(*) AS n FROM checkin_scan')).toBe(1);
});

test('the database itself refuses a second open visit of one person at one scope', () => {
  scan({ participantId: PEOPLE.kim });
  const insert = () =>
    ev.ws.db.prepare(`INSERT INTO attendance (participant_id, session_id, checked_in_at, desk_id, desk_name) VALUES (?, NULL, ?, 'x', 'X')`).run(PEOPLE.kim, new Date().toISOString());
  expect(insert).toThrow(/UNIQUE/u);
});

test('a session door: unexpected people are let in but flagged; entering checks out of the parent session; arrival recorded', () => {
  const plenary = addSession(ev.ws, 'Plenary');
  const breakout = addSession(ev.ws, 'Breakout', { expected: { kind: 'delegations', delegationIds: [1] }, checksOutOf: [plenary] });
  expect(scan({ participantId: PEOPLE.mohammed }, { sessionId: plenary })).toMatchObject({ result: 'welcome', expected: true });
  const moved = scan({ participantId: PEOPLE.mohammed }, { sessionId: breakout });
  expect(moved).toMatchObject({ result: 'welcome', expected: false, checkedOutOf: [{ sessionId: plenary, title: 'Plenary' }] });
  expect(moved.message).toContain('Not on this session');
  expect(checkinStatus(ev.ws.db, PEOPLE.mohammed, plenary).current).toBeNull();
  // The session scan also recorded the arrival at the event, once.
  expect(count('SELECT count(*) AS n FROM attendance WHERE session_id IS NULL AND auto = 1')).toBe(1);
  expect(scan({ participantId: PEOPLE.mohammed }).result).toBe('already');
  const missing = recordScan(ev.ws.db, scanOf({ participantId: PEOPLE.kim }, { sessionId: 4242 }), ev.ctx());
  expect(missing.ok ? 'ok' : missing.error.code).toBe('not_found');
});

test('undo with a reason frees the person to check in again; undoing twice says so', () => {
  const first = scan({ participantId: PEOPLE.kim }, { source: 'search' });
  const id = first.checkIn?.attendanceId ?? 0;
  const undone = undoCheckIn(ev.ws.db, id, 'picked the wrong Kim', 'Desk 1', new Date().toISOString());
  expect(undone.ok).toBe(true);
  const twice = undoCheckIn(ev.ws.db, id, 'again', 'Desk 1', new Date().toISOString());
  expect(twice.ok ? 'ok' : twice.error.code).toBe('already_undone');
  expect(undoCheckIn(ev.ws.db, 9999, 'x', 'Desk 1', new Date().toISOString()).ok).toBe(false);
  expect(scan({ participantId: PEOPLE.kim }).result).toBe('welcome');
  expect(ev.ws.db.prepare('SELECT undo_reason AS r FROM attendance WHERE id = ?').get(id)).toEqual({ r: 'picked the wrong Kim' });
});

test('check-out, a check-out of someone not in, and coming back in', () => {
  scan({ participantId: PEOPLE.kim });
  expect(scan({ participantId: PEOPLE.kim }, { action: 'checkout' }).result).toBe('checked_out');
  expect(scan({ participantId: PEOPLE.kim }, { action: 'checkout' }).result).toBe('not_checked_in');
  expect(checkinStatus(ev.ws.db, PEOPLE.kim, null)).toMatchObject({ current: null, checkedOutAt: expect.any(String) });
  expect(scan({ code: ev.code(PEOPLE.kim) }).result).toBe('welcome');
  expect(count('SELECT count(*) AS n FROM attendance WHERE undone_at IS NULL')).toBe(2);
});

test('staff flags come from the notes, category and languages', () => {
  ev.ws.db.prepare(`UPDATE participant SET notes = 'Halal meals. Wheelchair user: step-free route. Needs French interpretation', languages_json = '["fr"]' WHERE id = ?`).run(PEOPLE.somchai);
  const flags = scan({ participantId: PEOPLE.somchai }).person?.flags;
  expect(flags).toEqual([
    { kind: 'interpreter', text: 'Needs French interpretation' },
    { kind: 'accessibility', text: 'Wheelchair user: step-free route.' },
  ]);
  ev.ws.db.prepare(`UPDATE participant SET notes = '', languages_json = '["th"]' WHERE id = ?`).run(PEOPLE.tamil);
  expect(scan({ participantId: PEOPLE.tamil }).person?.flags).toEqual([{ kind: 'interpreter', text: 'Speaks th: needs interpretation.' }]);
});
