// Programme editing against a real event: sessions are created, changed and removed only when
// they fit the event; a session with check-ins is kept; check-out lists stay consistent.
import { afterEach, beforeEach, expect, test } from 'vitest';
import { SessionFieldsSchema, type SessionFields } from '../../contract';
import { recordScan } from '../checkin';
import { createCheckinTestEvent, scanOf, type CheckinTestEvent } from '../checkin/checkin_test_helpers';
import { createSession, deleteSession, updateSession } from './session_editing';
import { getSession, listSessions } from './session_store';

let ev: CheckinTestEvent;
beforeEach(() => {
  ev = createCheckinTestEvent();
});
afterEach(() => ev.close());

const fields = (more: Partial<SessionFields> = {}): SessionFields =>
  SessionFieldsSchema.parse({ title: 'Bus 2 to polling stations', type: 'site_visit', day: '2026-12-02', startsAt: '07:30', endsAt: '12:00', venue: 'Hotel entrance', expected: { kind: 'delegations', delegationIds: [1] }, ...more });

test('create, update and list a session with its audience count and check-out list', () => {
  const plenary = createSession(ev.ws.db, fields({ title: 'Plenary', expected: { kind: 'all' } }));
  if (!plenary.ok) throw new Error(plenary.error.message);
  const bus = createSession(ev.ws.db, fields({ checksOutOf: [plenary.value.id, plenary.value.id] }));
  if (!bus.ok) throw new Error(bus.error.message);
  expect(bus.value).toMatchObject({ expectedCount: 4, checksOutOf: [plenary.value.id], checkInCount: 0, type: 'site_visit' });
  const moved = updateSession(ev.ws.db, bus.value.id, fields({ startsAt: '07:40', expected: { kind: 'list', participantIds: [5, 6] } }));
  expect(moved.ok && moved.value).toMatchObject({ startsAt: '07:40', expectedCount: 2, checksOutOf: [] });
  expect(listSessions(ev.ws.db).map((s) => s.title)).toEqual(['Plenary', 'Bus 2 to polling stations']);
});

test('the contract refuses bad shapes; the event refuses days outside it and audiences that do not exist', () => {
  expect(SessionFieldsSchema.safeParse({ ...fields(), endsAt: '07:00' }).success).toBe(false);
  expect(SessionFieldsSchema.safeParse({ ...fields(), title: '  ' }).success).toBe(false);
  expect(SessionFieldsSchema.safeParse({ ...fields(), startsAt: '25:00' }).success).toBe(false);
  const before = listSessions(ev.ws.db).length;
  for (const bad of [fields({ day: '2027-01-01' }), fields({ expected: { kind: 'delegations', delegationIds: [99] } }), fields({ expected: { kind: 'list', participantIds: [] } }), fields({ checksOutOf: [77] })]) {
    const r = createSession(ev.ws.db, bad);
    expect(r.ok ? 'ok' : r.error.code).toBe('invalid_session');
  }
  expect(listSessions(ev.ws.db).length).toBe(before);
  const s = createSession(ev.ws.db, fields());
  if (!s.ok) throw new Error('no session');
  const self = updateSession(ev.ws.db, s.value.id, fields({ checksOutOf: [s.value.id] }));
  expect(self.ok ? 'ok' : self.error.message).toMatch(/itself/u);
  expect(updateSession(ev.ws.db, 999, fields()).ok).toBe(false);
});

test('a session with check-ins is not deleted; an empty one is, and leaves other check-out lists', () => {
  const a = createSession(ev.ws.db, fields({ title: 'A' }));
  if (!a.ok) throw new Error('no A');
  const b = createSession(ev.ws.db, fields({ title: 'B', checksOutOf: [a.value.id] }));
  if (!b.ok) throw new Error('no B');
  recordScan(ev.ws.db, scanOf({ participantId: 1 }, { sessionId: b.value.id }), ev.ctx());
  const used = deleteSession(ev.ws.db, b.value.id);
  expect(used.ok ? 'ok' : used.error.code).toBe('in_use');
  expect(deleteSession(ev.ws.db, a.value.id)).toEqual({ ok: true, value: { id: a.value.id } });
  expect(getSession(ev.ws.db, b.value.id)?.checksOutOf).toEqual([]);
  expect(getSession(ev.ws.db, b.value.id)?.checkInCount).toBe(1);
});
