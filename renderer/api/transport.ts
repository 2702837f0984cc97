import type { Result } from '../../electron/contract';

/** A push message from the host: a topic and its payload. */
export interface PushMessage {
  topic: string;
  payload: unknown;
}

/**
 * How the renderer reaches the host. Two implementations (Electron IPC, HTTP + WebSocket)
 * are chosen once at start; feature code only ever sees this interface.
 */
export interface Transport {
  readonly kind: 'ipc' | 'http';
  call(method: string, input: unknown): Promise<Result<unknown>>;
  /** Listens to every push message; returns the function that stops listening. */
  listen(listener: (message: PushMessage) => void): () => void;
  /** Whether the push channel is connected (IPC always is). */
  connected(): boolean;
  onConnectionChange(listener: (connected: boolean) => void): () => void;
  /** Fires when the host refuses this device's token (revoked, or unknown to the open event). */
  onUnpaired(listener: () => void): () => void;
}

/** The object the Electron preload exposes as `window.delegateDesk`. */
export interface DesktopBridge {
  call(method: string, input: unknown): Promise<Result<unknown>>;
  subscribe(topic: string, handler: (payload: unknown) => void): () => void;
}
