/**
 * Changes staff make to people: edit, add a walk-in, cancel or restore a registration.
 *
 * Every change runs in one IMMEDIATE transaction that also writes the full row image before
 * and after it to `participant_change`, so undo (participant_undo.ts) is exact. An edit names
 * the `updatedAt` it started from and is refused if someone changed the person since: with
 * several desks, the second save must not silently undo the first. After the commit the search
 * index is updated for that one person.
 */
import {
  deriveDisplayName,
  err,
  ok,
  type Participant,
  type ParticipantChange,
  type ParticipantFields,
  type ParticipantStatus,
  type Result,
} from '../../contract';
import type { Db } from '../db/connection';
import { refreshSearchIndex } from './participant_search';
import { getParticipant, readRowImage, type ParticipantRowImage } from './participant_rows';

/** Who is changing things, and when. `actor` keeps each device's undo to its own changes. */
export interface WriteContext {
  actor: string;
  now: string;
}

export type WriteError = 'not_found' | 'conflict' | 'invalid_reference' | 'duplicate_external_id';

/** A saved person and the journal entry of the change (null if nothing changed). */
export interface WriteOutcome {
  participant: Participant;
  change: ParticipantChange | null;
}

/**
 * A timestamp later than `previous`: the clock may stand still (two saves in one millisecond)
 * or step back (NTP), and `updatedAt` must still change with every write.
 */
export function nextTimestamp(now: string, previous: string | null): string {
  if (!previous || now > previous) return now;
  const next = new Date(Date.parse(previous) + 1);
  return Number.isNaN(next.getTime()) ? now : next.toISOString();
}

/** The row image a set of fields makes (id, status and bookkeeping from `base`). */
function imageOf(base: ParticipantRowImage, f: ParticipantFields, updatedAt: string): ParticipantRowImage {
  return {
    ...base,
    external_id: f.externalId,
    title: f.title,
    family_name: f.familyName,
    given_name: f.givenName,
    native_name: f.nativeName,
    native_name_lang: f.nativeNameLang,
    display_name: deriveDisplayName(f),
    organisation: f.organisation,
    position: f.position,
    country: f.country,
    delegation_id: f.delegationId,
    category_code: f.categoryCode,
    languages_json: JSON.stringify(f.languages),
    email: f.email,
    phone: f.phone,
    notes: f.notes,
    protocol_order: f.protocolOrder,
    updated_at: updatedAt,
  };
}

/** Checks that the category and delegation exist and the registration number is free. */
function checkReferences(db: Db, f: ParticipantFields, selfId: number): Result<true, 'invalid_reference' | 'duplicate_external_id'> {
  if (!db.prepare('SELECT 1 FROM category WHERE code = ?').get(f.categoryCode)) {
    return err('invalid_reference', `There is no category "${f.categoryCode}". Choose one from the list.`);
  }
  if (f.delegationId !== null && !db.prepare('SELECT 1 FROM delegation WHERE id = ?').get(f.delegationId)) {
    return err('invalid_reference', 'That delegation no longer exists. Choose another one, or none.');
  }
  if (f.externalId !== null) {
    const other = db.prepare('SELECT display_name AS name FROM participant WHERE external_id = ? AND id != ?').get(f.externalId, selfId) as { name: string } | undefined;
    if (other) return err('duplicate_external_id', `The registration number ${f.externalId} already belongs to ${other.name}.`);
  }
  return ok(true);
}

const WRITE_COLUMNS = Object.keys({
  external_id: 0, title: 0, family_name: 0, given_name: 0, native_name: 0, native_name_lang: 0, display_name: 0,
  organisation: 0, position: 0, country: 0, delegation_id: 0, category_code: 0, languages_json: 0, email: 0, phone: 0,
  notes: 0, status: 0, protocol_order: 0, updated_at: 0,
});

/** Writes the changeable columns of an image over the stored row. */
function writeImage(db: Db, image: ParticipantRowImage): void {
  db.prepare(`UPDATE participant SET ${WRITE_COLUMNS.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`).run(image);
}

/** Records a change in the journal and returns it as undo offers it. */
function journal(
  db: Db,
  kind: ParticipantChange['kind'],
  before: ParticipantRowImage | null,
  after: ParticipantRowImage,
  ctx: WriteContext,
  clearedHeadOf: number | null = null,
): ParticipantChange {
  const info = db
    .prepare(
      `INSERT INTO participant_change (participant_id, kind, actor, before_json, after_json, cleared_head_of, changed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(after.id, kind, ctx.actor, before ? JSON.stringify(before) : null, JSON.stringify(after), clearedHeadOf, ctx.now);
  return { id: Number(info.lastInsertRowid), kind, participantId: after.id, participantName: after.display_name, changedAt: ctx.now };
}

/** Adds a walk-in: someone who is not on the registration list, added at the desk. */
export function createParticipant(db: Db, fields: ParticipantFields, ctx: WriteContext): Result<WriteOutcome, 'invalid_reference' | 'duplicate_external_id'> {
  const work = db.transaction((): Result<WriteOutcome, 'invalid_reference' | 'duplicate_external_id'> => {
    const refs = checkReferences(db, fields, 0);
    if (!refs.ok) return refs;
    // A new member of a delegation goes after its members in protocol order unless told otherwise.
    const protocolOrder =
      fields.protocolOrder || fields.delegationId === null
        ? fields.protocolOrder
        : ((db.prepare('SELECT coalesce(max(protocol_order), 0) + 1 AS n FROM participant WHERE delegation_id = ?').get(fields.delegationId) as { n: number }).n);
    const info = db
      .prepare(
        `INSERT INTO participant (display_name, category_code, registration_source, created_at, updated_at)
         VALUES ('', @category, 'walk_in', @now, @now)`,
      )
      .run({ category: fields.categoryCode, now: ctx.now });
    const id = Number(info.lastInsertRowid);
    const blank = readRowImage(db, id) as ParticipantRowImage;
    const after = imageOf(blank, { ...fields, protocolOrder }, ctx.now);
    writeImage(db, after);
    return ok({ participant: getParticipant(db, id) as Participant, change: journal(db, 'create', null, after, ctx) });
  });
  const result = work.immediate();
  if (result.ok) refreshSearchIndex(db, [result.value.participant.id]);
  return result;
}

/** Saves an edit; refused with `conflict` if the person changed after `expectedUpdatedAt`. */
export function updateParticipant(db: Db, id: number, expectedUpdatedAt: string, fields: ParticipantFields, ctx: WriteContext): Result<WriteOutcome, WriteError> {
  const work = db.transaction((): Result<WriteOutcome, WriteError> => {
    const before = readRowImage(db, id);
    if (!before) return err('not_found', 'This person is no longer on the list.');
    if (before.updated_at !== expectedUpdatedAt) {
      return err('conflict', `${before.display_name} was changed on another screen while you were editing. Your edit was not saved: reopen the person to see the new details.`);
    }
    const refs = checkReferences(db, fields, id);
    if (!refs.ok) return refs;
    const after = imageOf(before, fields, nextTimestamp(ctx.now, before.updated_at));
    if (WRITE_COLUMNS.every((c) => c === 'updated_at' || after[c as keyof ParticipantRowImage] === before[c as keyof ParticipantRowImage])) {
      return ok({ participant: getParticipant(db, id) as Participant, change: null });
    }
    writeImage(db, after);
    // A head of delegation who leaves the delegation is its head no longer.
    let clearedHeadOf: number | null = null;
    if (before.delegation_id !== null && before.delegation_id !== after.delegation_id) {
      const cleared = db.prepare('UPDATE delegation SET head_participant_id = NULL WHERE id = ? AND head_participant_id = ?').run(before.delegation_id, id);
      if (cleared.changes > 0) clearedHeadOf = before.delegation_id;
    }
    return ok({ participant: getParticipant(db, id) as Participant, change: journal(db, 'update', before, after, ctx, clearedHeadOf) });
  });
  const result = work.immediate();
  if (result.ok && result.value.change) refreshSearchIndex(db, [id]);
  return result;
}

/** Cancels or restores a registration. Nobody is deleted: a cancelled person stays, struck through. */
export function setParticipantStatus(db: Db, id: number, expectedUpdatedAt: string, status: ParticipantStatus, ctx: WriteContext): Result<WriteOutcome, 'not_found' | 'conflict'> {
  const work = db.transaction((): Result<WriteOutcome, 'not_found' | 'conflict'> => {
    const before = readRowImage(db, id);
    if (!before) return err('not_found', 'This person is no longer on the list.');
    if (before.updated_at !== expectedUpdatedAt) {
      return err('conflict', `${before.display_name} was changed on another screen just now. Look at the new details, then try again.`);
    }
    if (before.status === status) return ok({ participant: getParticipant(db, id) as Participant, change: null });
    const after: ParticipantRowImage = { ...before, status, updated_at: nextTimestamp(ctx.now, before.updated_at) };
    writeImage(db, after);
    return ok({ participant: getParticipant(db, id) as Participant, change: journal(db, status === 'cancelled' ? 'cancel' : 'restore', before, after, ctx) });
  });
  const result = work.immediate();
  if (result.ok && result.value.change) refreshSearchIndex(db, [id]);
  return result;
}
