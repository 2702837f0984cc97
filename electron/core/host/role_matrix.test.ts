import { afterAll, beforeAll, expect, test } from 'vitest';
import { API, type CallerRole, type PairedRole } from '../../contract';
import { call, pairDevice, startTestHost, type TestHost } from './http_test_helpers';

// Every contract method against every role and an unpaired client, over real HTTP with
// real device tokens. The method list comes from the contract, so a new method is covered
// the day it is declared.
const METHODS = Object.entries(API);
const DEVICE_ROLES: PairedRole[] = ['desk', 'booth', 'projector', 'presenter'];

let host: TestHost;
const tokens = new Map<PairedRole, string>();
let revokedToken = '';

beforeAll(async () => {
  host = await startTestHost();
  for (const role of DEVICE_ROLES) tokens.set(role, (await pairDevice(host, role, `${role} 1`)).token);
  const revoked = await pairDevice(host, 'desk', 'Lost tablet');
  revokedToken = revoked.token;
  await call(host.adminUrl, 'devices.revoke', { id: revoked.id });
});
afterAll(async () => {
  await host.close();
});

/** How each kind of caller reaches the host: admin on loopback, the others over the LAN. */
function as(role: CallerRole): { base: string; token?: string } {
  if (role === 'admin') return { base: host.adminUrl };
  if (role === 'unpaired') return { base: host.lanUrl };
  return { base: host.lanUrl, token: tokens.get(role) };
}

const ROLES: CallerRole[] = ['admin', ...DEVICE_ROLES, 'unpaired'];

test.each(ROLES)('%s reaches exactly the methods whose roles name it (gate only: input that no handler runs on)', async (role) => {
  const { base, token } = as(role);
  const refused: string[] = [];
  for (const [method, spec] of METHODS) {
    // A JSON array is never a valid input: an allowed call stops at validation, so the
    // gate is probed without side effects.
    const r = await call(base, method, '[]', token, true);
    const allowed = spec.roles.includes(role);
    expect(r.status, `${role} → ${method}: ${JSON.stringify(r.body)}`).toBe(allowed ? 400 : 403);
    expect(r.body.error?.code).toBe(allowed ? 'invalid_input' : 'forbidden');
    if (!allowed) refused.push(method);
  }
  expect(refused.length).toBe(METHODS.filter(([, s]) => !s.roles.includes(role)).length);
});

test.each(ROLES)('%s: every allowed call runs and answers within its contract, every other one is forbidden', async (role) => {
  const { base, token } = as(role);
  for (const [method, spec] of METHODS) {
    const r = await call(base, method, {}, token);
    const allowed = spec.roles.includes(role);
    if (!allowed) {
      expect(r, `${role} must not reach ${method}`).toMatchObject({ status: 403, body: { ok: false, error: { code: 'forbidden' } } });
      continue;
    }
    const outcome = r.body.ok ? 'ok' : (r.body.error?.code ?? '?');
    expect(['ok', 'invalid_input', ...spec.errors], `${role} → ${method}: ${JSON.stringify(r.body)}`).toContain(outcome);
  }
});

test('what each job needs works, with real data: desk searches, projector reads elections, booth knows itself', async () => {
  const desk = await call(host.lanUrl, 'participants.list', { query: 'kim', limit: 5 }, tokens.get('desk'));
  expect(desk).toMatchObject({ status: 200, body: { ok: true } });
  expect((desk.body.value as { items: unknown[] }).items.length).toBeGreaterThan(0);
  const projector = await call(host.lanUrl, 'elections.list', {}, tokens.get('projector'));
  expect(projector).toMatchObject({ status: 200, body: { ok: true } });
  const booth = await call(host.lanUrl, 'devices.whoami', {}, tokens.get('booth'));
  expect(booth.body).toMatchObject({ ok: true, value: { role: 'booth', device: { name: 'booth 1', role: 'booth' } } });
  // Badge signatures are verified on the desk itself: a paired desk can read the event's public key.
  if ('badges.publicKey' in API) {
    expect((await call(host.lanUrl, 'badges.publicKey', {}, tokens.get('desk'))).body.ok).toBe(true);
    expect((await call(host.lanUrl, 'badges.publicKey', {}, tokens.get('booth'))).status).toBe(403);
  }
  const stranger = await call(host.lanUrl, 'devices.whoami', {});
  expect(stranger.body).toMatchObject({ ok: true, value: { role: 'unpaired', device: null } });
});

test('a revoked token is refused on every method, even health-like ones, with 401', async () => {
  for (const [method] of METHODS) {
    const r = await call(host.lanUrl, method, {}, revokedToken);
    expect(r, method).toMatchObject({ status: 401, body: { ok: false, error: { code: 'forbidden', message: expect.stringMatching(/not paired/u) } } });
  }
  // A made-up token, and a token presented on the host's own loopback listener, are no better.
  expect((await call(host.lanUrl, 'devices.whoami', {}, 'x'.repeat(43))).status).toBe(401);
  expect((await call(host.adminUrl, 'event.list', {}, revokedToken)).status).toBe(401);
});
