/**
 * Devices on loopback: 50 paired devices hold push WebSockets while 20 of them (desks) call
 * the API in parallel. Reports the p50/p99 of one API call under that load, and of a push
 * event reaching every one of the 50 devices.
 */
import http from 'node:http';
import path from 'node:path';
import WebSocket from 'ws';
import { PUSH_WS_PROTOCOL, type PairedRole } from '../../electron/contract';
import { startHostCore } from '../../electron/core/api/host_core';
import { startHttpServer } from '../../electron/core/host/http_server';
import { percentile, report } from './stats';

const DEVICES = 50;
const DESKS = 20;
const CALLS_PER_DESK = 150;
const PUSHES = 300;

/** The device mix of a busy programme day: 20 desks, then booths, projectors and presenters. */
function roleOf(i: number): PairedRole {
  if (i < DESKS) return 'desk';
  const rest: PairedRole[] = ['booth', 'booth', 'booth', 'projector', 'presenter'];
  return rest[i % rest.length] ?? 'booth';
}

/** POSTs a desk's search with its token over a kept-alive connection; resolves with the latency in ms. */
function timedCall(agent: http.Agent, port: number, token: string, body: string): Promise<number> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: '/api/participants.list',
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      },
      (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 200 ? resolve(performance.now() - t0) : reject(new Error(`status ${res.statusCode}`))));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Runs the devices benchmark against a fresh demo event in `tmp`. */
export async function benchDevices(tmp: string): Promise<void> {
  const started = startHostCore({ homeDir: path.join(tmp, 'devices-home'), dataDir: path.join(tmp, 'devices-event'), build: { version: 'bench' } });
  if (!started.ok) throw new Error(started.error.message);
  const core = started.value;
  const host = await startHttpServer({ core, host: '127.0.0.1', port: 0, staticDir: null, lanStandInPort: 0 });
  const lan = host.info().addresses.find((a) => a.interface === 'test stand-in');
  if (!lan) throw new Error('no LAN stand-in');
  const lanPort = Number(new URL(lan.url).port);

  const tokens: string[] = [];
  for (let i = 0; i < DEVICES; i++) {
    const offer = core.devices.startPairing(roleOf(i), `Device ${i + 1}`);
    if (!offer.ok) throw new Error(offer.error.message);
    const paired = core.devices.pair(offer.value.code, `10.0.0.${i + 1}`);
    if (!paired.ok) throw new Error(paired.error.message);
    tokens.push(paired.value.token);
  }

  // Every device holds its push connection; each records when each push arrived.
  let arrivals: number[] = [];
  const sockets = await Promise.all(
    tokens.map(
      (token) =>
        new Promise<WebSocket>((resolve, reject) => {
          const ws = new WebSocket(`ws://127.0.0.1:${lanPort}/api/events`, [PUSH_WS_PROTOCOL, `bearer.${token}`]);
          ws.once('open', () => resolve(ws));
          ws.once('error', reject);
          ws.on('message', (data: Buffer) => {
            if (data.toString().includes('"bench"')) arrivals.push(performance.now());
          });
        }),
    ),
  );
  await new Promise((r) => setTimeout(r, 200));

  const agent = new http.Agent({ keepAlive: true, maxSockets: DESKS });
  const queries = ['kim', 'müller', '김', 'ali', 'rossi', 'nguyen', 'a'];
  const callSamples: number[] = [];
  const desk = async (d: number) => {
    for (let i = 0; i < CALLS_PER_DESK; i++) {
      const body = JSON.stringify({ query: queries[(d + i) % queries.length], limit: 20 });
      const ms = await timedCall(agent, lanPort, tokens[d] ?? '', body);
      if (i >= 10) callSamples.push(ms); // the first calls of each desk warm up
    }
  };

  // Pushes run while the desks call: that is when a turnout update must still reach every screen.
  const pushSamples: number[] = [];
  const pusher = async () => {
    for (let i = 0; i < PUSHES; i++) {
      arrivals = [];
      const t0 = performance.now();
      core.bus.publish('devices.changed', { deviceId: 'bench' });
      while (arrivals.length < DEVICES) await new Promise((r) => setImmediate(r));
      pushSamples.push(Math.max(...arrivals) - t0);
      await new Promise((r) => setTimeout(r, 2));
    }
  };
  const loadStart = performance.now();
  await Promise.all([...Array.from({ length: DESKS }, (_, d) => desk(d)), pusher()]);
  const loadSeconds = (performance.now() - loadStart) / 1000;

  report('devices_paired_with_websocket', DEVICES, 'devices');
  report('devices_api_call_under_load_p50', percentile(callSamples, 50), 'ms');
  report('devices_api_call_under_load_p99', percentile(callSamples, 99), 'ms');
  report('devices_api_calls_per_second', (DESKS * CALLS_PER_DESK) / loadSeconds, 'calls/s');
  report('devices_push_reaches_all_50_p50', percentile(pushSamples, 50), 'ms');
  report('devices_push_reaches_all_50_p99', percentile(pushSamples, 99), 'ms');

  for (const ws of sockets) ws.close();
  agent.destroy();
  await host.close();
  core.close();
}
