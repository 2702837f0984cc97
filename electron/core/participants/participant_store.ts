/**
 * Writing people, delegations and categories in bulk (seeding, tests), and the reads every
 * screen shares. Writes here do not touch the search index: they run before an index exists
 * (event creation) or are followed by refreshSearchIndex (see participant_search.ts).
 * Edits made by staff go through participant_writes.ts, which keeps the index and the undo
 * journal current.
 */
import type { Category, Delegation } from '../../contract';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/connection';

export { listParticipants } from './participant_search';

/**
 * A person's own fields, as every writer fills them (seeding, import, the edit panel, the
 * benchmark generator): the one list the near-shapes below derive from.
 */
export interface PersonFields {
  externalId: string | null;
  title: string;
  familyName: string;
  givenName: string;
  nativeName: string;
  nativeNameLang: string | null;
  displayName: string;
  organisation: string;
  position: string;
  country: string | null;
  categoryCode: string;
  languages: string[];
  email: string;
  phone: string;
  notes: string;
}

/** A participant as written by seeding and import; ids come from the database. */
export interface NewParticipant extends PersonFields {
  delegationId: number | null;
  protocolOrder: number;
  /** A file in the event's photos folder. */
  photoFile?: string | null;
  registrationSource?: 'list' | 'walk_in';
}

/** Adds a category or updates its name and colour. */
export function upsertCategory(db: Db, c: Category): void {
  db.prepare(
    `INSERT INTO category (code, name, colour, sort_order) VALUES (@code, @name, @colour, @sortOrder)
     ON CONFLICT(code) DO UPDATE SET name = excluded.name, colour = excluded.colour, sort_order = excluded.sort_order`,
  ).run(c);
}

/** Lists categories in their display order. */
export function listCategories(db: Db): Category[] {
  return db
    .prepare('SELECT code, name, colour, sort_order AS sortOrder FROM category ORDER BY sort_order, code')
    .all() as Category[];
}

/** Adds a delegation without a head (the head is set once members exist). */
export function insertDelegation(db: Db, d: { name: string; country: string | null; protocolOrder: number }): number {
  const info = db
    .prepare('INSERT INTO delegation (name, country, protocol_order) VALUES (@name, @country, @protocolOrder)')
    .run(d);
  return Number(info.lastInsertRowid);
}

/** Names a delegation's head of delegation. */
export function setDelegationHead(db: Db, delegationId: number, participantId: number | null): void {
  db.prepare('UPDATE delegation SET head_participant_id = ? WHERE id = ?').run(participantId, delegationId);
}

const DELEGATION_SELECT = `SELECT d.id, d.name, d.country, d.head_participant_id AS headParticipantId, h.display_name AS headName,
    d.protocol_order AS protocolOrder,
    (SELECT count(*) FROM participant m WHERE m.delegation_id = d.id AND m.status = 'registered') AS memberCount,
    (SELECT count(*) FROM participant m WHERE m.delegation_id = d.id AND m.status = 'cancelled') AS cancelledCount
  FROM delegation d LEFT JOIN participant h ON h.id = d.head_participant_id`;

/** Lists delegations in protocol order with their heads and member counts. */
export function listDelegations(db: Db): Delegation[] {
  return db.prepare(`${DELEGATION_SELECT} ORDER BY d.protocol_order, d.name, d.id`).all() as Delegation[];
}

/** One delegation with its head and counts, or null. */
export function getDelegation(db: Db, id: number): Delegation | null {
  return (db.prepare(`${DELEGATION_SELECT} WHERE d.id = ?`).get(id) as Delegation | undefined) ?? null;
}

// Seeding and tests insert thousands of people: the statement is prepared once per connection.
const insertStatements = new WeakMap<Db, Statement>();

/** Adds one participant and returns its id. */
export function insertParticipant(db: Db, p: NewParticipant, now: string): number {
  let insert = insertStatements.get(db);
  if (!insert) {
    insert = db.prepare(
      `INSERT INTO participant (external_id, title, family_name, given_name, native_name, native_name_lang,
         display_name, organisation, position, country, delegation_id, category_code, languages_json,
         email, phone, notes, protocol_order, photo_file, registration_source, created_at, updated_at)
       VALUES (@externalId, @title, @familyName, @givenName, @nativeName, @nativeNameLang, @displayName,
         @organisation, @position, @country, @delegationId, @categoryCode, @languagesJson, @email, @phone,
         @notes, @protocolOrder, @photoFile, @registrationSource, @now, @now)`,
    );
    insertStatements.set(db, insert);
  }
  const info = insert.run({
    ...p,
    photoFile: p.photoFile ?? null,
    registrationSource: p.registrationSource ?? 'list',
    languagesJson: JSON.stringify(p.languages),
    now,
  });
  return Number(info.lastInsertRowid);
}
