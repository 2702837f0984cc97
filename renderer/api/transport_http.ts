import { err, PUSH_WS_PROTOCOL, PushMessageSchema, type Result } from '../../electron/contract';
import { clearDeviceToken, currentDeviceToken } from './device_token';
import type { PushMessage, Transport } from './transport';

// Reconnect quickly at first, then back off: a desk on flaky venue Wi-Fi should come back
// by itself without hammering the host.
const RETRY_DELAYS_MS = [250, 500, 1000, 2000, 5000];
/** The close code the host uses when it cuts a device off (revoked, or another event opened). */
const CLOSE_NOT_PAIRED = 4401;

/**
 * The browser transport: POST /api/<method> for calls, one WebSocket for pushes. A paired
 * device sends its token as `Authorization: Bearer` and as a WebSocket subprotocol, never
 * in a URL. The WebSocket opens only once a screen listens, so an unpaired browser (which
 * the host would refuse) never tries.
 */
export function createHttpTransport(base: URL): Transport {
  const listeners = new Set<(message: PushMessage) => void>();
  const connectionListeners = new Set<(connected: boolean) => void>();
  const unpairedListeners = new Set<() => void>();
  let socket: WebSocket | null = null;
  let retry: ReturnType<typeof setTimeout> | null = null;
  // Optimistic until the first close: a screen that is still connecting is not "offline".
  let isConnected = true;
  let attempt = 0;

  function setConnected(value: boolean) {
    if (value === isConnected) return;
    isConnected = value;
    connectionListeners.forEach((l) => l(value));
  }

  /** The host no longer knows this device: forget the token, stop reconnecting, tell the app. */
  function unpaired() {
    clearDeviceToken();
    if (retry) clearTimeout(retry);
    retry = null;
    const s = socket;
    socket = null;
    if (s && s.readyState <= WebSocket.OPEN) s.close();
    setConnected(true);
    unpairedListeners.forEach((l) => l());
  }

  function connect() {
    retry = null;
    const url = new URL('api/events', base);
    url.protocol = base.protocol === 'https:' ? 'wss:' : 'ws:';
    const token = currentDeviceToken();
    const ws = new WebSocket(url, token ? [PUSH_WS_PROTOCOL, `bearer.${token}`] : [PUSH_WS_PROTOCOL]);
    socket = ws;
    ws.onopen = () => {
      attempt = 0;
      setConnected(true);
    };
    ws.onmessage = (event) => {
      try {
        const parsed = PushMessageSchema.safeParse(JSON.parse(String(event.data)));
        if (parsed.success) listeners.forEach((l) => l(parsed.data));
      } catch {
        // a malformed push is dropped; the next refresh shows the truth
      }
    };
    ws.onclose = (event) => {
      if (socket !== ws) return;
      socket = null;
      if (event.code === CLOSE_NOT_PAIRED) {
        unpaired();
        return;
      }
      setConnected(false);
      const delay = RETRY_DELAYS_MS[Math.min(attempt++, RETRY_DELAYS_MS.length - 1)];
      retry = setTimeout(connect, delay);
    };
  }

  function ensureConnected() {
    if (!socket && !retry) connect();
  }

  return {
    kind: 'http',
    async call(method, input): Promise<Result<unknown>> {
      const token = currentDeviceToken();
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (token) headers['authorization'] = `Bearer ${token}`;
      let response: Response;
      try {
        response = await fetch(new URL(`api/${encodeURIComponent(method)}`, base), {
          method: 'POST',
          headers,
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        return err('offline', 'The host cannot be reached. Check the network; this screen retries by itself.');
      }
      let result: Result<unknown>;
      try {
        result = (await response.json()) as Result<unknown>;
      } catch {
        return err('internal', `The host answered ${response.status} without a readable result.`);
      }
      if (response.status === 401 && token) unpaired();
      return result;
    },
    listen(listener) {
      listeners.add(listener);
      ensureConnected();
      return () => listeners.delete(listener);
    },
    connected: () => isConnected,
    onConnectionChange(listener) {
      connectionListeners.add(listener);
      return () => connectionListeners.delete(listener);
    },
    onUnpaired(listener) {
      unpairedListeners.add(listener);
      return () => unpairedListeners.delete(listener);
    },
  };
}
