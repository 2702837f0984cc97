// Two records of one person who both hold a live ballot in the same round: the merge is refused
// before anything is written, with what to do (cancel the ballot not cast, in the experience
// room) or why it cannot happen (both cast; polls closed). Cancelled ballots do not count.
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { Db } from '../db/connection';
import { cancelIssuance } from '../voting';
import { mergeParticipants } from './participant_merge';
import { readRowImage } from './participant_rows';
import { addPeople, openTestEvent, testPerson, TEST_NOW } from './participants_test_helpers';

let event: ReturnType<typeof openTestEvent>;
let db: Db;
let keepId: number;
let dropId: number;
const ctx = { actor: 'admin', now: '2026-12-01T08:00:00.000Z' };

beforeEach(() => {
  event = openTestEvent();
  db = event.db;
  const ids = addPeople(db, [
    testPerson({ displayName: 'Ana María Núñez', familyName: 'Núñez', givenName: 'Ana María', country: 'MX' }),
    testPerson({ displayName: 'Ana Nunez', familyName: 'Nunez', givenName: 'Ana', country: 'MX' }),
  ]);
  keepId = ids.get('Ana María Núñez') as number;
  dropId = ids.get('Ana Nunez') as number;
});
afterEach(() => event.close());

/** A round of a mock election (the election itself is not needed to issue or merge). */
function addRound(label: string, status: 'open' | 'closed'): number {
  db.pragma('foreign_keys = OFF');
  const id = Number(
    db
      .prepare(
        `INSERT INTO voting_round (election_id, label, status, eligibility, definition_json, created_at, opened_at, closed_at, issued_total)
         VALUES (1, ?, ?, 'registered', '{}', ?, ?, ?, 0)`,
      )
      .run(label, status, TEST_NOW, TEST_NOW, status === 'closed' ? TEST_NOW : null).lastInsertRowid,
  );
  db.pragma('foreign_keys = ON');
  return id;
}
function issue(roundId: number, participantId: number, status: 'issued' | 'cast'): number {
  db.prepare('UPDATE voting_round SET issued_total = issued_total + 1 WHERE id = ?').run(roundId);
  return Number(db.prepare(`INSERT INTO ballot_issue (round_id, participant_id, station, issued_at, status) VALUES (?, ?, 'Identity 1', ?, ?)`).run(roundId, participantId, TEST_NOW, status).lastInsertRowid);
}
const updatedAt = (id: number) => readRowImage(db, id)?.updated_at as string;
const merge = () => mergeParticipants(db, { keepId, keepUpdatedAt: updatedAt(keepId), dropId, dropUpdatedAt: updatedAt(dropId) }, ctx);
const snapshot = () => ({
  people: db.prepare('SELECT * FROM participant ORDER BY id').all(),
  issues: db.prepare('SELECT * FROM ballot_issue ORDER BY id').all(),
  changes: db.prepare('SELECT count(*) FROM participant_change').pluck().get(),
});
function refusal(): string {
  const before = snapshot();
  const result = merge();
  if (result.ok) throw new Error('the merge went through');
  expect(result.error.code).toBe('conflict');
  // Nothing written: both records, every ballot where it was, no journal entry.
  expect(snapshot()).toEqual(before);
  return result.error.message;
}

test('both issued in an open round: refused until one is cancelled; then the merge keeps one live ballot', () => {
  const round = addRound('Presidential election, round 1', 'open');
  issue(round, keepId, 'issued');
  const second = issue(round, dropId, 'issued');
  expect(refusal()).toBe(
    'Both records were issued a ballot in round «Presidential election, round 1»: the same person got two ballots. Cancel one of the two ballots in the experience room first, then merge.',
  );
  expect(cancelIssuance(db, { issuanceId: second, reason: 'wrong_voter', note: 'registered twice' }, ctx.now, 'Asia/Seoul').ok).toBe(true);
  expect(merge().ok).toBe(true);
  // Both issues are the kept record's now: one live, one cancelled; none left on the removed id.
  expect(db.prepare('SELECT participant_id AS p, status FROM ballot_issue ORDER BY id').all()).toEqual([
    { p: keepId, status: 'issued' },
    { p: keepId, status: 'cancelled' },
  ]);
});

test('one cast, the other only issued: the message names the ballot that can still be cancelled', () => {
  const round = addRound('Mock vote', 'open');
  issue(round, keepId, 'issued');
  issue(round, dropId, 'cast');
  expect(refusal()).toBe(
    'Both records were issued a ballot in round «Mock vote»: the same person voted twice. The ballot of «Ana Nunez» is cast and stays; cancel the ballot of «Ana María Núñez» (not cast yet) in the experience room first, then merge.',
  );
});

test('both cast: refused for good, to keep the round figures honest', () => {
  const round = addRound('Mock vote', 'open');
  issue(round, keepId, 'cast');
  issue(round, dropId, 'cast');
  expect(refusal()).toMatch(/^Both records cast a ballot in round «Mock vote»: the same person voted twice\. A cast ballot .* cannot be taken back, so these records are not merged/u);
});

test('polls closed: an issued ballot can no longer be cancelled, so the merge is refused with why', () => {
  const round = addRound('Mock vote', 'closed');
  issue(round, keepId, 'cast');
  issue(round, dropId, 'issued');
  expect(refusal()).toMatch(/^Both records were issued a ballot in round «Mock vote»: the same person voted twice\. Polls of that round are closed, so neither ballot can be cancelled any more/u);
});

test('ballots in different rounds, or a cancelled one, do not stop the merge', () => {
  const first = addRound('Round 1', 'closed');
  const second = addRound('Round 2', 'open');
  issue(first, keepId, 'cast');
  issue(second, dropId, 'cast');
  db.prepare(`INSERT INTO ballot_issue (round_id, participant_id, station, issued_at, status, cancel_reason, cancelled_at) VALUES (?, ?, 'Identity 1', ?, 'cancelled', 'spoiled', ?)`).run(first, dropId, TEST_NOW, TEST_NOW);
  expect(merge().ok).toBe(true);
  expect(db.prepare('SELECT count(*) FROM ballot_issue WHERE participant_id = ?').pluck().get(keepId)).toBe(3);
});
