import { err, ok } from '../../../contract';
import { getEventSummary } from '../../events/event_store';
import { withEvent, type FeatureHandlers, type HandlerContext } from './handler_kit';

type EventMethod = 'health' | 'event.current' | 'event.summary' | 'event.list' | 'event.create' | 'event.open';

/** Health, and the open event: its details, counts, and switching or creating events. */
export function eventHandlers({ session, build }: HandlerContext): FeatureHandlers<EventMethod> {
  return {
    health: () => {
      const info = session.current?.info();
      return ok({ version: build.version, event: info ? { id: info.id, name: info.name } : null });
    },
    'event.current': () => {
      const ws = session.current;
      return ws ? ok(ws.info()) : err('no_event', 'No event is open. Open or create an event first.');
    },
    'event.summary': () => withEvent(session, getEventSummary),
    'event.list': () => {
      const currentId = session.current?.manifest.eventId;
      return ok(
        session.home.listEvents().map((e) => ({
          id: e.id,
          name: e.name,
          startDate: e.startDate,
          endDate: e.endDate,
          isDemo: e.isDemo,
          current: e.id === currentId,
          folderName: e.dir.split(/[\\/]/u).pop() ?? '',
        })),
      );
    },
    'event.create': (input) => {
      const created = session.create(input);
      return created.ok ? created : err('read_only', created.error.message);
    },
    'event.open': (input) => session.open(input.id),
  };
}
