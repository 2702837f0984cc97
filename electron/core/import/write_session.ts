/**
 * The write of an import, one row at a time inside one IMMEDIATE transaction: every insert and
 * update, the new delegations, the heads and the record of where people came from (each
 * person's `import_batch_id`, set by the same statement that writes them, see 0009). Nothing
 * is visible until `finish` commits; `abort` (or a crash of the process or thread that holds
 * the connection) leaves the database as it was. The same session runs on the caller's
 * connection or on a writer thread's own (see import_writer). The SQL uses the participant
 * table's own columns (see 0001_init).
 */
import type { Statement } from 'better-sqlite3';
import type { Category } from '../../contract';
import type { Db } from '../db/connection';
import { foldText } from './text_fold';


export interface WriteOptions {
  readonly source: string;
  readonly fileName: string;
  readonly now: string;
  readonly categories: readonly Category[];
}

export const WRITE_ADD = 0;
export const WRITE_UPDATE = 1;
export const WRITE_UNCHANGED = 2;

/**
 * One row to write, refilled for each row (no garbage per row). `columns` holds the
 * participant's columns in statement order (see COLUMN); the session fills in the delegation id.
 */
export interface WriteRow {
  kind: typeof WRITE_ADD | typeof WRITE_UPDATE | typeof WRITE_UNCHANGED;
  /** The file's row number. */
  row: number;
  /** The existing participant (update, unchanged); 0 for a new one. */
  existingId: number;
  /** The existing participant was cancelled and is registered again. */
  restored: boolean;
  isHead: boolean;
  /** Find (or create) the delegation by `delegationName`; otherwise keep `delegationId`. */
  resolveDelegation: boolean;
  delegationName: string | null;
  delegationId: number | null;
  readonly columns: unknown[];
}

/** Where each participant column sits in `WriteRow.columns` and in both statements. */
export const COLUMN = {
  externalId: 0, title: 1, familyName: 2, givenName: 3, nativeName: 4, nativeNameLang: 5, displayName: 6,
  organisation: 7, position: 8, country: 9, delegationId: 10, categoryCode: 11, languagesJson: 12, email: 13,
  phone: 14, notes: 15,
} as const;
export const COLUMN_COUNT = 16;

/** A fresh row to fill. */
export function emptyWriteRow(): WriteRow {
  return {
    kind: WRITE_ADD, row: 0, existingId: 0, restored: false, isHead: false, resolveDelegation: false,
    delegationName: null, delegationId: null, columns: new Array<unknown>(COLUMN_COUNT + 1).fill(null),
  };
}

/** What a finished write did. */
export interface WriteSummary {
  /** Added rows (ascending, as the file's) and their new ids, side by side. */
  readonly addedRows: number[];
  readonly addedIds: number[];
  readonly delegationsCreated: string[];
  readonly restored: number;
}

/** How many rows of each outcome an import had, for its record. */
export interface WriteCounts {
  readonly rows: number;
  readonly add: number;
  readonly update: number;
  readonly unchanged: number;
  readonly skip: number;
}

/** A text value as an SQL string literal. */
function sqlText(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/**
 * The two statements of the write. Positional parameters: they run 100,000 times in a big
 * import. The time and the batch are the same for every row, so they are literals of the
 * statement: better-sqlite3 binds every parameter on every call, and three bindings fewer per
 * row measured about 40 ms less per 100,000 rows.
 */
function statementsFor(now: string, batch: number): { insert: string; update: string } {
  if (!Number.isSafeInteger(batch)) throw new Error(`import batch id ${batch} is not an integer`);
  const time = sqlText(now);
  return {
    insert: `INSERT INTO participant (external_id, title, family_name, given_name, native_name, native_name_lang,
        display_name, organisation, position, country, delegation_id, category_code, languages_json, email, phone, notes,
        protocol_order, created_at, updated_at, import_batch_id)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ${time}, ${time}, ${batch})`,
    update: `UPDATE participant SET external_id = ?, title = ?, family_name = ?, given_name = ?, native_name = ?,
        native_name_lang = ?, display_name = ?, organisation = ?, position = ?, country = ?, delegation_id = ?,
        category_code = ?, languages_json = ?, email = ?, phone = ?, notes = ?, status = 'registered',
        updated_at = ${time}, import_batch_id = ${batch}
      WHERE id = ?`,
  };
}

/** Delegations by folded name; new ones are created on first use, after the existing ones. */
function delegationFinder(db: Db, created: string[]) {
  const rows = db.prepare('SELECT id, name FROM delegation').all() as Array<{ id: number; name: string }>;
  const byName = new Map(rows.map((r) => [foldText(r.name), r.id]));
  let order = (db.prepare('SELECT coalesce(max(protocol_order), 0) AS n FROM delegation').get() as { n: number }).n;
  const insert = db.prepare('INSERT INTO delegation (name, country, protocol_order) VALUES (?, ?, ?)');
  const byWritten = new Map<string, number>();
  return (name: string | null, country: string | null): number | null => {
    if (!name) return null;
    const seen = byWritten.get(name);
    if (seen !== undefined) return seen;
    const key = foldText(name);
    const known = byName.get(key);
    if (known !== undefined) {
      byWritten.set(name, known);
      return known;
    }
    const id = Number(insert.run(name, country, ++order).lastInsertRowid);
    byName.set(key, id);
    byWritten.set(name, id);
    created.push(name);
    return id;
  };
}

/** The statements and lookups of an open write, made when its transaction begins. */
interface OpenWrite {
  readonly delegationOf: (name: string | null, country: string | null) => number | null;
  readonly lastOrder: Map<number | null, number>;
  readonly batch: number;
  readonly insert: Statement;
  readonly update: Statement;
  readonly setHead: Statement;
  readonly link: Statement;
}

/**
 * One import's write. The transaction begins with the first row (or with a commit of no rows),
 * so an import refused before any row was written never locks the database.
 */
export class ImportWriteSession {
  private readonly summary: { -readonly [K in keyof WriteSummary]: WriteSummary[K] } = { addedRows: [], addedIds: [], delegationsCreated: [], restored: 0 };
  private opened: OpenWrite | null = null;
  private ended = false;

  constructor(
    private readonly db: Db,
    private readonly options: WriteOptions,
  ) {}

  /** Begins the transaction and prepares what every row needs. */
  private begin(): OpenWrite {
    if (this.opened) return this.opened;
    if (this.ended) throw new Error('this import write has already ended');
    const { db, options } = this;
    db.exec('BEGIN IMMEDIATE');
    try {
      if ((db.prepare('SELECT count(*) AS n FROM category').get() as { n: number }).n === 0) {
        const add = db.prepare('INSERT INTO category (code, name, colour, sort_order) VALUES (@code, @name, @colour, @sortOrder)');
        for (const c of options.categories) add.run(c);
      }
      const lastOrder = new Map<number | null, number>();
      for (const r of db.prepare('SELECT delegation_id AS d, max(protocol_order) AS n FROM participant GROUP BY delegation_id').all() as Array<{ d: number | null; n: number }>) {
        lastOrder.set(r.d, r.n);
      }
      const batch = Number(
        db
          .prepare(`INSERT INTO import_batch (source, file_name, imported_at, rows_read, added, updated, unchanged, skipped) VALUES (?, ?, ?, 0, 0, 0, 0, 0)`)
          .run(options.source, options.fileName, options.now).lastInsertRowid,
      );
      const statements = statementsFor(options.now, batch);
      this.opened = {
        delegationOf: delegationFinder(db, this.summary.delegationsCreated),
        lastOrder,
        batch,
        update: db.prepare(statements.update),
        insert: db.prepare(statements.insert),
        setHead: db.prepare('UPDATE delegation SET head_participant_id = ? WHERE id = ?'),
        // An unchanged person keeps every value (and updated_at): only their source is renewed.
        link: db.prepare('UPDATE participant SET import_batch_id = ? WHERE id = ?'),
      };
      return this.opened;
    } catch (e) {
      this.abort();
      throw e;
    }
  }

  /** Writes one row; throws only for bugs (the caller then aborts). */
  write(r: WriteRow): void {
    const w = this.begin();
    if (r.kind === WRITE_UNCHANGED) {
      w.link.run(w.batch, r.existingId);
      return;
    }
    const params = r.columns;
    const delegationId = r.resolveDelegation ? w.delegationOf(r.delegationName, params[COLUMN.country] as string | null) : r.delegationId;
    params[COLUMN.delegationId] = delegationId;
    if (r.kind === WRITE_UPDATE) {
      if (r.restored) this.summary.restored++;
      params[COLUMN_COUNT] = r.existingId;
      // Spread: better-sqlite3 binds arguments faster than an array's elements (about 50 ms
      // less per 100,000 rows of 17 values).
      w.update.run(...params);
      if (r.isHead && delegationId !== null) w.setHead.run(r.existingId, delegationId);
      return;
    }
    const order = (w.lastOrder.get(delegationId) ?? 0) + 1;
    w.lastOrder.set(delegationId, order);
    params[COLUMN_COUNT] = order;
    const id = Number(w.insert.run(...params).lastInsertRowid);
    this.summary.addedRows.push(r.row);
    this.summary.addedIds.push(id);
    if (r.isHead && delegationId !== null) w.setHead.run(id, delegationId);
  }

  /**
   * Records the counts and commits, or rolls back for a dry run or a refusal (which, with no
   * row written, touches nothing). Either way the session has ended.
   */
  finish(commit: boolean, counts: WriteCounts): WriteSummary {
    if (!commit && !this.opened) {
      this.ended = true;
      return this.summary;
    }
    const w = this.begin();
    try {
      this.db
        .prepare('UPDATE import_batch SET rows_read = ?, added = ?, updated = ?, unchanged = ?, skipped = ? WHERE id = ?')
        .run(counts.rows, counts.add, counts.update, counts.unchanged, counts.skip, w.batch);
      if (commit) {
        this.db.exec('COMMIT');
        this.opened = null;
        this.ended = true;
      }
      return this.summary;
    } finally {
      this.abort();
    }
  }

  /** Rolls back whatever was written and ends the session; safe to call more than once. */
  abort(): void {
    this.ended = true;
    if (!this.opened) return;
    this.opened = null;
    if (this.db.inTransaction) this.db.exec('ROLLBACK');
  }
}
