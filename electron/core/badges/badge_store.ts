import {
  BadgeDesignSchema,
  DEFAULT_BADGE_DESIGN,
  type BadgeDesign,
  type BadgeFilter,
  type BadgeStatus,
  type BadgeTemplate,
} from '../../contract';
import { statement } from '../db/statement_cache';
import type { Db } from '../db/connection';

/** A participant as a badge needs them, with their current badge (if any). */
export interface BadgeRow {
  participantId: number;
  displayName: string;
  familyName: string;
  nativeName: string;
  nativeNameLang: string | null;
  organisation: string;
  position: string;
  country: string | null;
  delegationName: string | null;
  categoryCode: string;
  categoryName: string;
  categoryColour: string;
  status: 'registered' | 'cancelled';
  /** The newest serial printed, or null when no badge was ever printed. */
  serial: number | null;
  printedAt: string | null;
}

const BADGE_ROW_COLUMNS = `p.id AS participantId, p.display_name AS displayName, p.family_name AS familyName,
  p.native_name AS nativeName, p.native_name_lang AS nativeNameLang, p.organisation, p.position, p.country,
  d.name AS delegationName, p.category_code AS categoryCode, c.name AS categoryName, c.colour AS categoryColour,
  p.status, cur.serial, bi.printed_at AS printedAt`;

// The newest badge of each participant: its serial, and (joined back) when it was printed.
const BADGE_ROW_FROM = `FROM participant p
  JOIN category c ON c.code = p.category_code
  LEFT JOIN delegation d ON d.id = p.delegation_id
  LEFT JOIN (SELECT i.participant_id, max(i.serial) AS serial FROM badge_issue i
      JOIN participant owner ON owner.id = i.participant_id AND i.printed_at >= owner.created_at
      GROUP BY i.participant_id) cur
    ON cur.participant_id = p.id
  LEFT JOIN badge_issue bi ON bi.participant_id = cur.participant_id AND bi.serial = cur.serial`;

const BADGE_ROW_ORDER = 'ORDER BY coalesce(d.protocol_order, 1e9), d.name, p.protocol_order, p.display_name, p.id';

/** The SQL condition and parameters of a batch filter; cancelled people are never in a batch. */
function filterSql(filter: BadgeFilter): { where: string; params: Record<string, string | number> } {
  const where = [`p.status = 'registered'`];
  const params: Record<string, string | number> = {};
  if (filter.delegationId !== undefined) {
    where.push('p.delegation_id = @delegationId');
    params['delegationId'] = filter.delegationId;
  }
  if (filter.categoryCode !== undefined) {
    where.push('p.category_code = @categoryCode');
    params['categoryCode'] = filter.categoryCode;
  }
  if (filter.participantIds !== undefined) {
    where.push('p.id IN (SELECT value FROM json_each(@participantIds))');
    params['participantIds'] = JSON.stringify(filter.participantIds);
  }
  if (filter.notPrinted) where.push('cur.serial IS NULL');
  return { where: `WHERE ${where.join(' AND ')}`, params };
}

/** Everyone a batch with this filter prints, in the order badges are handed out. */
export function selectBadgeRows(db: Db, filter: BadgeFilter): BadgeRow[] {
  const { where, params } = filterSql(filter);
  return db.prepare(`SELECT ${BADGE_ROW_COLUMNS} ${BADGE_ROW_FROM} ${where} ${BADGE_ROW_ORDER}`).all(params) as BadgeRow[];
}

// Only badges printed since the person's record was created count as theirs: SQLite may hand a
// removed person's id (an undone walk-in, a merged-away record) to someone new, and the old
// badge must not become the new person's. Serials still continue past the old ones
// (nextSerials), so once the new person is printed the old code reads as replaced.

/**
 * One participant with their current badge, whatever their status; null when unknown. This is
 * the desk's hot path (every scan): the newest badge is read through the primary key alone.
 */
export function getBadgeRow(db: Db, participantId: number): BadgeRow | null {
  // Every scan and badge check asks: compiled once per connection.
  const row = statement(
    db,
    `SELECT ${BADGE_ROW_COLUMNS}
       FROM participant p
         JOIN category c ON c.code = p.category_code
         LEFT JOIN delegation d ON d.id = p.delegation_id
         LEFT JOIN (SELECT participant_id, serial FROM badge_issue
             WHERE participant_id = @id AND printed_at >= (SELECT created_at FROM participant WHERE id = @id)
             ORDER BY serial DESC LIMIT 1) cur
           ON cur.participant_id = p.id
         LEFT JOIN badge_issue bi ON bi.participant_id = cur.participant_id AND bi.serial = cur.serial
       WHERE p.id = @id`,
  ).get({ id: participantId });
  return (row as BadgeRow | undefined) ?? null;
}

/** The serial a participant's next badge gets: one above the newest ever printed. */
export function nextSerials(db: Db, participantIds: readonly number[]): Map<number, number> {
  const rows = db
    .prepare(
      `SELECT value AS participantId, (SELECT coalesce(max(serial), 0) + 1 FROM badge_issue WHERE participant_id = value) AS serial
       FROM json_each(?)`,
    )
    .all(JSON.stringify(participantIds)) as Array<{ participantId: number; serial: number }>;
  return new Map(rows.map((r) => [r.participantId, r.serial]));
}

/**
 * Records badges as printed, all or nothing. A serial already recorded (the same badge made
 * twice, e.g. by the CLI and the app at once) is the same code, so it is kept, not doubled.
 */
export function recordBadgeIssues(
  db: Db,
  issues: ReadonlyArray<{ participantId: number; serial: number }>,
  template: BadgeTemplate,
  printedAt: string,
): void {
  const insert = db.prepare(
    `INSERT INTO badge_issue (participant_id, serial, printed_at, template) VALUES (?, ?, ?, ?)
     ON CONFLICT(participant_id, serial) DO NOTHING`,
  );
  db.transaction(() => {
    for (const issue of issues) insert.run(issue.participantId, issue.serial, printedAt, template);
  }).immediate();
}

/** A page of a batch's people with their badge state, and how many of the whole batch are printed. */
export function listBadgeStatus(
  db: Db,
  filter: BadgeFilter,
  page: { limit: number; offset: number },
): { total: number; printed: number; items: BadgeStatus[] } {
  const { where, params } = filterSql(filter);
  const read = db.transaction(() => {
    const counts = db
      .prepare(`SELECT count(*) AS total, count(cur.serial) AS printed ${BADGE_ROW_FROM} ${where}`)
      .get(params) as { total: number; printed: number };
    const rows = db
      .prepare(`SELECT ${BADGE_ROW_COLUMNS} ${BADGE_ROW_FROM} ${where} ${BADGE_ROW_ORDER} LIMIT @limit OFFSET @offset`)
      .all({ ...params, limit: page.limit, offset: page.offset }) as BadgeRow[];
    return { ...counts, items: rows.map(toStatus) };
  });
  return read.deferred();
}

function toStatus(row: BadgeRow): BadgeStatus {
  return {
    participantId: row.participantId,
    displayName: row.displayName,
    nativeName: row.nativeName,
    nativeNameLang: row.nativeNameLang,
    delegationName: row.delegationName,
    categoryCode: row.categoryCode,
    serial: row.serial,
    printedAt: row.printedAt,
  };
}

/** The saved badge design, re-validated; the default one until a design was saved. */
export function getBadgeDesign(db: Db): BadgeDesign {
  const row = db.prepare('SELECT design_json AS json FROM badge_design WHERE singleton = 1').get() as { json: string } | undefined;
  if (!row) return DEFAULT_BADGE_DESIGN;
  const parsed = BadgeDesignSchema.safeParse(JSON.parse(row.json));
  // A design this build cannot read (written by a newer one) falls back rather than failing
  // every badge screen; saving replaces it.
  return parsed.success ? parsed.data : DEFAULT_BADGE_DESIGN;
}

/** Saves the badge design. */
export function saveBadgeDesign(db: Db, design: BadgeDesign, now: string): BadgeDesign {
  db.prepare(
    `INSERT INTO badge_design (singleton, design_json, updated_at) VALUES (1, ?, ?)
     ON CONFLICT(singleton) DO UPDATE SET design_json = excluded.design_json, updated_at = excluded.updated_at`,
  ).run(JSON.stringify(design), now);
  return design;
}
