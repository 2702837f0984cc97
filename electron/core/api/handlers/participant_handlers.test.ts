import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import type { MethodName, Participant } from '../../../contract';
import { testFields } from '../../participants/participants_test_helpers';
import { makeTempDir } from '../../testing/temp_dir_test_helpers';
import type { Caller } from '../caller';
import { startHostCore, type HostCore } from '../host_core';

const cores: HostCore[] = [];
afterEach(() => cores.splice(0).forEach((c) => c.close()));

const admin: Caller = { role: 'admin', transport: 'test' };
const desk: Caller = { role: 'desk', transport: 'test', deviceId: 'desk-hotel-1' };

function start(): { core: HostCore; pushes: string[]; call: <T>(caller: Caller, method: MethodName, input: unknown) => Promise<T> } {
  const tmp = makeTempDir();
  const started = startHostCore({ homeDir: path.join(tmp, 'home'), dataDir: path.join(tmp, 'event'), build: { version: 't' }, log: { error: () => undefined } });
  if (!started.ok) throw new Error(started.error.message);
  const core = started.value;
  cores.push(core);
  const pushes: string[] = [];
  core.bus.subscribe((m) => {
    if (m.topic === 'data.changed') pushes.push((m.payload as { scope: string }).scope);
  });
  const call = async <T,>(caller: Caller, method: MethodName, input: unknown): Promise<T> => {
    const result = await core.dispatch(caller, method, input);
    if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
    return result.value as T;
  };
  return { core, pushes, call };
}

test('a desk adds a walk-in in one call; every screen is told; the desk can undo it, the host cannot', async () => {
  const { core, pushes, call } = start();
  const before = await call<{ total: number }>(admin, 'participants.list', { query: '' });
  const created = await call<{ participant: Participant; change: { id: number } }>(desk, 'participants.create', {
    fields: testFields({ familyName: 'Okafor', givenName: 'Adaeze', country: 'NG', categoryCode: 'speaker' }),
  });
  expect(created.participant.registrationSource).toBe('walk_in');
  expect(pushes).toEqual(['participants']);
  expect((await call<{ total: number }>(admin, 'participants.list', { query: '' })).total).toBe(before.total + 1);
  expect((await call<{ items: Participant[] }>(desk, 'participants.list', { query: 'adaeze okafor' })).items.map((p) => p.id)).toEqual([created.participant.id]);

  expect(await call(admin, 'participants.lastChange', {})).toBe(null);
  expect(await call(desk, 'participants.lastChange', {})).toMatchObject({ kind: 'create', participantName: 'Adaeze Okafor' });
  const refused = await core.dispatch(admin, 'participants.undo', { changeId: created.change.id });
  expect(refused).toMatchObject({ ok: false, error: { code: 'nothing_to_undo' } });
  await call(desk, 'participants.undo', { changeId: created.change.id });
  expect((await call<{ total: number }>(admin, 'participants.list', { query: '' })).total).toBe(before.total);
  expect(pushes).toEqual(['participants', 'participants']);
});

test('edits are validated at the host too, and a stale edit is a conflict', async () => {
  const { core, call } = start();
  const [kim] = (await call<{ items: Participant[] }>(admin, 'participants.list', { query: '김민준' })).items;
  if (!kim) throw new Error('demo person missing');
  const fields = testFields({ ...kim });
  const invalid = await core.dispatch(admin, 'participants.update', { id: kim.id, expectedUpdatedAt: kim.updatedAt, fields: { ...fields, email: 'nope' } });
  expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  await call(admin, 'participants.update', { id: kim.id, expectedUpdatedAt: kim.updatedAt, fields: { ...fields, phone: '+82 2 0000 0000' } });
  const stale = await core.dispatch(desk, 'participants.update', { id: kim.id, expectedUpdatedAt: kim.updatedAt, fields: { ...fields, phone: '1' } });
  expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
  const cancelled = await call<{ participant: Participant }>(desk, 'participants.setStatus', { id: kim.id, expectedUpdatedAt: (await call<Participant>(admin, 'participants.get', { id: kim.id })).updatedAt, status: 'cancelled' });
  expect(cancelled.participant.status).toBe('cancelled');
  expect(await core.dispatch(admin, 'participants.get', { id: 999_999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
});

test('export: built at the host, fetched in chunks, only by the host itself', async () => {
  const { core, call } = start();
  const ready = await call<{ exportId: string; chunkCount: number; rowCount: number; fileName: string }>(admin, 'participants.export', { format: 'csv', locale: 'ko' });
  expect(ready.rowCount).toBe(64);
  const parts: Buffer[] = [];
  for (let i = 0; i < ready.chunkCount; i++) parts.push(Buffer.from((await call<{ base64: string }>(admin, 'participants.exportChunk', { exportId: ready.exportId, index: i })).base64, 'base64'));
  const csv = Buffer.concat(parts).toString('utf8');
  expect(csv.startsWith('\ufeffRegistration number,')).toBe(true);
  expect(csv).toContain('대한민국');
  expect(await core.dispatch(desk, 'participants.export', { format: 'csv' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
});

test('delegations and categories: heads must be members, in-use categories stay', async () => {
  const { core, call } = start();
  const delegations = await call<Array<{ id: number; headParticipantId: number }>>(admin, 'delegations.list', {});
  const [first, second] = delegations;
  if (!first || !second) throw new Error('demo delegations missing');
  const notMember = await core.dispatch(admin, 'delegations.setHead', { delegationId: first.id, participantId: second.headParticipantId });
  expect(notMember).toMatchObject({ ok: false, error: { code: 'not_a_member' } });
  expect(await core.dispatch(desk, 'delegations.setHead', { delegationId: first.id, participantId: null })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  const reordered = await call<Array<{ id: number }>>(admin, 'delegations.reorder', { ids: [second.id] });
  expect(reordered[0]?.id).toBe(second.id);
  const inUse = await core.dispatch(admin, 'categories.delete', { code: 'delegate' });
  expect(inUse).toMatchObject({ ok: false, error: { code: 'in_use' } });
  const saved = await call<Array<{ code: string; colour: string }>>(admin, 'categories.save', { code: 'press', name: 'Press', colour: '#ff0000', sortOrder: 50 });
  expect(saved.find((c) => c.code === 'press')?.colour).toBe('#ff0000');
  await call(admin, 'categories.save', { code: 'volunteer', name: 'Volunteer', colour: '#00aa00', sortOrder: 90 });
  expect((await call<Array<{ code: string }>>(admin, 'categories.delete', { code: 'volunteer' })).map((c) => c.code)).not.toContain('volunteer');
});

test('a merge and its undo tell desks and the identity station; a refused merge tells no one', async () => {
  const { core, call } = start();
  const topics: string[] = [];
  core.bus.subscribe((m) => {
    if (m.topic === 'checkin.changed' || m.topic === 'voting.changed') topics.push(`${m.topic} ${JSON.stringify(m.payload)}`);
  });
  const [a, b] = (await call<{ items: Participant[] }>(admin, 'participants.list', { query: '' })).items;
  if (!a || !b) throw new Error('demo people missing');
  const stale = await core.dispatch(admin, 'participants.merge', { keepId: a.id, keepUpdatedAt: 'yesterday', dropId: b.id, dropUpdatedAt: b.updatedAt });
  expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
  expect(topics).toEqual([]);
  const merged = await call<{ change: { id: number } }>(admin, 'participants.merge', { keepId: a.id, keepUpdatedAt: a.updatedAt, dropId: b.id, dropUpdatedAt: b.updatedAt });
  const told = ['checkin.changed {"sessionId":null,"participantId":null}', 'voting.changed {"roundId":null}'];
  expect(topics).toEqual(told);
  await call(admin, 'participants.undo', { changeId: merged.change.id });
  expect(topics).toEqual([...told, ...told]);
});
