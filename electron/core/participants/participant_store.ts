import { z } from 'zod';
import {
  LanguageCodeSchema,
  type Category,
  type Delegation,
  type Participant,
  type MethodParsedInput,
} from '../../contract';
import type { Db } from '../db/connection';

/** A participant as written by seeding and (later) import; ids come from the database. */
export interface NewParticipant {
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
  delegationId: number | null;
  categoryCode: string;
  languages: string[];
  email: string;
  phone: string;
  notes: string;
  protocolOrder: number;
}

const LanguagesSchema = z.array(LanguageCodeSchema);

const PARTICIPANT_COLUMNS = `p.id, p.external_id AS externalId, p.title, p.family_name AS familyName,
  p.given_name AS givenName, p.native_name AS nativeName, p.native_name_lang AS nativeNameLang,
  p.display_name AS displayName, p.organisation, p.position, p.country, p.delegation_id AS delegationId,
  d.name AS delegationName, p.category_code AS categoryCode, p.languages_json AS languagesJson,
  p.email, p.phone, p.notes, p.status`;

type ParticipantRow = Omit<Participant, 'languages'> & { languagesJson: string };

function toParticipant({ languagesJson, ...row }: ParticipantRow): Participant {
  return { ...row, languages: LanguagesSchema.parse(JSON.parse(languagesJson)) };
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

/** Lists delegations in protocol order with their heads and member counts. */
export function listDelegations(db: Db): Delegation[] {
  return db
    .prepare(
      `SELECT d.id, d.name, d.country, d.head_participant_id AS headParticipantId, h.display_name AS headName,
         d.protocol_order AS protocolOrder,
         (SELECT count(*) FROM participant m WHERE m.delegation_id = d.id AND m.status = 'registered') AS memberCount
       FROM delegation d LEFT JOIN participant h ON h.id = d.head_participant_id
       ORDER BY d.protocol_order, d.name`,
    )
    .all() as Delegation[];
}

/** Adds one participant and returns its id. */
export function insertParticipant(db: Db, p: NewParticipant, now: string): number {
  const info = db
    .prepare(
      `INSERT INTO participant (external_id, title, family_name, given_name, native_name, native_name_lang,
         display_name, organisation, position, country, delegation_id, category_code, languages_json,
         email, phone, notes, protocol_order, created_at, updated_at)
       VALUES (@externalId, @title, @familyName, @givenName, @nativeName, @nativeNameLang, @displayName,
         @organisation, @position, @country, @delegationId, @categoryCode, @languagesJson, @email, @phone,
         @notes, @protocolOrder, @now, @now)`,
    )
    .run({ ...p, languagesJson: JSON.stringify(p.languages), now });
  return Number(info.lastInsertRowid);
}

/** Escapes LIKE wildcards so that a typed % or _ matches itself. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/gu, (c) => `\\${c}`)}%`;
}

/**
 * Lists participants by filter, in protocol order. Matching is a case-insensitive substring
 * over the names in every script, organisation and e-mail; NFKC folds full-width Latin.
 */
export function listParticipants(
  db: Db,
  input: MethodParsedInput<'participants.list'>,
): { total: number; items: Participant[] } {
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  const query = input.query.normalize('NFKC').toLowerCase();
  if (query) {
    where.push(`(lower(p.display_name) LIKE @q ESCAPE '\\' OR lower(p.family_name) LIKE @q ESCAPE '\\'
      OR lower(p.given_name) LIKE @q ESCAPE '\\' OR p.native_name LIKE @q ESCAPE '\\'
      OR lower(p.organisation) LIKE @q ESCAPE '\\' OR lower(p.email) LIKE @q ESCAPE '\\')`);
    params['q'] = likePattern(query);
  }
  if (input.categoryCode) {
    where.push('p.category_code = @category');
    params['category'] = input.categoryCode;
  }
  if (input.delegationId) {
    where.push('p.delegation_id = @delegation');
    params['delegation'] = input.delegationId;
  }
  if (input.status) {
    where.push('p.status = @status');
    params['status'] = input.status;
  }
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const from = `FROM participant p LEFT JOIN delegation d ON d.id = p.delegation_id ${whereSql}`;
  const read = db.transaction(() => {
    const total = (db.prepare(`SELECT count(*) AS n ${from}`).get(params) as { n: number }).n;
    const rows = db
      .prepare(
        `SELECT ${PARTICIPANT_COLUMNS} ${from}
         ORDER BY coalesce(d.protocol_order, 1e9), d.name, p.protocol_order, p.display_name
         LIMIT @limit OFFSET @offset`,
      )
      .all({ ...params, limit: input.limit, offset: input.offset }) as ParticipantRow[];
    return { total, items: rows.map(toParticipant) };
  });
  return read.deferred();
}
