import fc from 'fast-check';
import { expect, test } from 'vitest';
import { sortDistinctStrings } from './sort_strings';

test('sorts exactly like the native string order, whatever the characters', () => {
  const text = fc.string({ unit: fc.oneof(fc.constantFrom('a', 'b', 'z', ' ', '~', '\u0001', 'é', 'ю', '김', '中', '😀'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), maxLength: 8 });
  fc.assert(
    fc.property(fc.uniqueArray(text, { maxLength: 60 }), (strings) => {
      expect(sortDistinctStrings(strings)).toEqual([...strings].sort());
    }),
    { numRuns: 400 },
  );
});

test('leaves its input alone and handles nothing and one', () => {
  const input = ['b', 'a'];
  expect(sortDistinctStrings(input)).toEqual(['a', 'b']);
  expect(input).toEqual(['b', 'a']);
  expect(sortDistinctStrings([])).toEqual([]);
  expect(sortDistinctStrings(['x'])).toEqual(['x']);
});
