import { z } from 'zod';
import {
  ExpectedAudienceSchema,
  RowIdSchema,
  type ExpectedAudience,
  type ProgrammeSession,
  type SessionType,
} from '../../contract';
import type { Db } from '../db/connection';

export interface NewProgrammeSession {
  title: string;
  type: SessionType;
  day: string;
  startsAt: string;
  endsAt: string;
  venue: string;
  expected: ExpectedAudience;
  checksOutOf?: readonly number[];
}

const ChecksOutSchema = z.array(RowIdSchema);

/** Adds a programme session and returns its id. */
export function insertSession(db: Db, s: NewProgrammeSession): number {
  const info = db
    .prepare(
      `INSERT INTO programme_session (title, type, day, starts_at, ends_at, venue, expected_json, checks_out_json)
       VALUES (@title, @type, @day, @startsAt, @endsAt, @venue, @expectedJson, @checksOutJson)`,
    )
    .run({
      title: s.title,
      type: s.type,
      day: s.day,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      venue: s.venue,
      expectedJson: JSON.stringify(ExpectedAudienceSchema.parse(s.expected)),
      checksOutJson: JSON.stringify(ChecksOutSchema.parse(s.checksOutOf ?? [])),
    });
  return Number(info.lastInsertRowid);
}

/** Rewrites a session's fields; false when it does not exist. */
export function replaceSession(db: Db, id: number, s: NewProgrammeSession): boolean {
  const info = db
    .prepare(
      `UPDATE programme_session SET title = @title, type = @type, day = @day, starts_at = @startsAt, ends_at = @endsAt,
         venue = @venue, expected_json = @expectedJson, checks_out_json = @checksOutJson WHERE id = @id`,
    )
    .run({
      id,
      title: s.title,
      type: s.type,
      day: s.day,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      venue: s.venue,
      expectedJson: JSON.stringify(ExpectedAudienceSchema.parse(s.expected)),
      checksOutJson: JSON.stringify(ChecksOutSchema.parse(s.checksOutOf ?? [])),
    });
  return info.changes === 1;
}

/** Removes a session row; false when it does not exist. */
export function removeSession(db: Db, id: number): boolean {
  return db.prepare('DELETE FROM programme_session WHERE id = ?').run(id).changes === 1;
}

/** The SQL condition (over participant `p`) of who a session expects, with its one parameter. */
export function audienceSql(expected: ExpectedAudience): { where: string; param: string | null } {
  switch (expected.kind) {
    case 'all':
      return { where: `p.status = 'registered'`, param: null };
    case 'delegations':
      return { where: `p.status = 'registered' AND p.delegation_id IN (SELECT value FROM json_each(@audience))`, param: JSON.stringify(expected.delegationIds) };
    case 'list':
      return { where: `p.status = 'registered' AND p.id IN (SELECT value FROM json_each(@audience))`, param: JSON.stringify(expected.participantIds) };
  }
}

/** Counts the registered people a session expects. */
function countExpected(db: Db, expected: ExpectedAudience): number {
  const { where, param } = audienceSql(expected);
  return (db.prepare(`SELECT count(*) AS n FROM participant p WHERE ${where}`).get(param === null ? {} : { audience: param }) as { n: number }).n;
}

type SessionRow = Omit<ProgrammeSession, 'expected' | 'expectedCount' | 'checksOutOf' | 'checkInCount'> & {
  expectedJson: string;
  checksOutJson: string;
  checkInCount: number;
};

const SESSION_SELECT = `SELECT s.id, s.title, s.type, s.day, s.starts_at AS startsAt, s.ends_at AS endsAt, s.venue,
    s.expected_json AS expectedJson, s.checks_out_json AS checksOutJson,
    (SELECT count(*) FROM attendance a WHERE a.session_id = s.id AND a.undone_at IS NULL) AS checkInCount
  FROM programme_session s`;

function toSession(db: Db, { expectedJson, checksOutJson, ...row }: SessionRow): ProgrammeSession {
  // JSON columns are re-validated on read: a damaged value fails loudly, never half-works.
  const expected = ExpectedAudienceSchema.parse(JSON.parse(expectedJson));
  const checksOutOf = ChecksOutSchema.parse(JSON.parse(checksOutJson));
  return { ...row, expected, expectedCount: countExpected(db, expected), checksOutOf };
}

/** Lists the programme by day and start time; the JSON columns are re-validated on read. */
export function listSessions(db: Db): ProgrammeSession[] {
  const rows = db.prepare(`${SESSION_SELECT} ORDER BY s.day, s.starts_at, s.id`).all() as SessionRow[];
  return rows.map((row) => toSession(db, row));
}

/** One session, or null. */
export function getSession(db: Db, id: number): ProgrammeSession | null {
  const row = db.prepare(`${SESSION_SELECT} WHERE s.id = ?`).get(id) as SessionRow | undefined;
  return row ? toSession(db, row) : null;
}
