/**
 * Editing the programme. The contract checks shapes (times, non-empty title, end after start);
 * this checks them against the event: the day lies within the event's dates, the delegations
 * and people named in the audience exist, and the sessions a session checks people out of
 * exist and are not itself. A session with check-ins recorded is never deleted: the records
 * would lose their session (undo those check-ins first, or rename the session instead).
 */
import { err, ok, type ProgrammeSession, type Result, type SessionFields } from '../../contract';
import type { Db } from '../db/connection';
import { getSession, insertSession, removeSession, replaceSession } from './session_store';

type SessionError = 'invalid_session';

function missingIds(db: Db, table: 'delegation' | 'participant' | 'programme_session', ids: readonly number[]): number[] {
  if (ids.length === 0) return [];
  const found = new Set(
    (db.prepare(`SELECT id FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as Array<{ id: number }>).map((r) => r.id),
  );
  return ids.filter((id) => !found.has(id));
}

/** Why these fields do not fit the event, or null when they do. */
function problemOf(db: Db, fields: SessionFields, selfId: number | null): string | null {
  const event = db.prepare('SELECT start_date AS startDate, end_date AS endDate FROM event WHERE singleton = 1').get() as { startDate: string; endDate: string } | undefined;
  if (event && (fields.day < event.startDate || fields.day > event.endDate)) {
    return `The day ${fields.day} is outside the event (${event.startDate} to ${event.endDate}): choose a day of the event or change the event's dates.`;
  }
  const a = fields.expected;
  if (a.kind === 'delegations') {
    if (a.delegationIds.length === 0) return 'Choose at least one delegation, or expect everyone.';
    const gone = missingIds(db, 'delegation', a.delegationIds);
    if (gone.length) return `Some chosen delegations no longer exist (${gone.join(', ')}): choose them again.`;
  }
  if (a.kind === 'list') {
    if (a.participantIds.length === 0) return 'Choose at least one person, or expect everyone.';
    const gone = missingIds(db, 'participant', a.participantIds);
    if (gone.length) return `Some chosen people are no longer on the list (${gone.join(', ')}): choose them again.`;
  }
  if (selfId !== null && fields.checksOutOf.includes(selfId)) return 'A session cannot check people out of itself.';
  const goneSessions = missingIds(db, 'programme_session', fields.checksOutOf);
  if (goneSessions.length) return `Some sessions to check out of no longer exist (${goneSessions.join(', ')}): choose them again.`;
  return null;
}

function normalised(fields: SessionFields) {
  return { ...fields, checksOutOf: [...new Set(fields.checksOutOf)] };
}

/** Adds a session after checking it against the event. */
export function createSession(db: Db, fields: SessionFields): Result<ProgrammeSession, SessionError> {
  return db.transaction((): Result<ProgrammeSession, SessionError> => {
    const problem = problemOf(db, fields, null);
    if (problem) return err('invalid_session', problem);
    const id = insertSession(db, normalised(fields));
    return ok(getSession(db, id) as ProgrammeSession);
  }).immediate();
}

/** Changes a session; its recorded check-ins stay. */
export function updateSession(db: Db, id: number, fields: SessionFields): Result<ProgrammeSession, SessionError | 'not_found'> {
  return db.transaction((): Result<ProgrammeSession, SessionError | 'not_found'> => {
    if (!getSession(db, id)) return err('not_found', 'This session is no longer in the programme.');
    const problem = problemOf(db, fields, id);
    if (problem) return err('invalid_session', problem);
    replaceSession(db, id, normalised(fields));
    return ok(getSession(db, id) as ProgrammeSession);
  }).immediate();
}

/** Removes a session without check-ins, and drops it from other sessions' check-out lists. */
export function deleteSession(db: Db, id: number): Result<{ id: number }, 'not_found' | 'in_use'> {
  return db.transaction((): Result<{ id: number }, 'not_found' | 'in_use'> => {
    const session = getSession(db, id);
    if (!session) return err('not_found', 'This session is no longer in the programme.');
    const visits = (db.prepare('SELECT count(*) AS n FROM attendance WHERE session_id = ?').get(id) as { n: number }).n;
    if (visits > 0) {
      return err('in_use', `"${session.title}" has ${visits} check-in record(s): it cannot be deleted without losing them. Change its title or time instead.`);
    }
    db.prepare(
      `UPDATE programme_session SET checks_out_json = (SELECT coalesce(json_group_array(value), '[]') FROM json_each(checks_out_json) WHERE value != @id)
       WHERE EXISTS (SELECT 1 FROM json_each(checks_out_json) WHERE value = @id)`,
    ).run({ id });
    removeSession(db, id);
    return ok({ id });
  }).immediate();
}
