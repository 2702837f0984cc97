import { ExpectedAudienceSchema, type ExpectedAudience, type ProgrammeSession, type SessionType } from '../../contract';
import type { Db } from '../db/connection';

export interface NewProgrammeSession {
  title: string;
  type: SessionType;
  day: string;
  startsAt: string;
  endsAt: string;
  venue: string;
  expected: ExpectedAudience;
}

/** Adds a programme session and returns its id. */
export function insertSession(db: Db, s: NewProgrammeSession): number {
  const info = db
    .prepare(
      `INSERT INTO programme_session (title, type, day, starts_at, ends_at, venue, expected_json)
       VALUES (@title, @type, @day, @startsAt, @endsAt, @venue, @expectedJson)`,
    )
    .run({ ...s, expectedJson: JSON.stringify(ExpectedAudienceSchema.parse(s.expected)) });
  return Number(info.lastInsertRowid);
}

/** Counts the registered people a session expects. */
function countExpected(db: Db, expected: ExpectedAudience): number {
  const registered = `SELECT count(*) AS n FROM participant WHERE status = 'registered'`;
  switch (expected.kind) {
    case 'all':
      return (db.prepare(registered).get() as { n: number }).n;
    case 'delegations':
      return (
        db
          .prepare(`${registered} AND delegation_id IN (SELECT value FROM json_each(?))`)
          .get(JSON.stringify(expected.delegationIds)) as { n: number }
      ).n;
    case 'list':
      return (
        db.prepare(`${registered} AND id IN (SELECT value FROM json_each(?))`).get(JSON.stringify(expected.participantIds)) as {
          n: number;
        }
      ).n;
  }
}

/** Lists the programme by day and start time; the audience JSON is re-validated on read. */
export function listSessions(db: Db): ProgrammeSession[] {
  const rows = db
    .prepare(
      `SELECT id, title, type, day, starts_at AS startsAt, ends_at AS endsAt, venue, expected_json AS expectedJson
       FROM programme_session ORDER BY day, starts_at, id`,
    )
    .all() as Array<Omit<ProgrammeSession, 'expected' | 'expectedCount'> & { expectedJson: string }>;
  return rows.map(({ expectedJson, ...row }) => {
    const expected = ExpectedAudienceSchema.parse(JSON.parse(expectedJson));
    return { ...row, expected, expectedCount: countExpected(db, expected) };
  });
}
