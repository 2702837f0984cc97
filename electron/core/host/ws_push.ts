import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import { err, WsCallSchema } from '../../contract';
import type { Caller } from '../api/caller';
import type { HostCore } from '../api/host_core';
import type { LiveConnection } from '../devices/presence';
import { hearsTopic } from '../devices/push_audience';
import { identifyCaller, websocketToken } from './request_auth';

/** How often live connections are pinged; one missed answer and the connection counts as gone. */
const HEARTBEAT_MS = 10_000;
/** A client that does not finish a close handshake is cut off after this long. */
const CLOSE_GRACE_MS = 500;

interface Tracked {
  readonly socket: WebSocket;
  readonly raw: Socket;
  alive: boolean;
}

/** Answers one call message: `{ id, result }`, or `{ id: null, result }` when it is not a call at all. */
export async function answerCall(core: Pick<HostCore, 'dispatch'>, caller: Caller, data: unknown, isBinary: boolean): Promise<string> {
  const text = isBinary ? null : Array.isArray(data) ? Buffer.concat(data as Buffer[]).toString('utf8') : Buffer.from(data as ArrayBuffer).toString('utf8');
  let message: unknown;
  try {
    message = text === null ? null : JSON.parse(text);
  } catch {
    message = null;
  }
  const call = WsCallSchema.safeParse(message);
  if (!call.success) {
    return JSON.stringify({ id: null, result: err('invalid_input', 'A message on this socket must be a call: {"id": …, "method": "…", "input": {…}} as JSON text.') });
  }
  const result = await core.dispatch({ ...caller, transport: 'http' }, call.data.method, call.data.input);
  return JSON.stringify({ id: call.data.id, result });
}

/** What the HTTP server keeps of the push endpoint: closing connections and stopping it. */
export interface PushEndpoint {
  /** Closes the connections that arrived on a socket matching `test` (LAN switched off); they may come back. */
  closeWhere(test: (raw: Socket) => boolean, reason: string): void;
  stop(): void;
}

/**
 * The push WebSocket (`/api/events`). A device authenticates at the upgrade with its token
 * offered as a subprotocol; unpaired callers are refused before the upgrade. Each connection
 * hears only the topics its role may hear, follows role changes, and is closed at once when
 * the device is revoked (the presence registry holds the closer).
 */
export function registerPushRoute(server: FastifyInstance, core: HostCore, isRemote: (raw: Socket) => boolean): PushEndpoint {
  const callers = new WeakMap<object, Caller>();
  const tracked = new Set<Tracked>();

  server.get(
    '/api/events',
    {
      websocket: true,
      preValidation: async (request, reply) => {
        const verdict = identifyCaller(core.devices, request.socket, websocketToken(request.headers), isRemote(request.socket));
        if (verdict.kind === 'not_paired' || verdict.caller.role === 'unpaired') {
          return reply.code(401).send(err('forbidden', 'Pair this device with the host before it can receive updates.'));
        }
        callers.set(request.raw, verdict.caller);
        return undefined;
      },
    },
    (socket, request) => {
      const caller = callers.get(request.raw);
      if (!caller) {
        socket.close(1011, 'no caller');
        return;
      }
      const entry: Tracked = { socket, raw: request.socket, alive: true };
      tracked.add(entry);
      const connection: LiveConnection = {
        deviceId: caller.deviceId ?? null,
        role: caller.role,
        close(code, reason) {
          socket.close(code, reason);
          setTimeout(() => socket.terminate(), CLOSE_GRACE_MS).unref();
        },
      };
      const detach = core.devices.presence.attach(connection);
      const unsubscribe = core.bus.subscribe((message) => {
        if (socket.readyState === socket.OPEN && hearsTopic(connection.role, message.topic)) socket.send(JSON.stringify(message));
      });
      core.devices.connectionChanged(connection.deviceId);
      let ended = false;
      const end = () => {
        if (ended) return;
        ended = true;
        tracked.delete(entry);
        unsubscribe();
        detach();
        core.devices.connectionChanged(connection.deviceId);
      };
      socket.on('close', end);
      socket.on('error', end);
      socket.on('pong', () => {
        entry.alive = true;
      });
      // A message from the client is a method call: validated, dispatched as this device in its
      // current role (role changes apply at once), answered on the same socket.
      socket.on('message', (data, isBinary) => {
        void answerCall(core, { ...caller, role: connection.role }, data, isBinary).then((reply) => {
          if (socket.readyState === socket.OPEN) socket.send(reply);
        });
      });
    },
  );

  // A tablet that sleeps or leaves the Wi-Fi never says goodbye: the heartbeat notices.
  const heartbeat = setInterval(() => {
    for (const entry of tracked) {
      if (!entry.alive) {
        entry.socket.terminate();
        continue;
      }
      entry.alive = false;
      entry.socket.ping();
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();

  return {
    closeWhere(test, reason) {
      for (const entry of [...tracked]) if (test(entry.raw)) {
        entry.socket.close(1001, reason);
        setTimeout(() => entry.socket.terminate(), CLOSE_GRACE_MS).unref();
      }
    },
    stop() {
      clearInterval(heartbeat);
      for (const entry of tracked) entry.socket.terminate();
    },
  };
}
