import path from 'node:path';
import { z } from 'zod';
import { LanguageCodeSchema, type CreateEventInput, type EventInfo, type EventSummary } from '../../contract';
import type { Db } from '../db/connection';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';

interface EventRow {
  id: string;
  name: string;
  venue: string;
  city: string;
  hostCountry: string;
  startDate: string;
  endDate: string;
  timezone: string;
  languagesJson: string;
  isDemo: number;
  createdAt: string;
}

const LanguagesSchema = z.array(LanguageCodeSchema);

/** Writes the event's own row; called once, when the event folder is created. */
export function insertEvent(db: Db, id: string, input: CreateEventInput, createdAt: string): void {
  db.prepare(
    `INSERT INTO event (singleton, id, name, venue, city, host_country, start_date, end_date, timezone,
       languages_json, is_demo, created_at)
     VALUES (1, @id, @name, @venue, @city, @hostCountry, @startDate, @endDate, @timezone, @languages, @isDemo, @createdAt)`,
  ).run({
    id,
    name: input.name,
    venue: input.venue,
    city: input.city,
    hostCountry: input.hostCountry,
    startDate: input.startDate,
    endDate: input.endDate,
    timezone: input.timezone,
    languages: JSON.stringify(input.languages),
    isDemo: input.withDemoData ? 1 : 0,
    createdAt,
  });
}

/** Reads the event row; null only for a database whose creation never finished. */
export function getEventInfo(db: Db, dir: string): EventInfo | null {
  const row = db
    .prepare(
      `SELECT id, name, venue, city, host_country AS hostCountry, start_date AS startDate, end_date AS endDate,
         timezone, languages_json AS languagesJson, is_demo AS isDemo, created_at AS createdAt
       FROM event WHERE singleton = 1`,
    )
    .get() as EventRow | undefined;
  if (!row) return null;
  return {
    id: row.id,
    name: row.name,
    venue: row.venue,
    city: row.city,
    hostCountry: row.hostCountry,
    startDate: row.startDate,
    endDate: row.endDate,
    timezone: row.timezone,
    languages: LanguagesSchema.parse(JSON.parse(row.languagesJson)),
    isDemo: row.isDemo === 1,
    createdAt: row.createdAt,
    schemaVersion: LATEST_SCHEMA_VERSION,
    folderName: path.basename(dir),
  };
}

/** Counts for the overview screen, in one read transaction so the numbers agree. */
export function getEventSummary(db: Db): EventSummary {
  const read = db.transaction((): EventSummary => {
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    const byCategory = db
      .prepare(
        `SELECT c.code, c.name, c.colour, count(p.id) AS count
         FROM category c LEFT JOIN participant p ON p.category_code = c.code AND p.status = 'registered'
         GROUP BY c.code ORDER BY c.sort_order, c.code`,
      )
      .all() as EventSummary['byCategory'];
    return {
      participants: count(`SELECT count(*) AS n FROM participant WHERE status = 'registered'`),
      cancelled: count(`SELECT count(*) AS n FROM participant WHERE status = 'cancelled'`),
      delegations: count('SELECT count(*) AS n FROM delegation'),
      countries: count(`SELECT count(DISTINCT country) AS n FROM participant WHERE country IS NOT NULL AND status = 'registered'`),
      sessions: count('SELECT count(*) AS n FROM programme_session'),
      elections: count('SELECT count(*) AS n FROM election'),
      byCategory,
    };
  });
  return read.deferred();
}
