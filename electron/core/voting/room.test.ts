import fs from 'node:fs';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { connect } from '../db/connection';
import { insertElection } from '../elections/election_store';
import { templateDefinition } from '../elections/election_templates';
import {
  archiveRound,
  assignBooth,
  boothBallot,
  cancelIssuance,
  castBallot,
  claimAtBooth,
  closeRound,
  createRound,
  getRoundRow,
  issueBallot,
  listIssuances,
  openRound,
  readCastBallots,
  releaseBooth,
  roundDetail,
  voterCardById,
} from '.';
import { createRoomFixture, expectBalanced, testClock, type RoomFixture } from './voting_test_helpers';

let fx: RoomFixture;
let now: () => string;
beforeEach(() => {
  fx = createRoomFixture();
  now = testClock();
});
afterEach(() => {
  expectBalanced(fx.db);
  fx.ws.close();
});

const issue = (roundId: number, participantId: number, station = 'Station 1') => issueBallot(fx.db, { roundId, participantId, station }, now(), fx.tz);
function tokenAt(booth: string): string {
  const b = boothBallot(fx.db, booth);
  if (b.state !== 'ballot') throw new Error('booth has no ballot');
  return b.token;
}
/** Issues, sends to a booth, and returns the booth's token. */
function ready(roundId: number, participantId: number, booth = fx.booths[0] as string): string {
  const i = issue(roundId, participantId);
  if (!i.ok) throw new Error(i.error.message);
  const a = assignBooth(fx.db, i.value.id, booth, now(), fx.tz);
  if (!a.ok) throw new Error(a.error.message);
  return tokenAt(booth);
}

test('a round opens with a zero report, shows live turnout, closes with a closing report and archives', () => {
  const created = createRound(fx.db, { electionId: fx.electionId, label: 'Jamaica delegation, 14:00', eligibility: 'registered', delegationIds: [] }, now());
  expect(created.ok && created.value.round.status).toBe('draft');
  const id = created.ok ? created.value.round.id : 0;
  expect(issue(id, 1)).toMatchObject({ ok: false, error: { code: 'wrong_state' } });
  const opened = openRound(fx.db, id, now());
  if (!opened.ok) throw new Error(opened.error.message);
  const zero = opened.value.round.zeroReport;
  expect(zero?.kind).toBe('opening');
  expect(zero?.figures).toMatchObject({ issued: 0, cast: 0, outstanding: 0, cancelled: 0, balanced: true, box: [{ contestId: 'president', papers: 0 }] });
  expect(zero?.fingerprint).toMatch(/^[0-9a-f]{64}$/u);
  expect(opened.value.round.fingerprint).toBe(zero?.fingerprint);
  expect(opened.value.turnout).toEqual({ eligible: 9, issued: 0, cast: 0 });
  expect(openRound(fx.db, id, now())).toMatchObject({ ok: false, error: { code: 'wrong_state' } });

  const token = ready(id, 1);
  expect(castBallot(fx.db, fx.booths[0] as string, token, { president: ['oh-serin'] })).toEqual({ ok: true, value: { cast: true } });
  ready(id, 2, fx.booths[1]);
  const mid = roundDetail(fx.db, getRoundRow(fx.db, id)!);
  expect(mid.turnout).toEqual({ eligible: 9, issued: 2, cast: 1 });
  expect(mid.integrity).toMatchObject({ issued: 2, cast: 1, outstanding: 1, cancelled: 0, balanced: true });
  expect(readCastBallots(fx.db, id)).toMatchObject({ ok: false, error: { code: 'wrong_state' } });

  const closed = closeRound(fx.db, id, now());
  if (!closed.ok) throw new Error(closed.error.message);
  expect(closed.value.round.closingReport?.figures).toMatchObject({ issued: 2, cast: 1, outstanding: 1 });
  expect(closed.value.round.closingReport?.fingerprint).toBe(zero?.fingerprint);
  // The second booth's ballot went back: nothing can be cast after the close.
  expect(boothBallot(fx.db, fx.booths[1] as string)).toEqual({ state: 'idle', roundOpen: false });
  expect(readCastBallots(fx.db, id)).toEqual({ ok: true, value: [{ contestId: 'president', ballots: [['oh-serin']] }] });
  expect(archiveRound(fx.db, id, now()).ok).toBe(true);
  expect(getRoundRow(fx.db, id)?.status).toBe('archived');

  // The next group starts clean.
  const next = fx.openNewRound('Kenya delegation, 15:00');
  expect(roundDetail(fx.db, getRoundRow(fx.db, next)!).integrity).toMatchObject({ issued: 0, cast: 0, box: [{ papers: 0 }] });
  expect(issue(next, 1).ok).toBe(true);
});

test('only one round is open at a time, and the definition is frozen when polls open', () => {
  const first = fx.openNewRound('A');
  const second = createRound(fx.db, { electionId: fx.electionId, label: 'B', eligibility: 'registered', delegationIds: [] }, now());
  const opened = openRound(fx.db, second.ok ? second.value.round.id : 0, now());
  expect(opened).toMatchObject({ ok: false, error: { code: 'busy' } });
  expect(!opened.ok && opened.error.message).toContain('"A"');
  fx.db.prepare('UPDATE election SET definition_json = ? WHERE id = ?').run(JSON.stringify(templateDefinition('referendum')), fx.electionId);
  const token = ready(first, 1);
  // The booth still shows, and the cast is checked against, the definition the polls opened with.
  expect(castBallot(fx.db, fx.booths[0] as string, token, { president: ['han-doyoon'] }).ok).toBe(true);
});

test('a ballot is issued once per voter per round; the second attempt says when and where', () => {
  const id = fx.openNewRound();
  const first = issue(id, 3, 'Station 1');
  expect(first.ok && first.value).toMatchObject({ status: 'issued', station: 'Station 1', issuedAtLocal: '14:00' });
  const second = issue(id, 3, 'Station 2');
  expect(second.ok).toBe(false);
  expect(!second.ok && second.error).toEqual({ code: 'already_issued', message: 'Kim Min-jun already received a ballot: issued at 14:00 at Station 1.' });
  expect(voterCardById(fx.db, roundDetail(fx.db, getRoundRow(fx.db, id)!).round, 3, fx.tz)?.notice).toBe('Kim Min-jun already received a ballot: issued at 14:00 at Station 1.');
  // Even a direct insert around the code is refused by the database.
  expect(() => fx.db.prepare(`INSERT INTO ballot_issue (round_id, participant_id, station, issued_at) VALUES (?, 3, 'x', 'y')`).run(id)).toThrow(/UNIQUE/u);
});

test('a spoiled ballot is cancelled with its reason and the voter gets another; a cast ballot cannot be cancelled', () => {
  const id = fx.openNewRound();
  const token = ready(id, 4);
  const issued = listIssuances(fx.db, id, fx.tz)[0]!;
  expect(issued.boothName).toBe('Booth A');
  const cancelled = cancelIssuance(fx.db, { issuanceId: issued.id, reason: 'spoiled', note: 'torn while folding' }, now(), fx.tz);
  expect(cancelled.ok && cancelled.value).toMatchObject({ status: 'cancelled', cancelReason: 'spoiled', cancelNote: 'torn while folding', boothName: null });
  expect(boothBallot(fx.db, fx.booths[0] as string).state).toBe('idle');
  expect(castBallot(fx.db, fx.booths[0] as string, token, {})).toMatchObject({ ok: false, error: { code: 'no_ballot' } });
  const again = ready(id, 4);
  expect(castBallot(fx.db, fx.booths[0] as string, again, { president: ['bae-taeho'] }).ok).toBe(true);
  const cast = listIssuances(fx.db, id, fx.tz).find((i) => i.status === 'cast')!;
  expect(cancelIssuance(fx.db, { issuanceId: cast.id, reason: 'unused', note: '' }, now(), fx.tz)).toMatchObject({ ok: false, error: { code: 'wrong_state' } });
  expect(roundDetail(fx.db, getRoundRow(fx.db, id)!).integrity).toMatchObject({ issued: 2, cast: 1, outstanding: 0, cancelled: 1 });
});

test('the core refuses casts that break the rules, whatever the client sends', () => {
  const id = fx.openNewRound();
  const booth = fx.booths[0] as string;
  expect(castBallot(fx.db, booth, 'A'.repeat(43), { president: ['han-doyoon'] })).toMatchObject({ ok: false, error: { code: 'no_ballot' } });
  const token = ready(id, 5);
  const bads: Array<Record<string, string[]>> = [{ president: ['han-doyoon', 'oh-serin'] }, { president: ['nobody'] }, { president: ['oh-serin', 'oh-serin'] }, { governor: ['x'] }];
  for (const bad of bads) {
    expect(castBallot(fx.db, booth, token, bad)).toMatchObject({ ok: false, error: { code: 'invalid_selection' } });
  }
  // Another booth cannot cast this booth's ballot, even with its token.
  expect(castBallot(fx.db, fx.booths[1] as string, token, { president: ['oh-serin'] })).toMatchObject({ ok: false, error: { code: 'no_ballot' } });
  expect(roundDetail(fx.db, getRoundRow(fx.db, id)!).integrity.cast).toBe(0);
  expect(castBallot(fx.db, booth, token, { president: [] }).ok).toBe(true); // a blank paper is the voter's right
  // A retry after a lost answer counts nothing twice.
  expect(castBallot(fx.db, booth, token, { president: ['oh-serin'] })).toMatchObject({ ok: false, error: { code: 'already_cast' } });
  expect(roundDetail(fx.db, getRoundRow(fx.db, id)!).integrity).toMatchObject({ cast: 1, box: [{ papers: 1 }] });
  const late = ready(id, 6);
  closeRound(fx.db, id, now());
  // Closing took the ballot back from the booth; the delegate hears that polls closed.
  expect(castBallot(fx.db, booth, late, { president: ['oh-serin'] })).toMatchObject({ ok: false, error: { code: 'wrong_state', message: expect.stringContaining('Polls have closed') } });
});

test('a cast after polls close is refused even if the booth still holds its ballot', () => {
  const id = fx.openNewRound();
  const token = ready(id, 5);
  fx.db.prepare(`UPDATE voting_round SET status = 'closed', closed_at = ? WHERE id = ?`).run(now(), id); // booth row kept on purpose
  expect(castBallot(fx.db, fx.booths[0] as string, token, { president: ['oh-serin'] })).toMatchObject({ ok: false, error: { code: 'wrong_state' } });
});

test('contests that demonstrate invalid ballots accept overvotes; others refuse them; ranked ballots keep their order', () => {
  const local = insertElection(fx.db, templateDefinition('kr-local')!, now());
  const ranked = insertElection(fx.db, templateDefinition('ranked-mayor')!, now());
  const run = (electionId: number, selections: Record<string, string[]>) => {
    const r = createRound(fx.db, { electionId, label: 'x', eligibility: 'registered', delegationIds: [] }, now());
    const id = r.ok ? r.value.round.id : 0;
    openRound(fx.db, id, now());
    const result = castBallot(fx.db, fx.booths[0] as string, ready(id, 1), selections);
    if (!result.ok) releaseBooth(fx.db, fx.booths[0] as string);
    closeRound(fx.db, id, now());
    return { result, box: readCastBallots(fx.db, id) };
  };
  expect(run(local, { 'district-council': ['kim-hana', 'seo-yejin'] }).result.ok).toBe(true); // SNTV ward demonstrates invalid ballots
  expect(run(local, { mayor: ['park-jiwon', 'choi-sungmin'] }).result).toMatchObject({ ok: false, error: { code: 'invalid_selection' } });
  const rankedRun = run(ranked, { mayor: ['kenji-mori', 'ana-ribeiro', 'amina-diallo'] });
  expect(rankedRun.box).toEqual({ ok: true, value: [{ contestId: 'mayor', ballots: [['kenji-mori', 'ana-ribeiro', 'amina-diallo']] }] });
});

test('the booth: a badge scan brings the issued ballot; no voter name reaches it; busy booths are refused', () => {
  const id = fx.openNewRound();
  const [a, b] = fx.booths as [string, string];
  expect(claimAtBooth(fx.db, a, 2, now(), fx.tz)).toMatchObject({ ok: false, error: { code: 'no_ballot' } });
  expect(issue(id, 2).ok).toBe(true);
  const claimed = claimAtBooth(fx.db, a, 2, now(), fx.tz);
  if (!claimed.ok || claimed.value.state !== 'ballot') throw new Error('not claimed');
  expect(claimed.value.contests.map((c) => c.id)).toEqual(['president']);
  expect(claimed.value.voterLanguages).toEqual(['en']);
  // Voter 2 is Zoë Øster-Ægidius; only the non-ASCII parts, which a random base64url token can never hold ("Zo" could).
  expect(JSON.stringify(claimed.value)).not.toMatch(/Zoë|Øster|Ægidius/u);
  expect(claimAtBooth(fx.db, b, 2, now(), fx.tz)).toMatchObject({ ok: false, error: { code: 'busy', message: 'Your ballot is waiting at Booth A. Please vote there.' } });
  expect(issue(id, 3).ok).toBe(true);
  expect(claimAtBooth(fx.db, a, 3, now(), fx.tz)).toMatchObject({ ok: false, error: { code: 'busy' } });
  expect(castBallot(fx.db, a, claimed.value.token, { president: ['song-haeun'] }).ok).toBe(true);
  expect(claimAtBooth(fx.db, a, 2, now(), fx.tz)).toMatchObject({ ok: false, error: { code: 'already_cast' } });
  expect(boothBallot(fx.db, a)).toEqual({ state: 'idle', roundOpen: true });
  expect(fx.db.prepare('SELECT COUNT(*) AS n FROM booth_assignment').get()).toEqual({ n: 0 });
});

test('voters: only the round\'s group, and only people checked in when the round says so', () => {
  const delegation = (fx.db.prepare('SELECT delegation_id AS d FROM participant WHERE id = 1').get() as { d: number }).d;
  const group = fx.openNewRound('Friends, 10:00', { delegationIds: [delegation] });
  expect(roundDetail(fx.db, getRoundRow(fx.db, group)!).turnout.eligible).toBe(4);
  expect(issue(group, 6)).toMatchObject({ ok: false, error: { code: 'not_eligible' } });
  closeRound(fx.db, group, now());
  const checked = fx.openNewRound('Checked in only', { eligibility: 'checked_in' });
  expect(roundDetail(fx.db, getRoundRow(fx.db, checked)!).turnout.eligible).toBe(0);
  const refused = issue(checked, 1);
  expect(!refused.ok && refused.error.message).toContain('has not checked in');
  fx.db.prepare(`INSERT INTO attendance (participant_id, session_id, checked_in_at, desk_id, desk_name) VALUES (1, NULL, ?, 'd', 'Desk 1')`).run(now());
  expect(roundDetail(fx.db, getRoundRow(fx.db, checked)!).turnout.eligible).toBe(1);
  expect(issue(checked, 1).ok).toBe(true);
});

test('a reader holding the WAL (a backup) neither blocks a cast nor keeps the WAL once it lets go', () => {
  const id = fx.openNewRound();
  const wal = `${fx.ws.layout.database}-wal`;
  const reader = connect(fx.ws.layout.database, { readonly: true });
  try {
    reader.prepare('BEGIN').run();
    reader.prepare('SELECT COUNT(*) FROM ballot_paper').get();
    const started = Date.now();
    expect(castBallot(fx.db, fx.booths[0] as string, ready(id, 1), { president: ['oh-serin'] }).ok).toBe(true);
    expect(Date.now() - started).toBeLessThan(2000); // not the 5 s busy timeout
    expect(fs.statSync(wal).size).toBeGreaterThan(0);
    reader.prepare('COMMIT').run();
  } finally {
    reader.close();
  }
  expect(castBallot(fx.db, fx.booths[0] as string, ready(id, 2), { president: ['oh-serin'] }).ok).toBe(true);
  expect(fs.statSync(wal).size).toBe(0);
});

test('the count reads every contest in ballot order, blank contests included', () => {
  const local = insertElection(fx.db, templateDefinition('kr-local')!, now());
  const r = createRound(fx.db, { electionId: local, label: 'Local, 11:00', eligibility: 'registered', delegationIds: [] }, now());
  const id = r.ok ? r.value.round.id : 0;
  openRound(fx.db, id, now());
  expect(castBallot(fx.db, fx.booths[0] as string, ready(id, 1), { mayor: ['park-jiwon'], 'council-list': ['dawn'] }).ok).toBe(true);
  expect(castBallot(fx.db, fx.booths[0] as string, ready(id, 2), { mayor: ['choi-sungmin'] }).ok).toBe(true);
  closeRound(fx.db, id, now());
  const box = readCastBallots(fx.db, id);
  if (!box.ok) throw new Error(box.error.message);
  expect(box.value.map((c) => c.contestId)).toEqual(['mayor', 'metro-council', 'district-council', 'council-list']);
  expect(box.value[0]?.ballots.map((b) => b.join()).sort()).toEqual(['choi-sungmin', 'park-jiwon']);
  expect(box.value[1]?.ballots).toEqual([[], []]);
  expect(box.value[3]?.ballots.map((b) => b.join()).sort()).toEqual(['', 'dawn']);
});
