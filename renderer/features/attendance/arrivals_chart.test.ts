import { expect, test } from 'vitest';
import { bucketsUntil } from './arrivals_chart';

test('the time axis runs from the first arrival to now, empty intervals included', () => {
  const buckets = [
    { from: '2026-12-01T00:00:00.000Z', count: 3 },
    { from: '2026-12-01T00:30:00.000Z', count: 2 },
  ];
  expect(bucketsUntil(buckets, 15, '2026-12-01T01:05:00.000Z')).toEqual([
    { from: '2026-12-01T00:00:00.000Z', count: 3 },
    { from: '2026-12-01T00:15:00.000Z', count: 0 },
    { from: '2026-12-01T00:30:00.000Z', count: 2 },
    { from: '2026-12-01T00:45:00.000Z', count: 0 },
    { from: '2026-12-01T01:00:00.000Z', count: 0 },
  ]);
});

test('no arrivals, no axis; a long day keeps the latest intervals', () => {
  expect(bucketsUntil([], 15, '2026-12-01T01:05:00.000Z')).toEqual([]);
  const long = bucketsUntil([{ from: '2026-12-01T00:00:00.000Z', count: 1 }], 5, '2026-12-02T00:00:00.000Z', 96);
  expect(long).toHaveLength(96);
  expect(long.at(-1)).toEqual({ from: '2026-12-02T00:00:00.000Z', count: 0 });
  expect(long.reduce((n, b) => n + b.count, 0)).toBe(0);
});

test('a clock behind the host never hides an arrival', () => {
  const buckets = [{ from: '2026-12-01T00:00:00.000Z', count: 4 }, { from: '2026-12-01T00:15:00.000Z', count: 1 }];
  expect(bucketsUntil(buckets, 15, '2026-11-30T23:00:00.000Z')).toEqual(buckets);
});
