/**
 * The participant search of each open event: one in-memory index per database connection,
 * built when the event opens and kept current on every write. The participants screen, the
 * CLI and (later) the check-in desk and the voters' list all search through here.
 *
 * KEEPING THE INDEX CURRENT — read this if your code writes the participant table:
 *  - Writes made through this folder's stores (edit, walk-in, cancel/restore, undo, delegations,
 *    categories) update the index themselves.
 *  - Writes from another connection or process (the CLI while the app runs) are noticed through
 *    SQLite's `data_version` and trigger a rebuild on the next search.
 *  - Any other write on the SAME connection (an import's bulk commit, a merge of duplicates)
 *    must tell the index, AFTER its transaction has committed:
 *        import { refreshSearchIndex } from '../participants';
 *        refreshSearchIndex(db);              // after a bulk write: rebuilds (≈2 s per 100,000)
 *        refreshSearchIndex(db, changedIds);  // after changing a few people: re-reads only those
 *    Ids that no longer exist are dropped. A delegation created or renamed by the write is
 *    picked up by either call. Not calling it leaves the search answering from the old data.
 */
import type { MethodParsedInput, Participant } from '../../contract';

/** A list request; direction and locale may be left out (ascending, English). */
export type ListInput = Omit<MethodParsedInput<'participants.list'>, 'direction' | 'locale'> &
  Partial<Pick<MethodParsedInput<'participants.list'>, 'direction' | 'locale'>>;
import type { Db } from '../db/connection';
import { ParticipantLists, type ListOrderRequest } from './participant_order';
import { getParticipantsByIds } from './participant_rows';
import type { ParticipantIndex } from './participant_index';
import { dataVersion, IndexBuilder, readDelegations, readPeople } from './search_builder';

interface EventSearch {
  index: ParticipantIndex;
  lists: ParticipantLists;
  categoryRank: Map<string, number>;
  dataVersion: number;
}

const searches = new WeakMap<Db, EventSearch>();
/** Warm-up builds still running, by connection. */
const builders = new WeakMap<Db, IndexBuilder>();

function readCategoryRank(db: Db): Map<string, number> {
  const codes = db.prepare('SELECT code FROM category ORDER BY sort_order, code').pluck().all() as string[];
  return new Map(codes.map((c, i) => [c, i]));
}

/** The search over a finished index (or a fresh, complete build if another connection wrote meanwhile). */
function searchOver(db: Db, builder: IndexBuilder): EventSearch {
  const index = builder.dataVersion === dataVersion(db) ? builder.finish() : new IndexBuilder(db).finish();
  const search: EventSearch = { index, lists: undefined as unknown as ParticipantLists, categoryRank: readCategoryRank(db), dataVersion: dataVersion(db) };
  search.lists = new ParticipantLists(index, () => search.categoryRank);
  return search;
}

/** The search of an event, built on first use (or finished, if warming up) and rebuilt if another connection wrote since. */
export function eventSearch(db: Db): EventSearch {
  const warming = builders.get(db);
  if (warming) {
    builders.delete(db);
    searches.set(db, searchOver(db, warming));
  }
  let search = searches.get(db);
  if (!search || search.dataVersion !== dataVersion(db)) {
    search = searchOver(db, new IndexBuilder(db));
    searches.set(db, search);
  }
  return search;
}

/**
 * Brings the index up to date after writes it did not see (see the top of this file). With
 * ids, only those people are re-read (and dropped if gone); without, everything is rebuilt.
 * Cheap when no index was built yet: it is then built on the next search.
 */
export function refreshSearchIndex(db: Db, ids?: readonly number[]): void {
  if (!ids) {
    if (searches.has(db) || builders.has(db)) {
      builders.delete(db);
      searches.set(db, searchOver(db, new IndexBuilder(db)));
    }
    return;
  }
  if (builders.has(db)) eventSearch(db); // a warm-up in progress is finished first
  const search = searches.get(db);
  if (!search) return;
  refreshGroups(db, search);
  const found = new Set<number>();
  for (const row of readPeople(db, ids)) {
    search.index.upsert(row);
    found.add(row.id);
  }
  for (const id of ids) if (!found.has(id)) search.index.remove(id);
}

/** Re-reads delegations and categories into the index (names, protocol order, category order). */
export function refreshSearchGroups(db: Db): void {
  const search = searches.get(db);
  if (search) refreshGroups(db, search);
}

function refreshGroups(db: Db, search: EventSearch): void {
  const delegations = readDelegations(db);
  for (const d of delegations) {
    const known = search.index.delegation(d.id);
    if (!known || known.name !== d.name || known.protocolOrder !== d.protocolOrder) search.index.setDelegation(d);
  }
  search.index.retainDelegations(new Set(delegations.map((d) => d.id)));
  search.categoryRank = readCategoryRank(db);
}

/** People read per slice while warming up: a few milliseconds of work between other requests. */
const WARM_SLICE = 2000;

/**
 * Builds the index in the background, a slice at a time, without holding up whatever opened
 * the event. A short-lived process (the CLI) that finishes first simply exits without it.
 */
export function warmSearchIndex(db: Db): void {
  if (searches.has(db) || builders.has(db)) return;
  const builder = new IndexBuilder(db);
  builders.set(db, builder);
  const tick = () => {
    if (!db.open || builders.get(db) !== builder) return;
    if (builder.step(WARM_SLICE)) {
      builders.delete(db);
      searches.set(db, searchOver(db, builder));
    } else {
      setTimeout(tick, 0).unref();
    }
  };
  setTimeout(tick, 0).unref();
}

/**
 * Keeps the documents of people who have (true) or have not (false) arrived at the event desk:
 * a check-in at the event (not a session door) that was not undone, even if they left since.
 * Applied after the index's cached order because check-ins do not change the index.
 */
function byArrival(db: Db, search: EventSearch, checkedIn: boolean | undefined, docs: Int32Array): Int32Array {
  if (checkedIn === undefined) return docs;
  const arrived = new Set(db.prepare('SELECT DISTINCT participant_id FROM attendance WHERE scope = 0 AND undone_at IS NULL').pluck().all() as number[]);
  const out = new Int32Array(docs.length);
  let n = 0;
  for (const doc of docs) {
    const id = search.index.person(doc)?.id;
    if (id !== undefined && arrived.has(id) === checkedIn) out[n++] = doc;
  }
  return out.subarray(0, n);
}

/**
 * Participants by filter: with a query, the ranked search (best match first, unless a sort
 * column is chosen); without, in protocol order or the chosen column's order. Paged.
 */
export function listParticipants(db: Db, input: ListInput): { total: number; items: Participant[] } {
  const search = eventSearch(db);
  const request: ListOrderRequest = { direction: 'asc', locale: 'en', ...input };
  const docs = byArrival(db, search, request.checkedIn, search.lists.ordered(request));
  const window = docs.subarray(input.offset, input.offset + input.limit);
  const ids = Array.from(window, (doc) => search.index.person(doc)?.id ?? 0).filter((id) => id > 0);
  return { total: docs.length, items: getParticipantsByIds(db, ids) };
}

/** The participant ids of a whole list (for exports), in list order. */
export function listParticipantIds(db: Db, request: ListOrderRequest): number[] {
  const search = eventSearch(db);
  return Array.from(byArrival(db, search, request.checkedIn, search.lists.ordered(request)), (doc) => search.index.person(doc)?.id ?? 0).filter((id) => id > 0);
}

/** Counts for the list's filters: countries present, cancelled registrations, walk-ins. */
export function participantFacets(db: Db): { total: number; cancelled: number; walkIns: number; countries: Array<{ code: string; count: number }> } {
  const search = eventSearch(db);
  const countries = new Map<string, number>();
  let total = 0;
  let cancelled = 0;
  for (let doc = 0; doc < search.index.docCount; doc++) {
    const p = search.index.person(doc);
    if (!p) continue;
    total++;
    if (p.status === 'cancelled') cancelled++;
    if (p.country) countries.set(p.country, (countries.get(p.country) ?? 0) + 1);
  }
  const walkIns = (db.prepare(`SELECT count(*) AS n FROM participant WHERE registration_source = 'walk_in'`).get() as { n: number }).n;
  return { total, cancelled, walkIns, countries: [...countries].map(([code, count]) => ({ code, count })).sort((a, b) => (a.code < b.code ? -1 : 1)) };
}
