import type { EventInfo } from '../../contract';
import type { MethodDoc } from '../api/contract_json';
import type { KnownEvent } from '../home/event_home';

/** The event as a few aligned lines for people. */
export function formatEvent(e: EventInfo): string {
  const rows: Array<[string, string]> = [
    ['Event', e.name],
    ['Id', e.id],
    ['Dates', `${e.startDate} – ${e.endDate} (${e.timezone})`],
    ['Venue', [e.venue, e.city, e.hostCountry].filter(Boolean).join(', ')],
    ['Languages', e.languages.join(', ')],
    ['Demo data', e.isDemo ? 'yes' : 'no'],
    ['Folder', e.folderName],
    ['Schema', String(e.schemaVersion)],
  ];
  return `${rows.map(([k, v]) => `${k.padEnd(10)} ${v}`).join('\n')}\n`;
}

/** Known events, one a line. */
export function formatEventList(events: KnownEvent[]): string {
  if (events.length === 0) return 'No events yet. Create one with: delegate-desk event create --name NAME --start YYYY-MM-DD\n';
  return `${events.map((e) => `${e.startDate}  ${e.name}${e.isDemo && !/demo/iu.test(e.name) ? ' (demo)' : ''}\n            ${e.dir}`).join('\n')}\n`;
}

/** The contract as a readable list; --json gives the schemas. */
export function formatContract(doc: { methods: MethodDoc[]; transportErrors: readonly string[] }): string {
  const lines = doc.methods.map(
    (m) => `${m.name}\n    ${m.summary}\n    roles: ${m.roles.join(', ')}; errors: ${[...m.errors].join(', ') || '(none beyond transport)'}`,
  );
  return `${lines.join('\n')}\n\nEvery method may also return: ${doc.transportErrors.join(', ')}\n(--json prints the input and output JSON Schemas)\n`;
}
