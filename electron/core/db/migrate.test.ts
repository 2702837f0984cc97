import path from 'node:path';
import { expect, test } from 'vitest';
import { makeTempDir } from '../testing/temp_dir_test_helpers';
import { APPLICATION_ID, connect, readDatabaseHeader, readIntPragma } from './connection';
import { inspectSchema, migrate } from './migrate';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations';

function freshDb() {
  return connect(path.join(makeTempDir(), 'event.sqlite'));
}

test('a new database is migrated to the latest schema with durable settings', () => {
  const db = freshDb();
  expect(migrate(db)).toEqual({ ok: true, value: LATEST_SCHEMA_VERSION });
  expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
  expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
  expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  expect(readIntPragma(db, 'application_id')).toBe(APPLICATION_ID);
  expect(readIntPragma(db, 'user_version')).toBe(LATEST_SCHEMA_VERSION);
  const applied = db.prepare('SELECT version, name FROM schema_migration').all();
  expect(applied).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
  // Running again is a no-op.
  expect(migrate(db)).toEqual({ ok: true, value: LATEST_SCHEMA_VERSION });
});

test('the header on disk is current while the connection stays open (another process can check it)', () => {
  const file = path.join(makeTempDir(), 'event.sqlite');
  const db = connect(file);
  migrate(db);
  expect(readDatabaseHeader(file)).toEqual({ applicationId: APPLICATION_ID, userVersion: LATEST_SCHEMA_VERSION });
  db.close();
});

test('every table is STRICT and every foreign key column matches the type it references', () => {
  const db = freshDb();
  migrate(db);
  const tables = db.prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as Array<{ name: string; sql: string }>;
  expect(tables.length).toBeGreaterThan(5);
  for (const t of tables) {
    expect(t.sql, t.name).toMatch(/\)\s*STRICT\s*$/u);
    const columns = new Map((db.prepare(`SELECT name, type FROM pragma_table_info(?)`).all(t.name) as Array<{ name: string; type: string }>).map((c) => [c.name, c.type]));
    for (const fk of db.prepare(`SELECT "table" AS target, "from" AS col, "to" AS ref FROM pragma_foreign_key_list(?)`).all(t.name) as Array<{ target: string; col: string; ref: string }>) {
      const refType = (db.prepare(`SELECT type FROM pragma_table_info(?) WHERE name = ?`).get(fk.target, fk.ref) as { type: string }).type;
      expect(columns.get(fk.col), `${t.name}.${fk.col}`).toBe(refType);
    }
  }
});

test('a failing migration leaves the database exactly as it was', () => {
  const db = freshDb();
  const broken = [...MIGRATIONS, { version: MIGRATIONS.length + 1, name: 'broken', sql: 'CREATE TABLE ok_table (x INTEGER) STRICT; THIS IS NOT SQL;' }];
  expect(() => migrate(db, broken)).toThrow();
  expect(db.prepare(`SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'`).get()).toEqual({ n: 0 });
  expect(readIntPragma(db, 'user_version')).toBe(0);
});

test('a database from a newer version, or not ours, is refused untouched', () => {
  const db = freshDb();
  migrate(db);
  db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
  const newer = migrate(db);
  expect(newer.ok).toBe(false);
  expect(!newer.ok && newer.error.code).toBe('newer_version');
  expect(readIntPragma(db, 'user_version')).toBe(LATEST_SCHEMA_VERSION + 5);

  const other = freshDb();
  other.exec('CREATE TABLE invoices (id INTEGER)');
  expect(inspectSchema(other)).toMatchObject({ ok: false, error: { code: 'not_ours' } });
  expect(migrate(other)).toMatchObject({ ok: false, error: { code: 'not_ours' } });
  expect(other.prepare(`SELECT count(*) AS n FROM sqlite_schema`).get()).toEqual({ n: 1 });
});

test('migrations recorded out of order are refused', () => {
  const db = freshDb();
  migrate(db);
  db.prepare(`UPDATE schema_migration SET name = 'renamed' WHERE version = 1`).run();
  expect(migrate(db)).toMatchObject({ ok: false, error: { code: 'out_of_sync' } });
});
