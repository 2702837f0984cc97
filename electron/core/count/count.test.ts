import { afterEach, expect, test } from 'vitest';
import type { Selections } from '../../contract';
import { createRoomFixture, type RoomFixture } from '../voting/voting_test_helpers';
import { buildCountReport, controlShow, countArchive, countView, judgePaper, loadBallots, listCounts, recount, signOff, startCount, announce } from '.';
import { definitionFrom, runRound } from './count_test_helpers';

let fx: RoomFixture | null = null;
afterEach(() => {
  fx?.ws.close();
  fx = null;
});

const value = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

/** The presidential ballot with invalid ballots demonstrated: 20 votes, 2 blanks, 1 overvote. */
function presidentialRound(): { roundId: number; ids: string[] } {
  fx = createRoomFixture({ extra: 30 });
  const def = definitionFrom('kr-presidential', (d) => {
    d.contests[0]!.demonstrateInvalid = true;
  });
  const ids = def.contests[0]!.options.map((o) => o.id);
  const pattern = [0, 1, 0, 2, 0, 1, 0, 1, 3, 0, 1, 0, 2, 0, 1, 0, 0, 1, 2, 0];
  const ballots: Selections[] = pattern.map((i) => ({ president: [ids[i]!] }));
  ballots.push({ president: [] }, {}, { president: [ids[0]!, ids[1]!] });
  return { roundId: runRound(fx, def, ballots, { outstanding: 2, cancelled: 1 }), ids };
}

test('the sorter puts each paper in its tray and unclear ones (blank, overvote) in the re-check tray; starting again changes nothing', () => {
  const { roundId, ids } = presidentialRound();
  const db = fx!.db;
  const view = value(startCount(db, roundId, '2026-12-02T06:01:00.000Z'));
  expect(view.papers).toHaveLength(23);
  const recheck = view.papers.filter((p) => p.tray === 'recheck');
  expect(recheck.map((p) => p.unclear).sort()).toEqual(['blank', 'blank', 'overvote']);
  for (const p of view.papers.filter((x) => x.tray !== 'recheck')) expect(p.marks).toEqual([p.tray]);
  expect(view.papers.filter((p) => p.tray === ids[0]).length).toBe(10);
  expect(view.show).toMatchObject({ phase: 'sorting', playing: false, cursor: 0 });
  // A second start answers the same trays, judgments kept.
  value(judgePaper(db, roundId, recheck[0]!.id, 'invalid'));
  const again = value(startCount(db, roundId, '2026-12-02T06:02:00.000Z'));
  expect(again.papers.map((p) => p.id)).toEqual(view.papers.map((p) => p.id));
  expect(again.papers.find((p) => p.id === recheck[0]!.id)?.judged).toBe('invalid');
  expect(db.prepare('SELECT COUNT(*) AS n FROM count_paper').get()).toEqual({ n: 23 });
});

test('the box is not opened before the polls close', () => {
  fx = createRoomFixture();
  const roundId = fx.openNewRound();
  const r = startCount(fx.db, roundId, '2026-12-02T06:01:00.000Z');
  expect(r.ok ? null : r.error.code).toBe('wrong_state');
  expect(fx.db.prepare('SELECT COUNT(*) AS n FROM count_session').get()).toEqual({ n: 0 });
});

test('re-check judgments: valid only for a marked option; the sheet reconciles issued = valid + invalid + outstanding + cancelled; sign, announce, archive, CSV', async () => {
  const { roundId, ids } = presidentialRound();
  const db = fx!.db;
  const view = value(startCount(db, roundId, '2026-12-02T06:01:00.000Z'));
  const recheck = view.papers.filter((p) => p.tray === 'recheck');
  const blank = recheck.find((p) => p.unclear === 'blank')!;
  const over = recheck.find((p) => p.unclear === 'overvote')!;
  const bad = (verdict: string, paperId = blank.id) => {
    const r = judgePaper(db, roundId, paperId, verdict);
    return r.ok ? null : r.error.code;
  };
  expect(bad(ids[0]!)).toBe('bad_verdict'); // a blank never becomes a vote
  expect(bad(ids[3]!, over.id)).toBe('bad_verdict'); // not marked on it
  expect(bad('nobody', over.id)).toBe('bad_verdict');
  expect(bad('invalid', view.papers.find((p) => p.tray !== 'recheck')!.id)).toBe('bad_verdict');
  // Not yet judged: the sheet is not final and cannot be signed.
  expect(value(countView(db, roundId))!.sheets[0]).toMatchObject({ pending: 3, reconciled: false, alarm: null });
  const early = signOff(db, roundId, 'Presenter Kim', '2026-12-02T06:05:00.000Z');
  expect(early.ok ? null : early.error.code).toBe('not_reconciled');
  for (const p of recheck.filter((x) => x.unclear === 'blank')) value(judgePaper(db, roundId, p.id, 'invalid'));
  value(judgePaper(db, roundId, over.id, ids[1]!));
  const sheet = value(countView(db, roundId))!.sheets[0]!;
  expect(sheet).toMatchObject({ issued: 26, cast: 23, counted: 23, valid: 21, invalid: 2, outstanding: 2, cancelled: 1, pending: 0, reconciled: true, alarm: null });
  expect(sheet.issued).toBe(sheet.valid + sheet.invalid + sheet.outstanding + sheet.cancelled);
  expect(sheet.votes.find((v) => v.optionId === ids[0])?.votes).toBe(10);
  expect(sheet.votes.find((v) => v.optionId === ids[1])?.votes).toBe(7); // 6 sorted + 1 judged
  expect(sheet.votes.map((v) => v.votes).reduce((a, b) => a + b)).toBe(21);
  expect(sheet.votes).toHaveLength(ids.length); // every candidate listed, even at 0
  // Before the sign-off nothing is announced.
  const notYet = announce(db, roundId, '2026-12-02T06:06:00.000Z');
  expect(notYet.ok ? null : notYet.error.code).toBe('wrong_state');
  value(signOff(db, roundId, 'Presenter Kim', '2026-12-02T06:07:00.000Z'));
  expect(bad('invalid', over.id)).toBe('wrong_state'); // signed: judgments are final
  const announced = value(announce(db, roundId, '2026-12-02T06:08:00.000Z'));
  expect(announced.results![0]).toMatchObject({ method: 'plurality', winners: [ids[0]], validBallots: 21, invalidBallots: 2 });
  expect(announced.show.phase).toBe('results');
  const archive = value(countArchive(db, roundId));
  expect(archive.fingerprint).toMatch(/^[0-9a-f]{64}$/u);
  expect(archive).toMatchObject({ signedBy: 'Presenter Kim', sheets: [expect.objectContaining({ reconciled: true })] });
  expect(listCounts(db)).toEqual([expect.objectContaining({ roundId, reconciled: true })]);
  const report = value(await buildCountReport(db, { roundId, format: 'csv' }, { name: 'Forum', timezone: 'Asia/Seoul' }, new Date()));
  expect(report.mimeType).toBe('text/csv;charset=utf-8');
  const csv = report.bytes.toString('utf8');
  expect(csv).toContain(archive.fingerprint);
  expect(csv).toContain('Ballots issued,,26');
  expect(csv).toMatch(/Elected,1\. Han Do-yoon,1/u);
});

test('the count sheet raises an alarm when a paper goes missing from the trays, and cannot be signed', () => {
  const { roundId } = presidentialRound();
  const db = fx!.db;
  const view = value(startCount(db, roundId, '2026-12-02T06:01:00.000Z'));
  for (const p of view.papers.filter((x) => x.tray === 'recheck')) value(judgePaper(db, roundId, p.id, 'invalid'));
  db.prepare('DELETE FROM count_paper WHERE id = ?').run(view.papers.find((p) => p.tray !== 'recheck')!.id);
  const sheet = value(countView(db, roundId))!.sheets[0]!;
  expect(sheet.reconciled).toBe(false);
  expect(sheet.alarm).toMatch(/ballots issued \(26\) ≠ valid \(19\) \+ invalid \(3\) \+ outstanding \(2\) \+ cancelled \(1\) = 25; 22 papers were counted but 23 ballots were cast/u);
  const r = signOff(db, roundId, 'Presenter Kim', '2026-12-02T06:07:00.000Z');
  expect(r.ok ? null : r.error.message).toMatch(/does not add up/u);
});

test('the show: Next finishes the sorting, waits for the re-check tray, asks for the signature, then announces', () => {
  const { roundId } = presidentialRound();
  const db = fx!.db;
  const view = value(startCount(db, roundId, '2026-12-02T06:01:00.000Z'));
  const t0 = Date.parse('2026-12-02T06:10:00.000Z');
  const at = (s: number) => new Date(t0 + s * 1000);
  expect(value(controlShow(db, roundId, { action: 'speed', speed: 2 }, at(0))).speed).toBe(2);
  value(controlShow(db, roundId, { action: 'play' }, at(0)));
  // 4 ballots a second at speed 2: 2.5 s later, 10 are through; pause keeps whole ballots.
  expect(value(controlShow(db, roundId, { action: 'pause' }, at(2.5)))).toMatchObject({ playing: false, cursor: 10 });
  expect(value(controlShow(db, roundId, { action: 'step' }, at(3))).cursor).toBe(11);
  expect(value(controlShow(db, roundId, { action: 'next' }, at(4)))).toMatchObject({ phase: 'sorting', cursor: 23 });
  expect(value(controlShow(db, roundId, { action: 'next' }, at(5))).phase).toBe('recheck');
  const refused = controlShow(db, roundId, { action: 'next' }, at(6));
  expect(refused.ok ? null : refused.error.message).toMatch(/3 paper\(s\) in the re-check tray/u);
  for (const p of view.papers.filter((x) => x.tray === 'recheck')) value(judgePaper(db, roundId, p.id, 'invalid'));
  expect(value(controlShow(db, roundId, { action: 'next' }, at(7))).phase).toBe('bundling');
  expect(value(controlShow(db, roundId, { action: 'next' }, at(8))).phase).toBe('sheet');
  expect(value(controlShow(db, roundId, { action: 'back' }, at(8.5))).phase).toBe('bundling');
  value(controlShow(db, roundId, { action: 'next' }, at(8.6)));
  expect(value(controlShow(db, roundId, { action: 'next' }, at(9))).phase).toBe('signoff');
  const unsigned = controlShow(db, roundId, { action: 'next' }, at(10));
  expect(unsigned.ok ? null : unsigned.error.code).toBe('wrong_state');
  value(signOff(db, roundId, 'Presenter Kim', '2026-12-02T06:11:00.000Z'));
  expect(value(controlShow(db, roundId, { action: 'language', language: 'ko' }, at(11))).language).toBe('ko');
  expect(value(controlShow(db, roundId, { action: 'next' }, at(12))).phase).toBe('results');
  expect(value(countView(db, roundId))!.results).toHaveLength(1);
});

test('a ranked round: papers sorted by first preference, IRV rounds in the result, and a plurality "what if" on the same ballots', () => {
  fx = createRoomFixture({ extra: 20 });
  const def = definitionFrom('ranked-mayor');
  const [a, b, c] = def.contests[0]!.options.map((o) => o.id);
  const ranked = (...r: string[]): Selections => ({ mayor: r });
  // a leads the first count (6 of 15) but b wins (9) once c is eliminated and c's papers move to b.
  const ballots = [...Array(6).fill(ranked(a!)), ...Array(5).fill(ranked(b!, a!)), ...Array(4).fill(ranked(c!, b!))] as Selections[];
  const roundId = runRound(fx, def, ballots);
  const db = fx.db;
  const view = value(startCount(db, roundId, '2026-12-02T06:01:00.000Z'));
  expect(view.papers.filter((p) => p.tray === a).length).toBe(6);
  value(signOff(db, roundId, 'P', '2026-12-02T06:02:00.000Z'));
  const result = value(announce(db, roundId, '2026-12-02T06:03:00.000Z')).results![0]!;
  expect(result.method).toBe('irv');
  expect(result.winners).toEqual([b]);
  // Candidates with no votes go first; then c, whose 4 papers move to b.
  expect(result.rounds![0]!.tallies).toMatchObject({ [a!]: 6, [b!]: 5, [c!]: 4 });
  expect(result.rounds!.at(-2)!.eliminated).toEqual([c]);
  expect(result.rounds!.at(-1)!.tallies).toMatchObject({ [a!]: 6, [b!]: 9 });
  const whatIf = value(recount(db, roundId, 'mayor', { method: 'plurality' }))!;
  expect(whatIf.result.winners).toEqual([a]);
  expect(value(countView(db, roundId))!.alternative?.result.method).toBe('plurality');
  expect(value(recount(db, roundId, 'mayor', null))).toBeNull();
  // Loaded records with two IRV rounds go on show from their first round; Next steps through them.
  const loaded = value(loadBallots(db, roundId, { title: 'Real', csv: 'A,B\nA,B\nA,C\nA\nB,C\nB,C\nC,B\nC,B\nC,A\n', method: 'irv' }));
  expect(loaded.result.winners).toEqual(['C']);
  expect(loaded.result.rounds).toHaveLength(2);
  expect(value(countView(db, roundId))!.show).toMatchObject({ phase: 'results', resultStep: 0 });
  expect(value(controlShow(db, roundId, { action: 'next' }, new Date())).resultStep).toBe(1);
});

test("a real election's ballot records load into the room and count under another method", () => {
  const { roundId } = presidentialRound();
  const db = fx!.db;
  value(startCount(db, roundId, '2026-12-02T06:01:00.000Z'));
  const csv = 'choice1,choice2\nAlice,Bob\nAlice,Bob\nBob,Carol\nCarol,Bob\nCarol,Bob\n';
  const irv = value(loadBallots(db, roundId, { title: 'Sample', csv, method: 'irv' }));
  expect(irv.result.winners).toEqual(['Carol']);
  const plurality = value(loadBallots(db, roundId, { title: 'Sample', csv, method: 'plurality' }));
  expect(plurality.result.totals).toEqual({ Alice: 2, Bob: 1, Carol: 2 });
  const pdf = loadBallots(db, roundId, { title: 'Renamed PDF', csv: '%PDF-1.7\n1 0 obj', method: 'irv' });
  expect(pdf.ok ? null : pdf.error.message).toMatch(/not a CSV text file/u);
  expect(value(countView(db, roundId))!.alternative?.result.method).toBe('plurality'); // unchanged by the refusal
  const empty = loadBallots(db, roundId, { title: 'Empty', csv: '', method: 'irv' });
  expect(empty.ok ? null : empty.error.code).toBe('count_failed');
});
