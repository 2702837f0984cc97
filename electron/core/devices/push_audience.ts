import type { CallerRole } from '../../contract';

const STAFF: ReadonlySet<CallerRole> = new Set(['admin', 'desk', 'presenter']);

/**
 * Which push topics each device role hears. Pushes carry no data, only "refresh this", but a
 * booth has no business knowing when the participant list changes: topics not listed here
 * reach staff screens only, so a new topic is private until someone opens it up.
 */
const WIDER_AUDIENCE: Readonly<Record<string, readonly CallerRole[]>> = {
  'event.changed': ['booth', 'projector'],
  'devices.changed': ['booth', 'projector'],
  'data.changed': ['projector'],
  'voting.changed': ['booth', 'projector'],
  'count.changed': ['projector'],
};

/** Whether a connection in this role should receive a push on this topic. */
export function hearsTopic(role: CallerRole, topic: string): boolean {
  if (role === 'unpaired') return false;
  if (STAFF.has(role)) return true;
  return WIDER_AUDIENCE[topic]?.includes(role) ?? false;
}
