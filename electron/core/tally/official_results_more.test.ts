/**
 * Vote-for-N, STV stage by stage and Korea's 2024 semi-linked PR seats, each against a published
 * official result (source in the comment above every test; figures in tests/fixtures/tally/).
 */
import { expect, test } from 'vitest';
import { readBlt, readTotals } from './tally_fixtures_test_helpers';
import { allocateSeats, tallyContest, tallyTotals, type TallyStep } from './index';

/** Two-decimal percentage as the sources print it: rounded (Boston) or truncated (Korea's NEC). */
const pct = (part: number, whole: number, mode: 'round' | 'trunc') => (mode === 'round' ? Math.round : Math.floor)((part / whole) * 10_000) / 100;

// Source: City of Boston Election Department, official results of the municipal election of
// 7 November 2023, City Councillor at-large (4 seats, each voter marks up to 4: vote-for-N), as
// tabulated in https://en.wikipedia.org/wiki/2023_Boston_City_Council_election (snapshot of
// January 2024, table "2023 Boston City Council at-large election", citing the city's results):
// Louijeune 44,479 · Murphy 43,383 · Mejia 39,656 · Santana 34,014 · Nee-Walsh 26,674 · Nelson
// 10,448 · Braithwaite 10,236 · Vitale 8,503 · write-ins 1,657 · total 219,050. (Its write-in
// share "3.88" is a typo in that table: 1,657 / 219,050 is 0.76 %; the other shares are checked below.)
test('vote-for-4 reproduces the Boston City Council at-large election of 2023, seat by seat', () => {
  const totals = readTotals('us_2023_boston_city_council_at_large.csv');
  const r = tallyTotals({ method: 'plurality', seats: 4, options: [] }, totals);
  if (!r.ok) throw new Error(r.error.message);
  expect(r.value.winners).toEqual(['Ruthzee Louijeune', 'Erin Murphy', 'Julia Mejia', 'Henry Santana']);
  const elected = r.value.steps.flatMap((s) => (s.code === 'elected' ? [s.votes] : []));
  expect(elected).toEqual([44_479, 43_383, 39_656, 34_014]);
  expect(r.value.validBallots).toBe(219_050); // votes, not voters: each ballot carries up to 4 marks
  // The first runner-up: a fifth seat would have gone to Nee-Walsh, 7,340 behind Santana.
  expect(r.value.totals['Bridget Nee-Walsh']).toBe(26_674);
  const five = tallyTotals({ method: 'plurality', seats: 5, options: [] }, totals);
  expect(five.ok && five.value.winners[4]).toBe('Bridget Nee-Walsh');
  const shares = totals.slice(0, 8).map((t) => pct(t.votes, 219_050, 'round'));
  expect(shares).toEqual([20.31, 19.81, 18.1, 15.53, 12.18, 4.77, 4.67, 3.88]);
});

// Ballots: Glasgow City Council, local government election of 5 May 2022, Ward 22 Dennistoun
// (3 seats), the council's published preference data as collected in github.com/mggg/scot-elex
// (blt_files/7_cands/glasgow_2022_ward22.blt, copied unchanged). Official count: Glasgow City
// Council's declared stage-by-stage result as reproduced in https://en.wikipedia.org/wiki/Dennistoun_(ward)
// (mirror read: https://www.hubbry.com/Dennistoun_(ward)), in whole votes: electorate 15,386, valid
// 5,464, spoilt 154, quota 1,367; McDougall 1,595 and Carroll 1,431 elected at stage 1; stages 2 and 3
// transfer their surpluses; Casey elected at stage 3 with 1,388. That table prints whole votes and no
// non-transferable row, so the stages are compared to the vote (every candidate, every stage) and the
// non-transferable papers are checked by conservation against the official valid total.
// The council's own five-decimal sheet could not be retrieved through the search tool.
test('STV (Scottish WIGM) reproduces the official Dennistoun 2022 count, every candidate at every stage', () => {
  const blt = readBlt('glasgow_2022_ward22_dennistoun.blt');
  expect(blt.seats).toBe(3);
  const r = tallyContest({ method: 'stv', seats: blt.seats, options: blt.options }, blt.ballots);
  if (!r.ok) throw new Error(r.error.message);
  expect(r.value.validBallots).toBe(5_464);
  expect(r.value.quota).toBe(1_367);
  expect(r.value.winners).toEqual(['Elaine MCDOUGALL', 'Anthony CARROLL', 'Allan CASEY']);
  // The official table, stage by stage; null where it leaves the cell empty (already elected).
  const official: Record<string, readonly (number | null)[]> = {
    'Elaine MCDOUGALL': [1_595, null, null],
    'Anthony CARROLL': [1_431, null, null],
    'Allan CASEY': [1_337, 1_362, 1_388],
    'Lorna FINN': [582, 609, 626],
    'Fiona McNider CONNELLY': [339, 370, 370],
    'Fergus MCCANN': [96, 143, 148],
    'Oisín DUNCAN': [84, 109, 117],
  };
  const rounds = r.value.rounds!;
  expect(rounds).toHaveLength(3);
  rounds.forEach((round, i) => {
    for (const [name, stages] of Object.entries(official)) {
      const printed = stages[i];
      if (printed !== null && printed !== undefined) expect(Math.round(round.tallies[name]!), `${name}, stage ${i + 1}`).toBe(printed);
    }
    // Conservation against the official valid total: what is neither with a candidate nor
    // non-transferable is only the remainder the truncated transfer values ignore, under
    // 0.00001 of a vote per paper moved so far (1,595 of McDougall's, then 1,431 of Carroll's).
    const held = Object.values(round.tallies).reduce((s, v) => s + v, 0);
    const ignored = 5_464 - held - round.exhausted;
    expect(ignored, `stage ${i + 1}`).toBeGreaterThanOrEqual(-1e-9);
    expect(ignored, `stage ${i + 1}`).toBeLessThan([0, 1_595, 1_595 + 1_431][i]! * 1e-5 + 1e-9);
  });
  expect(rounds.map((x) => x.elected)).toEqual([['Elaine MCDOUGALL', 'Anthony CARROLL'], [], ['Allan CASEY']]);
  // Transfer values from the official figures: surplus / total, truncated to five decimals.
  const transfers = r.value.steps.filter((s): s is Extract<TallyStep, { code: 'transfer' }> => s.code === 'transfer');
  expect(transfers.map((t) => [t.from[0], t.transferValue])).toEqual([
    ['Elaine MCDOUGALL', Math.floor(((1_595 - 1_367) / 1_595) * 1e5) / 1e5],
    ['Anthony CARROLL', Math.floor(((1_431 - 1_367) / 1_431) * 1e5) / 1e5],
  ]);
  // The elected keep exactly the quota once their surplus has gone.
  expect(rounds[2]!.tallies).toMatchObject({ 'Elaine MCDOUGALL': 1_367, 'Anthony CARROLL': 1_367 });
});

// Source: 중앙선거관리위원회 (NEC), 제22대 국회의원선거 (10 April 2024) 비례대표 개표결과, as reported
// with the exact votes by 뉴스토마토 (https://www.newstomato.com/ReadNews.aspx?no=1226656, 2024-04-11):
// 국민의미래 10,395,264 · 더불어민주연합 7,567,459 · 조국혁신당 6,874,278 · 개혁신당 1,025,775 ·
// 자유통일당 642,433 · 녹색정의당 609,313 · 새로운미래 483,827; valid PR votes 28,344,519 (votes cast
// 29,654,450 less 1,309,931 invalid, NEC via 이데일리 2024-04-15 and SBS via onca888.com). The row
// "그 밖의 31개 정당 합계" is that valid total less the seven parties above (746,170), so that the
// 3 % threshold is taken over all valid votes as art. 189 ① says. District seats (NEC, via 한국경제TV
// https://wowtv.co.kr/NewsCenter/News/Read?articleId=202404113843i and 뉴시스 via v.daum.net):
// 더불어민주당 161, 국민의힘 90, 개혁신당 1, 새로운미래 1, 진보당 1; no independent won. Seats: NEC
// decision of 2024-04-11, 18 / 14 / 12 / 2 (e.g. https://etoday.co.kr/news/view/2349804). The
// intermediate figures (base 298, linked 59.89 / 43.60 / 39.60 / 5.41 → 60 / 44 / 40 / 5, sum 149,
// scaled 18.52 / 13.58 / 12.34 / 1.54, the 2 remainder seats to 더불어민주연합 and 개혁신당) are as
// worked through from the same votes in https://arca.live/b/society/103484484 (two decimals).
test('kr-mixed reproduces Korea 2024 from exact votes: linked 60/44/40/5 scaled to 18/14/12/2', () => {
  const parties = readTotals('kr_2024_pr.csv');
  const r = allocateSeats({ method: 'kr-mixed', seats: 46, options: [], krMixed: { assemblySize: 300, linkRatio: 0.5, independentSeats: 0 } }, parties);
  if (!r.ok) throw new Error(r.error.message);
  expect(r.value.validBallots).toBe(28_344_519);
  // NEC's printed shares of the valid vote (truncated to two decimals).
  const nec = parties.slice(0, 7).map((p) => pct(p.votes, 28_344_519, 'trunc'));
  expect(nec).toEqual([36.67, 26.69, 24.25, 3.61, 2.26, 2.14, 1.7]);
  const step = <C extends TallyStep['code']>(code: C) => r.value.steps.find((s): s is Extract<TallyStep, { code: C }> => s.code === code)!;
  expect(step('threshold')).toMatchObject({ percent: 3, eligible: ['국민의미래', '더불어민주연합', '조국혁신당', '개혁신당', '더불어민주당', '국민의힘'] });
  expect(step('threshold').minVotes).toBeCloseTo(850_335.57, 2);
  const linked = step('linked-seats');
  expect(linked.base).toBe(298); // 300 less 새로운미래's and 진보당's district seats
  const printedRaw = { 국민의미래: 59.89, 더불어민주연합: 43.6, 조국혁신당: 39.6, 개혁신당: 5.41 };
  for (const [party, value] of Object.entries(printedRaw)) expect(Math.abs(linked.raw[party]! - value), party).toBeLessThan(0.01);
  expect(linked.rounded).toEqual({ 국민의미래: 60, 더불어민주연합: 44, 조국혁신당: 40, 개혁신당: 5, 더불어민주당: 0, 국민의힘: 0 });
  // 149 linked seats for 46: each party gets 46 × linked / 149 (조정의석), integers then remainders.
  const scaled = step('quota-seats');
  expect(scaled.quota).toBeCloseTo(149 / 46, 12);
  const printedScaled = { 국민의미래: 18.52, 더불어민주연합: 13.58, 조국혁신당: 12.34, 개혁신당: 1.54 };
  for (const [party, value] of Object.entries(printedScaled)) {
    expect(Math.abs(scaled.seats[party]! + scaled.remainders[party]! - value), party).toBeLessThan(0.01);
  }
  const remainderSeats = r.value.steps.flatMap((s) => (s.code === 'remainder-seat' ? [s.option] : []));
  expect(remainderSeats).toEqual(['더불어민주연합', '개혁신당']);
  expect(step('scaled-seats')).toMatchObject({ target: 46, seats: { 국민의미래: 18, 더불어민주연합: 14, 조국혁신당: 12, 개혁신당: 2 } });
  const won = Object.fromEntries(Object.entries(r.value.seatsByOption ?? {}).filter(([, n]) => n > 0));
  expect(won).toEqual({ 국민의미래: 18, 더불어민주연합: 14, 조국혁신당: 12, 개혁신당: 2 });
  expect(r.value.steps.some((s) => s.code === 'parallel-seats')).toBe(false); // 2024: all 46 linked
});
