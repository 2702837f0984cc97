import path from 'node:path';
import WebSocket from 'ws';
import type { PairedRole } from '../../contract';
import { startHostCore, type HostCore } from '../api/host_core';
import { makeTempDir } from '../testing/temp_dir_test_helpers';
import { startHttpServer, type HttpHost, type HttpHostOptions } from './http_server';
import { WS_PROTOCOL } from './request_auth';

/** A running host with its admin (loopback) URL and a LAN stand-in URL whose callers count as devices. */
export interface TestHost {
  readonly core: HostCore;
  readonly http: HttpHost;
  readonly adminUrl: string;
  readonly lanUrl: string;
  close(): Promise<void>;
}

/** An API answer as the tests read it. */
export interface Answer {
  status: number;
  body: { ok: boolean; value?: unknown; error?: { code: string; message: string } };
}

/** Starts a host on a fresh demo event with a LAN stand-in listener. */
export async function startTestHost(extra: Pick<HttpHostOptions, 'tls' | 'https'> = {}): Promise<TestHost> {
  const tmp = makeTempDir();
  const started = startHostCore({ homeDir: path.join(tmp, 'home'), dataDir: path.join(tmp, 'event'), build: { version: 't' }, log: { error: () => undefined } });
  if (!started.ok) throw new Error(started.error.message);
  const core = started.value;
  const http = await startHttpServer({ core, host: '127.0.0.1', port: 0, staticDir: null, lanStandInPort: 0, ...extra });
  const lan = http.info().addresses.find((a) => a.interface === 'test stand-in');
  if (!lan) throw new Error('no stand-in listener');
  return {
    core,
    http,
    adminUrl: http.url,
    lanUrl: lan.url,
    close: async () => {
      await http.close();
      core.close();
    },
  };
}

/** POSTs a raw body to /api/<method>, with a device token when given. */
export async function call(base: string, method: string, body: unknown, token?: string, raw = false): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token !== undefined) headers['authorization'] = `Bearer ${token}`;
  const res = await fetch(new URL(`api/${method}`, base), { method: 'POST', headers, body: raw ? String(body) : JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Answer['body'] };
}

/** Pairs a device the way staff and a tablet do: the admin opens a code, the device redeems it over the LAN. */
export async function pairDevice(host: TestHost, role: PairedRole, name: string): Promise<{ token: string; id: string }> {
  const offer = await call(host.adminUrl, 'devices.pairingStart', { role, name });
  if (!offer.body.ok) throw new Error(JSON.stringify(offer.body));
  const code = (offer.body.value as { code: string }).code;
  const paired = await call(host.lanUrl, 'devices.pair', { code });
  if (!paired.body.ok) throw new Error(JSON.stringify(paired.body));
  const value = paired.body.value as { token: string; device: { id: string } };
  return { token: value.token, id: value.device.id };
}

/** Opens the push WebSocket as a browser would: the token offered as a subprotocol. */
export function openPush(base: string, token?: string, extra: { url?: string } = {}): WebSocket {
  const url = extra.url ?? new URL('api/events', base.replace(/^http/u, 'ws')).toString();
  const protocols = token ? [WS_PROTOCOL, `bearer.${token}`] : [WS_PROTOCOL];
  return new WebSocket(url, protocols);
}

/** Resolves with 'open' or with the HTTP status the upgrade was refused with. */
export function pushOutcome(ws: WebSocket): Promise<string> {
  return new Promise((resolve) => {
    ws.once('open', () => resolve('open'));
    ws.once('unexpected-response', (req, res) => {
      res.destroy();
      req.destroy();
      resolve(`refused ${res.statusCode}`);
    });
    ws.once('error', () => resolve('error'));
  });
}
