import type { IncomingHttpHeaders } from 'node:http';
import { PUSH_WS_PROTOCOL } from '../../contract';
import type { Socket } from 'node:net';
import type { Caller } from '../api/caller';
import type { DeviceService } from '../devices/device_service';

/** The WebSocket subprotocol the renderer speaks; the token rides in a second, `bearer.`-prefixed entry. */
export const WS_PROTOCOL = PUSH_WS_PROTOCOL;
const WS_BEARER_PREFIX = 'bearer.';

/** An address as people read it: IPv4-mapped IPv6 (::ffff:192.168.1.5) shown as plain IPv4. */
export function normalizeAddress(address: string | undefined): string {
  if (!address) return 'unknown';
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}

/** Whether an address is this machine itself. */
export function isLoopback(address: string): boolean {
  return address === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/u.test(address);
}

/** The device token from `Authorization: Bearer …`, or null when there is none. */
export function bearerToken(headers: IncomingHttpHeaders): string | null {
  const value = headers.authorization;
  if (!value) return null;
  const match = /^Bearer\s+(\S+)\s*$/iu.exec(value);
  return match?.[1] ?? '';
}

/**
 * The device token a browser WebSocket offers among its subprotocols (browsers cannot set
 * headers on a WebSocket, and a token in the URL would end up in logs and history).
 */
export function websocketToken(headers: IncomingHttpHeaders): string | null {
  const offered = headers['sec-websocket-protocol'];
  if (!offered) return null;
  const entry = offered
    .split(',')
    .map((p) => p.trim())
    .find((p) => p.startsWith(WS_BEARER_PREFIX));
  return entry === undefined ? null : entry.slice(WS_BEARER_PREFIX.length);
}

/** Who is calling, or `not_paired` when a token was presented that is unknown or revoked. */
export type CallerVerdict = { kind: 'caller'; caller: Caller } | { kind: 'not_paired' };

/**
 * Maps a request to its caller:
 * - a device token, when presented, decides alone: its device's role, or refused if unknown;
 * - without a token, a browser on this machine (loopback) is the admin console — LAN
 *   devices never arrive from a loopback address, so this stays safe with LAN on;
 * - everyone else is `unpaired` and reaches only health and pairing.
 * `remoteListener` marks connections that must be treated as LAN even from loopback (tests).
 */
export function identifyCaller(
  devices: DeviceService,
  socket: Socket,
  token: string | null,
  remoteListener: boolean,
): CallerVerdict {
  const address = normalizeAddress(socket.remoteAddress);
  if (token !== null) {
    const device = devices.authenticate(token, address);
    if (!device) return { kind: 'not_paired' };
    return { kind: 'caller', caller: { role: device.role, transport: 'http', deviceId: device.id, address } };
  }
  const role = isLoopback(address) && !remoteListener ? 'admin' : 'unpaired';
  return { kind: 'caller', caller: { role, transport: 'http', address } };
}
