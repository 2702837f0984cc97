import { expect, test } from 'vitest';
import { StringIndex } from './string_index';

test('numbers strings in the order first added, finds repeats, and keeps them all as it grows', () => {
  const index = new StringIndex(2);
  const words = Array.from({ length: 5000 }, (_, i) => `person${i}@example.org`);
  for (const w of words) expect(index.addOrFind(w)).toBe(-1);
  expect(index.size).toBe(5000);
  // Equal text from another string object is the same entry; case and accents are not folded.
  expect(index.addOrFind(['person', 4999, '@example.org'].join(''))).toBe(4999);
  expect(index.find('person0@example.org')).toBe(0);
  expect(index.find('Person0@example.org')).toBe(-1);
  expect(index.addOrFind('')).toBe(-1);
  expect(index.find('')).toBe(5000);
  expect(index.addOrFind('Núñez')).toBe(-1);
  expect(index.find('Nunez')).toBe(-1);
  expect(index.find('Núñez')).toBe(5001);
  expect(index.size).toBe(5002);
});
