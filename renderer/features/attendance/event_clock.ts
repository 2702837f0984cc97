import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/use_api_query';

/** Formats times the way people at the event read them: the event's time zone, the UI's language. */
export interface EventClock {
  readonly timeZone: string;
  time(iso: string): string;
  dateTime(iso: string): string;
  number(n: number): string;
}

/** The event's clock, for every time a dashboard or roll call shows. */
export function useEventClock(): EventClock {
  const { i18n } = useTranslation();
  const event = useApiQuery('event.current', {});
  const timeZone = event.value?.timezone ?? 'UTC';
  const safe = (options: Intl.DateTimeFormatOptions) => {
    try {
      return new Intl.DateTimeFormat(i18n.language, { ...options, timeZone });
    } catch {
      return new Intl.DateTimeFormat(i18n.language, { ...options, timeZone: 'UTC' });
    }
  };
  const time = safe({ hour: '2-digit', minute: '2-digit' });
  const dateTime = safe({ day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  const number = new Intl.NumberFormat(i18n.language);
  return {
    timeZone,
    time: (iso) => time.format(new Date(iso)),
    dateTime: (iso) => dateTime.format(new Date(iso)),
    number: (n) => number.format(n),
  };
}
