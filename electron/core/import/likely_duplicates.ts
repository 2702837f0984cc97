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

type LikelyDuplicate = z.infer<typeof LikelyDuplicateSchema>;

const MAX_REPORTED = 200;
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
 * already in the event), so that 100,000 unique names cost one map entry each and no objects.
 * A key maps to its first person until a second one comes, then to their group: one lookup
 * per person. Groups are listed in the order they formed.
 */
class Grouper {
  private readonly byKey = new Map<string, number | number[]>();
  readonly groups: number[][] = [];

  meet(key: string, who: number): void {
    const earlier = this.byKey.get(key);
    if (earlier === undefined) this.byKey.set(key, who);
    else if (typeof earlier === 'number') {
      const group = [earlier, who];
      this.byKey.set(key, group);
      this.groups.push(group);
    } else earlier.push(who);
  }
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
  const added: PlannedRow[] = [];
  const addedEmail: string[] = [];
  for (const p of planned) {
    if (p.outcome !== 'add') continue;
    added.push(p);
    addedEmail.push(p.built.candidate!.email.toLowerCase());
  }
  if (added.length === 0) return [];
  const names = new Grouper();
  const emails = new Grouper();
  // E-mail addresses are almost all distinct: first find, with one set operation per row, the
  // few that can group anyone (twice in the file, or once and on someone already here); only
  // those are grouped below, in the same order as if every address were.
  const newEmails = new Set<string>();
  const sharedEmails = new Set<string>();
  for (const email of addedEmail) {
    if (!email) continue;
    const before = newEmails.size;
    if (newEmails.add(email).size === before) sharedEmails.add(email);
  }
  const others = existing.filter((e) => e.status === 'registered');
  if (others.length) {
    // Only people already in the event who share a key with a new row matter.
    const newKeys = new Set(added.map((p) => rowNameKey(p.built)));
    others.forEach((e, i) => {
      const key = nameKey(e);
      if (newKeys.has(key)) names.meet(key, -(i + 1));
      const email = e.email.toLowerCase();
      if (email && newEmails.has(email)) {
        sharedEmails.add(email);
        emails.meet(email, -(i + 1));
      }
    });
  }
  const groupEmails = sharedEmails.size > 0;
  for (let i = 0; i < added.length; i++) {
    names.meet(rowNameKey(added[i]!.built), i);
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
    return { row: built.row, id: idOfRow(built.row), name: c.displayName, country: c.country, email: c.email };
  };
  const out: LikelyDuplicate[] = [];
  const report = (reason: LikelyDuplicate['reason'], group: Person[]) => {
    if (!group.some((g) => g.row !== null)) return;
    // A very common name can group hundreds of people; the first few show the point.
    const shown = group.slice(0, MAX_GROUP);
    out.push({
      reason,
      participantIds: shown.map((g) => g.id).filter((id): id is number => id !== null),
      rows: shown.map((g) => g.row).filter((r): r is number => r !== null),
      names: shown.map((g) => g.name),
    });
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
