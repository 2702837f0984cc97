import { z } from 'zod';

/**
 * Push topics: what the host tells every connected screen. Payloads stay small; screens
 * re-fetch what they show, so a missed push costs a refresh, never wrong data.
 */
export const PUSH_TOPICS = {
  'event.changed': z.object({ eventId: z.string().nullable() }),
  'data.changed': z.object({ scope: z.enum(['participants', 'programme', 'elections']) }),
  /** A device paired, changed, connected or was revoked (null: the pairing codes changed). */
  'devices.changed': z.object({ deviceId: z.string().nullable() }),
  /** A scan, undo or check-out was recorded (sessionId null: the event desk); dashboards re-fetch. */
  'checkin.changed': z.object({ sessionId: z.number().int().positive().nullable(), participantId: z.number().int().positive().nullable() }),
  /** Something in the experience room changed (a round, an issue, a booth, a cast): refresh. No ballot data. */
  'voting.changed': z.object({ roundId: z.number().int().positive().nullable() }),
  /** The count of a round changed (sorting, a judgment, the show moved on): the projector and remote re-read. */
  'count.changed': z.object({ roundId: z.number().int().positive() }),
  /** How far a running import is; screens show it as a progress bar. */
  'import.progress': z.object({
    uploadId: z.string(),
    phase: z.enum(['reading', 'checking', 'writing', 'done', 'cancelled']),
    done: z.number().int().nonnegative(),
    total: z.number().int().nonnegative(),
  }),
} as const;
export type PushTopic = keyof typeof PUSH_TOPICS;
export type PushPayload<T extends PushTopic> = z.infer<(typeof PUSH_TOPICS)[T]>;

/**
 * The push WebSocket's subprotocol. A device offers its token as a second subprotocol,
 * `bearer.<token>` (browsers cannot set headers on a WebSocket; a URL would leak it to logs).
 */
export const PUSH_WS_PROTOCOL = 'delegate-desk.v1';

/**
 * A method call over the push WebSocket (desks that scan fast skip an HTTP round trip): the
 * same dispatcher, role checks and size cap as POST /api/:method. The answer is
 * `{ id, result }`; pushes carry `topic` instead, so the two never mix.
 */
export const WsCallSchema = z.object({ id: z.union([z.string().max(64), z.number().int()]), method: z.string().max(100), input: z.unknown() });
export type WsCall = z.infer<typeof WsCallSchema>;

/** A push message as it travels on the WebSocket or IPC channel. */
export const PushMessageSchema = z.object({ topic: z.string(), payload: z.unknown() });
