/** Who a session expects, asked of one person or listed (dashboards, roll calls). */
import type { ExpectedAudience } from '../../contract';
import type { Db } from '../db/connection';
import { audienceSql } from '../programme/session_store';

/** Whether a session's expected audience includes this person (registered people only). */
export function isExpected(db: Db, expected: ExpectedAudience, participantId: number): boolean {
  const { where, param } = audienceSql(expected);
  const row = db.prepare(`SELECT 1 FROM participant p WHERE p.id = @id AND ${where}`).get({ id: participantId, ...(param === null ? {} : { audience: param }) });
  return row !== undefined;
}

/** The ids of everyone a scope expects: the event desk expects every registered person. */
export function expectedIds(db: Db, expected: ExpectedAudience | null): Set<number> {
  const { where, param } = audienceSql(expected ?? { kind: 'all' });
  const rows = db.prepare(`SELECT p.id FROM participant p WHERE ${where}`).all(param === null ? {} : { audience: param }) as Array<{ id: number }>;
  return new Set(rows.map((r) => r.id));
}
