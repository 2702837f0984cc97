import { afterEach, beforeEach, expect, test } from 'vitest';
import type { Db } from '../db/connection';
import { mergeParticipants } from './participant_merge';
import { readRowImage } from './participant_rows';
import { listParticipants } from './participant_search';
import { getDelegation } from './participant_store';
import { lastChange, undoChange } from './participant_undo';
import { addPeople, openTestEvent, testPerson, TEST_NOW } from './participants_test_helpers';

let event: ReturnType<typeof openTestEvent>;
let db: Db;
let keepId: number;
let dropId: number;
const ctx = { actor: 'admin', now: '2026-12-01T08:00:00.000Z' };

beforeEach(() => {
  event = openTestEvent();
  db = event.db;
  // The secretariat's record, and the same person registered again through the partner's form.
  const ids = addPeople(db, [
    testPerson({ displayName: 'Ana María Núñez', familyName: 'Núñez', givenName: 'Ana María', country: 'MX', externalId: 'SEC-7', languages: ['es'], notes: 'Vegetarian', delegation: 'Mexico', protocolOrder: 2 }),
    testPerson({ displayName: 'Ana Nunez', familyName: 'Nunez', givenName: 'Ana', email: 'ana.nunez@example.org', phone: '+52 55 1234 5678', languages: ['es', 'en'], notes: 'Wheelchair user', delegation: 'Mexico', protocolOrder: 1 }),
  ]);
  keepId = ids.get('Ana María Núñez') as number;
  dropId = ids.get('Ana Nunez') as number;
  const mexico = readRowImage(db, keepId)?.delegation_id as number;
  db.prepare('UPDATE delegation SET head_participant_id = ? WHERE id = ?').run(dropId, mexico);
  db.prepare(`INSERT INTO import_batch (id, source, file_name, imported_at, rows_read, added, updated, unchanged, skipped) VALUES (1, 'partner form', 'p.csv', ?, 1, 1, 0, 0, 0)`).run(TEST_NOW);
  db.prepare('UPDATE participant SET import_batch_id = 1 WHERE id = ?').run(dropId);
});
afterEach(() => event.close());

const updatedAt = (id: number) => readRowImage(db, id)?.updated_at as string;
const names = (q: string) => listParticipants(db, { query: q, limit: 50, offset: 0 }).items.map((p) => p.displayName);

test('the kept record takes what it lacks, the duplicate goes, and undo puts both back exactly', () => {
  const keepBefore = readRowImage(db, keepId);
  const dropBefore = readRowImage(db, dropId);
  expect(names('nunez')).toHaveLength(2);
  const merged = mergeParticipants(db, { keepId, keepUpdatedAt: updatedAt(keepId), dropId, dropUpdatedAt: updatedAt(dropId) }, ctx);
  expect(merged.ok).toBe(true);
  if (!merged.ok) return;
  expect(merged.value.participant).toMatchObject({
    displayName: 'Ana María Núñez',
    familyName: 'Núñez',
    externalId: 'SEC-7',
    email: 'ana.nunez@example.org',
    phone: '+52 55 1234 5678',
    languages: ['es', 'en'],
    notes: 'Vegetarian\nWheelchair user',
  });
  expect(readRowImage(db, dropId)).toBe(null);
  expect(names('nunez')).toEqual(['Ana María Núñez']);
  expect(names('ana.nunez@')).toEqual(['Ana María Núñez']);
  // The kept record now answers for the duplicate's source and heads its delegation.
  expect(db.prepare('SELECT b.source FROM participant p JOIN import_batch b ON b.id = p.import_batch_id WHERE p.id = ?').pluck().all(keepId)).toEqual(['partner form']);
  const mexico = readRowImage(db, keepId)?.delegation_id as number;
  expect(getDelegation(db, mexico)?.headParticipantId).toBe(keepId);

  const change = lastChange(db, 'admin');
  expect(change).toMatchObject({ kind: 'merge', participantId: keepId });
  expect(undoChange(db, change?.id ?? 0, 'admin', '2026-12-01T08:05:00.000Z').ok).toBe(true);
  expect({ ...readRowImage(db, keepId), updated_at: '' }).toEqual({ ...keepBefore, updated_at: '' });
  expect(readRowImage(db, dropId)).toEqual(dropBefore);
  expect(db.prepare('SELECT id FROM participant WHERE import_batch_id IS NOT NULL').pluck().all()).toEqual([dropId]);
  expect(getDelegation(db, mexico)?.headParticipantId).toBe(dropId);
  expect(names('nunez')).toHaveLength(2);
});

test('refused for one record twice, for stale records, and undo refused once the kept record changed', () => {
  const same = mergeParticipants(db, { keepId, keepUpdatedAt: updatedAt(keepId), dropId: keepId, dropUpdatedAt: updatedAt(keepId) }, ctx);
  expect(same.ok ? null : same.error.code).toBe('invalid_reference');
  const stale = mergeParticipants(db, { keepId, keepUpdatedAt: 'yesterday', dropId, dropUpdatedAt: updatedAt(dropId) }, ctx);
  expect(stale.ok ? null : stale.error.code).toBe('conflict');
  expect(readRowImage(db, dropId)).not.toBe(null);
  expect(mergeParticipants(db, { keepId, keepUpdatedAt: updatedAt(keepId), dropId, dropUpdatedAt: updatedAt(dropId) }, ctx).ok).toBe(true);
  db.prepare(`UPDATE participant SET phone = '1', updated_at = 'z' WHERE id = ?`).run(keepId);
  const undo = undoChange(db, lastChange(db, 'admin')?.id ?? 0, 'admin', ctx.now);
  expect(undo.ok ? null : undo.error.code).toBe('conflict');
  expect(readRowImage(db, dropId)).toBe(null);
});

test("the duplicate's check-ins, scans and ballots move to the kept record, and undo moves them back", () => {
  const visit = db.prepare(`INSERT INTO attendance (participant_id, session_id, checked_in_at, desk_id, desk_name) VALUES (?, NULL, ?, 'd1', 'Desk 1')`);
  const keepVisit = Number(visit.run(keepId, '2026-12-01T09:10:00.000Z').lastInsertRowid);
  const dropVisit = Number(visit.run(dropId, '2026-12-01T09:00:00.000Z').lastInsertRowid);
  db.prepare(
    `INSERT INTO checkin_scan (client_scan_id, scanned_at, received_at, desk_id, desk_name, source, participant_id, result, outcome_json)
     VALUES ('scan-0001', ?, ?, 'd1', 'Desk 1', 'search', ?, 'welcome', '{}')`,
  ).run(TEST_NOW, TEST_NOW, dropId);
  // Ballot issues keep no foreign key to rounds' people; the rounds themselves are not needed here.
  db.pragma('foreign_keys = OFF');
  const issue = db.prepare(`INSERT INTO ballot_issue (round_id, participant_id, station, issued_at, status) VALUES (?, ?, 'id', ?, 'cast')`);
  const dropRound1 = Number(issue.run(1, dropId, TEST_NOW).lastInsertRowid);
  issue.run(2, keepId, TEST_NOW);
  // A ballot cancelled in round 2 (spoiled) is no second live ballot: it moves with the rest.
  const dropRound2 = Number(
    db.prepare(`INSERT INTO ballot_issue (round_id, participant_id, station, issued_at, status, cancel_reason, cancelled_at) VALUES (2, ?, 'id', ?, 'cancelled', 'spoiled', ?)`)
      .run(dropId, TEST_NOW, TEST_NOW).lastInsertRowid,
  );
  db.pragma('foreign_keys = ON');
  const snapshot = () => ({
    attendance: db.prepare('SELECT * FROM attendance ORDER BY id').all(),
    scans: db.prepare('SELECT * FROM checkin_scan ORDER BY id').all(),
    issues: db.prepare('SELECT * FROM ballot_issue ORDER BY id').all(),
  });
  const before = snapshot();

  expect(mergeParticipants(db, { keepId, keepUpdatedAt: updatedAt(keepId), dropId, dropUpdatedAt: updatedAt(dropId) }, ctx).ok).toBe(true);
  // One person, one open visit: the earlier check-in (the duplicate's) stays; the later is closed.
  const visits = db.prepare('SELECT id, participant_id AS p, undo_reason AS reason FROM attendance ORDER BY id').all();
  expect(visits).toEqual([
    { id: keepVisit, p: keepId, reason: 'Same person: merged with another record' },
    { id: dropVisit, p: keepId, reason: null },
  ]);
  expect(db.prepare('SELECT participant_id FROM checkin_scan').pluck().all()).toEqual([keepId]);
  // Every ballot issue of the duplicate moves: none is left on its removed id for a reused id to inherit.
  const issues = db.prepare('SELECT id, participant_id AS p FROM ballot_issue ORDER BY id').all() as Array<{ id: number; p: number }>;
  expect(issues.find((i) => i.id === dropRound1)?.p).toBe(keepId);
  expect(issues.find((i) => i.id === dropRound2)?.p).toBe(keepId);
  expect(issues.filter((i) => i.p === dropId)).toEqual([]);

  expect(undoChange(db, lastChange(db, 'admin')?.id ?? 0, 'admin', '2026-12-01T09:30:00.000Z').ok).toBe(true);
  expect(snapshot()).toEqual(before);
});
