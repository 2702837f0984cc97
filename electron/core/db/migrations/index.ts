import { MIGRATION_0001_INIT } from './0001_init';
import { MIGRATION_0002_DEVICES } from './0002_devices';
import { MIGRATION_0003_BADGES } from './0003_badges';
import { MIGRATION_0004_IMPORT } from './0004_import';
import { MIGRATION_0005_PARTICIPANTS } from './0005_participants';
import { MIGRATION_0006_CHECKIN } from './0006_checkin';
import { MIGRATION_0007_VOTING } from './0007_voting';
import { MIGRATION_0008_COUNT } from './0008_count';
import { MIGRATION_0009_IMPORT_SOURCE_COLUMN } from './0009_import_source_column';

/** A numbered, forward-only schema step. Never edit one that has shipped: add the next. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'init', sql: MIGRATION_0001_INIT },
  { version: 2, name: 'devices', sql: MIGRATION_0002_DEVICES },
  { version: 3, name: 'badges', sql: MIGRATION_0003_BADGES },
  { version: 4, name: 'import', sql: MIGRATION_0004_IMPORT },
  { version: 5, name: 'participants', sql: MIGRATION_0005_PARTICIPANTS },
  { version: 6, name: 'checkin', sql: MIGRATION_0006_CHECKIN },
  { version: 7, name: 'voting', sql: MIGRATION_0007_VOTING },
  { version: 8, name: 'count', sql: MIGRATION_0008_COUNT },
  { version: 9, name: 'import_source_column', sql: MIGRATION_0009_IMPORT_SOURCE_COLUMN },
];

/** The schema version this build writes. */
export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
