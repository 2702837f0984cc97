import crypto from 'node:crypto';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { startHostCore, type HostCore } from '../api/host_core';
import { makeTempDir } from '../testing/temp_dir_test_helpers';
import { tokenHashOf } from './device_store';
import { CLOSE_NOT_PAIRED } from './presence';

const cores: HostCore[] = [];
afterEach(() => cores.splice(0).forEach((c) => c.close()));

function start(now?: () => Date): HostCore {
  const tmp = makeTempDir();
  const started = startHostCore({ homeDir: path.join(tmp, 'home'), dataDir: path.join(tmp, 'event'), build: { version: 't' }, log: { error: () => undefined }, now });
  if (!started.ok) throw new Error(started.error.message);
  cores.push(started.value);
  return started.value;
}

function pairOne(core: HostCore, role: 'desk' | 'booth' = 'desk', name = 'Desk 1', address = '192.168.1.20') {
  const offer = core.devices.startPairing(role, name);
  if (!offer.ok) throw new Error(offer.error.message);
  const paired = core.devices.pair(offer.value.code, address);
  if (!paired.ok) throw new Error(paired.error.message);
  return paired.value;
}

test('a paired device gets a 256-bit token; the host keeps only its SHA-256', () => {
  const core = start();
  const { token, device } = pairOne(core);
  expect(Buffer.from(token, 'base64url')).toHaveLength(32);
  const db = core.session.current?.db;
  if (!db) throw new Error('no event');
  expect(tokenHashOf(db, device.id)).toBe(crypto.createHash('sha256').update(token).digest('hex'));
  // The token itself appears nowhere in the database.
  const dump = JSON.stringify(db.prepare('SELECT * FROM device').all());
  expect(dump).not.toContain(token);
  expect(core.devices.authenticate(token, '192.168.1.20')).toMatchObject({ id: device.id, role: 'desk' });
  expect(core.devices.authenticate(token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A'), '192.168.1.20')).toBeNull();
  expect(core.devices.authenticate('short', '192.168.1.20')).toBeNull();
});

test('revoking erases the token hash, refuses the token and closes live connections at once', () => {
  const core = start();
  const { token, device } = pairOne(core, 'booth', 'Booth A');
  const closed: Array<[number, string]> = [];
  core.devices.presence.attach({ deviceId: device.id, role: 'booth', close: (code, reason) => closed.push([code, reason]) });
  expect(core.devices.list()).toMatchObject({ ok: true, value: [{ id: device.id, online: true, connections: 1 }] });
  const revoked = core.devices.revoke(device.id);
  expect(revoked).toMatchObject({ ok: true, value: { revokedAt: expect.any(String), online: false } });
  expect(closed).toEqual([[CLOSE_NOT_PAIRED, 'revoked']]);
  expect(core.devices.authenticate(token, '192.168.1.20')).toBeNull();
  expect(tokenHashOf(core.session.current?.db as never, device.id)).toBeNull();
  expect(core.devices.update(device.id, { role: 'desk' })).toMatchObject({ ok: false, error: { code: 'revoked' } });
});

test('a role change applies to the next call and to live connections', () => {
  const core = start();
  const { token, device } = pairOne(core, 'desk', 'Desk 2');
  const live = { deviceId: device.id, role: 'desk' as const, close: () => undefined } as { deviceId: string; role: string; close(): void };
  core.devices.presence.attach(live as never);
  expect(core.devices.update(device.id, { role: 'projector', name: 'Hall projector' })).toMatchObject({ ok: true, value: { role: 'projector', name: 'Hall projector' } });
  expect(core.devices.authenticate(token, '192.168.1.20')).toMatchObject({ role: 'projector' });
  expect(live.role).toBe('projector');
});

test('names tell devices apart: a taken name is refused for a new code and a rename', () => {
  const core = start();
  const { device } = pairOne(core, 'desk', 'Desk 1');
  expect(core.devices.startPairing('desk', 'desk 1')).toMatchObject({ ok: false, error: { code: 'name_taken' } });
  pairOne(core, 'desk', 'Desk 2', '192.168.1.21');
  const list = core.devices.list();
  const second = list.ok ? list.value.find((d) => d.name === 'Desk 2') : undefined;
  expect(core.devices.update(second?.id ?? '', { name: 'DESK 1' })).toMatchObject({ ok: false, error: { code: 'name_taken' } });
  core.devices.revoke(device.id);
  // A revoked device's name is free again.
  expect(core.devices.startPairing('desk', 'Desk 1')).toMatchObject({ ok: true });
});

test('guessing codes from one address is blocked after 5 tries, even with the right code', () => {
  const core = start();
  const offer = core.devices.startPairing('desk', 'Desk 1');
  if (!offer.ok) throw new Error('no offer');
  const wrong = offer.value.code === '111111' ? '222222' : '111111';
  for (let i = 0; i < 5; i++) expect(core.devices.pair(wrong, '10.9.9.9')).toMatchObject({ ok: false, error: { code: 'code_unknown' } });
  const blocked = core.devices.pair(offer.value.code, '10.9.9.9');
  expect(blocked).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
  expect(!blocked.ok && blocked.error.message).toMatch(/try again in 10 min/u);
  // The code was not spent by the blocked attempt: the real device elsewhere still pairs.
  expect(core.devices.pair(offer.value.code, '10.9.9.10')).toMatchObject({ ok: true });
});

test('last seen and address follow authenticated calls', () => {
  let t = new Date('2026-11-20T09:00:00Z');
  const core = start(() => t);
  const { token, device } = pairOne(core);
  t = new Date('2026-11-20T09:05:00Z');
  core.devices.authenticate(token, '192.168.1.77');
  expect(core.devices.list()).toMatchObject({ ok: true, value: [{ id: device.id, lastSeenAt: '2026-11-20T09:05:00.000Z', lastAddress: '192.168.1.77', pairedFrom: '192.168.1.20' }] });
});

test('switching the host to another event cuts off the old event\'s devices and codes', async () => {
  const core = start();
  const { token, device } = pairOne(core);
  const closed: number[] = [];
  core.devices.presence.attach({ deviceId: device.id, role: 'desk', close: (code) => closed.push(code) });
  core.devices.startPairing('booth', 'Booth B');
  const created = await core.dispatch({ role: 'admin', transport: 'test' }, 'event.create', { name: 'Seminar', startDate: '2027-03-02', endDate: '2027-03-03' });
  expect(created.ok).toBe(true);
  expect(closed).toEqual([CLOSE_NOT_PAIRED]);
  expect(core.devices.pairings()).toEqual([]);
  expect(core.devices.authenticate(token, '192.168.1.20')).toBeNull();
});
