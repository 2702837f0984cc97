import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import { err, type CallerRole, type Result } from '../../contract';
import type { HostCore } from '../api/host_core';
import { allowedHosts, isAllowedOrigin, securityHeaders } from './security_headers';

export interface HttpHostOptions {
  readonly core: HostCore;
  /** Interface to bind; loopback only until LAN pairing exists. */
  readonly host: string;
  readonly port: number;
  /** The built renderer to serve, or null for an API-only server (tests). */
  readonly staticDir: string | null;
}

export interface HttpHost {
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
  internal: 500,
};

/** Until pairing lands, only the host machine itself reaches the API, as its admin. */
function roleOf(request: FastifyRequest): CallerRole {
  const ip = request.socket.remoteAddress ?? '';
  return ip === '127.0.0.1' || ip === '::1' || ip === '::ffff:127.0.0.1' ? 'admin' : 'unpaired';
}

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
 * (`/api/events`) and the renderer. Every call goes through the same dispatcher as IPC.
 */
export async function startHttpServer(options: HttpHostOptions): Promise<HttpHost> {
  const { core } = options;
  const server = Fastify({ bodyLimit: MAX_BODY_BYTES, logger: false, return503OnClosing: true, forceCloseConnections: true });
  let hosts = allowedHosts(options.port);
  let headers = securityHeaders(options.port);

  server.addHook('onRequest', async (request, reply) => {
    void reply.headers(headers);
    if (!hosts.has(request.headers.host ?? '')) {
      return reply.code(421).send(err('forbidden', 'This host answers only under its own address.'));
    }
    if (request.url.startsWith('/api/') && !isAllowedOrigin(request.headers.origin, hosts)) {
      return reply.code(403).send(err('forbidden', 'Requests from other web pages are refused.'));
    }
    return undefined;
  });
  server.setErrorHandler((error, _request, reply) => {
    const result = requestErrorResult(error as { code?: string; statusCode?: number });
    void reply.code(result.ok ? 200 : (STATUS_BY_CODE[result.error.code] ?? 500)).send(result);
  });

  await server.register(fastifyWebsocket, { options: { maxPayload: 4096 } });
  server.get('/api/events', { websocket: true }, (socket) => {
    const unsubscribe = core.bus.subscribe((message) => socket.send(JSON.stringify(message)));
    socket.on('close', unsubscribe);
    socket.on('error', unsubscribe);
    // Clients only listen; anything they send is ignored rather than trusted.
    socket.on('message', () => undefined);
  });

  server.get('/api/health', async (request) => {
    const result = await core.dispatch({ role: 'unpaired', transport: 'http' }, 'health', {});
    const health = result.ok ? (result.value as object) : {};
    void request;
    return { ok: result.ok, ...health };
  });

  server.post<{ Params: { method: string } }>('/api/:method', async (request, reply) => {
    const result = await core.dispatch({ role: roleOf(request), transport: 'http' }, request.params.method, request.body);
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
  hosts = allowedHosts(port);
  headers = securityHeaders(port);
  const shownHost = options.host === '::1' ? '[::1]' : options.host;
  // Upgraded sockets are not tracked by node's server; a stalled client must not hold a
  // shutdown hostage, so closing waits two seconds at most.
  const close = () =>
    Promise.race([server.close(), new Promise<void>((resolve) => setTimeout(resolve, 2000).unref())]).then(() => undefined);
  return { url: `http://${shownHost}:${port}/`, port, server, close };
}
