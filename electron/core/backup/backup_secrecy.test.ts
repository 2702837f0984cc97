import { expect, test } from 'vitest';
import { createRoomFixture } from '../voting/voting_test_helpers';
import { listBackups } from './backup_files';
import { MIN_CASTS_BETWEEN_BACKUPS, holdForSecrecy } from './backup_secrecy';
import { BackupService } from './backup_service';

test('the hold: only between one and four ballots since the newest backup of the open round', () => {
  expect(holdForSecrecy(null, { roundId: 1, cast: 3 })).toBe(false); // polls closed
  expect(holdForSecrecy({ roundId: 1, cast: 3 }, { roundId: 1, cast: 3 })).toBe(false); // no new ballot
  expect(holdForSecrecy({ roundId: 1, cast: 4 }, { roundId: 1, cast: 3 })).toBe(true);
  expect(holdForSecrecy({ roundId: 1, cast: 3 + MIN_CASTS_BETWEEN_BACKUPS }, { roundId: 1, cast: 3 })).toBe(false);
  expect(holdForSecrecy({ roundId: 2, cast: 1 }, { roundId: 1, cast: 30 })).toBe(true); // a new round counts from zero
  expect(holdForSecrecy({ roundId: 2, cast: 2 }, null)).toBe(true);
});

test('while polls are open, two automatic backups are never fewer than five ballots apart', async () => {
  const room = createRoomFixture();
  let clock = Date.parse('2026-12-02T06:00:00.000Z');
  const service = new BackupService({ current: () => room.ws, now: () => new Date((clock += 60_000)) });
  service.opened(room.ws);
  const roundId = room.openNewRound();
  const cast = () => room.db.prepare('UPDATE voting_round SET cast_total = cast_total + 1 WHERE id = ?').run(roundId);
  const checkIn = () => room.db.prepare("UPDATE participant SET notes = notes || '.' WHERE id = ?").run(room.people[0]);
  // Opening the round (no ballot yet) is backed up like any change.
  expect((await service.tick()).ok && listBackups(room.ws.layout.backups)).toHaveLength(1);
  const held: number[] = [];
  for (let ballot = 1; ballot <= 15; ballot++) {
    cast();
    const taken = await service.tick();
    if (!taken.ok) throw new Error(taken.error.message);
    if (taken.value) held.push(ballot);
  }
  expect(held).toEqual([5, 10, 15]);
  // With no new ballot, other work (a check-in) is backed up at once: it holds no ballot to link.
  const before = listBackups(room.ws.layout.backups).length;
  checkIn();
  expect((await service.tick()).ok && listBackups(room.ws.layout.backups).length).toBe(before + 1);
  cast();
  checkIn();
  expect(await service.tick()).toEqual({ ok: true, value: null });
  room.db.prepare("UPDATE voting_round SET status = 'closed', closed_at = '2026-12-02T07:00:00.000Z' WHERE id = ?").run(roundId);
  checkIn();
  // Polls closed: the next change is backed up whatever the count.
  expect((await service.tick()).ok && listBackups(room.ws.layout.backups).length).toBe(before + 2);
  room.ws.close();
});
