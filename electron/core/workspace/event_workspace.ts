import crypto from 'node:crypto';
import fs from 'node:fs';
import { err, ok, type CreateEventInput, type EventInfo, type Result } from '../../contract';
import { APPLICATION_ID, connect, readDatabaseHeader, type DatabaseHeader, type Db } from '../db/connection';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { migrate } from '../db/migrate';
import { createEventKeys } from '../event_folder/event_keys';
import { inspectFolder, isFolderWritable } from '../event_folder/inspect_folder';
import { eventFolderLayout, type EventFolderLayout, type EventManifest } from '../event_folder/layout';
import { getEventInfo, insertEvent } from '../events/event_store';

/** An open event: its folder, its database connection and what its manifest says. */
export interface EventWorkspace {
  readonly layout: EventFolderLayout;
  readonly db: Db;
  readonly manifest: EventManifest;
  info(): EventInfo;
  close(): void;
}

export type OpenEventError = 'not_found' | 'not_ours' | 'newer_version' | 'read_only' | 'damaged';

function workspaceFor(layout: EventFolderLayout, db: Db, manifest: EventManifest): EventWorkspace {
  return {
    layout,
    db,
    manifest,
    info() {
      const info = getEventInfo(db, layout.dir);
      if (!info) throw new Error('event row missing from an opened event');
      return info;
    },
    close() {
      if (db.open) db.close();
    },
  };
}

/**
 * Opens an existing event folder. Every refusal happens before anything is written: the
 * database is first inspected read-only, and only then opened for writing and migrated.
 */
export function openEventFolder(dir: string): Result<EventWorkspace, OpenEventError> {
  const state = inspectFolder(dir);
  switch (state.kind) {
    case 'missing':
      return err('not_found', `There is no event folder at ${dir}.`);
    case 'empty':
      return err('not_found', `The folder ${dir} is empty: it holds no event. Create one there instead.`);
    case 'foreign':
      return err('not_ours', `${dir} is not a Delegate Desk event folder (${state.reason}). Choose an event folder, or an empty one for a new event.`);
    case 'damaged_manifest':
      return err('damaged', `The event folder ${dir} has a damaged description file. Restore the event from a backup.`);
    case 'event':
      break;
  }
  const layout = eventFolderLayout(dir);
  if (!fs.existsSync(layout.database)) {
    return err('damaged', `The event folder ${dir} has lost its database. Restore the event from a backup.`);
  }
  if (!isFolderWritable(dir)) {
    return err('read_only', `The event folder ${dir} is read-only. Copy it somewhere writable, or fix its permissions, then open it again.`);
  }
  let header: DatabaseHeader | null;
  try {
    header = readDatabaseHeader(layout.database);
  } catch {
    header = null;
  }
  if (!header) return err('damaged', `The database in ${dir} cannot be read. Restore the event from a backup.`);
  if (header.applicationId !== APPLICATION_ID) {
    return err('not_ours', `The database in ${dir} was not made by Delegate Desk. It was left untouched.`);
  }
  if (header.userVersion > LATEST_SCHEMA_VERSION) {
    return err(
      'newer_version',
      `This event was saved by a newer Delegate Desk (schema ${header.userVersion}; this app knows up to ${LATEST_SCHEMA_VERSION}). Update the app to open it.`,
    );
  }
  let db: Db;
  let migrated: ReturnType<typeof migrate>;
  try {
    db = connect(layout.database);
  } catch {
    return err('damaged', `The database in ${dir} cannot be opened. Restore the event from a backup.`);
  }
  try {
    migrated = migrate(db);
  } catch {
    db.close();
    return err('damaged', `The database in ${dir} is damaged and could not be brought up to date. It was left unchanged; restore the event from a backup.`);
  }
  if (!migrated.ok) {
    db.close();
    return err(migrated.error.code === 'newer_version' ? 'newer_version' : 'damaged', migrated.error.message);
  }
  if (!getEventInfo(db, dir)) {
    db.close();
    return err('damaged', `The event in ${dir} has no event record. Restore the event from a backup.`);
  }
  return ok(workspaceFor(layout, db, state.manifest));
}

/**
 * Creates a new event in a missing or empty folder. The manifest is written last, and any
 * failure removes what was made, so no half-created event is ever left behind.
 */
export function createEventFolder(
  dir: string,
  input: CreateEventInput,
  options: { now?: () => Date; seed?: (db: Db, now: string) => void } = {},
): Result<EventWorkspace, 'not_ours' | 'read_only'> {
  const state = inspectFolder(dir);
  if (state.kind !== 'missing' && state.kind !== 'empty') {
    return err('not_ours', `${dir} already holds files. A new event needs a new or empty folder.`);
  }
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch {
    return err('read_only', `Cannot create the folder ${dir}. Choose a place you can write to.`);
  }
  if (!isFolderWritable(dir)) {
    if (state.kind === 'missing') fs.rmSync(dir, { recursive: true, force: true });
    return err('read_only', `The folder ${dir} is read-only. Choose a place you can write to.`);
  }
  const layout = eventFolderLayout(dir);
  const createdAt = (options.now ?? (() => new Date()))().toISOString();
  const manifest: EventManifest = {
    format: 'delegate-desk-event',
    formatVersion: 1,
    eventId: crypto.randomUUID(),
    createdAt,
  };
  let db: Db | undefined;
  try {
    db = connect(layout.database);
    const migrated = migrate(db);
    if (!migrated.ok) throw new Error(migrated.error.message);
    const fill = db.transaction(() => {
      insertEvent(db!, manifest.eventId, input, createdAt);
      options.seed?.(db!, createdAt);
    });
    fill.immediate();
    createEventKeys(layout);
    fs.mkdirSync(layout.backups, { recursive: true });
    fs.mkdirSync(layout.photos, { recursive: true });
    fs.writeFileSync(layout.manifest, `${JSON.stringify(manifest, null, 2)}\n`);
    return ok(workspaceFor(layout, db, manifest));
  } catch (e) {
    db?.close();
    // Undo: the folder was missing or empty, so everything in it is ours to remove.
    for (const entry of fs.readdirSync(dir)) fs.rmSync(`${dir}/${entry}`, { recursive: true, force: true });
    if (state.kind === 'missing') fs.rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}
