/**
 * Ballot secrecy across backups. Each backup is a snapshot; two snapshots differ, for a voting
 * round, by the ballots cast in between and by the voters whose ballot turned "cast" in
 * between. If only one ballot separated them, comparing the two files would tell whose ballot
 * it was. So every backup the event keeps (automatic, "Back up now", to a USB stick, at close)
 * is at least MIN_CASTS_BETWEEN_BACKUPS ballots of each round apart from the previous one, or
 * holds no new ballot of it:
 * - while the round's polls are open, a backup that would be 1–4 ballots apart waits (an
 *   automatic one) or is refused with the reason (one asked for by hand);
 * - once polls closed, the final count cannot grow: the kept backups within four ballots of it
 *   are removed before the next backup, which holds the whole round (the same papers the
 *   published result shows). A backup with none of the round's ballots is never a problem.
 * Nothing acknowledged depends on backups: every cast is committed to the event's database
 * with synchronous=FULL before the booth hears "cast"; backups are for a damaged disk. The live
 * database itself is always 1–4 ballots from the newest backup while a hold is on: the hold
 * protects the copies, which are the files that travel.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Db } from '../db/connection';
import { listBackups } from './backup_files';

/** The fewest ballots of one round that may separate two backups. */
export const MIN_CASTS_BETWEEN_BACKUPS = 5;

/** Ballots cast in each voting round (by round id), as a database or backup file holds them. */
export type RoundCasts = ReadonlyMap<number, number>;

/** What the rule says about a backup now. */
export interface SecrecyVerdict {
  /** An open round is 1–4 ballots from the newest backup: no backup yet. */
  readonly hold: boolean;
  /** How many more ballots the held round needs (0 when not held). */
  readonly ballotsToWait: number;
  /** Closed rounds whose kept backups within four ballots of the final count must go first. */
  readonly closedRounds: ReadonlyArray<{ readonly roundId: number; readonly final: number }>;
}

const CASTS = 'SELECT id, cast_total AS cast, status FROM voting_round';

/** Every round's cast count in a live database, and which rounds are open. */
export function roundCasts(db: Db): { casts: Map<number, number>; open: Set<number> } {
  const rows = db.prepare(CASTS).all() as Array<{ id: number; cast: number; status: string }>;
  return { casts: new Map(rows.map((r) => [r.id, r.cast])), open: new Set(rows.filter((r) => r.status === 'open').map((r) => r.id)) };
}

/** Every round's cast count in a backup file (empty when the file cannot be read). */
export function roundCastsInFile(file: string): Map<number, number> {
  let db: Db | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    return roundCasts(db).casts;
  } catch {
    return new Map();
  } finally {
    db?.close();
  }
}

/** The newest backup's counts, the baseline when an event opens (after a crash too). */
export function newestBackupCasts(backupsDir: string): Map<number, number> {
  const newest = listBackups(backupsDir)[0];
  return newest ? roundCastsInFile(path.join(backupsDir, newest.name)) : new Map();
}

/** Applies the rule to the counts now against those of the newest backup. */
export function secrecyVerdict(now: { casts: RoundCasts; open: ReadonlySet<number> }, atLastBackup: RoundCasts): SecrecyVerdict {
  let ballotsToWait = 0;
  const closedRounds: Array<{ roundId: number; final: number }> = [];
  for (const [roundId, cast] of now.casts) {
    const before = atLastBackup.get(roundId) ?? 0;
    const since = cast - before;
    if (since <= 0 || since >= MIN_CASTS_BETWEEN_BACKUPS) continue;
    if (now.open.has(roundId)) ballotsToWait = Math.max(ballotsToWait, MIN_CASTS_BETWEEN_BACKUPS - since);
    else if (before > 0) closedRounds.push({ roundId, final: cast });
  }
  return { hold: ballotsToWait > 0, ballotsToWait, closedRounds };
}

/**
 * Removes the kept backups that hold a closed round 1–4 ballots short of its final count, so
 * the backup about to be taken is not that close to any of them. Returns the removed names.
 */
export function removeBackupsNearFinal(backupsDir: string, closedRounds: SecrecyVerdict['closedRounds']): string[] {
  if (closedRounds.length === 0) return [];
  const removed: string[] = [];
  for (const b of listBackups(backupsDir)) {
    const file = path.join(backupsDir, b.name);
    const casts = roundCastsInFile(file);
    const near = closedRounds.some(({ roundId, final }) => {
      const held = casts.get(roundId) ?? 0;
      return held > 0 && held < final && final - held < MIN_CASTS_BETWEEN_BACKUPS;
    });
    if (!near) continue;
    fs.rmSync(file, { force: true });
    removed.push(b.name);
  }
  return removed;
}

/** The sentence a refused backup shows. */
export function heldMessage(verdict: SecrecyVerdict): string {
  return (
    `Polls are open and this backup would be fewer than ${MIN_CASTS_BETWEEN_BACKUPS} ballots from the previous one, ` +
    `which could tell whose ballots they are. It can be made after ${verdict.ballotsToWait} more ballot(s) are cast, or once the polls close. ` +
    'Every ballot is already safely stored in the event.'
  );
}
