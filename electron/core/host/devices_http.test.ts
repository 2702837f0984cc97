import crypto from 'node:crypto';
import https from 'node:https';
import path from 'node:path';
import type { TLSSocket } from 'node:tls';
import { afterEach, expect, test } from 'vitest';
import WebSocket from 'ws';
import { PUSH_WS_PROTOCOL } from '../../contract';
import { ensureLanCertificate } from '../devices/lan_certificate';
import { makeTempDir } from '../testing/temp_dir_test_helpers';
import { lanAddresses } from './lan_listeners';
import { call, openPush, pairDevice, pushOutcome, startTestHost, type TestHost } from './http_test_helpers';

const hosts: TestHost[] = [];
afterEach(async () => {
  for (const h of hosts.splice(0)) await h.close();
});
async function start(extra: Parameters<typeof startTestHost>[0] = {}): Promise<TestHost> {
  const h = await startTestHost(extra);
  hosts.push(h);
  return h;
}

/** Collects the push messages a socket receives. */
function messages(ws: WebSocket): string[] {
  const got: string[] = [];
  ws.on('message', (data: Buffer) => got.push((JSON.parse(data.toString()) as { topic: string }).topic));
  return got;
}

test('a device pairs with a code over the LAN; the code then fails as used, a wrong one as unknown', async () => {
  const host = await start();
  const offer = await call(host.adminUrl, 'devices.pairingStart', { role: 'booth', name: 'Booth A' });
  const { code } = offer.body.value as { code: string };
  const paired = await call(host.lanUrl, 'devices.pair', { code });
  expect(paired).toMatchObject({ status: 200, body: { ok: true, value: { device: { name: 'Booth A', role: 'booth' } } } });
  const token = (paired.body.value as { token: string }).token;
  expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/u);
  expect(await call(host.lanUrl, 'devices.pair', { code })).toMatchObject({ body: { ok: false, error: { code: 'code_used' } } });
  expect(await call(host.lanUrl, 'devices.pair', { code: '12345' })).toMatchObject({ status: 400, body: { error: { code: 'invalid_input' } } });
  const list = await call(host.adminUrl, 'devices.list', {});
  expect(list.body.value).toMatchObject([{ name: 'Booth A', role: 'booth', pairedFrom: '127.0.0.1', online: false, revokedAt: null }]);
  // The admin console itself cannot pair (it is the admin already), and a paired device cannot pair again.
  expect((await call(host.adminUrl, 'devices.pair', { code: '000000' })).body.error?.code).toBe('forbidden');
  expect((await call(host.lanUrl, 'devices.pair', { code: '000000' }, token)).body.error?.code).toBe('forbidden');
});

test('guessing is blocked after 5 wrong codes over HTTP (429), and the right code does not help then', async () => {
  const host = await start();
  const offer = await call(host.adminUrl, 'devices.pairingStart', { role: 'desk', name: 'Desk 9' });
  const { code } = offer.body.value as { code: string };
  const wrong = code === '999999' ? '999998' : '999999';
  for (let i = 0; i < 5; i++) expect((await call(host.lanUrl, 'devices.pair', { code: wrong })).body.error?.code).toBe('code_unknown');
  const blocked = await call(host.lanUrl, 'devices.pair', { code });
  expect(blocked).toMatchObject({ status: 429, body: { ok: false, error: { code: 'rate_limited' } } });
  // The code is still open for the real device, once it pairs from another address.
  expect((await call(host.adminUrl, 'devices.pairings', {})).body.value).toMatchObject([{ code, name: 'Desk 9' }]);
});

test('push: unpaired and revoked callers are refused before the upgrade; tokens in URLs are ignored', async () => {
  const host = await start();
  expect(await pushOutcome(openPush(host.lanUrl))).toBe('refused 401');
  const { token, id } = await pairDevice(host, 'desk', 'Desk 1');
  const viaUrl = openPush(host.lanUrl, undefined, { url: `${host.lanUrl.replace('http', 'ws')}api/events?token=${token}` });
  expect(await pushOutcome(viaUrl)).toBe('refused 401');
  await call(host.adminUrl, 'devices.revoke', { id });
  expect(await pushOutcome(openPush(host.lanUrl, token))).toBe('refused 401');
});

test('revoking closes the device WebSocket within a second and its next call is refused', async () => {
  const host = await start();
  const { token, id } = await pairDevice(host, 'booth', 'Booth 1');
  const ws = openPush(host.lanUrl, token);
  expect(await pushOutcome(ws)).toBe('open');
  const online = await call(host.adminUrl, 'devices.list', {});
  expect(online.body.value).toMatchObject([{ id, online: true, connections: 1 }]);
  const closed = new Promise<{ code: number; reason: string; at: number }>((resolve) =>
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString(), at: performance.now() })),
  );
  const t0 = performance.now();
  expect((await call(host.adminUrl, 'devices.revoke', { id })).body).toMatchObject({ ok: true, value: { revokedAt: expect.any(String) } });
  const c = await closed;
  expect(c).toMatchObject({ code: 4401, reason: 'revoked' });
  expect(c.at - t0).toBeLessThan(1000);
  expect((await call(host.lanUrl, 'devices.whoami', {}, token)).status).toBe(401);
  expect((await call(host.adminUrl, 'devices.list', {})).body.value).toMatchObject([{ id, online: false, connections: 0 }]);
});

test('each role hears only its topics; a role change applies to the live connection', async () => {
  const host = await start();
  const desk = await pairDevice(host, 'desk', 'Desk 1');
  const booth = await pairDevice(host, 'booth', 'Booth 1');
  const deskWs = openPush(host.lanUrl, desk.token);
  const boothWs = openPush(host.lanUrl, booth.token);
  await Promise.all([pushOutcome(deskWs), pushOutcome(boothWs)]);
  // Let the "device came online" pushes of the two connections pass before listening.
  await new Promise((r) => setTimeout(r, 100));
  const deskGot = messages(deskWs);
  const boothGot = messages(boothWs);
  host.core.bus.publish('data.changed', { scope: 'participants' });
  host.core.bus.publish('devices.changed', { deviceId: null });
  await new Promise((r) => setTimeout(r, 100));
  expect(deskGot).toEqual(['data.changed', 'devices.changed']);
  expect(boothGot).toEqual(['devices.changed']);
  // Now the booth becomes a desk: the same connection starts hearing desk topics.
  await call(host.adminUrl, 'devices.update', { id: booth.id, role: 'desk' });
  host.core.bus.publish('data.changed', { scope: 'participants' });
  await new Promise((r) => setTimeout(r, 100));
  expect(boothGot).toEqual(['devices.changed', 'devices.changed', 'data.changed']);
  deskWs.close();
  boothWs.close();
});

test('a role change reaches the device at once: next call uses the new role', async () => {
  const host = await start();
  const d = await pairDevice(host, 'booth', 'Tablet 3');
  expect((await call(host.lanUrl, 'participants.list', {}, d.token)).status).toBe(403);
  expect((await call(host.adminUrl, 'devices.update', { id: d.id, role: 'desk', name: 'Desk 3' })).body).toMatchObject({ ok: true, value: { role: 'desk', name: 'Desk 3' } });
  expect((await call(host.lanUrl, 'participants.list', {}, d.token)).status).toBe(200);
});

test('the web is hardened on the LAN listener too: headers, origin, size, Host', async () => {
  const host = await start();
  const res = await fetch(new URL('api/health', host.lanUrl));
  expect(res.headers.get('content-security-policy')).toContain(`connect-src 'self' ws://${new URL(host.lanUrl).host}`);
  expect(res.headers.get('x-frame-options')).toBe('DENY');
  expect(res.headers.get('cache-control')).toBe('no-store');
  const foreign = await fetch(new URL('api/devices.pair', host.lanUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'http://192.168.1.99:8080' },
    body: '{"code":"123456"}',
  });
  expect(foreign.status).toBe(403);
  const big = await call(host.lanUrl, 'devices.pair', { code: '1'.repeat(300_000) });
  expect(big.status).toBe(413);
});

test.skipIf(lanAddresses().length === 0)('LAN on: a real network address is served, its callers are unpaired, and LAN off closes it', async () => {
  const host = await start();
  const on = await host.http.configure({ lan: true });
  if (!on.ok) throw new Error(on.error.message);
  const lan = on.value.addresses.find((a) => a.kind === 'lan' && a.interface !== 'test stand-in');
  if (!lan) throw new Error('no LAN address served');
  expect(on.value).toMatchObject({ lan: true, bind: '0.0.0.0', protocol: 'http' });
  // This machine calling its own LAN address arrives from a LAN address: not the admin.
  expect((await call(lan.url, 'devices.whoami', {})).body).toMatchObject({ ok: true, value: { role: 'unpaired' } });
  expect((await call(lan.url, 'event.list', {})).status).toBe(403);
  const offer = await call(host.adminUrl, 'devices.pairingStart', { role: 'desk', name: 'Desk L' });
  expect((offer.body.value as { pairUrls: string[] }).pairUrls).toContain(`${lan.url}#pair=${(offer.body.value as { code: string }).code}`);
  const off = await host.http.configure({ lan: false });
  expect(off).toMatchObject({ ok: true, value: { lan: false, addresses: [{ kind: 'loopback' }, { interface: 'test stand-in' }] } });
  await expect(fetch(new URL('api/health', lan.url))).rejects.toThrow();
});

/** GETs over HTTPS trusting only `ca`, and returns the status and the server certificate's fingerprint. */
function httpsGet(url: string, ca: string): Promise<{ status: number; fingerprint: string }> {
  return new Promise((resolve, reject) => {
    const req = https.get(url, { ca }, (res) => {
      const fingerprint = (res.socket as TLSSocket).getPeerCertificate().fingerprint256;
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, fingerprint }));
    });
    req.on('error', reject);
  });
}

test.skipIf(lanAddresses().length === 0)('HTTPS on the LAN: the event certificate names the address, its fingerprint is shown and carried in the pairing link', async () => {
  const keys = path.join(makeTempDir(), 'keys');
  const host = await start({ tls: (addresses) => ensureLanCertificate(keys, addresses) });
  expect((await host.http.configure({ lan: true })).ok).toBe(true);
  expect(host.http.info()).toMatchObject({ protocol: 'http', httpsAvailable: true, certificateFingerprint: null });
  // Staff switch HTTPS on from the devices screen: the LAN listeners reopen with the event's certificate.
  const switched = await call(host.adminUrl, 'devices.setNetwork', { https: true });
  expect(switched.body).toMatchObject({ ok: true, value: { lan: true, protocol: 'https' } });
  const on = { value: host.http.info() };
  const lan = on.value.addresses.find((a) => a.kind === 'lan' && a.interface !== 'test stand-in');
  expect(lan?.url).toMatch(/^https:\/\//u);
  const cert = await ensureLanCertificate(keys, [new URL(lan?.url ?? '').hostname]);
  const fingerprint = new crypto.X509Certificate(cert.cert).fingerprint256;
  expect(on.value.certificateFingerprint).toBe(fingerprint);
  // A client that trusts exactly this certificate reaches the host, and sees the same fingerprint.
  const res = await httpsGet(new URL('api/health', lan?.url).toString(), cert.cert);
  expect(res).toEqual({ status: 200, fingerprint });
  // The admin's own loopback stays plain http (a secure context already).
  expect(on.value.addresses[0]?.url).toMatch(/^http:\/\/127\.0\.0\.1:/u);
  const offer = await call(host.adminUrl, 'devices.pairingStart', { role: 'desk', name: 'Desk S' });
  const { pairUrls, code } = offer.body.value as { pairUrls: string[]; code: string };
  expect(pairUrls).toContain(`${lan?.url}#pair=${code}&fp=${fingerprint.replace(/:/gu, '')}`);
  // A paired device's push connection works over wss with the same certificate.
  const { token } = await pairDevice(host, 'desk', 'Desk W');
  const wss = new WebSocket(new URL('api/events', lan?.url.replace('https', 'wss')).toString(), [PUSH_WS_PROTOCOL, `bearer.${token}`], { ca: cert.cert });
  expect(await pushOutcome(wss)).toBe('open');
  wss.close();
});
