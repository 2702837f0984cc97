/**
 * Reading participants: the SELECT every read shares, rows turned into the contract's shape,
 * and the full row image that the undo journal stores (every column, as SQLite holds it).
 */
import { z } from 'zod';
import { LanguageCodeSchema, type Participant } from '../../contract';
import type { Db } from '../db/connection';

const LanguagesSchema = z.array(LanguageCodeSchema);

/** The columns of a participant as the API shows them (joined with the delegation's name). */
export const PARTICIPANT_COLUMNS = `p.id, p.external_id AS externalId, p.title, p.family_name AS familyName,
  p.given_name AS givenName, p.native_name AS nativeName, p.native_name_lang AS nativeNameLang,
  p.display_name AS displayName, p.organisation, p.position, p.country, p.delegation_id AS delegationId,
  d.name AS delegationName, p.category_code AS categoryCode, p.languages_json AS languagesJson,
  p.email, p.phone, p.notes, p.status, p.protocol_order AS protocolOrder, p.photo_file AS photoFile,
  p.registration_source AS registrationSource, p.created_at AS createdAt, p.updated_at AS updatedAt`;

/** FROM clause matching PARTICIPANT_COLUMNS. */
export const PARTICIPANT_FROM = 'FROM participant p LEFT JOIN delegation d ON d.id = p.delegation_id';

/** A participant row as SQLite returns it for PARTICIPANT_COLUMNS. */
export type ParticipantRow = Omit<Participant, 'languages'> & { languagesJson: string };

/** A row in the contract's shape; the JSON column is re-validated on the way out. */
export function toParticipant({ languagesJson, ...row }: ParticipantRow): Participant {
  return { ...row, languages: LanguagesSchema.parse(JSON.parse(languagesJson)) };
}

/** One participant by id, or null. */
export function getParticipant(db: Db, id: number): Participant | null {
  const row = db.prepare(`SELECT ${PARTICIPANT_COLUMNS} ${PARTICIPANT_FROM} WHERE p.id = ?`).get(id) as ParticipantRow | undefined;
  return row ? toParticipant(row) : null;
}

/** Participants by id, in the order of `ids` (ids that no longer exist are left out). */
export function getParticipantsByIds(db: Db, ids: readonly number[]): Participant[] {
  if (ids.length === 0) return [];
  const rows = db
    .prepare(`SELECT ${PARTICIPANT_COLUMNS} ${PARTICIPANT_FROM} WHERE p.id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(ids)) as ParticipantRow[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out: Participant[] = [];
  for (const id of ids) {
    const row = byId.get(id);
    if (row) out.push(toParticipant(row));
  }
  return out;
}

/**
 * Every column of a participant row, exactly as stored: what undo puts back. Validated when
 * read back from the journal, so a damaged journal entry is refused instead of written.
 */
export const ParticipantRowImageSchema = z.object({
  id: z.number().int().positive(),
  external_id: z.string().nullable(),
  title: z.string(),
  family_name: z.string(),
  given_name: z.string(),
  native_name: z.string(),
  native_name_lang: z.string().nullable(),
  display_name: z.string(),
  organisation: z.string(),
  position: z.string(),
  country: z.string().nullable(),
  delegation_id: z.number().int().nullable(),
  category_code: z.string(),
  languages_json: z.string(),
  email: z.string(),
  phone: z.string(),
  notes: z.string(),
  status: z.enum(['registered', 'cancelled']),
  protocol_order: z.number().int(),
  photo_file: z.string().nullable(),
  registration_source: z.enum(['list', 'walk_in']),
  created_at: z.string(),
  updated_at: z.string(),
});
export type ParticipantRowImage = z.infer<typeof ParticipantRowImageSchema>;

const IMAGE_COLUMNS = Object.keys(ParticipantRowImageSchema.shape);

/** The stored row of a participant, every column, or null. */
export function readRowImage(db: Db, id: number): ParticipantRowImage | null {
  const row = db.prepare(`SELECT ${IMAGE_COLUMNS.join(', ')} FROM participant WHERE id = ?`).get(id);
  return row ? ParticipantRowImageSchema.parse(row) : null;
}

/** Writes a row image back over the participant with its id (every column but the id). */
export function writeRowImage(db: Db, image: ParticipantRowImage): void {
  const sets = IMAGE_COLUMNS.filter((c) => c !== 'id').map((c) => `${c} = @${c}`);
  db.prepare(`UPDATE participant SET ${sets.join(', ')} WHERE id = @id`).run(image);
}

/** Whether two row images hold the same values in every column. */
export function sameRowImage(a: ParticipantRowImage, b: ParticipantRowImage): boolean {
  return IMAGE_COLUMNS.every((c) => a[c as keyof ParticipantRowImage] === b[c as keyof ParticipantRowImage]);
}
