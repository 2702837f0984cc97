import { useEffect } from 'react';
import type { MethodInput, MethodName } from '../../../electron/contract';
import { useApi } from '../../api/api_context';
import { useApiQuery } from '../../api/use_api_query';

/** Topics after which the room's screens re-read: a ballot issued or cast, a booth paired or gone, a check-in. */
const ROOM_TOPICS = new Set(['voting.changed', 'devices.changed', 'checkin.changed', 'event.changed', 'data.changed']);

/** Reads one of the room's methods and keeps it live: turnout and integrity move as ballots are issued and cast. */
export function useRoomQuery<M extends MethodName>(method: M, input: MethodInput<M>) {
  const api = useApi();
  const query = useApiQuery(method, input, []);
  const { reload } = query;
  useEffect(
    () =>
      api.transport.listen((message) => {
        if (ROOM_TOPICS.has(message.topic)) reload();
      }),
    [api, reload],
  );
  return query;
}

/** The event's time zone: the room reads times as the venue's clocks show them, whatever this device's zone. */
export function useEventTimeZone(): string | undefined {
  const event = useApiQuery('event.current', {});
  return event.status === 'ok' ? event.value.timezone : undefined;
}

/** The time of day of an ISO timestamp in the UI's language and the event's zone (14:03). */
export function clockTime(iso: string | null, language: string, timeZone?: string): string {
  if (!iso) return '';
  try {
    return new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(new Date(iso));
  } catch {
    return iso.slice(11, 16);
  }
}
