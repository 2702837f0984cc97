import fc from 'fast-check';
import { afterAll, expect, test } from 'vitest';
import { base32Encode, normaliseBadgeText, parseBadgeCode } from '../../electron/contract';
import { demoEvent } from '../../electron/core/backup/backup_test_helpers';
import { verifyBadge } from '../../electron/core/badges/badge_credentials';
import { badgeKeysFor } from '../../electron/core/badges/badge_keys';
import { recordBadgeIssues } from '../../electron/core/badges/badge_store';
import { INVALID_BALLOT, TALLY_METHODS, readBallotCsv, readPartyCsv, tallyContest, allocateSeats, type CastBallot, type TallySpec } from '../../electron/core/tally';
import { HOSTILE_STRINGS } from './hostile_strings';

const ws = demoEvent();
afterAll(() => ws.close());
const keys = (() => {
  const k = badgeKeysFor(ws);
  if (!k.ok) throw new Error(k.error.message);
  return k.value;
})();
const genuine = (() => {
  const c = keys.sign({ participantId: 5, serial: 1 });
  if (!c.ok) throw new Error(c.error.message);
  recordBadgeIssues(ws.db, [{ participantId: 5, serial: 1 }], 'a6', '2026-12-01T09:00:00.000Z');
  return c.value;
})();

test('the genuine code verifies (so the properties below can fail)', () => {
  expect(verifyBadge(ws.db, keys, genuine)).toMatchObject({ valid: true, participantId: 5 });
});

test('any text at all: the decoder and verifier never throw, and only the genuine code is valid', () => {
  const text = fc.oneof(
    fc.string({ maxLength: 300 }),
    fc.constantFrom(...HOSTILE_STRINGS),
    fc.uint8Array({ minLength: 0, maxLength: 90 }).map((b) => `DD1${base32Encode(b)}`),
    fc.string({ unit: 'binary', maxLength: 130 }),
  );
  fc.assert(
    fc.property(text, (t) => {
      parseBadgeCode(t);
      const v = verifyBadge(ws.db, keys, t);
      if (normaliseBadgeText(t) !== normaliseBadgeText(genuine)) expect(v.valid).toBe(false);
      if (!v.valid) expect(v.message.length).toBeGreaterThan(5);
    }),
    { numRuns: 1000 },
  );
});

test('every single-character change, cut or extension of a genuine code is refused', () => {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  fc.assert(
    fc.property(fc.nat({ max: genuine.length - 1 }), fc.constantFrom(...alphabet), fc.integer({ min: -3, max: 3 }), (at, ch, cut) => {
      const changed = genuine.slice(0, at) + ch + genuine.slice(at + 1);
      if (changed !== genuine) expect(verifyBadge(ws.db, keys, changed).valid).toBe(false);
      if (cut !== 0) {
        const other = cut < 0 ? genuine.slice(0, cut) : genuine + 'A'.repeat(cut);
        expect(verifyBadge(ws.db, keys, other).valid).toBe(false);
      }
    }),
    { numRuns: 1500 },
  );
});

const option = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'zz', '');
const ballot: fc.Arbitrary<CastBallot> = fc.oneof(fc.constant(INVALID_BALLOT), fc.array(option, { maxLength: 6 }));
const spec: fc.Arbitrary<TallySpec> = fc.record(
  {
    method: fc.constantFrom(...TALLY_METHODS),
    options: fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'a'), { maxLength: 6 }),
    seats: fc.integer({ min: -1, max: 7 }),
    thresholdPercent: fc.double({ min: -5, max: 120, noNaN: false }),
    votesAllowed: fc.integer({ min: 0, max: 4 }),
    firstDivisor: fc.double({ min: 0, max: 3 }),
    batchElimination: fc.boolean(),
    seed: fc.integer(),
    electorate: fc.integer({ min: -1, max: 500 }),
  },
  { requiredKeys: ['method', 'options'] },
);

test('the tabulation engine: any spec and any ballots end in a result or a clear refusal, never a crash or a hang', () => {
  fc.assert(
    fc.property(spec, fc.array(ballot, { maxLength: 120 }), (s, ballots) => {
      const t0 = performance.now();
      const outcome = tallyContest(s, ballots);
      expect(performance.now() - t0).toBeLessThan(2000);
      if (!outcome.ok) expect(outcome.error.message.length).toBeGreaterThan(5);
    }),
    { numRuns: 1500 },
  );
});

test('seat allocation from party totals, and ballot and party CSV readers, with hostile numbers and text', () => {
  const votes = fc.oneof(fc.integer({ min: -10, max: 1_000_000 }), fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, 1.5, 2 ** 53));
  fc.assert(
    fc.property(spec, fc.array(fc.record({ party: fc.constantFrom('a', 'b', 'c', 'x'), votes, districtSeats: fc.integer({ min: -1, max: 20 }) }), { maxLength: 6 }), (s, parties) => {
      const outcome = allocateSeats(s, parties);
      if (!outcome.ok) expect(outcome.error.message.length).toBeGreaterThan(5);
    }),
    { numRuns: 800 },
  );
  fc.assert(
    fc.property(fc.oneof(fc.string({ maxLength: 400 }), fc.constantFrom(...HOSTILE_STRINGS)), fc.boolean(), (text, ranked) => {
      readBallotCsv(text, ranked);
      readPartyCsv(text);
    }),
    { numRuns: 800 },
  );
});
