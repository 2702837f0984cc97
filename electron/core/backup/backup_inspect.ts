import fs from 'node:fs';
import Database from 'better-sqlite3';
import { err, ok, type BackupPreview, type Result } from '../../contract';
import { APPLICATION_ID, readDatabaseHeader, type Db } from '../db/connection';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';

export type InspectError = 'not_found' | 'damaged' | 'not_ours' | 'newer_version';

/** Whether a table exists (check-in and voting tables arrive with later schema versions). */
export function tableExists(db: Db, name: string): boolean {
  return db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?`).get(name) !== undefined;
}

// The tables that hold scans and rounds, by the names their features gave them; the first that
// exists is counted, so a backup from before check-in existed simply shows 0.
const CHECKIN_TABLES = ['attendance', 'checkin_scan'];
const ROUND_TABLES = ['voting_round', 'round', 'election_round'];

function countFirst(db: Db, candidates: readonly string[], where = ''): number {
  for (const t of candidates) {
    if (tableExists(db, t)) return (db.prepare(`SELECT count(*) AS n FROM "${t}" ${where}`).get() as { n: number }).n;
  }
  return 0;
}

/** Reads what a database holds: event, counts and schema version. */
export function describeDatabase(db: Db): BackupPreview {
  const event = db.prepare('SELECT id, name FROM event WHERE singleton = 1').get() as { id: string; name: string } | undefined;
  const participants = tableExists(db, 'participant') ? (db.prepare('SELECT count(*) AS n FROM participant').get() as { n: number }).n : 0;
  const last = tableExists(db, 'participant')
    ? (db.prepare('SELECT max(updated_at) AS at FROM participant').get() as { at: string | null }).at
    : null;
  return {
    eventId: event?.id ?? '',
    eventName: event?.name ?? '',
    schemaVersion: Number(db.pragma('user_version', { simple: true })),
    participants,
    checkIns: countFirst(db, CHECKIN_TABLES),
    rounds: countFirst(db, ROUND_TABLES),
    lastChangeAt: last,
  };
}

/**
 * Checks a database file without writing to it: is it SQLite, ours, not newer than this app,
 * and does it pass `quick_check` (or the full `integrity_check`). Every refusal says what to do.
 */
export function inspectDatabaseFile(file: string, options: { full?: boolean } = {}): Result<BackupPreview, InspectError> {
  if (!fs.existsSync(file)) return err('not_found', `There is no backup at ${file}.`);
  let header;
  try {
    header = readDatabaseHeader(file);
  } catch {
    header = null;
  }
  if (!header) return err('damaged', 'This file is not a readable Delegate Desk database (its header is damaged or it is another kind of file).');
  if (header.applicationId !== APPLICATION_ID) return err('not_ours', 'This file is a database, but not one made by Delegate Desk.');
  if (header.userVersion > LATEST_SCHEMA_VERSION) {
    return err('newer_version', `This backup was made by a newer Delegate Desk (schema ${header.userVersion}; this app knows up to ${LATEST_SCHEMA_VERSION}). Update the app first.`);
  }
  let db: Db | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const check = db.pragma(options.full ? 'integrity_check(1)' : 'quick_check(1)', { simple: true });
    if (check !== 'ok') return err('damaged', `This database failed its integrity check (${String(check).slice(0, 200)}).`);
    return ok(describeDatabase(db));
  } catch (e) {
    return err('damaged', `This database cannot be read (${(e as Error).message}).`);
  } finally {
    db?.close();
  }
}

/** Runs SQLite's integrity check on an open connection; null when it is healthy, else the first problem. */
export function integrityProblem(db: Db, full = false): string | null {
  try {
    const check = db.pragma(full ? 'integrity_check(1)' : 'quick_check(1)', { simple: true });
    return check === 'ok' ? null : String(check).slice(0, 300);
  } catch (e) {
    return (e as Error).message;
  }
}
