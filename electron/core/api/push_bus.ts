import type { PushPayload, PushTopic } from '../../contract';

export interface PushMessage<T extends PushTopic = PushTopic> {
  topic: T;
  payload: PushPayload<T>;
}
export type PushListener = (message: PushMessage) => void;

/** Fans push messages out to the transports (IPC windows, WebSocket clients). */
export class PushBus {
  private readonly listeners = new Set<PushListener>();

  /** Sends a message to every listener; one failing listener never stops the others. */
  publish<T extends PushTopic>(topic: T, payload: PushPayload<T>): void {
    for (const listener of this.listeners) {
      try {
        listener({ topic, payload } as PushMessage);
      } catch {
        // a transport that fails to deliver drops its client; the others still get the message
      }
    }
  }

  /** Adds a listener; returns the function that removes it. */
  subscribe(listener: PushListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
