/**
 * Prepared statements of hot paths (a scan, a badge lookup), compiled once per connection:
 * compiling SQL is a large share of a scan's CPU time, and twenty desks at once queue behind
 * the CPU as much as the disk.
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from './connection';

const cache = new WeakMap<Db, Map<string, Statement>>();

/** The connection's statement for `sql` (fixed SQL text only: never text built from input). */
export function statement(db: Db, sql: string): Statement {
  let byText = cache.get(db);
  if (!byText) {
    byText = new Map();
    cache.set(db, byText);
  }
  let stmt = byText.get(sql);
  if (!stmt) {
    stmt = db.prepare(sql);
    byText.set(sql, stmt);
  }
  return stmt;
}
