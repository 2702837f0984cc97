import fs from 'node:fs';
import Database from 'better-sqlite3';

export type Db = Database.Database;

/**
 * Marks a SQLite file as a Delegate Desk event ('DDK1'), so that a database someone else made
 * is recognised and left alone instead of being migrated into ours.
 */
export const APPLICATION_ID = 0x44444b31;

/**
 * Opens a connection with the settings that make an acknowledged write survive a crash:
 * WAL with synchronous=FULL fsyncs every commit; foreign keys are per connection in SQLite,
 * so they are switched on here rather than in the schema.
 */
export function connect(file: string, options: { readonly?: boolean } = {}): Db {
  const db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  db.pragma('busy_timeout = 5000');
  if (!options.readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
  }
  db.pragma('foreign_keys = ON');
  return db;
}

/** Reads one integer pragma (user_version, application_id). */
export function readIntPragma(db: Db, name: 'user_version' | 'application_id'): number {
  const value = db.pragma(name, { simple: true });
  return typeof value === 'number' ? value : 0;
}

/** The parts of a SQLite file header we check before opening it (offsets from the file format). */
export interface DatabaseHeader {
  userVersion: number;
  applicationId: number;
}

/**
 * Reads the SQLite header straight from the file. Unlike opening a connection, this never
 * creates -wal or -shm files, so a database we must refuse is left exactly as it was.
 * Returns null for a file that is not SQLite at all.
 */
export function readDatabaseHeader(file: string): DatabaseHeader | null {
  const header = Buffer.alloc(100);
  const fd = fs.openSync(file, 'r');
  try {
    if (fs.readSync(fd, header, 0, 100, 0) < 100) return null;
  } finally {
    fs.closeSync(fd);
  }
  if (header.toString('latin1', 0, 16) !== 'SQLite format 3\u0000') return null;
  return { userVersion: header.readUInt32BE(60), applicationId: header.readUInt32BE(68) };
}
