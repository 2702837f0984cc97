import path from 'node:path';
import fs from 'node:fs';
import { expect, test } from 'vitest';
import { makeTempDir } from '../testing/temp_dir_test_helpers';
import { officialMinneapolisRounds } from '../tally/tally_fixtures_test_helpers';
import { runCli } from './run_cli';

const FIXTURES = path.join(__dirname, '..', '..', '..', 'tests', 'fixtures', 'tally');

async function cli(args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli([...args, '--home', makeTempDir()], { out: (t) => (out += t), err: (t) => (err += t), env: {} });
  return { code, out, err };
}

// Source: the official Minneapolis 2013 mayor round-by-round table (see ranked_and_choice.test.ts),
// replayed from the public ballot records with the city's rules (batch elimination, UWI out first).
test('tally --json reproduces the official Minneapolis 2013 round-by-round table from the ballots', async () => {
  const r = await cli(['tally', '--method', 'irv', '--batch', '--eliminate-first', 'UWI', '--ballots', path.join(FIXTURES, 'minneapolis_2013_mayor_ballots.csv.gz'), '--json']);
  expect(r.code, r.err).toBe(0);
  const json = JSON.parse(r.out) as { winners: string[]; rounds: Array<{ tallies: Record<string, number>; eliminated: string[] }> };
  expect(json.winners).toEqual(['BETSY HODGES']);
  const official = officialMinneapolisRounds();
  expect(json.rounds).toHaveLength(33);
  json.rounds.forEach((round, i) => {
    for (const [name, votes] of official.byCandidate) expect(round.tallies[name], `${name}, round ${i + 1}`).toBe(votes[i]);
  });
  expect(json.rounds[0]!.eliminated).toEqual(['UWI']);
});

test('tally prints seats for party totals, and a readable table without --json', async () => {
  const json = await cli(['tally', '--method', 'modified-sainte-lague', '--first-divisor', '1.2', '--seats', '349', '--threshold', '4', '--ballots', path.join(FIXTURES, 'se_2022_riksdag.csv'), '--json']);
  expect(json.code, json.err).toBe(0);
  expect((JSON.parse(json.out) as { seats: Record<string, number> }).seats).toMatchObject({ S: 107, SD: 73, M: 68, L: 16 });
  const table = await cli(['tally', '--method', 'hare', '--seats', '47', '--threshold', '3', '--ballots', path.join(FIXTURES, 'kr_2016_pr.csv')]);
  expect(table.out).toMatch(/새누리당\s+7960272\s+17/u);
});

test('bad input says what to do and exits non-zero', async () => {
  const noMethod = await cli(['tally', '--ballots', 'x.csv']);
  expect(noMethod.code).toBe(1);
  expect(noMethod.err).toMatch(/--method is one of/u);
  const missing = await cli(['tally', '--method', 'irv', '--ballots', path.join(makeTempDir(), 'nope.csv')]);
  expect(missing.err).toMatch(/cannot read/u);
  const dir = makeTempDir();
  const bad = path.join(dir, 'bad.csv');
  fs.writeFileSync(bad, 'party,votes\nA,12\nB,lots\n');
  const badVotes = await cli(['tally', '--method', 'dhondt', '--seats', '3', '--ballots', bad]);
  expect(badVotes.code).toBe(1);
  expect(badVotes.err).toMatch(/line 3: "lots" is not a number of votes/u);
  const seats = await cli(['tally', '--method', 'dhondt', '--seats', 'x', '--ballots', bad]);
  expect(seats.err).toMatch(/--seats must be a number/u);
});
