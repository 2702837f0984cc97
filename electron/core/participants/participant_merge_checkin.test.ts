// Undoing a merge after the person went on checking in under the kept record (checked out and
// back in through the real desk functions): the undo never fails on "one open visit per person
// per door"; the later visit is the truth, so a visit the merge closed stays closed if reopening
// it would clash, and reopens where it does not.
import { afterEach, beforeEach, expect, test } from 'vitest';
import { createCheckinTestEvent, PEOPLE, scanOf, type CheckinTestEvent } from '../checkin/checkin_test_helpers';
import { recordScan } from '../checkin/scan_service';
import type { Db } from '../db/connection';
import { mergeParticipants } from './participant_merge';
import { readRowImage } from './participant_rows';
import { lastChange, undoChange } from './participant_undo';

let ev: CheckinTestEvent;
let db: Db;
beforeEach(() => {
  ev = createCheckinTestEvent();
  db = ev.ws.db;
});
afterEach(() => ev.close());

const keepId: number = PEOPLE.kim;
const dropId: number = PEOPLE.wang;
const MERGED = 'Same person: merged with another record';

function scan(participantId: number, action: 'checkin' | 'checkout', at: string): string {
  const r = recordScan(db, scanOf({ participantId }, { action, source: 'search' }), ev.ctx('Desk 1', at));
  if (!r.ok) throw new Error(r.error.message);
  return r.value.result;
}
const visits = () =>
  db.prepare('SELECT id, participant_id AS p, checked_out_at IS NOT NULL AS out, undo_reason AS undone FROM attendance ORDER BY id').all() as Array<{ id: number; p: number; out: number; undone: string | null }>;
const openVisits = (participantId: number) => visits().filter((v) => v.p === participantId && !v.out && v.undone === null);
const updatedAt = (id: number) => readRowImage(db, id)?.updated_at as string;

function merge(): void {
  const merged = mergeParticipants(db, { keepId, keepUpdatedAt: updatedAt(keepId), dropId, dropUpdatedAt: updatedAt(dropId) }, { actor: 'admin', now: '2026-12-01T09:30:00.000Z' });
  if (!merged.ok) throw new Error(merged.error.message);
}
function checkOutAndBackIn(): number {
  expect(scan(keepId, 'checkout', '2026-12-01T10:00:00.000Z')).toBe('checked_out');
  expect(scan(keepId, 'checkin', '2026-12-01T11:00:00.000Z')).toBe('welcome');
  const open = openVisits(keepId);
  expect(open).toHaveLength(1);
  return open[0]?.id as number;
}
function undoMerge() {
  return undoChange(db, lastChange(db, 'admin')?.id ?? 0, 'admin', '2026-12-01T12:00:00.000Z');
}

test("the kept record's visit, closed by the merge, stays closed when the person is checked in again since", () => {
  // The duplicate arrived first: its visit stays open, the kept record's later one is closed.
  expect(scan(dropId, 'checkin', '2026-12-01T08:50:00.000Z')).toBe('welcome');
  expect(scan(keepId, 'checkin', '2026-12-01T09:00:00.000Z')).toBe('welcome');
  const [dropVisit, keepVisit] = visits().map((v) => v.id);
  merge();
  expect(visits()).toEqual([
    { id: dropVisit, p: keepId, out: 0, undone: null },
    { id: keepVisit, p: keepId, out: 0, undone: MERGED },
  ]);
  const again = checkOutAndBackIn();

  const undone = undoMerge();
  expect(undone.ok ? null : undone.error.message).toBe(null);
  expect(readRowImage(db, dropId)).not.toBe(null);
  // The duplicate has its (checked-out) visit back; the kept record keeps the later visit, and
  // the one the merge closed stays closed: one open visit at most per person at this door.
  expect(visits()).toEqual([
    { id: dropVisit, p: dropId, out: 1, undone: null },
    { id: keepVisit, p: keepId, out: 0, undone: MERGED },
    { id: again, p: keepId, out: 0, undone: null },
  ]);
  expect(openVisits(keepId).map((v) => v.id)).toEqual([again]);
  expect(openVisits(dropId)).toEqual([]);
  // The desk agrees: the kept record is here, checked in at 11:00; the duplicate may check in again.
  expect(scan(keepId, 'checkin', '2026-12-01T12:05:00.000Z')).toBe('already');
  expect(scan(dropId, 'checkin', '2026-12-01T12:06:00.000Z')).toBe('welcome');
});

test("the duplicate's visit, closed by the merge, reopens on the duplicate: nothing clashes there", () => {
  // The kept record arrived first this time: the duplicate's later visit is the one closed.
  expect(scan(keepId, 'checkin', '2026-12-01T08:50:00.000Z')).toBe('welcome');
  expect(scan(dropId, 'checkin', '2026-12-01T09:00:00.000Z')).toBe('welcome');
  const [keepVisit, dropVisit] = visits().map((v) => v.id);
  merge();
  const again = checkOutAndBackIn();

  expect(undoMerge().ok).toBe(true);
  expect(visits()).toEqual([
    { id: keepVisit, p: keepId, out: 1, undone: null },
    { id: dropVisit, p: dropId, out: 0, undone: null },
    { id: again, p: keepId, out: 0, undone: null },
  ]);
  expect(openVisits(keepId).map((v) => v.id)).toEqual([again]);
  expect(openVisits(dropId).map((v) => v.id)).toEqual([dropVisit]);
});
