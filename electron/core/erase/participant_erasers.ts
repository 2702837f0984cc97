import type { Db } from '../db/connection';

/**
 * One table owner's part of erasing a person: each feature that stores rows about a person adds
 * one entry here (or gets the generic sweep below). Each returns how many rows it removed.
 */
export interface ParticipantEraser {
  /** The feature that owns the table (who to ask when it changes). */
  readonly owner: string;
  readonly table: string;
  erase(db: Db, participantId: number): number;
}

function hasTable(db: Db, table: string): boolean {
  return db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?`).get(table) !== undefined;
}

function deleteWhere(table: string, column = 'participant_id'): ParticipantEraser['erase'] {
  return (db, id) => (hasTable(db, table) ? db.prepare(`DELETE FROM "${table}" WHERE "${column}" = ?`).run(id).changes : 0);
}

/** The explicit erasers, in order: references first, the person's own row last. */
export const PARTICIPANT_ERASERS: readonly ParticipantEraser[] = [
  // The undo journal keeps full before/after images of the person: all of them go.
  { owner: 'participants', table: 'participant_change', erase: deleteWhere('participant_change') },
  {
    owner: 'participants',
    table: 'delegation',
    erase: (db, id) => db.prepare('UPDATE delegation SET head_participant_id = NULL WHERE head_participant_id = ?').run(id).changes,
  },
  { owner: 'participants', table: 'participant', erase: deleteWhere('participant', 'id') },
];

/**
 * Tables whose participant_id rows are kept on purpose. badge_issue holds only an id, a serial,
 * a time and a template (nothing about the person once their row is gone), and must outlive the
 * person: ids are rowids that can be given again, and a new holder must never inherit old badges.
 */
export const KEPT_ON_PURPOSE: ReadonlySet<string> = new Set(['badge_issue']);

/**
 * Every other table with a column naming a participant (check-in scans, ballot issuance and
 * whatever later features add): the generic sweep deletes their rows too, so an erasure covers
 * what exists at the time even before its owner wrote an eraser.
 */
export function sweepTargets(db: Db): Array<{ table: string; column: string }> {
  const explicit = new Set(PARTICIPANT_ERASERS.map((e) => e.table));
  const tables = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as Array<{ name: string }>;
  const out: Array<{ table: string; column: string }> = [];
  for (const { name } of tables) {
    if (explicit.has(name) || KEPT_ON_PURPOSE.has(name)) continue;
    const columns = db.prepare(`SELECT name FROM pragma_table_info(?)`).all(name) as Array<{ name: string }>;
    for (const c of columns) if (/participant_id$/u.test(c.name)) out.push({ table: name, column: c.name });
  }
  return out;
}
