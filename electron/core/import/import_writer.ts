/**
 * The write: one IMMEDIATE transaction holds every insert and update of an import, the new
 * delegations, the heads and the record of where people came from (each person's
 * `import_batch_id`, set by the same statement that writes them, see 0009). Any failure
 * rolls all of it back. A dry run does the same work and rolls it back on purpose, so its
 * report is the real one. The SQL uses the participant table's own columns (see 0001_init).
 */
import type { Category } from '../../contract';
import type { Db } from '../db/connection';
import { provides, type CandidateField, type ImportCandidate } from './build_rows';
import type { PlannedRow } from './match_existing';
import { foldText } from './text_fold';

export interface WriteOptions {
  readonly source: string;
  readonly fileName: string;
  readonly now: string;
  readonly dryRun: boolean;
  readonly categories: readonly Category[];
}

export interface WriteResult {
  /** New participant id of an added row (by its row number), or null. */
  readonly idOfRow: (row: number) => number | null;
  /** The new participants' ids, in the order their rows were written. */
  readonly addedIds: readonly number[];
  readonly delegationsCreated: string[];
  readonly restored: number;
}

class DryRunRollback extends Error {}

/** A text value as an SQL string literal. */
function sqlText(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/**
 * The two statements of the write, prepared once per import. Positional parameters: they run
 * 100,000 times in a big import. (One row per call measured faster than multi-row VALUES
 * batches with better-sqlite3.) The time and the batch are the same for every row, so they are
 * literals of the statement: better-sqlite3 binds every parameter on every call, and three
 * bindings fewer per row measured about 40 ms less per 100,000 rows.
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

/** Fills the participant columns both statements set, in their order, into a reused array. */
function fillColumns(out: unknown[], p: ImportCandidate, delegationId: number | null, languagesJson: string): void {
  out[0] = p.externalId;
  out[1] = p.title;
  out[2] = p.familyName;
  out[3] = p.givenName;
  out[4] = p.nativeName;
  out[5] = p.nativeNameLang;
  out[6] = p.displayName;
  out[7] = p.organisation;
  out[8] = p.position;
  out[9] = p.country;
  out[10] = delegationId;
  out[11] = p.categoryCode;
  out[12] = languagesJson;
  out[13] = p.email;
  out[14] = p.phone;
  out[15] = p.notes;
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

/** The person after the row: the row's values where it has them, the stored ones elsewhere. */
function merged(row: PlannedRow): ImportCandidate {
  const c = row.built.candidate!;
  const e = row.existing;
  if (!e) return c;
  const out = { ...c };
  for (const key of Object.keys(c) as CandidateField[]) {
    if (key === 'isHead' || provides(row.built, key)) continue;
    (out as Record<string, unknown>)[key] = e[key as keyof typeof e];
  }
  return out;
}

/** Writes the planned rows; throws only for bugs (the transaction is then rolled back). */
export function writeImport(db: Db, planned: readonly PlannedRow[], options: WriteOptions): WriteResult {
  // Added rows and their new ids side by side (rows ascend, as the file's do): two number
  // arrays instead of a 100,000-entry map.
  const addedRows: number[] = [];
  const addedIds: number[] = [];
  const delegationsCreated: string[] = [];
  let restored = 0;
  const work = db.transaction(() => {
    if ((db.prepare('SELECT count(*) AS n FROM category').get() as { n: number }).n === 0) {
      const add = db.prepare('INSERT INTO category (code, name, colour, sort_order) VALUES (@code, @name, @colour, @sortOrder)');
      for (const c of options.categories) add.run(c);
    }
    const delegationOf = delegationFinder(db, delegationsCreated);
    // Rows of a file share their language lists (build_rows reads each distinct cell once), so
    // the JSON is found by the list itself first, by its contents only for a new list.
    const jsonOf = new Map<string, string>();
    const jsonOfList = new Map<readonly string[], string>();
    const languagesJson = (languages: string[]) => {
      let hit = jsonOfList.get(languages);
      if (hit !== undefined) return hit;
      const key = languages.join(',');
      hit = jsonOf.get(key);
      if (hit === undefined) jsonOf.set(key, (hit = JSON.stringify(languages)));
      if (jsonOfList.size < 10_000) jsonOfList.set(languages, hit);
      return hit;
    };
    const lastOrder = new Map<number | null, number>();
    for (const r of db.prepare('SELECT delegation_id AS d, max(protocol_order) AS n FROM participant GROUP BY delegation_id').all() as Array<{ d: number | null; n: number }>) {
      lastOrder.set(r.d, r.n);
    }
    const batch = Number(
      db
        .prepare(`INSERT INTO import_batch (source, file_name, imported_at, rows_read, added, updated, unchanged, skipped) VALUES (?, ?, ?, ?, 0, 0, 0, 0)`)
        .run(options.source, options.fileName, options.now, planned.length).lastInsertRowid,
    );
    // One parameter array per statement, refilled for each row (no garbage per row) and spread
    // into the call: better-sqlite3 binds arguments faster than an array's elements (about
    // 50 ms less per 100,000 rows of 17 values).
    const insertParams: unknown[] = new Array<unknown>(17).fill(null);
    const updateParams: unknown[] = new Array<unknown>(17).fill(null);
    const statements = statementsFor(options.now, batch);
    const update = db.prepare(statements.update);
    const setHead = db.prepare('UPDATE delegation SET head_participant_id = ? WHERE id = ?');
    const insert = db.prepare(statements.insert);
    // An unchanged person keeps every value (and updated_at): only their source is renewed.
    const link = db.prepare('UPDATE participant SET import_batch_id = ? WHERE id = ?');
    for (const row of planned) {
      if (row.outcome === 'skip') continue;
      if (row.outcome === 'unchanged') {
        link.run(batch, row.existing!.id);
        continue;
      }
      const p = merged(row);
      const delegationId = provides(row.built, 'delegation') || !row.existing ? delegationOf(p.delegation, p.country) : row.existing.delegationId;
      if (row.existing) {
        const id = row.existing.id;
        if (row.existing.status === 'cancelled') restored++;
        fillColumns(updateParams, p, delegationId, languagesJson(p.languages));
        updateParams[16] = id;
        update.run(...updateParams);
        if (p.isHead && delegationId !== null) setHead.run(id, delegationId);
      } else {
        const order = (lastOrder.get(delegationId) ?? 0) + 1;
        lastOrder.set(delegationId, order);
        fillColumns(insertParams, p, delegationId, languagesJson(p.languages));
        insertParams[16] = order;
        const id = Number(insert.run(...insertParams).lastInsertRowid);
        addedRows.push(row.built.row);
        addedIds.push(id);
        if (p.isHead && delegationId !== null) setHead.run(id, delegationId);
      }
    }
    const counts = { add: 0, update: 0, unchanged: 0, skip: 0 };
    for (const r of planned) counts[r.outcome]++;
    db.prepare('UPDATE import_batch SET added = ?, updated = ?, unchanged = ?, skipped = ? WHERE id = ?').run(counts.add, counts.update, counts.unchanged, counts.skip, batch);
    if (options.dryRun) throw new DryRunRollback();
  });
  try {
    work.immediate();
  } catch (e) {
    if (!(e instanceof DryRunRollback)) throw e;
  }
  return { idOfRow: (row) => idAt(addedRows, addedIds, row), addedIds, delegationsCreated, restored };
}

/** Binary search of a row in the ascending `rows`; its id, or null. */
function idAt(rows: readonly number[], ids: readonly number[], row: number): number | null {
  let lo = 0;
  let hi = rows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const at = rows[mid]!;
    if (at === row) return ids[mid]!;
    if (at < row) lo = mid + 1;
    else hi = mid - 1;
  }
  return null;
}
