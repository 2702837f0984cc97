import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { err, ok, type Result } from '../../contract';
import type { Db } from '../db/connection';
import { refreshSearchIndex } from '../participants/participant_search';
import { PARTICIPANT_ERASERS, sweepTargets } from './participant_erasers';

/** What an erasure removed, table by table. */
export interface ErasureReport {
  readonly tables: Array<{ table: string; rows: number }>;
  readonly photoRemoved: boolean;
}

/**
 * Erases one person from one database, in one transaction, with secure_delete on (freed pages
 * are zeroed, not left readable), then VACUUMs and truncates the WAL so no old page image of the
 * row stays in a free page or in the -wal file either.
 */
export function eraseParticipantFromDb(db: Db, participantId: number, photosDir: string | null): Result<ErasureReport, 'not_found'> {
  const exists = db.prepare('SELECT 1 FROM participant WHERE id = ?').get(participantId) !== undefined;
  if (!exists) return err('not_found', `There is no participant with id ${participantId} in this event.`);
  const previous = Number(db.pragma('secure_delete', { simple: true }));
  db.pragma('secure_delete = ON');
  try {
    const run = db.transaction(() => {
      const tables: Array<{ table: string; rows: number }> = [];
      const own = PARTICIPANT_ERASERS[PARTICIPANT_ERASERS.length - 1];
      // References first (explicit, then the sweep of other features' tables), the person's own row last.
      for (const eraser of PARTICIPANT_ERASERS.slice(0, -1)) tables.push({ table: eraser.table, rows: eraser.erase(db, participantId) });
      for (const t of sweepTargets(db)) {
        tables.push({ table: t.table, rows: db.prepare(`DELETE FROM "${t.table}" WHERE "${t.column}" = ?`).run(participantId).changes });
      }
      if (own) tables.push({ table: own.table, rows: own.erase(db, participantId) });
      return tables;
    });
    // The photo file's name is read before the row goes, and the file removed only once the
    // transaction committed (a failed erasure keeps it).
    const photo = db.prepare('SELECT photo_file AS f FROM participant WHERE id = ?').get(participantId) as { f: string | null };
    const tables = run.immediate();
    const photoRows = photosDir ? removePhotoFiles(photosDir, participantId, photo.f) : 0;
    // Pages freed before secure_delete was on may still hold old copies of the row: VACUUM
    // rebuilds the file without free pages, and the TRUNCATE checkpoint empties the WAL.
    db.exec('VACUUM');
    db.pragma('wal_checkpoint(TRUNCATE)');
    return ok({ tables: tables, photoRemoved: photoRows > 0 });
  } finally {
    db.pragma(`secure_delete = ${previous}`);
  }
}

/** Removes the person's photo and any older photo file of theirs (photos are named `<id>-<hash>.<ext>`). */
function removePhotoFiles(photosDir: string, participantId: number, current: string | null): number {
  let removed = 0;
  const names = fs.existsSync(photosDir) ? fs.readdirSync(photosDir) : [];
  const theirs = new RegExp(`^${participantId}-[0-9a-f]{12}\\.(jpg|png|webp)$`, 'u');
  for (const name of names) {
    if (name === current || theirs.test(name)) {
      fs.rmSync(path.join(photosDir, name), { force: true });
      removed++;
    }
  }
  return removed;
}

/** Every database file under a backups folder: rotated copies and databases kept aside by a restore. */
export function backupDatabaseFiles(backupsDir: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith('.sqlite')) out.push(full);
    }
  };
  walk(backupsDir);
  return out;
}

/**
 * Erases a person from the open event and from every backup in its folder (a backup that still
 * held them would undo the erasure at the next restore). Backups are rewritten the same way. Backups elsewhere (a USB stick) are out of reach: the
 * report says so, and the README tells staff to erase or re-make them.
 */
export function eraseParticipantEverywhere(
  db: Db,
  layout: { photos: string; backups: string },
  participantId: number,
): Result<ErasureReport & { backupsScrubbed: number }, 'not_found'> {
  const erased = eraseParticipantFromDb(db, participantId, layout.photos);
  if (!erased.ok) return erased;
  refreshSearchIndex(db, [participantId]);
  let scrubbed = 0;
  for (const file of backupDatabaseFiles(layout.backups)) {
    let copy: Db | undefined;
    try {
      copy = new Database(file, { fileMustExist: true });
      const inCopy = copy.prepare(`SELECT 1 FROM sqlite_schema WHERE name = 'participant'`).get() && copy.prepare('SELECT 1 FROM participant WHERE id = ?').get(participantId);
      if (inCopy) {
        eraseParticipantFromDb(copy, participantId, null);
        scrubbed++;
      }
    } finally {
      copy?.close();
    }
  }
  return ok({ ...erased.value, backupsScrubbed: scrubbed });
}
