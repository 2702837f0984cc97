/**
 * Building a participant index from the database in slices, so that opening a 100,000-person
 * event does not stop the host answering for seconds: the warm-up reads a few thousand people,
 * yields to the event loop, and goes on. A search that arrives first finishes the build at once.
 * Rows are read by id ranges, not through one long-lived iterator, because better-sqlite3 keeps
 * a connection busy while an iterator is open.
 */
import type { Db } from '../db/connection';
import { ParticipantIndex, type IndexedDelegation, type IndexedPerson } from './participant_index';

const PERSON_COLUMNS = `id, external_id AS externalId, family_name AS familyName, given_name AS givenName,
  display_name AS displayName, native_name AS nativeName, email, organisation, country,
  delegation_id AS delegationId, category_code AS categoryCode, status, protocol_order AS protocolOrder,
  updated_at AS updatedAt`;

/** SQLite's count of commits by other connections: it changes when another process wrote. */
export function dataVersion(db: Db): number {
  return db.pragma('data_version', { simple: true }) as number;
}

/** The delegations as the index keeps them. */
export function readDelegations(db: Db): IndexedDelegation[] {
  return db.prepare('SELECT id, name, protocol_order AS protocolOrder FROM delegation').all() as IndexedDelegation[];
}

/** Participants by id, as the index keeps them. */
export function readPeople(db: Db, ids: readonly number[]): IndexedPerson[] {
  return db.prepare(`SELECT ${PERSON_COLUMNS} FROM participant WHERE id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as IndexedPerson[];
}

/** An index being filled slice by slice; `finish` completes it in one go. */
export class IndexBuilder {
  readonly index: ParticipantIndex;
  /** The database's data_version when the build started (see dataVersion). */
  readonly dataVersion: number;
  private lastId = 0;
  private done = false;

  constructor(private readonly db: Db) {
    this.dataVersion = dataVersion(db);
    this.index = new ParticipantIndex(readDelegations(db));
  }

  /** Adds the next `count` people; true once everyone is in and the index is sealed. */
  step(count: number): boolean {
    if (this.done) return true;
    const rows = this.db
      .prepare(`SELECT ${PERSON_COLUMNS} FROM participant WHERE id > ? ORDER BY id LIMIT ?`)
      .all(this.lastId, count) as IndexedPerson[];
    for (const row of rows) this.index.upsert(row);
    this.lastId = rows[rows.length - 1]?.id ?? this.lastId;
    if (rows.length < count) {
      this.index.seal();
      this.done = true;
    }
    return this.done;
  }

  /** Adds everyone left and returns the finished index. */
  finish(): ParticipantIndex {
    while (!this.step(20_000)) {
      // keep going: each step reads the next slice
    }
    return this.index;
  }
}
