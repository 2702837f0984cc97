import { afterEach, beforeEach, expect, test } from 'vitest';
import type { Contest } from '../../electron/contract';
import { assignBooth, castBallot, issueBallot } from '../../electron/core/voting';
import { getRoundRow, roundDefinition } from '../../electron/core/voting/round_store';
import { createRoomFixture, testClock, type RoomFixture } from '../../electron/core/voting/voting_test_helpers';
import { boxLinks, checkCasts, emptyTally } from './crash_checks';
import { randomSelections, type CastRecord } from './crash_voting';

// The crash harness's box check must be able to fail: here it is shown the lost, the doubled,
// the half-written, the refused-but-counted and a linking column, each made on purpose.

let fx: RoomFixture;
let casts: CastRecord[];
let roundId: number;
const now = testClock();

/** Casts five ballots of kr-local (four papers each) with seeded random marks; their records. */
function castFive(): CastRecord[] {
  roundId = fx.openNewRound();
  const row = getRoundRow(fx.db, roundId);
  const contests = (row ? roundDefinition(fx.db, row)?.contests : []) as Contest[];
  let seed = 7;
  const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  const records: CastRecord[] = [];
  for (const participantId of fx.people.slice(0, 5)) {
    const issued = issueBallot(fx.db, { roundId, participantId, station: 'crash' }, now(), fx.tz);
    if (!issued.ok) throw new Error(issued.error.message);
    const booth = fx.booths[0] as string;
    assignBooth(fx.db, issued.value.id, booth, now(), fx.tz);
    const token = (fx.db.prepare('SELECT token FROM booth_assignment WHERE device_id = ?').get(booth) as { token: string }).token;
    const selections = randomSelections(contests, random);
    if (!castBallot(fx.db, booth, token, selections).ok) throw new Error('cast refused');
    records.push({ roundId, issuanceId: issued.value.id, selections, state: 'acked' });
  }
  return records;
}

beforeEach(() => {
  fx = createRoomFixture({ template: 'kr-local' });
  casts = castFive();
});
afterEach(() => fx.ws.close());

test('the box holding exactly the acknowledged casts passes, paper by paper', () => {
  const t = emptyTally();
  expect(checkCasts(fx.db, casts, t)).toEqual({ refusedButCounted: 0, alarms: 0 });
  expect(t).toEqual({ checked: 5, papersChecked: 20, lost: 0, duplicated: 0, halfWritten: 0 });
  expect(boxLinks(fx.db)).toEqual([]);
});

test('a cast counted that nobody acknowledged is a duplicate; an acknowledged cast missing is lost', () => {
  const t = emptyTally();
  checkCasts(fx.db, casts.slice(1), t);
  expect(t.duplicated).toBe(1);
  const changed = emptyTally();
  // The same number of ballots, but one acknowledged with marks the box does not hold.
  const other = casts.map((c, i) => (i === 0 ? { ...c, selections: { ...c.selections, mayor: ['no-such-option'] } } : c));
  checkCasts(fx.db, other, changed);
  expect(changed.lost).toBe(1);
  expect(changed.duplicated).toBe(1);
});

test('a paper missing from one contest is half-written and lost, and the round raises its alarm', () => {
  fx.db.prepare(`DELETE FROM ballot_paper WHERE rowid = (SELECT rowid FROM ballot_paper WHERE round_id = ? LIMIT 1)`).run(roundId);
  const t = emptyTally();
  expect(checkCasts(fx.db, casts, t).alarms).toBe(1);
  expect(t.halfWritten).toBe(1);
  expect(t.lost).toBe(1);
});

test('a cast refused to the booth but counted anyway is caught', () => {
  const refused = casts.map((c, i) => (i === 2 ? { ...c, state: 'refused' as const } : c));
  const t = emptyTally();
  expect(checkCasts(fx.db, refused, t).refusedButCounted).toBe(1);
  expect(t.duplicated).toBe(1);
});

test('a column that could link a paper to a voter is reported', () => {
  fx.db.exec('ALTER TABLE ballot_paper ADD COLUMN participant_id INTEGER');
  fx.db.exec('ALTER TABLE ballot_issue ADD COLUMN cast_at TEXT');
  expect(boxLinks(fx.db)).toEqual(['ballot_paper.participant_id', 'ballot_issue.cast_at']);
});
