/**
 * The write of an import, from planned rows: all of it in one transaction (see
 * write_session), or nothing. The screen's commit writes on the caller's connection; a big
 * file import writes on a thread of its own while the next rows are still being read and
 * checked (see write_thread), so the second core does the SQLite half of the work.
 */
import type { Db } from '../db/connection';
import { provides, type CandidateField, type ImportCandidate } from './build_rows';
import type { PlannedRow } from './match_existing';
import { COLUMN, emptyWriteRow, ImportWriteSession, WRITE_ADD, WRITE_UNCHANGED, WRITE_UPDATE, type WriteCounts, type WriteOptions, type WriteRow, type WriteSummary } from './write_session';
import { startWriteThread } from './write_thread';

export type { WriteCounts, WriteOptions } from './write_session';

export interface WriteResult {
  /** New participant id of an added row (by its row number), or null. */
  readonly idOfRow: (row: number) => number | null;
  /** The new participants' ids, in the order their rows were written. */
  readonly addedIds: readonly number[];
  readonly delegationsCreated: string[];
  readonly restored: number;
}


/** Planned rows in, a transaction's result out. */
export interface ImportWriter {
  /** Writes (or queues) the rows; skipped rows are passed over. */
  add(planned: readonly PlannedRow[]): void;
  /** Commits, or rolls back when `commit` is false; rejects if the write failed (nothing written). */
  finish(commit: boolean, counts: WriteCounts): Promise<WriteResult>;
  /** Gives up: rolls back whatever was written (after `finish`, does nothing). */
  close(): Promise<void>;
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

/**
 * Turns planned rows into rows to write. Rows of a file share their language lists
 * (build_rows reads each distinct cell once), so the JSON is found by the list itself first,
 * by its contents only for a new list.
 */
function rowFiller(): (out: WriteRow, row: PlannedRow) => void {
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
  return (out, row) => {
    out.row = row.built.row;
    out.existingId = row.existing?.id ?? 0;
    if (row.outcome === 'unchanged') {
      out.kind = WRITE_UNCHANGED;
      out.columns.fill(null);
      out.delegationName = null;
      out.delegationId = null;
      out.resolveDelegation = out.isHead = out.restored = false;
      return;
    }
    const p = merged(row);
    out.kind = row.existing ? WRITE_UPDATE : WRITE_ADD;
    out.restored = row.existing?.status === 'cancelled';
    out.isHead = p.isHead;
    out.resolveDelegation = provides(row.built, 'delegation') || !row.existing;
    out.delegationName = p.delegation;
    out.delegationId = row.existing?.delegationId ?? null;
    const c = out.columns;
    c[COLUMN.externalId] = p.externalId;
    c[COLUMN.title] = p.title;
    c[COLUMN.familyName] = p.familyName;
    c[COLUMN.givenName] = p.givenName;
    c[COLUMN.nativeName] = p.nativeName;
    c[COLUMN.nativeNameLang] = p.nativeNameLang;
    c[COLUMN.displayName] = p.displayName;
    c[COLUMN.organisation] = p.organisation;
    c[COLUMN.position] = p.position;
    c[COLUMN.country] = p.country;
    c[COLUMN.delegationId] = null;
    c[COLUMN.categoryCode] = p.categoryCode;
    c[COLUMN.languagesJson] = languagesJson(p.languages);
    c[COLUMN.email] = p.email;
    c[COLUMN.phone] = p.phone;
    c[COLUMN.notes] = p.notes;
  };
}

/** The caller-facing result of a session's summary. */
function resultOf(summary: WriteSummary): WriteResult {
  const { addedRows, addedIds } = summary;
  return { idOfRow: (row) => idAt(addedRows, addedIds, row), addedIds, delegationsCreated: summary.delegationsCreated, restored: summary.restored };
}

/** How many rows of each outcome. */
export function countWrites(planned: readonly PlannedRow[]): WriteCounts {
  const counts = { rows: planned.length, add: 0, update: 0, unchanged: 0, skip: 0 };
  for (const p of planned) counts[p.outcome]++;
  return counts;
}

/** Writes the planned rows on this connection; a dry run rolls back. Throws only for bugs (nothing is then written). */
export function writeImport(db: Db, planned: readonly PlannedRow[], options: WriteOptions & { readonly dryRun: boolean }): WriteResult {
  const writer = sessionWriter(db, options);
  writer.add(planned);
  return writer.finishNow(!options.dryRun, countWrites(planned));
}

/** A writer on `db` itself: each chunk is written as it is added. */
function sessionWriter(db: Db, options: WriteOptions): ImportWriter & { finishNow(commit: boolean, counts: WriteCounts): WriteResult } {
  const fill = rowFiller();
  const row = emptyWriteRow();
  const session = new ImportWriteSession(db, options);
  let failure: unknown = null;
  const finishNow = (commit: boolean, counts: WriteCounts): WriteResult => {
    if (failure) throw failure;
    return resultOf(session.finish(commit, counts));
  };
  return {
    add(planned) {
      if (failure) return;
      try {
        for (const p of planned) {
          if (p.outcome === 'skip') continue;
          fill(row, p);
          session.write(row);
        }
      } catch (e) {
        failure = e;
        session.abort();
      }
    },
    finishNow,
    finish: async (commit, counts) => finishNow(commit, counts),
    close: async () => session.abort(),
  };
}

/**
 * A writer fed chunk by chunk. With `workerFile` (the built write_worker) the rows are written
 * by a thread with its own connection to the same file; without it, on `db` as they come. The
 * transaction opens with the first row, so a file refused before any row is sent locks nothing.
 */
export function startImportWriter(db: Db, options: WriteOptions, workerFile: string | null): ImportWriter {
  // An in-memory database cannot be opened from another thread.
  if (!workerFile || db.memory) return sessionWriter(db, options);
  const fill = rowFiller();
  const row = emptyWriteRow();
  const thread = startWriteThread(db.name, options, workerFile);
  return {
    add(planned) {
      for (const p of planned) {
        if (p.outcome === 'skip') continue;
        fill(row, p);
        thread.add(row);
      }
      thread.flush();
    },
    finish: async (commit, counts) => resultOf(await thread.finish(commit, counts)),
    close: () => thread.close(),
  };
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
