import nodeHttp from 'node:http';
import path from 'node:path';
import WebSocket from 'ws';
import { afterEach, expect, test } from 'vitest';
import { makeTempDir } from '../testing/temp_dir_test_helpers';
import { startHostCore, type HostCore } from '../api/host_core';
import { MAX_BODY_BYTES, startHttpServer, type HttpHost } from './http_server';

const open: Array<{ core: HostCore; http: HttpHost }> = [];
afterEach(async () => {
  for (const { core, http } of open.splice(0)) {
    await http.close();
    core.close();
  }
});

async function start() {
  const tmp = makeTempDir();
  const started = startHostCore({ homeDir: path.join(tmp, 'home'), dataDir: path.join(tmp, 'event'), build: { version: '1.2.3' }, log: { error: () => undefined } });
  if (!started.ok) throw new Error(started.error.message);
  const http = await startHttpServer({ core: started.value, host: '127.0.0.1', port: 0, staticDir: null });
  open.push({ core: started.value, http });
  return { core: started.value, http };
}

async function post(http: HttpHost, method: string, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  const res = await fetch(new URL(`api/${method}`, http.url), { method: 'POST', headers, body });
  return { status: res.status, body: (await res.json()) as { ok: boolean; error?: { code: string; message: string }; value?: unknown } };
}

test('GET /api/health answers without pairing', async () => {
  const { http } = await start();
  const res = await fetch(new URL('api/health', http.url));
  expect(await res.json()).toMatchObject({ ok: true, version: '1.2.3', event: { name: expect.stringContaining('demo') } });
});

test('calls reach the same dispatcher as IPC', async () => {
  const { http } = await start();
  const r = await post(http, 'event.summary', '{}');
  expect(r).toMatchObject({ status: 200, body: { ok: true, value: { participants: 64 } } });
});

test('bad requests get clear results and change nothing', async () => {
  const { http, core } = await start();
  const before = await core.dispatch({ role: 'admin', transport: 'test' }, 'event.list', {});
  expect(await post(http, 'event.create', '{"name":')).toMatchObject({ status: 400, body: { error: { code: 'invalid_input' } } });
  expect(await post(http, 'event.create', '')).toMatchObject({ status: 400, body: { error: { code: 'invalid_input' } } });
  expect(await post(http, 'event.create', 'name=x', { 'content-type': 'application/x-www-form-urlencoded' })).toMatchObject({ body: { error: { code: 'invalid_input' } } });
  expect(await post(http, 'no.such', '{}')).toMatchObject({ status: 404, body: { error: { code: 'unknown_method' } } });
  expect(await post(http, 'event.create', JSON.stringify({ name: 'x'.repeat(MAX_BODY_BYTES), startDate: '2027-01-01', endDate: '2027-01-01' }))).toMatchObject({
    status: 413,
    body: { error: { code: 'payload_too_large' } },
  });
  expect(await post(http, 'event.create', '[1,2,3]')).toMatchObject({ status: 400, body: { error: { code: 'invalid_input' } } });
  expect(await core.dispatch({ role: 'admin', transport: 'test' }, 'event.list', {})).toEqual(before);
});

test('other origins and other Host names are refused (no CSRF, no DNS rebinding)', async () => {
  const { http } = await start();
  expect(await post(http, 'event.current', '{}', { 'content-type': 'application/json', origin: 'http://evil.example' })).toMatchObject({
    status: 403,
    body: { error: { code: 'forbidden' } },
  });
  const port = http.port;
  const rebinding = await new Promise<number>((resolve) => {
    const req = nodeHttp.request(
      { host: '127.0.0.1', port, path: '/api/health', headers: { host: `attacker.example:${port}` } },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.end();
  });
  expect(rebinding).toBe(421);
});

test('push events arrive on the WebSocket', async () => {
  const { http, core } = await start();
  const ws = new WebSocket(new URL('api/events', http.url.replace('http', 'ws')));
  await new Promise((resolve) => ws.once('open', resolve));
  const message = new Promise<string>((resolve) => ws.once('message', (data) => resolve(String(data))));
  core.bus.publish('data.changed', { scope: 'participants' });
  expect(JSON.parse(await message)).toEqual({ topic: 'data.changed', payload: { scope: 'participants' } });
  ws.close();
});

test('a WebSocket from another origin is refused', async () => {
  const { http } = await start();
  const ws = new WebSocket(new URL('api/events', http.url.replace('http', 'ws')), { headers: { origin: 'http://evil.example' } });
  const outcome = await new Promise<string>((resolve) => {
    ws.once('open', () => resolve('open'));
    ws.once('error', () => resolve('error'));
    ws.once('unexpected-response', (req, res) => {
      res.destroy();
      req.destroy();
      resolve(`refused ${res.statusCode}`);
    });
  });
  expect(outcome).toBe('refused 403');
});
