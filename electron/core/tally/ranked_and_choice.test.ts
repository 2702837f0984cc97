/**
 * Ranked counts (IRV, STV) and the non-ranked methods against published results, round by round.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { expect, test } from 'vitest';
import { officialMinneapolisRounds } from './tally_fixtures_test_helpers';
import { INVALID_BALLOT, KR_CONSTITUTIONAL_REFERENDUM, readBallotCsv, tallyContest, tallyPacked, tallyTotals, type CastBallot } from './index';

const FIXTURES = path.join(__dirname, '..', '..', '..', 'tests', 'fixtures', 'tally');

// Source: City of Minneapolis, Elections & Voter Services, "2013 Mayor – Ranked Choice Voting
// tabulation" (official round-by-round results, https://vote.minneapolismn.gov/results-data/election-results/2013/),
// as reproduced in the regression test of the open-source RCTab tabulator
// (github.com/BrightSpots/rcv, src/test/resources/network/brightspots/rcv/test_data/2013_minneapolis_mayor/
// 2013_minneapolis_mayor_expected_summary.csv). Ballots: the public cast vote records (/work/shared/data).
// Rules: batch elimination, undeclared write-ins eliminated in round 1, overvote ends the rankings.
test('IRV reproduces the official Minneapolis 2013 mayor table, all 33 rounds', () => {
  const read = readBallotCsv(zlib.gunzipSync(fs.readFileSync(path.join(FIXTURES, 'minneapolis_2013_mayor_ballots.csv.gz'))).toString('utf8'), true);
  expect(read.headerSkipped).toBe(true);
  expect(read.packed.offsets.length - 1).toBe(80_101);
  const r = tallyPacked({ method: 'irv', options: read.options, batchElimination: true, eliminateFirst: ['UWI'] }, read.packed);
  if (!r.ok) throw new Error(r.error.message);
  const official = officialMinneapolisRounds();
  const rounds = r.value.rounds!;
  expect(rounds).toHaveLength(33);
  expect(r.value.winners).toEqual(['BETSY HODGES']);
  rounds.forEach((round, i) => {
    for (const [name, votes] of official.byCandidate) {
      expect(round.tallies[name], `${name}, round ${i + 1}`).toBe(votes[i]);
    }
    expect(Object.values(round.tallies).reduce((s, v) => s + v, 0), `active ballots, round ${i + 1}`).toBe(official.active[i]);
    // The official inactive count includes the 150 ballots with no usable first ranking (blank here).
    expect(round.exhausted + 150, `inactive ballots, round ${i + 1}`).toBe(official.inactive[i]);
  });
  expect(rounds[30]!.eliminated).toEqual(['BOB FINE', 'JACKIE CHERRYHOMES']);
  expect([...rounds[31]!.eliminated].sort()).toEqual(['CAM WINTON', 'DON SAMUELS']);
  expect(rounds[32]!.tallies).toEqual({ 'BETSY HODGES': 38_852, 'MARK ANDREW': 24_942 });
});

// Source: the same official Minneapolis 2013 table, its first round: each ballot's first choice
// (after the overvote rule) is a single-choice ballot, so a plurality count of those first choices
// must reproduce round 1 exactly (35 candidates and undeclared write-ins, 79,312 continuing ballots).
test('plurality reproduces the first-choice round of the official Minneapolis 2013 table, candidate by candidate', () => {
  const read = readBallotCsv(zlib.gunzipSync(fs.readFileSync(path.join(FIXTURES, 'minneapolis_2013_mayor_ballots.csv.gz'))).toString('utf8'), true);
  const { offsets, marks } = read.packed;
  const firstChoices: CastBallot[] = [];
  for (let b = 0; b + 1 < offsets.length; b++) {
    const first = offsets[b]! < offsets[b + 1]! ? marks[offsets[b]!] : undefined;
    firstChoices.push(first === undefined ? [] : [read.options[first]!]);
  }
  const r = tallyContest({ method: 'plurality', options: read.options }, firstChoices);
  if (!r.ok) throw new Error(r.error.message);
  const official = officialMinneapolisRounds();
  for (const [name, votes] of official.byCandidate) expect(r.value.totals[name], name).toBe(votes[0]);
  expect(r.value.validBallots).toBe(official.active[0]);
  expect(r.value.winners).toEqual(['BETSY HODGES']);
  expect(r.value.steps.find((s) => s.code === 'elected')).toMatchObject({ option: 'BETSY HODGES', votes: 28_951 });
});

// Constructed: a surplus transfer checked by hand against the WIGM rule (the real ward, Kilmarnock
// South 2022, is in official_results.test.ts). Quota floor(13 / 3) + 1 = 5; A's surplus 3 of 8 moves at 3/8 = 0.375 per paper.
test('STV transfers a surplus at the WIGM transfer value, then excludes the lowest', () => {
  const ballots: CastBallot[] = [...Array<string[]>(6).fill(['A', 'B']), ...Array<string[]>(2).fill(['A', 'C']), ...Array<string[]>(3).fill(['C']), ['B'], ['B']];
  const r = tallyContest({ method: 'stv', seats: 2, options: ['A', 'B', 'C'] }, ballots);
  if (!r.ok) throw new Error(r.error.message);
  expect(r.value.quota).toBe(5);
  expect(r.value.rounds![1]!.tallies).toEqual({ A: 5, B: 4.25, C: 3.75 });
  expect(r.value.steps.find((s) => s.code === 'transfer')).toMatchObject({ from: ['A'], transferValue: 0.375 });
  expect(r.value.winners).toEqual(['A', 'B']);
});

// Source: Nohlen, Grotz & Hartmann (2001), Elections in Asia: A Data Handbook, vol. II, p. 420 (via
// https://en.wikipedia.org/wiki/1987_South_Korean_constitutional_referendum): electorate 25,619,648;
// yes 18,640,625; no 1,092,702; invalid 295,345. Constitution art. 130 ②: a majority of the electorate
// votes and a majority of those voting approve.
test('yes-no applies Korea\'s constitutional referendum rule to the 1987 result', () => {
  const totals = [
    { party: 'yes', votes: 18_640_625 },
    { party: 'no', votes: 1_092_702 },
  ];
  const r = tallyTotals({ method: 'yes-no', options: [], yesNo: KR_CONSTITUTIONAL_REFERENDUM, electorate: 25_619_648 }, totals, { invalid: 295_345, empty: 0 });
  expect(r.ok && r.value.passed).toBe(true);
  const step = r.ok ? r.value.steps.find((s) => s.code === 'yes-no') : undefined;
  expect(step).toMatchObject({ base: 20_028_672, quorumMet: true, majorityMet: true });
  expect(step && step.code === 'yes-no' && step.turnout).toBeCloseTo(0.7818, 4);
  // The same votes with a turnout under half the electorate fail the quorum.
  const low = tallyTotals({ method: 'yes-no', options: [], yesNo: KR_CONSTITUTIONAL_REFERENDUM, electorate: 45_000_000 }, totals, { invalid: 295_345, empty: 0 });
  expect(low.ok && low.value.passed).toBe(false);
});

// Rules on constructed ballots (overvotes, blanks, seeded ties). SNTV (Tokyo 2022) and approval
// (St. Louis 2021) are also checked against official totals in official_results.test.ts, and
// vote-for-N (Boston City Council at-large 2023) in official_results_more.test.ts.
test('plurality, vote-for-N, SNTV and approval: counts, overvotes, blanks and seeded ties', () => {
  const options = ['a', 'b', 'c', 'd'];
  const ballots: CastBallot[] = [['a'], ['a'], ['b'], ['b', 'c'], [], INVALID_BALLOT, ['c'], ['a', 'a']];
  const plurality = tallyContest({ method: 'plurality', options }, ballots);
  expect(plurality.ok && plurality.value).toMatchObject({ winners: ['a'], totals: { a: 3, b: 1, c: 1, d: 0 }, validBallots: 5, invalidBallots: 2, emptyBallots: 1 });
  const voteFor2 = tallyContest({ method: 'plurality', seats: 2, options }, ballots);
  expect(voteFor2.ok && voteFor2.value.totals).toEqual({ a: 3, b: 2, c: 2, d: 0 });
  expect(voteFor2.ok && voteFor2.value.steps.some((s) => s.code === 'tie')).toBe(true);
  const sntv = tallyContest({ method: 'sntv', seats: 2, options, seed: 7 }, ballots);
  const sntvAgain = tallyContest({ method: 'sntv', seats: 2, options, seed: 7 }, ballots);
  expect(sntv.ok && sntv.value.winners[0]).toBe('a');
  expect(sntv.ok && sntvAgain.ok && sntv.value.winners).toEqual(sntvAgain.ok ? sntvAgain.value.winners : []);
  const elder = tallyContest({ method: 'sntv', seats: 2, options, tiePriority: ['c'] }, ballots);
  expect(elder.ok && elder.value.winners).toEqual(['a', 'c']);
  const approval = tallyContest({ method: 'approval', seats: 1, options }, [['a', 'b', 'c'], ['b', 'c'], ['b']]);
  expect(approval.ok && approval.value.totals).toEqual({ a: 1, b: 3, c: 2, d: 0 });
  const unknown = tallyContest({ method: 'plurality', options }, [['z']]);
  expect(!unknown.ok && unknown.error.code).toBe('unknown_option');
  const badSeats = tallyContest({ method: 'sntv', seats: 9, options }, []);
  expect(!badSeats.ok && badSeats.error.message).toMatch(/only 4 candidates/u);
});
