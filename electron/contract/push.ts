import { z } from 'zod';

/**
 * Push topics: what the host tells every connected screen. Payloads stay small; screens
 * re-fetch what they show, so a missed push costs a refresh, never wrong data.
 */
export const PUSH_TOPICS = {
  'event.changed': z.object({ eventId: z.string().nullable() }),
  'data.changed': z.object({ scope: z.enum(['participants', 'programme', 'elections']) }),
} as const;
export type PushTopic = keyof typeof PUSH_TOPICS;
export type PushPayload<T extends PushTopic> = z.infer<(typeof PUSH_TOPICS)[T]>;

/** A push message as it travels on the WebSocket or IPC channel. */
export const PushMessageSchema = z.object({ topic: z.string(), payload: z.unknown() });
