import { err, ok, type Result } from '../../contract';
import { APPLICATION_ID, readIntPragma, type Db } from './connection';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations';

export type MigrateError = 'newer_version' | 'not_ours' | 'out_of_sync';

/**
 * What schema a database is at, read without writing anything, so that a file we must
 * refuse (someone else's, or from a newer Delegate Desk) is never touched.
 */
export function inspectSchema(db: Db): Result<{ version: number; fresh: boolean }, MigrateError> {
  const appId = readIntPragma(db, 'application_id');
  const tables = db.prepare(`SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'`).get() as { n: number };
  if (appId === 0 && tables.n === 0) return ok({ version: 0, fresh: true });
  if (appId !== APPLICATION_ID) {
    return err('not_ours', 'This database was not made by Delegate Desk.');
  }
  const version = readIntPragma(db, 'user_version');
  if (version > LATEST_SCHEMA_VERSION) {
    return err(
      'newer_version',
      `This event was saved by a newer Delegate Desk (schema ${version}, this app knows up to ${LATEST_SCHEMA_VERSION}). Update the app to open it.`,
    );
  }
  return ok({ version, fresh: false });
}

/**
 * Applies the pending migrations, all in one transaction: either the database reaches the
 * latest schema or it stays exactly as it was. The applied list must be a prefix of ours.
 */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): Result<number, MigrateError> {
  const state = inspectSchema(db);
  if (!state.ok) return state;
  const apply = db.transaction(() => {
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migration (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
    const applied = db.prepare('SELECT version, name FROM schema_migration ORDER BY version').all() as Array<{
      version: number;
      name: string;
    }>;
    const inSync = applied.every((row, i) => migrations[i]?.version === row.version && migrations[i]?.name === row.name);
    if (!inSync) return false;
    const insert = db.prepare('INSERT INTO schema_migration (version, name, applied_at) VALUES (?, ?, ?)');
    for (const m of migrations.slice(applied.length)) {
      db.exec(m.sql);
      insert.run(m.version, m.name, new Date().toISOString());
    }
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma(`user_version = ${migrations.length}`);
    return true;
  });
  if (!apply.immediate()) {
    return err('out_of_sync', 'The database records migrations this app does not know. It was left unchanged.');
  }
  // Move the new header (application_id, user_version) from the WAL into the main file, so
  // another process that reads the header before opening (the CLI while the app runs) sees it.
  db.pragma('wal_checkpoint(TRUNCATE)');
  return ok(migrations.length);
}
