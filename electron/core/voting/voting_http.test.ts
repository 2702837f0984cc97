import { afterAll, beforeAll, expect, test } from 'vitest';
import type WebSocket from 'ws';
import { badgeKeysFor, recordBadgeIssues } from '../badges';
import { createBadgeTestEvent } from '../badges/badges_test_helpers';
import { call, openPush, pairDevice, pushOutcome, startTestHost, type Answer, type TestHost } from '../host/http_test_helpers';
import { expectBalanced } from './voting_test_helpers';

// The room over real HTTP with real device tokens: two identity stations, a booth, a projector.

let host: TestHost;
let stations: string[] = [];
let boothToken = '';
let boothId = '';
let projectorToken = '';
let roundId = 0;
const codes = new Map<number, string>();
let voters: number[] = [];

const value = <T>(a: Answer): T => {
  if (!a.body.ok) throw new Error(JSON.stringify(a.body));
  return a.body.value as T;
};

beforeAll(async () => {
  host = await startTestHost();
  const ws = host.core.session.current!;
  const keys = badgeKeysFor(ws);
  if (!keys.ok) throw new Error('no keys');
  voters = (ws.db.prepare(`SELECT id FROM participant WHERE status = 'registered' ORDER BY id LIMIT 20`).all() as Array<{ id: number }>).map((r) => r.id);
  for (const id of voters) {
    const code = keys.value.sign({ participantId: id, serial: 1 });
    if (code.ok) codes.set(id, code.value);
  }
  recordBadgeIssues(ws.db, voters.map((participantId) => ({ participantId, serial: 1 })), 'a6', new Date().toISOString());
  stations = [(await pairDevice(host, 'presenter', 'Station 1')).token, (await pairDevice(host, 'presenter', 'Station 2')).token];
  const booth = await pairDevice(host, 'booth', 'Booth A');
  boothToken = booth.token;
  boothId = booth.id;
  projectorToken = (await pairDevice(host, 'projector', 'Big screen')).token;
  const election = value<Array<{ id: number }>>(await call(host.adminUrl, 'elections.list', {}))[0]!;
  roundId = value<{ round: { id: number } }>(await call(host.lanUrl, 'voting.rounds.create', { electionId: election.id, label: 'Jamaica delegation, 14:00' }, stations[0])).round.id;
  const opened = value<{ round: { zeroReport: { figures: { issued: number } } } }>(await call(host.lanUrl, 'voting.rounds.open', { roundId }, stations[0]));
  expect(opened.round.zeroReport.figures.issued).toBe(0);
});
afterAll(async () => {
  expectBalanced(host.core.session.current!.db);
  await host.close();
});

test('two stations issuing to the same voters at the same moment: one ballot each, the other told when and where', async () => {
  const batch = voters.slice(0, 8);
  const attempts = batch.flatMap((participantId) => stations.flatMap((token) => [0, 1].map(() => call(host.lanUrl, 'voting.issue', { roundId, participantId }, token))));
  const results = await Promise.all(attempts);
  for (const participantId of batch) {
    const mine = results.filter((_, i) => batch[Math.floor(i / 4)] === participantId);
    expect(mine.filter((r) => r.body.ok)).toHaveLength(1);
    for (const refused of mine.filter((r) => !r.body.ok)) {
      expect(refused.body.error?.code).toBe('already_issued');
      expect(refused.body.error?.message).toMatch(/already received a ballot: issued at \d\d:\d\d at Station [12]\./u);
    }
  }
  const rows = host.core.session.current!.db.prepare('SELECT participant_id AS p, COUNT(*) AS n FROM ballot_issue WHERE round_id = ? GROUP BY participant_id').all(roundId) as Array<{ n: number }>;
  expect(rows).toHaveLength(batch.length);
  expect(rows.every((r) => r.n === 1)).toBe(true);
});

test('the identity station refuses forged, replaced and other-event badges with the reason', async () => {
  const good = codes.get(voters[9]!)!;
  const found = value<{ found: boolean; voter?: { displayName: string; ballot: unknown } }>(await call(host.lanUrl, 'voting.voters.lookup', { roundId, code: good }, stations[1]));
  expect(found).toMatchObject({ found: true, voter: { ballot: null } });
  const forged = `${good.slice(0, 60)}${good[60] === 'A' ? 'B' : 'A'}${good.slice(61)}`;
  expect(value(await call(host.lanUrl, 'voting.voters.lookup', { roundId, code: forged }, stations[1]))).toMatchObject({ found: false, reason: 'bad_signature' });
  const other = createBadgeTestEvent();
  const otherKeys = badgeKeysFor(other);
  const foreign = otherKeys.ok ? otherKeys.value.sign({ participantId: 1, serial: 1 }) : null;
  expect(value(await call(host.lanUrl, 'voting.voters.lookup', { roundId, code: foreign?.ok ? foreign.value : '' }, stations[1]))).toMatchObject({ found: false, reason: 'wrong_event' });
  other.close();
  recordBadgeIssues(host.core.session.current!.db, [{ participantId: voters[10]!, serial: 2 }], 'a6', new Date().toISOString());
  expect(value(await call(host.lanUrl, 'voting.voters.lookup', { roundId, code: codes.get(voters[10]!) }, stations[1]))).toMatchObject({ found: false, reason: 'replaced' });
  // A booth refuses the same forged badge.
  expect((await call(host.lanUrl, 'voting.booth.claim', { code: forged }, boothToken)).body.error?.code).toBe('bad_badge');
});

test('a booth shows the ballot, casts once (a retry answers already_cast), and the projector sees turnout rise; pushes carry no ballot data', async () => {
  const push: WebSocket = openPush(host.lanUrl, boothToken);
  expect(await pushOutcome(push)).toBe('open');
  const heard: string[] = [];
  push.on('message', (m: Buffer) => heard.push(m.toString()));
  const before = value<{ turnout: { cast: number } }>(await call(host.lanUrl, 'voting.turnout', {}, projectorToken)).turnout.cast;
  expect(value(await call(host.lanUrl, 'voting.booth.current', {}, boothToken))).toEqual({ state: 'idle', roundOpen: true });
  const voter = voters[12]!;
  const issued = value<{ id: number }>(await call(host.lanUrl, 'voting.issue', { roundId, participantId: voter }, stations[0]));
  const booths = value<Array<{ deviceId: string; state: string }>>(await call(host.lanUrl, 'voting.booths.list', {}, stations[0]));
  expect(booths).toEqual([expect.objectContaining({ deviceId: boothId, state: 'free' })]);
  value(await call(host.lanUrl, 'voting.booths.assign', { issuanceId: issued.id, deviceId: boothId }, stations[0]));
  const ballot = value<{ state: string; token: string; contests: Array<{ id: string; options: Array<{ id: string }> }> }>(await call(host.lanUrl, 'voting.booth.current', {}, boothToken));
  expect(ballot.state).toBe('ballot');
  // A booth cannot act as a station, nor a station as a booth.
  expect((await call(host.lanUrl, 'voting.issue', { roundId, participantId: voters[13] }, boothToken)).status).toBe(403);
  expect((await call(host.lanUrl, 'voting.booth.cast', { token: ballot.token, selections: {} }, stations[0])).status).toBe(403);
  const contest = ballot.contests[0]!;
  const selections = { [contest.id]: [contest.options[1]!.id] };
  expect((await call(host.lanUrl, 'voting.booth.cast', { token: ballot.token, selections: { [contest.id]: ['not-a-candidate'] } }, boothToken)).body.error?.code).toBe('invalid_selection');
  expect(value(await call(host.lanUrl, 'voting.booth.cast', { token: ballot.token, selections }, boothToken))).toEqual({ cast: true });
  expect((await call(host.lanUrl, 'voting.booth.cast', { token: ballot.token, selections }, boothToken)).body.error?.code).toBe('already_cast');
  const after = value<{ turnout: { cast: number } }>(await call(host.lanUrl, 'voting.turnout', {}, projectorToken)).turnout.cast;
  expect(after).toBe(before + 1);
  // A second issue for the same delegate is refused.
  expect((await call(host.lanUrl, 'voting.issue', { roundId, participantId: voter }, stations[1])).body.error?.code).toBe('already_issued');
  // The badge scanned at the booth now says the delegate has voted.
  expect((await call(host.lanUrl, 'voting.booth.claim', { code: codes.get(voter) }, boothToken)).body.error?.code).toBe('already_cast');
  await new Promise((r) => setTimeout(r, 100));
  push.close();
  const votingPushes = heard.map((h) => JSON.parse(h) as { topic: string; payload: unknown }).filter((m) => m.topic === 'voting.changed');
  expect(votingPushes.length).toBeGreaterThan(0);
  for (const m of votingPushes) expect(Object.keys(m.payload as object)).toEqual(['roundId']);
  expect(heard.join()).not.toContain(contest.options[1]!.id);
});

test('bad input is refused by the core with a message, and changes nothing', async () => {
  const before = host.core.session.current!.db.prepare('SELECT COUNT(*) AS n FROM ballot_issue').get();
  expect((await call(host.lanUrl, 'voting.issue', { roundId, participantId: 999999 }, stations[0])).body.error?.code).toBe('not_found');
  expect((await call(host.lanUrl, 'voting.issue', { roundId: 999, participantId: voters[0] }, stations[0])).body.error?.code).toBe('not_found');
  expect((await call(host.lanUrl, 'voting.rounds.create', { electionId: 1, label: '   ' }, stations[0])).body.error?.code).toBe('invalid_input');
  expect((await call(host.lanUrl, 'voting.booth.cast', { token: 'x', selections: { president: 'han' } }, boothToken)).body.error?.code).toBe('invalid_input');
  expect(host.core.session.current!.db.prepare('SELECT COUNT(*) AS n FROM ballot_issue').get()).toEqual(before);
});
