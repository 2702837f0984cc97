/**
 * People who are probably registered twice: a new row with the same name (in any order and
 * spelling of case and accents) as someone else, in the same country or with no country
 * given, or with the same e-mail. Only reported: merging is the user's decision.
 */
import type { z } from 'zod';
import type { LikelyDuplicateSchema } from '../../contract';
import { rowNameKey } from './build_rows';
import type { ExistingPerson, PlannedRow } from './match_existing';
import { nameKey } from './name_key';
import { StringIndex } from './string_index';

type LikelyDuplicate = z.infer<typeof LikelyDuplicateSchema>;

const MAX_REPORTED = 200;
// An upper-case ASCII letter or anything outside ASCII: a string without any is its own lower case.
const NOT_LOWER_ASCII = /[A-Z\u0080-\uffff]/;
const MAX_GROUP = 20;

interface Person {
  readonly row: number | null;
  readonly id: number | null;
  readonly name: string;
  readonly country: string | null;
  readonly email: string;
}

/**
 * Groups people by a key in one pass. People are numbers (≥ 0: an added row, < 0: someone
 * already in the event), so that 100,000 unique names cost one index entry each and no objects.
 * A key's first person is kept by its entry number until a second one comes; then they form a
 * group: one lookup per person. Groups are listed in the order they formed.
 */
class Grouper {
  private readonly keys: StringIndex;
  private readonly first: number[] = [];
  private readonly groupOf = new Map<number, number[]>();
  readonly groups: number[][] = [];

  constructor(expected: number) {
    this.keys = new StringIndex(expected);
  }

  meet(key: string, who: number): void {
    const entry = this.keys.addOrFind(key);
    if (entry < 0) {
      this.first.push(who);
      return;
    }
    const group = this.groupOf.get(entry);
    if (group) group.push(who);
    else {
      const formed = [this.first[entry]!, who];
      this.groupOf.set(entry, formed);
      this.groups.push(formed);
    }
  }
}

/** A likely duplicate before the new rows have ids: each member is a file row or someone already here. */
export interface DuplicateDraft {
  readonly reason: LikelyDuplicate['reason'];
  readonly members: ReadonlyArray<{ readonly row: number | null; readonly id: number | null }>;
  readonly names: string[];
}

/**
 * Finds likely duplicates among the rows to add and everyone else. `idOfRow` gives the new
 * participant id of an added row once written (null in an analysis or a dry run).
 */
export function findLikelyDuplicates(
  planned: readonly PlannedRow[],
  existing: readonly ExistingPerson[],
  idOfRow: (row: number) => number | null = () => null,
): LikelyDuplicate[] {
  return withIds(draftLikelyDuplicates(planned, existing), idOfRow);
}

/** The drafts with the new rows' ids, once they are written. */
export function withIds(drafts: readonly DuplicateDraft[], idOfRow: (row: number) => number | null): LikelyDuplicate[] {
  return drafts.map((d) => ({
    reason: d.reason,
    participantIds: d.members.map((m) => (m.row === null ? m.id : idOfRow(m.row))).filter((id): id is number => id !== null),
    rows: d.members.map((m) => m.row).filter((r): r is number => r !== null),
    names: d.names,
  }));
}

/** The likely duplicates, found before (or while) the rows are written. */
export function draftLikelyDuplicates(planned: readonly PlannedRow[], existing: readonly ExistingPerson[]): DuplicateDraft[] {
  const added: PlannedRow[] = [];
  const addedEmail: string[] = [];
  for (const p of planned) {
    if (p.outcome !== 'add') continue;
    added.push(p);
    const email = p.built.candidate!.email;
    // Most addresses are lower-case ASCII already: no new string for those.
    addedEmail.push(NOT_LOWER_ASCII.test(email) ? email.toLowerCase() : email);
  }
  if (added.length === 0) return [];
  const names = new Grouper(16);
  const emails = new Grouper(16);
  // E-mail addresses are almost all distinct: first find, with one index operation per row, the
  // few that can group anyone (twice in the file, or once and on someone already here); only
  // those are grouped below, in the same order as if every address were.
  const newEmails = new StringIndex(added.length);
  const sharedEmails = new Set<string>();
  for (const email of addedEmail) {
    if (email && newEmails.addOrFind(email) >= 0) sharedEmails.add(email);
  }
  const others = existing.filter((e) => e.status === 'registered');
  const otherKeys = others.map((e) => nameKey(e));
  // A same-name group is reported only when someone in it has no e-mail (see below), so only
  // the names of people without an address need grouping: usually few, often none, and then
  // no name key is computed for the 100,000 rows at all. The groups that matter are whole and
  // form in the same order as if every name were grouped.
  const namesWithoutEmail = new Set<string>();
  for (let i = 0; i < added.length; i++) if (!addedEmail[i]) namesWithoutEmail.add(rowNameKey(added[i]!.built));
  others.forEach((e, i) => {
    if (!e.email) namesWithoutEmail.add(otherKeys[i]!);
  });
  const groupNames = namesWithoutEmail.size > 0;
  others.forEach((e, i) => {
    // Of the people already in the event, only those sharing such a name with a new row matter.
    const key = otherKeys[i]!;
    if (groupNames && namesWithoutEmail.has(key)) names.meet(key, -(i + 1));
    const email = e.email.toLowerCase();
    if (email && newEmails.find(email) >= 0) {
      sharedEmails.add(email);
      emails.meet(email, -(i + 1));
    }
  });
  const groupEmails = sharedEmails.size > 0;
  for (let i = 0; i < added.length; i++) {
    if (groupNames) {
      const key = rowNameKey(added[i]!.built);
      if (namesWithoutEmail.has(key)) names.meet(key, i);
    }
    const email = addedEmail[i]!;
    if (groupEmails && email && sharedEmails.has(email)) emails.meet(email, i);
  }

  const person = (who: number): Person => {
    if (who < 0) {
      const e = others[-who - 1]!;
      return { row: null, id: e.id, name: e.displayName, country: e.country, email: e.email };
    }
    const { built } = added[who]!;
    const c = built.candidate!;
    return { row: built.row, id: null, name: c.displayName, country: c.country, email: c.email };
  };
  const out: DuplicateDraft[] = [];
  const report = (reason: LikelyDuplicate['reason'], group: Person[]) => {
    if (!group.some((g) => g.row !== null)) return;
    // A very common name can group hundreds of people; the first few show the point.
    const shown = group.slice(0, MAX_GROUP);
    out.push({ reason, members: shown.map((g) => ({ row: g.row, id: g.id })), names: shown.map((g) => g.name) });
  };
  for (const group of emails.groups) {
    if (out.length >= MAX_REPORTED) break;
    report('same_email', group.map(person));
  }
  const emailOf = (who: number) => (who < 0 ? others[-who - 1]!.email : addedEmail[who]!);
  for (const group of names.groups) {
    if (out.length >= MAX_REPORTED) break;
    // When everyone has an e-mail, the same name is two people (distinct addresses) or was
    // reported above (the same address).
    if (group.every(emailOf)) continue;
    const people = group.map(person);
    // Same name in different countries is two people; no country on either side is undecided.
    const country = people.find((g) => g.country)?.country;
    if (country && people.some((g) => g.country && g.country !== country)) continue;
    report('same_name', people);
  }
  return out;
}
