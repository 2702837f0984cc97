/**
 * `delegate-desk participants list|search`: the participant list of an event, and the same
 * ranked search the participants screen and the desk use (names in every script, romanised
 * Korean, diacritic-free spellings, one typo, organisation, delegation, country, e-mail, badge
 * number), for scripts and for checking an import from the command line.
 */
import type { Participant } from '../../contract';
import type { EventHome } from '../home/event_home';
import { getParticipantsByIds, listParticipantIds, listParticipants } from '../participants';
import { openEventFolder } from '../workspace/event_workspace';

export interface ParticipantsCommandInput {
  readonly sub: string | undefined;
  readonly query: string | undefined;
  readonly home: EventHome;
  readonly dataDir: string | undefined;
  readonly json: boolean;
}

export interface ParticipantsCommandIo {
  out(text: string): void;
  err(text: string): void;
}

/** How many search results are printed (the best ones; the total is always given). */
export const SEARCH_RESULTS = 50;

/** One person as a line for people: badge number, name, own-script name, country, delegation, category, status. */
export function formatParticipantLine(p: Participant): string {
  const native = p.nativeName && p.nativeName !== p.displayName ? ` (${p.nativeName})` : '';
  const cancelled = p.status === 'cancelled' ? '  [cancelled]' : '';
  return `${(p.externalId ?? '-').padEnd(14)} ${p.displayName}${native}  ${p.country ?? '--'}  ${p.delegationName ?? '-'}  ${p.categoryCode}${cancelled}`;
}

/** Runs `participants list` or `participants search QUERY`; returns the exit code. */
export function runParticipantsCommand(input: ParticipantsCommandInput, io: ParticipantsCommandIo): number {
  const fail = (message: string) => {
    io.err(`delegate-desk: ${message}\n`);
    return 1;
  };
  if (input.sub !== 'list' && input.sub !== 'search') {
    return fail('use "participants list [--json]" or "participants search QUERY [--json]".');
  }
  if (input.sub === 'search' && !input.query?.trim()) {
    return fail('participants search needs something to search for: delegate-desk participants search "kim minjun"');
  }
  const dir = input.dataDir ?? input.home.readState().lastFolder;
  if (!dir) return fail('there is no event yet. Create one first: delegate-desk event create --name NAME --start YYYY-MM-DD');
  const opened = openEventFolder(dir);
  if (!opened.ok) return fail(opened.error.message);
  const ws = opened.value;
  try {
    if (input.sub === 'list') {
      const ids = listParticipantIds(ws.db, { query: '', direction: 'asc', locale: 'en' });
      const people: Participant[] = [];
      for (let at = 0; at < ids.length; at += 500) people.push(...getParticipantsByIds(ws.db, ids.slice(at, at + 500)));
      if (input.json) io.out(`${JSON.stringify({ total: people.length, items: people }, null, 2)}\n`);
      else io.out(people.length ? `${people.map(formatParticipantLine).join('\n')}\n${people.length} people\n` : `Nobody is registered for "${ws.info().name}" yet.\n`);
      return 0;
    }
    const query = (input.query ?? '').trim();
    const { total, items } = listParticipants(ws.db, { query, limit: SEARCH_RESULTS, offset: 0 });
    if (input.json) {
      io.out(`${JSON.stringify({ query, total, items }, null, 2)}\n`);
    } else if (total === 0) {
      io.out(`Nobody matches "${query}". Check the spelling, or search by organisation or badge number.\n`);
    } else {
      const more = total > items.length ? ` (best ${items.length} shown)` : '';
      io.out(`${items.map(formatParticipantLine).join('\n')}\n${total} match${total === 1 ? '' : 'es'}${more}, best first\n`);
    }
    return 0;
  } finally {
    ws.close();
  }
}
