import { describe, expect, test } from 'vitest';
import { completeSelections, contestStatus, contestsNeedingAttention, marksAllowed, tapOption, type RuleContest } from './ballot_rules';

const options = ['a', 'b', 'c', 'd'].map((id) => ({ id }));
const president: RuleContest = { id: 'president', type: 'plurality', seats: 1, options };
const council: RuleContest = { id: 'council', type: 'vote_for_n', seats: 2, options };
const ward: RuleContest = { id: 'ward', type: 'sntv', seats: 3, options };
const mayor: RuleContest = { id: 'mayor', type: 'ranked', seats: 1, options };
const demo: RuleContest = { id: 'demo', type: 'plurality', seats: 1, options, demonstrateInvalid: true };

describe('marks allowed', () => {
  test('one for plurality, SNTV, party list and yes/no; N for vote-for-N; every option when ranked', () => {
    expect(marksAllowed(president)).toBe(1);
    expect(marksAllowed(ward)).toBe(1);
    expect(marksAllowed({ ...president, type: 'party_list', seats: 46 })).toBe(1);
    expect(marksAllowed({ ...president, type: 'yes_no' })).toBe(1);
    expect(marksAllowed(council)).toBe(2);
    expect(marksAllowed({ ...council, seats: 9 })).toBe(4);
    expect(marksAllowed(mayor)).toBe(4);
    expect(marksAllowed({ ...mayor, maxRanks: 3 })).toBe(3);
    expect(marksAllowed({ ...council, seats: 3, votesAllowed: 1 })).toBe(1);
  });
});

describe('a tap', () => {
  test('marks, then unmarks the same option', () => {
    const first = tapOption(president, [], 'b');
    expect(first).toEqual({ kind: 'marked', next: ['b'] });
    expect(tapOption(president, ['b'], 'b')).toEqual({ kind: 'unmarked', next: [] });
  });

  test('an overvote is refused and nothing is unmarked for the delegate', () => {
    expect(tapOption(president, ['b'], 'c')).toEqual({ kind: 'overvote', allowed: 1 });
    expect(tapOption(council, ['a', 'b'], 'c')).toEqual({ kind: 'overvote', allowed: 2 });
    expect(tapOption(council, ['a'], 'c')).toEqual({ kind: 'marked', next: ['a', 'c'] });
  });

  test('a contest that demonstrates invalid ballots takes the extra mark', () => {
    expect(tapOption(demo, ['a'], 'b')).toEqual({ kind: 'marked', next: ['a', 'b'] });
    expect(contestStatus(demo, ['a', 'b'])).toEqual({ kind: 'over', marked: 2, allowed: 1 });
  });

  test('ranked: each tap gives the next rank; removing one moves the later ranks up', () => {
    let marks: readonly string[] = [];
    for (const id of ['c', 'a', 'd']) {
      const r = tapOption(mayor, marks, id);
      if (r.kind !== 'marked') throw new Error(r.kind);
      marks = r.next;
    }
    expect(marks).toEqual(['c', 'a', 'd']);
    expect(tapOption(mayor, marks, 'a')).toEqual({ kind: 'unmarked', next: ['c', 'd'] });
  });

  test('an option that is not on the ballot is refused', () => {
    expect(tapOption(president, [], 'zz')).toEqual({ kind: 'unknown_option' });
  });
});

describe('review', () => {
  test('blank, under and complete contests', () => {
    expect(contestStatus(president, [])).toEqual({ kind: 'blank', allowed: 1 });
    expect(contestStatus(council, ['a'])).toEqual({ kind: 'under', marked: 1, allowed: 2 });
    expect(contestStatus(council, ['a', 'b'])).toEqual({ kind: 'complete', marked: 2, allowed: 2 });
    // A ranked ballot needs no more than one preference to count.
    expect(contestStatus(mayor, ['b'])).toEqual({ kind: 'complete', marked: 1, allowed: 4 });
  });

  test('the contests to point out, in ballot order, and every contest present at cast', () => {
    const contests = [president, council, mayor];
    const selections = { council: ['a'], mayor: ['d'] };
    expect(contestsNeedingAttention(contests, selections)).toEqual(['president', 'council']);
    expect(completeSelections(contests, selections)).toEqual({ president: [], council: ['a'], mayor: ['d'] });
  });
});
