/**
 * Lists over the participant index: filtered, ranked or sorted, cached.
 *
 * Each sort order is computed once over everyone (and again only after a change), as a
 * permutation of documents. A list is then one pass over that permutation keeping the people
 * who pass the filters (and, with a query, who matched) — linear, never a sort per request.
 * A ranked search orders by score with a counting sort whose ties fall in protocol order.
 * The resulting order is cached per request, so scrolling through a 100,000-row list fetches
 * window after window from the same array.
 */
import type { ParticipantFilter, ParticipantSort } from '../../contract';
import { sortDistinctStrings } from '../search/sort_strings';
import { foldNative } from '../search/text_fold';
import { countryNumber, type IndexedPerson, type ParticipantIndex } from './participant_index';
import { countryRanks, sortByKeys, sortByName, type SortKey } from './sort_keys';

/** The part of a list request that decides the order (everything but paging). */
export type ListOrderRequest = ParticipantFilter;

const CACHE_SIZE = 12;
const SPARE_ARRAYS = 4;
// Matches fewer than one in this many people are sorted alone rather than counted over everyone.
const FEW_MATCHES = 32;

export class ParticipantLists {
  private readonly orders = new Map<string, { version: number; order: Int32Array }>();
  private readonly cache = new Map<string, { version: number; docs: Int32Array }>();
  private names: { version: number; rank: Int32Array; order: Int32Array } | null = null;
  /** Arrays of lists no longer cached, to be filled again (see take). */
  private readonly spare: Int32Array[] = [];
  /** Scratch: each document's points in the current search (all zero between searches). */
  private points = new Int32Array(0);
  /** Each document's place in the protocol order it was computed from. */
  private places: { order: Int32Array; place: Int32Array } | null = null;

  constructor(
    private readonly index: ParticipantIndex,
    /** Category codes in their display order. */
    private readonly categoryRank: () => ReadonlyMap<string, number>,
  ) {}

  /** Forgets cached lists (the benchmark measures searches, not cache hits). */
  clearCache(): void {
    for (const entry of this.cache.values()) this.recycle(entry.docs);
    this.cache.clear();
  }

  /**
   * An array for a list of up to `n` documents. Lists of 100,000 people are 400 kB each; making
   * a new one per keystroke makes the garbage collector stop the world now and then, so the
   * arrays of evicted lists are used again.
   */
  private take(n: number): Int32Array {
    const i = this.spare.findIndex((b) => b.length >= n);
    const buffer = i >= 0 ? (this.spare.splice(i, 1)[0] as Int32Array) : new Int32Array(Math.max(n, 1024));
    return buffer;
  }

  private recycle(docs: Int32Array): void {
    if (this.spare.length < SPARE_ARRAYS) this.spare.push(new Int32Array(docs.buffer as ArrayBuffer));
  }

  /** The documents of a list request, in order. Read it at once: the array is reused later. */
  ordered(request: ListOrderRequest): Int32Array {
    const key = JSON.stringify([request.query.trim(), request.categoryCode, request.delegationId, request.country, request.status, request.sort, request.direction, request.locale]);
    const hit = this.cache.get(key);
    if (hit && hit.version === this.index.version) {
      this.cache.delete(key);
      this.cache.set(key, hit); // most recently used last
      return hit.docs;
    }
    const docs = this.compute(request);
    this.cache.set(key, { version: this.index.version, docs });
    if (hit) this.recycle(hit.docs);
    if (this.cache.size > CACHE_SIZE) {
      const oldest = this.cache.keys().next().value as string;
      this.recycle((this.cache.get(oldest) as { docs: Int32Array }).docs);
      this.cache.delete(oldest);
    }
    return docs;
  }

  private compute(request: ListOrderRequest): Int32Array {
    const keep = this.filter(request);
    const query = request.query.trim();
    const reverse = request.direction === 'desc';
    if (!query) return this.walk(this.order(request.sort ?? 'protocol', request.locale), reverse, keep);
    const { docs, scores } = this.index.search(query);
    if (this.points.length < this.index.docCount) this.points = new Int32Array(this.index.docCount * 2);
    const points = this.points;
    let maxPoints = 0;
    const filtered = Boolean(request.status || request.categoryCode || request.country || request.delegationId !== undefined);
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i] as number;
      if (filtered && !keep(doc)) continue;
      // Tenths of a point: finer differences are noise; equal scores then go in protocol order.
      const p = Math.max(1, Math.round((scores[i] as number) * 10));
      points[doc] = p;
      if (p > maxPoints) maxPoints = p;
    }
    try {
      if (request.sort) return this.walk(this.order(request.sort, request.locale), reverse, (doc) => (points[doc] as number) > 0);
      const protocol = this.order('protocol', request.locale);
      // A counting sort passes over everyone twice; a few hundred matches sort faster alone.
      if (docs.length * FEW_MATCHES < protocol.length) return this.fewByPoints(docs, points, maxPoints, protocol);
      return this.byPoints(points, maxPoints, protocol);
    } finally {
      for (let i = 0; i < docs.length; i++) points[docs[i] as number] = 0;
    }
  }

  /** Documents with points, best first; a counting sort that keeps ties in `protocol` order. */
  private byPoints(points: Int32Array, maxPoints: number, protocol: Int32Array): Int32Array {
    const starts = new Int32Array(maxPoints + 2);
    for (let i = 0; i < protocol.length; i++) {
      const p = points[protocol[i] as number] as number;
      starts[p] = (starts[p] as number) + 1;
    }
    let total = 0;
    for (let p = maxPoints; p >= 1; p--) {
      const n = starts[p] as number;
      starts[p] = total;
      total += n;
    }
    const out = this.take(total).subarray(0, total);
    for (let i = 0; i < protocol.length; i++) {
      const doc = protocol[i] as number;
      const p = points[doc] as number;
      if (p > 0) {
        out[starts[p] as number] = doc;
        starts[p] = (starts[p] as number) + 1;
      }
    }
    return out;
  }

  /**
   * The same order as byPoints for a few documents: each one's key is its points (best first)
   * then its place in protocol order, packed into one float so the engine's numeric sort does it.
   */
  private fewByPoints(docs: Int32Array, points: Int32Array, maxPoints: number, protocol: Int32Array): Int32Array {
    const place = this.protocolPlaces(protocol);
    const size = protocol.length;
    const keys = new Float64Array(docs.length);
    let n = 0;
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i] as number;
      const p = points[doc] as number;
      const at = place[doc] as number;
      // Like byPoints: only documents in the protocol order (the live ones) are listed.
      if (p > 0 && at >= 0) keys[n++] = (maxPoints - p) * size + at;
    }
    const sorted = keys.subarray(0, n).sort();
    const out = this.take(n).subarray(0, n);
    for (let i = 0; i < n; i++) out[i] = protocol[(sorted[i] as number) % size] as number;
    return out;
  }

  /** Each document's position in protocol order (computed once per index version). */
  private protocolPlaces(protocol: Int32Array): Int32Array {
    if (this.places?.order !== protocol) {
      const place = new Int32Array(this.index.docCount).fill(-1);
      for (let i = 0; i < protocol.length; i++) place[protocol[i] as number] = i;
      this.places = { order: protocol, place };
    }
    return this.places.place;
  }

  /** Keeps the documents of `order` that pass `keep`, forwards or backwards. */
  private walk(order: Int32Array, reverse: boolean, keep: (doc: number) => boolean): Int32Array {
    const out = this.take(order.length);
    let n = 0;
    for (let i = 0; i < order.length; i++) {
      const doc = order[reverse ? order.length - 1 - i : i] as number;
      if (keep(doc)) out[n++] = doc;
    }
    return out.subarray(0, n);
  }

  private filter(r: ListOrderRequest): (doc: number) => boolean {
    const { state, category, delegation, country } = this.index.columns;
    const wantState = r.status === 'registered' ? 1 : r.status === 'cancelled' ? 2 : 0;
    const wantCategory = r.categoryCode ? this.index.categoryNumber(r.categoryCode) : 0;
    const wantCountry = r.country ? countryNumber(r.country) : 0;
    const wantDelegation = r.delegationId ?? -1;
    return (doc) => {
      const s = state[doc] as number;
      return (
        s !== 0 &&
        (wantState === 0 || s === wantState) &&
        (wantCategory === 0 || category[doc] === wantCategory) &&
        (wantCountry === 0 || country[doc] === wantCountry) &&
        (wantDelegation < 0 || delegation[doc] === wantDelegation)
      );
    };
  }

  /** Live documents by name: rank of each document, and the documents in that order. */
  private byName(): { rank: Int32Array; order: Int32Array } {
    if (this.names?.version !== this.index.version) {
      const docs: number[] = [];
      for (let doc = 0; doc < this.index.docCount; doc++) if (this.index.person(doc)) docs.push(doc);
      const order = sortByName(docs, (doc) => this.index.sortName(doc));
      const rank = new Int32Array(this.index.docCount);
      order.forEach((doc, i) => (rank[doc] = i));
      this.names = { version: this.index.version, rank, order };
    }
    return this.names;
  }

  /** Every live document sorted by one column (ascending), computed once per index version. */
  order(sort: ParticipantSort, locale: string): Int32Array {
    const key = sort === 'country' ? `country:${locale}` : sort;
    const cached = this.orders.get(key);
    if (cached && cached.version === this.index.version) return cached.order;
    const { rank, order: nameOrder } = this.byName();
    const order = sort === 'name' ? nameOrder : sortByKeys(nameOrder, rank, this.keysFor(sort, locale));
    this.orders.set(key, { version: this.index.version, order });
    return order;
  }

  /** The sort keys of a column, most significant first, as one value per document. */
  private keysFor(sort: Exclude<ParticipantSort, 'name'>, locale: string): SortKey[] {
    const index = this.index;
    const count = index.docCount;
    const column = (bits: number, of: (doc: number) => number): SortKey => {
      const values = new Int32Array(count);
      for (let doc = 0; doc < count; doc++) if (index.columns.state[doc] !== 0) values[doc] = of(doc);
      return { bits, values };
    };
    const person = (doc: number) => index.person(doc) as IndexedPerson;
    const protocolOrder = () => column(20, (doc) => Math.min(Math.max(person(doc).protocolOrder, 0), 2 ** 20 - 1));
    const delegation = (rank: (id: number | null) => number) => {
      const ids = index.columns.delegation;
      return column(13, (doc) => rank(ids[doc] === 0 ? null : (ids[doc] as number)));
    };
    switch (sort) {
      case 'protocol':
        return [delegation(index.delegationRanks((a, b) => a.protocolOrder - b.protocolOrder || compareText(a.name, b.name) || a.id - b.id)), protocolOrder()];
      case 'delegation':
        return [delegation(index.delegationRanks((a, b) => compareText(foldNative(a.name), foldNative(b.name)) || a.id - b.id)), protocolOrder()];
      case 'organisation': {
        // Organisations are group entries of the index: rank the few thousand entries, not 100,000 people.
        const rank = index.organisationRanks();
        const orgs = index.organisationEntries();
        return [column(32, (doc) => rank(orgs[doc] as number))];
      }
      case 'country': {
        const rank = countryRanks(locale);
        return [column(9, (doc) => rank(person(doc).country))];
      }
      case 'category': {
        const ranks = this.categoryRank();
        return [column(16, (doc) => ranks.get(person(doc).categoryCode) ?? ranks.size)];
      }
      case 'status':
        return [column(1, (doc) => (index.columns.state[doc] === 1 ? 0 : 1))];
      case 'updatedAt': {
        const times = new Set<string>();
        for (let doc = 0; doc < count; doc++) if (index.columns.state[doc] !== 0) times.add(person(doc).updatedAt);
        const rank = new Map(sortDistinctStrings([...times]).map((t, i) => [t, i]));
        return [column(32, (doc) => rank.get(person(doc).updatedAt) as number)];
      }
    }
  }
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
