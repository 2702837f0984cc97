import { PUSH_TOPICS } from '../../electron/contract';
import type { DesktopBridge, PushMessage, Transport } from './transport';

/** The desktop window's transport: the preload bridge over Electron IPC. */
export function createIpcTransport(bridge: DesktopBridge): Transport {
  return {
    kind: 'ipc',
    call: (method, input) => bridge.call(method, input),
    listen(listener: (message: PushMessage) => void) {
      const stops = Object.keys(PUSH_TOPICS).map((topic) =>
        bridge.subscribe(topic, (payload) => listener({ topic, payload })),
      );
      return () => stops.forEach((stop) => stop());
    },
    connected: () => true,
    onConnectionChange: () => () => undefined,
    // The desktop window is the host itself: it is never unpaired.
    onUnpaired: () => () => undefined,
  };
}
