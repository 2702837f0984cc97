import path from 'node:path';
import { expect, test } from 'vitest';
import type { Db } from '../db/connection';
import { createRoomFixture } from '../voting/voting_test_helpers';
import { listBackups } from './backup_files';
import { MIN_CASTS_BETWEEN_BACKUPS, roundCastsInFile, secrecyVerdict } from './backup_secrecy';
import { BackupService } from './backup_service';

const K = MIN_CASTS_BETWEEN_BACKUPS;
const at = (entries: Array<[number, number]>) => new Map(entries);

test('the rule: an open round waits while 1–4 ballots from the newest backup; a closed one clears the backups near its final count', () => {
  const open = (ids: number[]) => new Set(ids);
  expect(secrecyVerdict({ casts: at([[1, 3]]), open: open([1]) }, at([[1, 3]])).hold).toBe(false); // no new ballot
  expect(secrecyVerdict({ casts: at([[1, 4]]), open: open([1]) }, at([[1, 3]]))).toMatchObject({ hold: true, ballotsToWait: 4 });
  expect(secrecyVerdict({ casts: at([[1, 3 + K]]), open: open([1]) }, at([[1, 3]])).hold).toBe(false);
  expect(secrecyVerdict({ casts: at([[1, 30], [2, 1]]), open: open([2]) }, at([[1, 30]])).hold).toBe(true); // a new round counts from zero
  // Closed: never held; a backup 1–4 short of the final count must go; a whole small round is just its result.
  expect(secrecyVerdict({ casts: at([[1, 12]]), open: open([]) }, at([[1, 10]]))).toEqual({ hold: false, ballotsToWait: 0, closedRounds: [{ roundId: 1, final: 12 }] });
  expect(secrecyVerdict({ casts: at([[1, 3]]), open: open([]) }, at([]))).toEqual({ hold: false, ballotsToWait: 0, closedRounds: [] });
  // A round that closed while the next one opened is still checked.
  expect(secrecyVerdict({ casts: at([[1, 12], [2, 6]]), open: open([2]) }, at([[1, 10]])).closedRounds).toEqual([{ roundId: 1, final: 12 }]);
});

/** Every two consecutive kept backups differ, per round, by no ballot, by five or more, or by the whole round. */
function expectNoBallotIsolated(backupsDir: string, db: Db): void {
  const finals = new Map((db.prepare("SELECT id, cast_total AS n FROM voting_round WHERE status <> 'open'").all() as Array<{ id: number; n: number }>).map((r) => [r.id, r.n]));
  const files = listBackups(backupsDir).reverse().map((b) => roundCastsInFile(path.join(backupsDir, b.name)));
  for (let i = 1; i < files.length; i++) {
    for (const [roundId, cast] of files[i]!) {
      const before = files[i - 1]!.get(roundId) ?? 0;
      const apart = cast - before;
      const wholeRound = before === 0 && finals.get(roundId) === cast;
      expect(apart === 0 || apart >= K || wholeRound, `round ${roundId}: backups ${i - 1} and ${i} are ${apart} ballot(s) apart`).toBe(true);
    }
  }
}

test('automatic, by-hand and closing backups never leave one voter\'s ballot between two backups, also after a crash', async () => {
  const room = createRoomFixture();
  let clock = Date.parse('2026-12-02T06:00:00.000Z');
  const now = () => new Date((clock += 60_000));
  let service = new BackupService({ current: () => room.ws, now });
  service.opened(room.ws);
  const roundId = room.openNewRound();
  const cast = (n = 1) => room.db.prepare('UPDATE voting_round SET cast_total = cast_total + ? WHERE id = ?').run(n, roundId);
  const checkIn = () => room.db.prepare("UPDATE participant SET notes = notes || '.' WHERE id = ?").run(room.people[0]);
  const backups = () => listBackups(room.ws.layout.backups).length;
  expect((await service.tick()).ok && backups()).toBe(1); // the round opened, no ballot yet

  const taken: number[] = [];
  for (let ballot = 1; ballot <= 12; ballot++) {
    cast();
    if ((await service.tick()).ok && backups() > taken.length + 1) taken.push(ballot);
  }
  expect(taken).toEqual([5, 10]);
  // Two ballots after the last backup: "Back up now" says why not, and nothing is written.
  const byHand = await service.backupNow(room.ws);
  expect(byHand.ok ? null : byHand.error.message).toMatch(/after 3 more ballot\(s\)/u);
  expect(backups()).toBe(3);

  // A crash: the next run counts from the newest backup (10 ballots), not from the database (12).
  service = new BackupService({ current: () => room.ws, now });
  service.opened(room.ws);
  checkIn();
  expect(await service.tick()).toEqual({ ok: true, value: null });
  service.beforeClose(room.ws); // quitting now: no closing backup either
  expect(backups()).toBe(3);

  // Polls close at 13: the backup of 10 goes (three short of the final count), then the closing state is kept.
  cast();
  room.db.prepare("UPDATE voting_round SET status = 'closed', closed_at = '2026-12-02T07:00:00.000Z' WHERE id = ?").run(roundId);
  const closed = await service.tick();
  expect(closed.ok && closed.value?.reason).toBe('auto');
  expect(listBackups(room.ws.layout.backups).map((b) => roundCastsInFile(path.join(room.ws.layout.backups, b.name)).get(roundId) ?? 0)).toEqual([13, 5, 0]);
  expectNoBallotIsolated(room.ws.layout.backups, room.db);
  // After that, backups are free again.
  checkIn();
  expect((await service.backupNow(room.ws)).ok).toBe(true);
  expectNoBallotIsolated(room.ws.layout.backups, room.db);
  room.ws.close();
});
