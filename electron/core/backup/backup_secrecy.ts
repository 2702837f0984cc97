/**
 * Ballot secrecy across backups. Each backup is a snapshot; two consecutive snapshots taken
 * while polls are open differ by the ballots cast in between and by the voters whose ballot
 * turned "cast" in between. If only one ballot separated them, comparing the two files would
 * tell whose ballot it was. So while a round is open, an automatic backup waits until at least
 * MIN_CASTS_BETWEEN_BACKUPS ballots separate it from the previous one (or none at all: then
 * it holds no new ballot). Nothing acknowledged depends on it: every cast is committed to the
 * event's database with synchronous=FULL before the booth hears "cast"; backups are for a
 * damaged disk, and the next one comes with the next few ballots or when polls close.
 */
import Database from 'better-sqlite3';
import type { Db } from '../db/connection';

/** The fewest ballots that may separate two automatic backups of an open round. */
export const MIN_CASTS_BETWEEN_BACKUPS = 5;

/** The open round and how many ballots were cast in it; null when polls are closed. */
export interface OpenRoundCasts {
  readonly roundId: number;
  readonly cast: number;
}

const OPEN_ROUND = `SELECT id AS roundId, cast_total AS cast FROM voting_round WHERE status = 'open'`;

/** The open round's cast count in a live database. */
export function openRoundCasts(db: Db): OpenRoundCasts | null {
  return (db.prepare(OPEN_ROUND).get() as OpenRoundCasts | undefined) ?? null;
}

/** The same, read from a backup file just written (so the figure is exactly what it holds). */
export function openRoundCastsInFile(file: string): OpenRoundCasts | null {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return openRoundCasts(db);
  } finally {
    db.close();
  }
}

/**
 * Whether an automatic backup must wait: a round is open and between one and
 * MIN_CASTS_BETWEEN_BACKUPS - 1 ballots were cast in it since the newest backup.
 */
export function holdForSecrecy(now: OpenRoundCasts | null, atLastBackup: OpenRoundCasts | null): boolean {
  if (!now) return false;
  const before = atLastBackup && atLastBackup.roundId === now.roundId ? atLastBackup.cast : 0;
  const since = now.cast - before;
  return since > 0 && since < MIN_CASTS_BETWEEN_BACKUPS;
}
