// The participants list filtered by arrival at the event desk ("checked in" / "not checked in"),
// on a real event: check-ins, an undone one, a check-out, a session door; combined with a
// search and the status filter; the export's id list; and the contract's validation.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ListParticipantsInputSchema } from '../../contract';
import { listParticipantIds, listParticipants } from '../participants';
import { addSession, createCheckinTestEvent, PEOPLE, scanOf, type CheckinTestEvent } from './checkin_test_helpers';
import { undoCheckIn } from './desk_records';
import { recordScan } from './scan_service';

let ev: CheckinTestEvent;
let everyone: number[];

function scan(...args: Parameters<typeof scanOf>) {
  const r = recordScan(ev.ws.db, scanOf(...args), ev.ctx());
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}
const ids = (extra: Partial<Parameters<typeof listParticipants>[1]>) => listParticipants(ev.ws.db, { query: '', limit: 500, offset: 0, ...extra }).items.map((p) => p.id);

beforeAll(() => {
  ev = createCheckinTestEvent();
  everyone = ids({});
  scan({ code: ev.code(PEOPLE.kim) });
  scan({ participantId: PEOPLE.mohammed });
  scan({ participantId: PEOPLE.mohammed }, { action: 'checkout' }); // arrived, then left: still arrived
  const olga = scan({ participantId: PEOPLE.olga });
  const undone = undoCheckIn(ev.ws.db, olga.checkIn?.attendanceId ?? 0, 'wrong person picked', 'Desk 1', new Date().toISOString());
  if (!undone.ok) throw new Error(undone.error.message);
  // A session door records the arrival at the event too (no desk saw them come in).
  scan({ participantId: PEOPLE.somchai }, { sessionId: addSession(ev.ws, 'Opening') });
});
afterAll(() => ev.close());

test('checked in: people who arrived at the event (a check-out keeps them, an undo does not), in list order', () => {
  const arrived = [PEOPLE.kim, PEOPLE.mohammed, PEOPLE.somchai];
  expect(ids({ checkedIn: true })).toEqual(everyone.filter((id) => arrived.includes(id as never)));
  expect(listParticipants(ev.ws.db, { query: '', limit: 500, offset: 0, checkedIn: true }).total).toBe(3);
});

test('not checked in: everyone else (the undone check-in included); both lists together are the whole list', () => {
  const notYet = ids({ checkedIn: false });
  expect(notYet).toContain(PEOPLE.olga);
  expect(notYet).not.toContain(PEOPLE.kim);
  expect([...notYet, ...ids({ checkedIn: true })].sort((a, b) => a - b)).toEqual([...everyone].sort((a, b) => a - b));
  expect(listParticipants(ev.ws.db, { query: '', limit: 2, offset: 0, checkedIn: false }).total).toBe(everyone.length - 3);
});

test('combines with a search and pages; the list follows new check-ins at once; the export lists the same people', () => {
  expect(ids({ query: 'Kim', checkedIn: true })).toEqual([PEOPLE.kim]);
  expect(ids({ query: 'Kim', checkedIn: false })).not.toContain(PEOPLE.kim);
  scan({ participantId: PEOPLE.olga });
  expect(ids({ checkedIn: true })).toContain(PEOPLE.olga);
  expect(listParticipantIds(ev.ws.db, { query: '', direction: 'asc', locale: 'en', checkedIn: true })).toEqual(ids({ checkedIn: true }));
});

test('the contract: optional (no filter by default), a boolean only', () => {
  const parsed = ListParticipantsInputSchema.parse({ limit: 10, offset: 0 });
  expect(parsed.checkedIn).toBeUndefined();
  expect(ListParticipantsInputSchema.safeParse({ limit: 10, offset: 0, checkedIn: 'yes' }).success).toBe(false);
});
