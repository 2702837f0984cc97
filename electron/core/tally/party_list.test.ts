/**
 * Seat allocations checked seat by seat against published official results. Each test names its
 * source; the vote totals are in tests/fixtures/tally/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { allocateSeats, readPartyCsv, type PartyVotes, type TallySpec } from './index';

const FIXTURES = path.join(__dirname, '..', '..', '..', 'tests', 'fixtures', 'tally');

function parties(file: string): PartyVotes[] {
  const read = readPartyCsv(fs.readFileSync(path.join(FIXTURES, file), 'utf8'));
  if (!read.ok) throw new Error(read.message);
  return read.parties;
}

function seats(spec: Omit<TallySpec, 'options'>, file: string): Record<string, number> {
  const r = allocateSeats({ ...spec, options: [] }, parties(file));
  if (!r.ok) throw new Error(r.error.message);
  return Object.fromEntries(Object.entries(r.value.seatsByOption ?? {}).filter(([, n]) => n > 0));
}

// Source: New Zealand Electoral Commission, "2020 General Election and Referendums – Official Result"
// (https://electionresults.govt.nz/electionresults_2020/), party votes and electorate seats, as
// tabulated in https://en.wikipedia.org/wiki/2020_New_Zealand_general_election. Sainte-Laguë over
// the parties with ≥ 5 % of the party vote or an electorate seat (Electoral Act 1993 s 191).
test('Sainte-Laguë reproduces New Zealand 2020: 65 / 33 / 10 / 10 / 2 of 120', () => {
  expect(seats({ method: 'sainte-lague', seats: 120, thresholdPercent: 5, thresholdDistrictSeats: 1 }, 'nz_2020_party_votes.csv')).toEqual({
    Labour: 65,
    National: 33,
    Green: 10,
    ACT: 10,
    'Māori Party': 2,
  });
});

// Source: Valmyndigheten (Swedish Election Authority), "Val till riksdagen 2022 – slutligt
// valresultat" (https://resultat.val.se/val2022/slutligt/RD), national votes as tabulated in
// https://en.wikipedia.org/wiki/2022_Swedish_general_election. Sweden's 349 seats are proportional
// nationally by modified Sainte-Laguë with first divisor 1.2 (Vallagen 14 kap.), 4 % threshold.
test('modified Sainte-Laguë (first divisor 1.2) reproduces the Swedish Riksdag 2022', () => {
  expect(seats({ method: 'modified-sainte-lague', seats: 349, thresholdPercent: 4, firstDivisor: 1.2 }, 'se_2022_riksdag.csv')).toEqual({
    S: 107,
    SD: 73,
    M: 68,
    V: 24,
    C: 24,
    KD: 19,
    MP: 18,
    L: 16,
  });
});

// Source: 중앙선거관리위원회 (NEC), 제20대 국회의원선거 비례대표 개표결과 (info.nec.go.kr), votes as in
// https://ko.wikipedia.org/wiki/대한민국_제20대_국회의원_선거 (새누리당 7,960,272 … 정의당 1,719,891)
// and seats 17/13/13/4 as in https://namu.wiki/w/제20대_국회의원_선거/비례대표_국회의원 (47 PR seats,
// Hare–Niemeyer over parties with ≥ 3 %, art. 189 before its 2020 amendment).
test('Hare largest remainder reproduces Korea 2016 PR seats: 17 / 13 / 13 / 4', () => {
  expect(seats({ method: 'hare', seats: 47, thresholdPercent: 3 }, 'kr_2016_pr.csv')).toEqual({ 새누리당: 17, 더불어민주당: 13, 국민의당: 13, 정의당: 4 });
});

// Source: Statistical Office of the Slovak Republic, "Voľby do Národnej rady SR 2020" (volby.statistics.sk),
// votes as in https://en.wikipedia.org/wiki/2020_Slovak_parliamentary_election. Slovakia's quota is
// the valid votes of qualifying parties / (150 + 1), rounded (Act 180/2014 §66); for these votes it
// equals the Droop quota floor(V / 151) + 1 = 13,650, then largest remainders.
test('Droop largest remainder reproduces the Slovak National Council 2020: 53 / 38 / 17 / 17 / 13 / 12', () => {
  const r = allocateSeats({ method: 'droop', seats: 150, options: [] }, parties('sk_2020_national_council.csv'));
  expect(r.ok && r.value.steps.find((s) => s.code === 'quota')).toMatchObject({ quota: 13650 });
  expect(seats({ method: 'droop', seats: 150 }, 'sk_2020_national_council.csv')).toEqual({ OĽaNO: 53, 'SMER-SD': 38, 'SME RODINA': 17, ĽSNS: 17, SaS: 13, 'ZA ĽUDÍ': 12 });
});

// Source: NEC decision of 2020-04-16 on the 21st National Assembly PR seats (reported with the vote
// counts by Donga Ilbo, https://donga.com/news/amp/all/20200416/100685234/2, and the split 12+7 / 11+6
// / 3+2 / 2+1 / 2+1 by Newsis via fnnews.com 2020-04-16). Art. 189 with supplementary art. 4: 30
// linked seats, 17 parallel; 5 independents won districts, so the base is 300 − 5 = 295.
test('kr-mixed reproduces Korea 2020: linked 12/11/3/2/2 + parallel 7/6/2/1/1', () => {
  const r = allocateSeats(
    { method: 'kr-mixed', seats: 47, options: [], krMixed: { assemblySize: 300, linkRatio: 0.5, linkedCap: 30, independentSeats: 5 } },
    parties('kr_2020_pr.csv'),
  );
  if (!r.ok) throw new Error(r.error.message);
  const won = Object.fromEntries(Object.entries(r.value.seatsByOption ?? {}).filter(([, n]) => n > 0));
  expect(won).toEqual({ 미래한국당: 19, 더불어시민당: 17, 정의당: 5, 국민의당: 3, 열린민주당: 3 });
  const linked = r.value.steps.find((s) => s.code === 'linked-seats');
  expect(linked).toMatchObject({ base: 295, rounded: { 미래한국당: 56, 더불어시민당: 55, 정의당: 16, 국민의당: 11, 열린민주당: 9, 더불어민주당: 0, 미래통합당: 0 } });
  expect(r.value.steps.find((s) => s.code === 'scaled-seats')).toMatchObject({ target: 30, seats: { 미래한국당: 12, 더불어시민당: 11, 정의당: 3, 국민의당: 2, 열린민주당: 2 } });
  expect(r.value.steps.find((s) => s.code === 'parallel-seats')).toMatchObject({ seats: 17, allocation: { 미래한국당: 7, 더불어시민당: 6, 정의당: 2, 국민의당: 1, 열린민주당: 1 } });
});

// Korea 2024 (all 46 seats linked) is checked from the NEC's exact votes, step by step, in
// official_results_more.test.ts.

test('thresholds exclude parties, ties go to more votes then the recorded lot, and bad totals are refused', () => {
  const list = [
    { party: 'A', votes: 600 },
    { party: 'B', votes: 300 },
    { party: 'C', votes: 100 },
  ];
  const r = allocateSeats({ method: 'dhondt', seats: 5, options: [], thresholdPercent: 15 }, list);
  expect(r.ok && r.value.seatsByOption).toEqual({ A: 4, B: 1, C: 0 });
  // Seat 2: equal quotients A 600/2 = 300 and B 300/1 = 300; A has more votes.
  const tie = allocateSeats({ method: 'dhondt', seats: 2, options: [] }, list);
  expect(tie.ok && tie.value.steps.find((s) => s.code === 'tie')).toMatchObject({ chosen: 'A', rule: 'more-votes' });
  const lot = allocateSeats({ method: 'hare', seats: 1, options: [], seed: 42 }, [
    { party: 'X', votes: 50 },
    { party: 'Y', votes: 50 },
  ]);
  const again = allocateSeats({ method: 'hare', seats: 1, options: [], seed: 42 }, [
    { party: 'Y', votes: 50 },
    { party: 'X', votes: 50 },
  ]);
  expect(lot.ok && lot.value.seed).toBe(42);
  expect(lot.ok && lot.value.steps.find((s) => s.code === 'tie')).toMatchObject({ rule: 'lot' });
  expect(lot.ok && again.ok && lot.value.winners).toEqual(again.ok ? again.value.winners : []);
  const bad = allocateSeats({ method: 'dhondt', seats: 3, options: [] }, [{ party: 'A', votes: -1 }]);
  expect(!bad.ok && bad.error.code).toBe('bad_votes');
  const none = allocateSeats({ method: 'dhondt', seats: 3, options: [], thresholdPercent: 80 }, list.slice(1));
  expect(!none.ok && none.error.message).toMatch(/threshold/u);
});
