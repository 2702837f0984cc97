import fs from 'node:fs';
import http from 'node:http';
import type { Socket } from 'node:net';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import { err, type Result } from '../../contract';
import type { HostCore } from '../api/host_core';
import type { NetworkControl } from '../devices/device_service';
import type { TlsMaterial } from '../devices/lan_certificate';
import { LanControl } from './lan_control';
import { ExtraListeners } from './lan_listeners';
import { bearerToken, identifyCaller, WS_PROTOCOL } from './request_auth';
import { isAllowedOrigin, securityHeaders } from './security_headers';
import { registerPushRoute } from './ws_push';

export interface HttpHostOptions {
  readonly core: HostCore;
  /** The admin's own listener: loopback (this machine only). */
  readonly host: string;
  readonly port: number;
  /** The built renderer to serve, or null for an API-only server (tests). */
  readonly staticDir: string | null;
  /** Whether LAN devices can reach the host from the start, on every network or one address. */
  readonly lan?: { readonly address: string | null } | null;
  /** Whether LAN devices get HTTPS from the start (needs `tls`). */
  readonly https?: boolean;
  /** Called when staff switch LAN or HTTPS, so the choice is remembered. */
  readonly onNetworkChange?: (settings: { lan: boolean; https: boolean }) => void;
  /** Makes the certificate for the LAN addresses served; without it HTTPS is not offered (the loopback stays http). */
  readonly tls?: ((addresses: readonly string[]) => Promise<TlsMaterial>) | null;
  /**
   * Tests only: a second loopback port whose callers count as LAN devices, because a browser
   * test cannot come from a real LAN address.
   */
  readonly lanStandInPort?: number;
  /** How often LAN addresses are re-read while LAN is on (the Wi-Fi may hand out a new one). */
  readonly rescanMs?: number;
}

export interface HttpHost extends NetworkControl {
  readonly url: string;
  readonly port: number;
  readonly server: FastifyInstance;
  close(): Promise<void>;
}

/** Requests are small JSON objects; anything bigger is refused before it is parsed. */
export const MAX_BODY_BYTES = 256 * 1024;

const STATUS_BY_CODE: Record<string, number> = {
  invalid_input: 400,
  unknown_method: 404,
  forbidden: 403,
  payload_too_large: 413,
  rate_limited: 429,
  internal: 500,
};

const NOT_PAIRED = err('forbidden', 'This device is not paired with the host (or no longer is). Pair it again with a code from the host.');

/** Maps fastify's own request errors (body too big, not JSON, wrong type) to our results. */
function requestErrorResult(error: { code?: string; statusCode?: number }): Result<never> {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return err('payload_too_large', `The request is larger than ${MAX_BODY_BYTES / 1024} KiB. Send less at once.`);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return err('invalid_input', 'API requests must be sent as JSON (Content-Type: application/json).');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return err('invalid_input', 'The request body is empty: send a JSON object, {} if the method takes nothing.');
    default:
      if (error.statusCode === 400) return err('invalid_input', 'The request body is not valid JSON.');
      return err('internal', 'The host could not read this request.');
  }
}

/**
 * Serves the API (`POST /api/<method>`, `GET /api/health`), push events on one WebSocket
 * (`/api/events`) and the renderer. Every call goes through the same dispatcher as IPC; the
 * caller's role comes from its device token, or from being this machine (admin).
 */
export async function startHttpServer(options: HttpHostOptions): Promise<HttpHost> {
  const { core } = options;
  let handler: http.RequestListener | null = null;
  const server = Fastify({
    bodyLimit: MAX_BODY_BYTES,
    logger: false,
    return503OnClosing: true,
    forceCloseConnections: true,
    serverFactory: (h) => {
      handler = h;
      return http.createServer(h);
    },
  });
  let lan: LanControl | null = null;
  let extras: ExtraListeners | null = null;
  const isRemote = (socket: Socket) => extras?.isRemote(socket) ?? false;
  // Until the server listens nothing arrives; from then on the LAN control keeps the list.
  const hosts = () => lan?.hosts() ?? new Set<string>();

  server.addHook('onRequest', async (request, reply) => {
    const host = (request.headers.host ?? '').toLowerCase();
    if (!hosts().has(host)) {
      return reply.code(421).send(err('forbidden', 'This host answers only under its own address.'));
    }
    const secure = (request.socket as { encrypted?: boolean }).encrypted === true;
    void reply.headers(securityHeaders({ secure, host }));
    if (request.url.startsWith('/api/')) {
      void reply.header('cache-control', 'no-store');
      if (!isAllowedOrigin(request.headers.origin, hosts())) {
        return reply.code(403).send(err('forbidden', 'Requests from other web pages are refused.'));
      }
    }
    return undefined;
  });
  server.setErrorHandler((error, _request, reply) => {
    const result = requestErrorResult(error as { code?: string; statusCode?: number });
    void reply.code(result.ok ? 200 : (STATUS_BY_CODE[result.error.code] ?? 500)).send(result);
  });

  await server.register(fastifyWebsocket, {
    options: {
      // Calls travel on the socket too (ws_push.ts): the same cap as an HTTP body.
      maxPayload: MAX_BODY_BYTES,
      handleProtocols: (offered: Set<string>) => (offered.has(WS_PROTOCOL) ? WS_PROTOCOL : false),
    },
  });
  const push = registerPushRoute(server, core, isRemote);

  server.get('/api/health', async () => {
    const result = await core.dispatch({ role: 'unpaired', transport: 'http' }, 'health', {});
    const health = result.ok ? (result.value as object) : {};
    return { ok: result.ok, ...health };
  });

  server.post<{ Params: { method: string } }>('/api/:method', async (request, reply) => {
    const verdict = identifyCaller(core.devices, request.socket, bearerToken(request.headers), isRemote(request.socket));
    if (verdict.kind === 'not_paired') return reply.code(401).header('www-authenticate', 'Bearer').send(NOT_PAIRED);
    const result = await core.dispatch(verdict.caller, request.params.method, request.body);
    const status = result.ok ? 200 : (STATUS_BY_CODE[result.error.code] ?? 200);
    return reply.code(status).send(result);
  });
  server.all('/api/*', async (_request, reply) =>
    reply.code(405).send(err('unknown_method', 'API methods are called with POST /api/<method>.')),
  );

  if (options.staticDir && fs.existsSync(path.join(options.staticDir, 'index.html'))) {
    await server.register(fastifyStatic, { root: options.staticDir, index: 'index.html', wildcard: false });
    // The renderer routes in the page (hash routes), so unknown paths get the app shell.
    server.setNotFoundHandler((_request, reply) => reply.type('text/html').sendFile('index.html'));
  }

  await server.listen({ host: options.host, port: options.port });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  if (!handler) throw new Error('fastify did not build its server through the factory');
  extras = new ExtraListeners(handler, server.server, null);
  const shownHost = options.host === '::1' ? '[::1]' : options.host;
  const url = `http://${shownHost}:${port}/`;
  const control = new LanControl({
    core,
    extras,
    push,
    bind: options.host,
    port,
    url,
    https: options.https ?? false,
    tls: options.tls ?? null,
    onNetworkChange: options.onNetworkChange,
    rescanMs: options.rescanMs ?? 15_000,
  });
  lan = control;

  const close = async () => {
    control.stop();
    core.devices.attachNetwork(null, 'The web server has stopped.');
    push.stop();
    await extras?.closeAll();
    // Upgraded sockets are not tracked by node's server; a stalled client must not hold a
    // shutdown hostage, so closing waits two seconds at most.
    await Promise.race([server.close(), new Promise<void>((resolve) => setTimeout(resolve, 2000).unref())]);
  };
  if (options.lanStandInPort !== undefined) {
    const failure = await extras.add(options.host, options.lanStandInPort, { iface: 'test', remote: true });
    if (failure) {
      await close();
      throw Object.assign(new Error(`LAN stand-in port ${options.lanStandInPort}: ${failure}`), { code: failure });
    }
    control.refreshHosts();
  }
  if (options.lan) {
    // The starting choice (a flag or the remembered one) is not written back.
    const started = await control.setLan(true, options.lan.address, false);
    if (!started.ok && options.lan.address) {
      await close();
      throw Object.assign(new Error(started.error.message), { code: 'EADDRNOTAVAIL' });
    }
  }

  const host: HttpHost = {
    url,
    port,
    server,
    info: () => control.info(),
    configure: (changes) => control.configure(changes),
    close,
  };
  core.devices.attachNetwork(host);
  return host;
}
