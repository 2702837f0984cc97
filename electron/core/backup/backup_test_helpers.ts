/**
 * Test helpers for durability: a demo event in a temp folder, and a full dump of every table
 * (rows in rowid order) so "the same data" is compared exactly, not by a few counts.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Db } from '../db/connection';
import { DEMO_EVENT_INPUT, seedDemoEvent } from '../demo/seed_demo_event';
import { makeTempDir } from '../testing/temp_dir_test_helpers';
import { createEventFolder, type EventWorkspace } from '../workspace/event_workspace';

/** A new demo event (64 people, programme, election) in a fresh temp folder. */
export function demoEvent(): EventWorkspace {
  const created = createEventFolder(path.join(makeTempDir(), 'event'), { ...DEMO_EVENT_INPUT, withDemoData: true }, { seed: seedDemoEvent });
  if (!created.ok) throw new Error(created.error.message);
  return created.value;
}

/** Every table's rows, in a stable order, as one JSON-able object. */
export function dumpTables(db: Db): Record<string, unknown[]> {
  const tables = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as Array<{ name: string }>;
  const out: Record<string, unknown[]> = {};
  for (const { name } of tables) {
    const withoutRowid = (db.prepare(`SELECT sql FROM sqlite_schema WHERE name = ?`).get(name) as { sql: string }).sql.includes('WITHOUT ROWID');
    out[name] = db.prepare(`SELECT * FROM "${name}" ${withoutRowid ? '' : 'ORDER BY rowid'}`).all();
  }
  return out;
}

/** Dumps a database file read-only. */
export function dumpFile(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return dumpTables(db);
  } finally {
    db.close();
  }
}
