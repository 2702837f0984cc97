import { expect, test } from 'vitest';
import type { Contest } from '../../contract';
import { definitionFrom } from './count_test_helpers';
import { ContestSchema } from '../../contract';
import { buildSheet, bundlesOf, sortPaper, specForContest } from '.';
import { csvCell } from './count_report';

const contestOf = (template: string, id: string): Contest => ContestSchema.parse(definitionFrom(template).contests.find((c) => c.id === id));

test('bundles of 100 as the counting machine bands them', () => {
  expect(bundlesOf(0)).toEqual([]);
  expect(bundlesOf(100)).toEqual([100]);
  expect(bundlesOf(237)).toEqual([100, 100, 37]);
});

test('500 papers: trays, bundles and votes add up to the papers', () => {
  const contest = contestOf('kr-presidential', 'president');
  const ids = contest.options.map((o) => o.id);
  const papers = Array.from({ length: 500 }, (_, i) => {
    const marks = i % 50 === 0 ? [] : [ids[i % ids.length]!];
    return { id: i + 1, seq: i, marks, ...sortPaper(contest, marks), judged: marks.length === 0 ? 'invalid' : null };
  });
  const sheet = buildSheet(contest, papers, { issued: 500, cast: 500, outstanding: 0, cancelled: 0 });
  expect(sheet).toMatchObject({ counted: 500, invalid: 10, valid: 490, reconciled: true });
  const banded = sheet.bundles.flatMap((b) => b.bundles).reduce((a, b) => a + b, 0);
  expect(banded).toBe(500);
  expect(sheet.bundles.every((b) => b.bundles.slice(0, -1).every((n) => n === 100))).toBe(true);
});

test('the sorter reads vote-for-N, SNTV and party lists by their rules', () => {
  const sntv = contestOf('kr-local', 'district-council');
  const [x, y] = sntv.options.map((o) => o.id);
  expect(sortPaper(sntv, [x!])).toEqual({ tray: x, unclear: null });
  expect(sortPaper(sntv, [x!, y!])).toEqual({ tray: 'recheck', unclear: 'overvote' });
  expect(sortPaper(sntv, ['ghost'])).toEqual({ tray: 'recheck', unclear: 'unknown' });
  const forN = { ...sntv, type: 'vote_for_n' as const, votesAllowed: 2 };
  expect(sortPaper(forN, [x!, y!])).toEqual({ tray: 'multi', unclear: null });
  expect(specForContest(contestOf('kr-national-assembly', 'proportional'))).toMatchObject({ method: 'kr-mixed', seats: 46, thresholdPercent: 3 });
  expect(specForContest(contestOf('referendum', 'question-1'))).toMatchObject({ method: 'yes-no', options: ['yes', 'no'] });
});

test('CSV cells that a spreadsheet would run are neutralised', () => {
  expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
  expect(csvCell('+1')).toBe("'+1");
  expect(csvCell(-3)).toBe('-3');
  expect(csvCell('Kim, Min-su')).toBe('"Kim, Min-su"');
});
