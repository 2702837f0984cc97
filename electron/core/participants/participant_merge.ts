/**
 * Merging two records of one person (someone who registered twice; the import flags them).
 *
 * The kept record takes from the duplicate every detail it lacks (badge number, e-mail, phone,
 * own-script name…), both records' languages, and both records' staff notes; it stays
 * registered if either was. The duplicate is then removed, with its import links moved to the
 * kept record (so a re-import of its source matches the person instead of recreating the
 * duplicate), and if it headed the kept record's delegation, the kept record heads it now.
 * Check-ins, scans and ballot issues move too (participant_merge_records.ts); two records that
 * both hold a live ballot in one round are not merged.
 * The journal keeps both rows and the links, so undo puts everything back exactly. A person's
 * import link is their row's `import_batch_id` (the batch names the source, see 0009); the
 * journal keeps it as before ({source, batchId}), so older entries undo the same way.
 */
import { z } from 'zod';
import { err, LanguageCodeSchema, ok, type Participant, type Result } from '../../contract';
import type { Db } from '../db/connection';
import { refreshSearchIndex } from './participant_search';
import { doubleBallotProblem, moveMergedRecords, MovedRecordsSchema, restoreMergedRecords } from './participant_merge_records';
import { getParticipant, ParticipantRowImageSchema, readRowImage, type ParticipantRowImage } from './participant_rows';
import { nextTimestamp, type WriteContext, type WriteOutcome } from './participant_writes';

/** What a merge journal entry keeps of the removed duplicate (see `merged_json`). */
export const MergedRecordSchema = z.object({
  row: ParticipantRowImageSchema,
  links: z.array(z.object({ source: z.string(), batchId: z.number().int() })),
  /** Sources linked to the kept record by the merge (taken off again by undo). */
  addedSources: z.array(z.string()),
  /** Check-ins, scans and ballot issues moved to the kept record (entries before this field: none). */
  moved: MovedRecordsSchema.default({ attendance: [], attendanceUndone: [], scans: [], ballotIssues: [] }),
});
export type MergedRecord = z.infer<typeof MergedRecordSchema>;

const FILLED_FROM_DUPLICATE = [
  'external_id', 'title', 'family_name', 'given_name', 'native_name', 'native_name_lang', 'organisation',
  'position', 'country', 'delegation_id', 'email', 'phone', 'photo_file',
] as const;

const Languages = z.array(LanguageCodeSchema);

/** The kept row after taking what it lacks from the duplicate. */
function mergedRow(keep: ParticipantRowImage, drop: ParticipantRowImage, updatedAt: string): ParticipantRowImage {
  const out: ParticipantRowImage = { ...keep, updated_at: updatedAt };
  for (const column of FILLED_FROM_DUPLICATE) {
    const mine = keep[column];
    if ((mine === null || mine === '') && drop[column] !== null && drop[column] !== '') (out as Record<string, unknown>)[column] = drop[column];
  }
  const languages = [...new Set([...Languages.parse(JSON.parse(keep.languages_json)), ...Languages.parse(JSON.parse(drop.languages_json))])];
  out.languages_json = JSON.stringify(languages);
  out.notes = [keep.notes, drop.notes].filter((n, i, all) => n && all.indexOf(n) === i).join('\n');
  if (drop.status === 'registered') out.status = 'registered';
  return out;
}

/** Writes every column of a row image but the id. */
function writeAll(db: Db, row: ParticipantRowImage): void {
  const columns = Object.keys(row).filter((c) => c !== 'id');
  db.prepare(`UPDATE participant SET ${columns.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`).run(row);
}

/** Merges record `dropId` into `keepId`; both must be as the caller last saw them. */
export function mergeParticipants(
  db: Db,
  input: { keepId: number; keepUpdatedAt: string; dropId: number; dropUpdatedAt: string },
  ctx: WriteContext,
): Result<WriteOutcome, 'not_found' | 'conflict' | 'invalid_reference'> {
  const work = db.transaction((): Result<WriteOutcome, 'not_found' | 'conflict' | 'invalid_reference'> => {
    if (input.keepId === input.dropId) return err('invalid_reference', 'Choose two different records to merge.');
    const keep = readRowImage(db, input.keepId);
    const drop = readRowImage(db, input.dropId);
    if (!keep || !drop) return err('not_found', 'One of these records is no longer on the list.');
    if (keep.updated_at !== input.keepUpdatedAt || drop.updated_at !== input.dropUpdatedAt) {
      return err('conflict', 'One of these records was changed on another screen just now. Look at them again, then merge.');
    }
    // Before anything is written: two live ballots in one round cannot become one person's.
    const doubleBallot = doubleBallotProblem(db, keep, drop);
    if (doubleBallot) return err('conflict', doubleBallot);
    const links = db
      .prepare(
        `SELECT coalesce(b.source, '') AS source, p.import_batch_id AS batchId
         FROM participant p LEFT JOIN import_batch b ON b.id = p.import_batch_id WHERE p.id = ? AND p.import_batch_id IS NOT NULL`,
      )
      .all(drop.id) as MergedRecord['links'];
    const headed = (db.prepare('SELECT id FROM delegation WHERE head_participant_id = ?').pluck().all(drop.id) as number[])[0] ?? null;
    const after = mergedRow(keep, drop, nextTimestamp(ctx.now, keep.updated_at));
    // Before the delete, whose cascade would take the duplicate's check-ins with it.
    const moved = moveMergedRecords(db, drop.id, keep.id, ctx.actor, ctx.now);
    db.prepare('DELETE FROM participant WHERE id = ?').run(drop.id);
    writeAll(db, after);
    const addedSources: string[] = [];
    // The kept record takes the duplicate's source only if it has none of its own.
    const link = db.prepare('UPDATE participant SET import_batch_id = ? WHERE id = ? AND import_batch_id IS NULL');
    for (const l of links) if (link.run(l.batchId, keep.id).changes > 0) addedSources.push(l.source);
    // Removing the duplicate left its delegation without a head: the kept record takes over if it is a member.
    if (headed !== null && after.delegation_id === headed) {
      db.prepare('UPDATE delegation SET head_participant_id = ? WHERE id = ? AND head_participant_id IS NULL').run(keep.id, headed);
    }
    const merged: MergedRecord = { row: drop, links, addedSources, moved };
    const info = db
      .prepare(
        `INSERT INTO participant_change (participant_id, kind, actor, before_json, after_json, cleared_head_of, merged_json, changed_at)
         VALUES (?, 'merge', ?, ?, ?, ?, ?, ?)`,
      )
      .run(keep.id, ctx.actor, JSON.stringify(keep), JSON.stringify(after), headed, JSON.stringify(merged), ctx.now);
    const change = { id: Number(info.lastInsertRowid), kind: 'merge' as const, participantId: keep.id, participantName: after.display_name, changedAt: ctx.now };
    return ok({ participant: getParticipant(db, keep.id) as Participant, change });
  });
  const result = work.immediate();
  if (result.ok) refreshSearchIndex(db, [input.keepId, input.dropId]);
  return result;
}

/**
 * Undoes a merge inside the caller's transaction: the duplicate back (with its import links, and
 * as head of the delegation it headed), the kept record as it was. Returns the duplicate's id.
 */
export function unmerge(db: Db, keepBefore: ParticipantRowImage, mergedJson: string | null, headed: number | null, now: string, currentUpdatedAt: string): number {
  const merged = MergedRecordSchema.parse(JSON.parse(mergedJson ?? 'null'));
  writeAll(db, { ...keepBefore, updated_at: nextTimestamp(now, currentUpdatedAt) });
  const columns = Object.keys(merged.row);
  db.prepare(`INSERT INTO participant (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`).run(merged.row);
  const unlink = db.prepare('UPDATE participant SET import_batch_id = NULL WHERE id = ? AND import_batch_id IN (SELECT id FROM import_batch WHERE source = ?)');
  for (const source of merged.addedSources) unlink.run(keepBefore.id, source);
  const link = db.prepare('UPDATE participant SET import_batch_id = ? WHERE id = ? AND import_batch_id IS NULL');
  for (const l of merged.links) link.run(l.batchId, merged.row.id);
  restoreMergedRecords(db, merged.row.id, merged.moved);
  if (headed !== null) {
    db.prepare('UPDATE delegation SET head_participant_id = ? WHERE id = ? AND (head_participant_id IS NULL OR head_participant_id = ?)').run(merged.row.id, headed, keepBefore.id);
  }
  return merged.row.id;
}
