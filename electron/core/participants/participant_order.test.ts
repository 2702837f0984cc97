import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Db } from '../db/connection';
import { eventSearch } from './participant_search';
import { addPeople, openTestEvent, testPerson } from './participants_test_helpers';

let event: ReturnType<typeof openTestEvent>;
let db: Db;

const FAMILIES = ['Kim', 'Kimura', 'Park', 'Lee', 'Nunez', 'Kovacevic', 'Berg', 'Osei', 'Ali', 'Wang'];

// 640 people in 8 delegations with their own protocol orders: enough that a search matching a
// handful of them is ordered alone, and one matching a tenth is counted over everyone.
beforeAll(() => {
  event = openTestEvent();
  db = event.db;
  addPeople(
    db,
    Array.from({ length: 640 }, (_, i) => {
      const family = FAMILIES[(i * 7) % FAMILIES.length]!;
      const given = i % 97 === 0 ? 'Minjun' : `Given${i % 13}`;
      return testPerson({
        displayName: `${family} ${given}`,
        familyName: family,
        givenName: given,
        organisation: i % 50 === 0 ? 'Kim & Partners' : 'Election Commission',
        delegation: `Delegation ${i % 8}`,
        protocolOrder: (i * 37) % 640,
      });
    }),
  );
});

afterAll(() => event.close());

/** What the order must be: points (tenths of the score) best first, ties in protocol order. */
function expectedOrder(query: string): { order: number[]; distinctPoints: number } {
  const search = eventSearch(db);
  const protocol = Array.from(search.lists.order('protocol', 'en'));
  const place = new Map(protocol.map((doc, i) => [doc, i]));
  const { docs, scores } = search.index.search(query);
  const points = new Map(Array.from(docs, (doc, i) => [doc, Math.max(1, Math.round((scores[i] as number) * 10))]));
  const order = [...points.keys()].sort((a, b) => points.get(b)! - points.get(a)! || place.get(a)! - place.get(b)!);
  return { order, distinctPoints: new Set(points.values()).size };
}

test.each([
  ['minjun', 'few'],
  ['kim minjun', 'few'],
  ['partners', 'few'],
  ['kimura', 'many'],
  ['kim', 'many'],
  ['given1', 'many'],
])('"%s" (%s matches) is ranked by points, ties in protocol order', (query, size) => {
  const search = eventSearch(db);
  search.lists.clearCache();
  const got = Array.from(search.lists.ordered({ query, direction: 'asc', locale: 'en' }));
  const want = expectedOrder(query);
  expect(got).toEqual(want.order);
  // Ties occur (beyond a single match), so their order is tested too.
  if (got.length > 1) expect(want.distinctPoints).toBeLessThan(got.length);
  // Both ways of ordering are exercised: fewer than one in 32 people, or more.
  if (size === 'few') expect(got.length * 32).toBeLessThan(640);
  else expect(got.length * 32).toBeGreaterThan(640);
});
