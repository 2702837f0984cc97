import { err, PushMessageSchema, type Result } from '../../electron/contract';
import type { PushMessage, Transport } from './transport';

// Reconnect quickly at first, then back off: a desk on flaky venue Wi-Fi should come back
// by itself without hammering the host.
const RETRY_DELAYS_MS = [250, 500, 1000, 2000, 5000];

/** The browser transport: POST /api/<method> for calls, one WebSocket for pushes. */
export function createHttpTransport(base: URL): Transport {
  const listeners = new Set<(message: PushMessage) => void>();
  const connectionListeners = new Set<(connected: boolean) => void>();
  let socket: WebSocket | null = null;
  // Optimistic until the first close: a screen that is still connecting is not "offline".
  let isConnected = true;
  let attempt = 0;

  function setConnected(value: boolean) {
    if (value === isConnected) return;
    isConnected = value;
    connectionListeners.forEach((l) => l(value));
  }

  function connect() {
    const url = new URL('api/events', base);
    url.protocol = base.protocol === 'https:' ? 'wss:' : 'ws:';
    socket = new WebSocket(url);
    socket.onopen = () => {
      attempt = 0;
      setConnected(true);
    };
    socket.onmessage = (event) => {
      try {
        const parsed = PushMessageSchema.safeParse(JSON.parse(String(event.data)));
        if (parsed.success) listeners.forEach((l) => l(parsed.data));
      } catch {
        // a malformed push is dropped; the next refresh shows the truth
      }
    };
    socket.onclose = () => {
      setConnected(false);
      const delay = RETRY_DELAYS_MS[Math.min(attempt++, RETRY_DELAYS_MS.length - 1)];
      setTimeout(connect, delay);
    };
  }
  connect();

  return {
    kind: 'http',
    async call(method, input): Promise<Result<unknown>> {
      let response: Response;
      try {
        response = await fetch(new URL(`api/${encodeURIComponent(method)}`, base), {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        return err('offline', 'The host cannot be reached. Check the network; this screen retries by itself.');
      }
      try {
        return (await response.json()) as Result<unknown>;
      } catch {
        return err('internal', `The host answered ${response.status} without a readable result.`);
      }
    },
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    connected: () => isConnected,
    onConnectionChange(listener) {
      connectionListeners.add(listener);
      return () => connectionListeners.delete(listener);
    },
  };
}
