/**
 * Undo of the last change, exactly. The journal holds the full row before and after each change
 * (participant_writes.ts). Undo puts the "before" row back column for column — only
 * `updated_at` moves forward, so that every screen and desk sees that the person changed again.
 * An undone walk-in is removed; an undone merge brings the duplicate back. Undo is refused, changing nothing, when the person was changed
 * again since (their row is no longer the "after" image), because putting the old row back
 * would silently throw that later change away.
 *
 * Each device undoes only its own changes (the `actor` of the change), newest first, once.
 */
import { err, ok, type Participant, type ParticipantChange, type Result } from '../../contract';
import type { Db } from '../db/connection';
import { refreshSearchIndex } from './participant_search';
import { getParticipant, ParticipantRowImageSchema, readRowImage, sameRowImage, writeRowImage } from './participant_rows';
import { nextTimestamp } from './participant_writes';
import { unmerge } from './participant_merge';

interface ChangeRow {
  id: number;
  participantId: number;
  kind: ParticipantChange['kind'];
  beforeJson: string | null;
  afterJson: string;
  clearedHeadOf: number | null;
  mergedJson: string | null;
  changedAt: string;
}

const CHANGE_SELECT = `SELECT id, participant_id AS participantId, kind, before_json AS beforeJson, after_json AS afterJson,
  cleared_head_of AS clearedHeadOf, merged_json AS mergedJson, changed_at AS changedAt FROM participant_change`;

function toChange(row: ChangeRow): ParticipantChange {
  const after = ParticipantRowImageSchema.parse(JSON.parse(row.afterJson));
  return { id: row.id, kind: row.kind, participantId: row.participantId, participantName: after.display_name, changedAt: row.changedAt };
}

function lastRow(db: Db, actor: string): ChangeRow | undefined {
  return db.prepare(`${CHANGE_SELECT} WHERE actor = ? AND undone_at IS NULL ORDER BY id DESC LIMIT 1`).get(actor) as ChangeRow | undefined;
}

/** The newest change of this actor that has not been undone, or null. */
export function lastChange(db: Db, actor: string): ParticipantChange | null {
  const row = lastRow(db, actor);
  return row ? toChange(row) : null;
}

/** Whether an error is SQLite refusing a write for a constraint (unique id, foreign key). */
function isConstraintError(e: unknown): boolean {
  return typeof e === 'object' && e !== null && String((e as { code?: unknown }).code).startsWith('SQLITE_CONSTRAINT');
}

/**
 * Undoes change `changeId`, which must be this actor's newest change not yet undone (what the
 * undo button showed). Returns the person as they are now (null for an undone walk-in).
 */
export function undoChange(db: Db, changeId: number, actor: string, now: string): Result<{ undone: ParticipantChange; participant: Participant | null }, 'nothing_to_undo' | 'conflict'> {
  const touched: number[] = [];
  const work = db.transaction((): Result<{ undone: ParticipantChange; participant: Participant | null }, 'nothing_to_undo' | 'conflict'> => {
    const row = lastRow(db, actor);
    if (!row || row.id !== changeId) {
      return err('nothing_to_undo', 'That change can no longer be undone: only your most recent change can be, once.');
    }
    touched.push(row.participantId);
    const undone = toChange(row);
    const after = ParticipantRowImageSchema.parse(JSON.parse(row.afterJson));
    const current = readRowImage(db, row.participantId);
    if (!current || !sameRowImage(current, after)) {
      return err('conflict', `${after.display_name} was changed again after your change, so it cannot be undone. Edit the person instead.`);
    }
    if (row.kind === 'create') {
      db.prepare('DELETE FROM participant WHERE id = ?').run(row.participantId);
    } else if (row.kind === 'merge') {
      const before = ParticipantRowImageSchema.parse(JSON.parse(row.beforeJson ?? 'null'));
      touched.push(unmerge(db, before, row.mergedJson, row.clearedHeadOf, now, current.updated_at));
    } else {
      const before = ParticipantRowImageSchema.parse(JSON.parse(row.beforeJson ?? 'null'));
      writeRowImage(db, { ...before, updated_at: nextTimestamp(now, current.updated_at) });
      if (row.clearedHeadOf !== null) {
        db.prepare('UPDATE delegation SET head_participant_id = ? WHERE id = ? AND head_participant_id IS NULL').run(row.participantId, row.clearedHeadOf);
      }
    }
    db.prepare('UPDATE participant_change SET undone_at = ? WHERE id = ?').run(now, row.id);
    return ok({ undone, participant: getParticipant(db, row.participantId) });
  });
  let result: ReturnType<typeof work>;
  try {
    result = work.immediate();
  } catch (e) {
    // The old row no longer fits: its registration number was taken, or its delegation or
    // category was removed, or (for a walk-in) something now refers to the person.
    if (!isConstraintError(e)) throw e;
    return err('conflict', 'This change cannot be undone any more: something it depends on has changed since (a registration number now used by someone else, or a removed delegation or category).');
  }
  if (result.ok) refreshSearchIndex(db, touched);
  return result;
}
