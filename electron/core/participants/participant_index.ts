/**
 * The search index of one open event's participants, kept in memory.
 *
 * People are documents in a TokenIndex (names in every script and spelling, e-mail, badge
 * number). Organisations, delegations and countries are shared by many people, so they are
 * indexed once each in a small second index of "groups", and a match there scores every
 * member at once: a 100,000-person event has a few thousand organisations, not 100,000.
 */
import { matchWord, openSink, QueryScorer, type ScoredDocs } from '../search/ranked_search';
import { FIELD, forEachPersonKey, groupSearchKeys, queryWords, type SearchKey } from '../search/search_keys';
import { foldNative } from '../search/text_fold';
import { sortDistinctStrings } from '../search/sort_strings';
import { TokenIndex } from '../search/token_index';
import { countryKeys, countryNumber, nameSortKey, personTokens } from './index_keys';

export { countryNumber, nameSortKey } from './index_keys';

/** What the index keeps of a participant: what search matches and lists filter and sort by. */
export interface IndexedPerson {
  id: number;
  externalId: string | null;
  familyName: string;
  givenName: string;
  displayName: string;
  nativeName: string;
  email: string;
  organisation: string;
  country: string | null;
  delegationId: number | null;
  categoryCode: string;
  status: 'registered' | 'cancelled';
  protocolOrder: number;
  updatedAt: string;
}

/** What the index keeps of a delegation (for search, sorting and protocol order). */
export interface IndexedDelegation {
  id: number;
  name: string;
  protocolOrder: number;
}

export class ParticipantIndex {
  /** Names in every form; a one-letter query searches only these. */
  private readonly people = new TokenIndex();
  /** E-mail and badge numbers: unique per person, so kept apart from the names' prefix ranges. */
  private readonly contacts = new TokenIndex();
  private readonly groups = new TokenIndex();
  private readonly scorer = new QueryScorer();
  private readonly docs: Array<{ person: IndexedPerson; sortName: string } | undefined> = [];
  private readonly docOf = new Map<number, number>();
  /** Group entry (numbered from 1; 0 = none) of each document's organisation, delegation and country. */
  private docOrg = new Int32Array(1024);
  private docDelegation = new Int32Array(1024);
  private docCountry = new Int32Array(1024);
  /**
   * What lists filter by, as plain numbers per document, so a filter over 100,000 people is a
   * loop over typed arrays: state 0 = removed, 1 = registered, 2 = cancelled; category as a
   * number (see categoryNumber); delegation id (0 = none); country as two char codes (0 = none).
   */
  readonly columns = {
    state: new Uint8Array(1024),
    category: new Int32Array(1024),
    delegation: new Int32Array(1024),
    country: new Int32Array(1024),
  };
  private readonly categoryNumbers = new Map<string, number>();
  private readonly entryOf = new Map<string, number>();
  private readonly organisationByText = new Map<string, number>();
  private readonly countryByCode = new Map<string, number>();
  private readonly entryTokens: string[][] = [];
  private groupSink = openSink(1024);
  private readonly delegations = new Map<number, IndexedDelegation>();
  /** Increases with every change, so that cached lists know they are stale. */
  version = 0;

  /** An empty index: `upsert` everyone (the bulk load), then `seal`. */
  constructor(delegations: Iterable<IndexedDelegation>) {
    for (const d of delegations) this.setDelegation(d);
  }

  /** Takes a document's tokens out of the indexes (its keys are derived again from the person). */
  private forget(doc: number, p: IndexedPerson): void {
    const tokens = personTokens(p);
    this.people.removeDoc(doc, tokens);
    this.contacts.removeDoc(doc, tokens);
  }

  /** Ends the bulk load: sorts and packs the token indexes (later changes keep them current). */
  seal(): void {
    this.people.seal();
    this.contacts.seal();
    this.groups.seal();
  }

  /** One past the highest document number (documents are never renumbered). */
  get docCount(): number {
    return this.docs.length;
  }

  /** The person of a document, or undefined for a removed one. */
  person(doc: number): IndexedPerson | undefined {
    return this.docs[doc]?.person;
  }

  /** The key a document sorts by in name order (see nameSortKey). */
  sortName(doc: number): string {
    return this.docs[doc]?.sortName ?? '';
  }

  /**
   * Ranks the delegations by `compare`; returns each delegation id's rank, with no delegation
   * (or an unknown one) ranked after all of them.
   */
  delegationRanks(compare: (a: IndexedDelegation, b: IndexedDelegation) => number): (id: number | null) => number {
    const sorted = [...this.delegations.values()].sort(compare);
    const rank = new Map(sorted.map((d, i) => [d.id, i]));
    return (id) => (id === null ? sorted.length : (rank.get(id) ?? sorted.length));
  }

  /** Each document's organisation entry (0 = none); see organisationRanks. Read-only. */
  organisationEntries(): Int32Array {
    return this.docOrg;
  }

  /** The rank of an organisation entry by its folded name; none (0) after all of them. */
  organisationRanks(): (entry: number) => number {
    const orgs: Array<[string, number]> = [];
    for (const [key, e] of this.entryOf) if (key.startsWith('o:')) orgs.push([key, e]);
    const order = sortDistinctStrings(orgs.map(([key]) => key));
    const byKey = new Map(orgs);
    const rank = new Int32Array(this.entryTokens.length + 1).fill(order.length);
    order.forEach((key, i) => (rank[byKey.get(key) as number] = i));
    return (entry) => rank[entry] as number;
  }

  /** The document of a participant id, or undefined. */
  docOfId(id: number): number | undefined {
    return this.docOf.get(id);
  }

  /** A delegation by id. */
  delegation(id: number | null): IndexedDelegation | undefined {
    return id === null ? undefined : this.delegations.get(id);
  }

  /** Adds a participant, or replaces what the index knows of them (same document number). */
  upsert(p: IndexedPerson): number {
    let doc = this.docOf.get(p.id);
    const existing = doc === undefined ? undefined : this.docs[doc];
    if (doc === undefined) {
      doc = this.docs.length;
      this.docOf.set(p.id, doc);
      this.docs.push(undefined);
      if (doc >= this.docOrg.length) this.growDocs(doc + 1);
    }
    if (existing) this.forget(doc, existing.person);
    const at = doc;
    forEachPersonKey(p, (token, field, substring) => (field >= FIELD.email ? this.contacts : this.people).add(at, token, field, substring));
    this.docs[doc] = { person: p, sortName: nameSortKey(p.displayName || p.nativeName) };
    this.docOrg[doc] = this.organisationEntry(p.organisation);
    this.docDelegation[doc] = p.delegationId === null ? 0 : this.entry(`d:${p.delegationId}`, () => []);
    this.docCountry[doc] = p.country ? this.countryEntry(p.country) : 0;
    this.columns.state[doc] = p.status === 'cancelled' ? 2 : 1;
    this.columns.category[doc] = this.categoryNumber(p.categoryCode);
    this.columns.delegation[doc] = p.delegationId ?? 0;
    this.columns.country[doc] = countryNumber(p.country);
    this.version++;
    return doc;
  }

  /** Forgets a participant (their document number stays empty). */
  remove(id: number): void {
    const doc = this.docOf.get(id);
    const entry = doc === undefined ? undefined : this.docs[doc];
    if (doc === undefined || !entry) return;
    this.forget(doc, entry.person);
    this.docs[doc] = undefined;
    this.columns.state[doc] = 0;
    this.docOrg[doc] = 0;
    this.docDelegation[doc] = 0;
    this.docCountry[doc] = 0;
    this.docOf.delete(id);
    this.version++;
  }

  /** Adds or renames a delegation (its members are found by the new name at once). */
  setDelegation(d: IndexedDelegation): void {
    this.delegations.set(d.id, { ...d });
    const entry = this.entry(`d:${d.id}`, () => []);
    this.groups.removeDoc(entry, this.entryTokens[entry - 1] ?? []);
    const keys = groupSearchKeys(d.name, FIELD.delegation);
    for (const k of keys) this.groups.add(entry, k.token, k.field, k.substring);
    this.entryTokens[entry - 1] = keys.map((k) => k.token);
    this.version++;
  }

  /** Forgets delegations that no longer exist. */
  retainDelegations(ids: ReadonlySet<number>): void {
    for (const id of [...this.delegations.keys()]) if (!ids.has(id)) this.delegations.delete(id);
    this.version++;
  }

  /** Runs a ranked search; every word of the query must match somewhere. */
  search(query: string): ScoredDocs {
    const words = queryWords(query);
    if (words.length === 0) return { docs: new Int32Array(0), scores: new Float64Array(0) };
    return this.scorer.run([this.people, this.contacts], words, this.docs.length, this.columns.state, (word, raise) => {
      const sink = this.groupSink;
      sink.touchedCount = 0;
      matchWord(this.groups, word, sink);
      if (sink.touchedCount === 0) return;
      const s = sink.best;
      for (let doc = 0; doc < this.docs.length; doc++) {
        const best = Math.max(s[this.docOrg[doc] as number] as number, s[this.docDelegation[doc] as number] as number, s[this.docCountry[doc] as number] as number);
        if (best > 0) raise(doc, best);
      }
      for (let i = 0; i < sink.touchedCount; i++) s[sink.touched[i] as number] = 0;
    });
  }

  /** The entry of an organisation as written (many spellings of one name share an entry). */
  private organisationEntry(text: string): number {
    let e = this.organisationByText.get(text);
    if (e === undefined) {
      const folded = foldNative(text).trim();
      e = folded ? this.entry(`o:${folded}`, () => groupSearchKeys(text, FIELD.organisation)) : 0;
      this.organisationByText.set(text, e);
    }
    return e;
  }

  private countryEntry(code: string): number {
    let e = this.countryByCode.get(code);
    if (e === undefined) {
      e = this.entry(`c:${code}`, () => countryKeys(code));
      this.countryByCode.set(code, e);
    }
    return e;
  }

  /** The group entry for a key (its document number in the group index), created on first use. */
  private entry(key: string, keys: () => SearchKey[]): number {
    let e = this.entryOf.get(key);
    if (e === undefined) {
      e = this.entryTokens.length + 1;
      this.entryOf.set(key, e);
      const list = keys();
      for (const k of list) this.groups.add(e, k.token, k.field, k.substring);
      this.entryTokens.push(list.map((k) => k.token));
      if (e >= this.groupSink.best.length) this.groupSink = openSink(e * 2);
    }
    return e;
  }

  /** The number standing for a category code in `columns.category`. */
  categoryNumber(code: string): number {
    let n = this.categoryNumbers.get(code);
    if (n === undefined) {
      n = this.categoryNumbers.size + 1;
      this.categoryNumbers.set(code, n);
    }
    return n;
  }

  private growDocs(min: number): void {
    const size = Math.max(min, this.docOrg.length * 2);
    for (const name of ['state', 'category', 'delegation', 'country'] as const) {
      const column = this.columns[name];
      const next = new (column.constructor as new (n: number) => typeof column)(size);
      next.set(column);
      (this.columns as Record<string, Int32Array | Uint8Array>)[name] = next;
    }
    for (const name of ['docOrg', 'docDelegation', 'docCountry'] as const) {
      const next = new Int32Array(size);
      next.set(this[name]);
      this[name] = next;
    }
  }
}
