import fs from 'node:fs';
import path from 'node:path';
import { err, ok, type BackupPreview, type Result } from '../../contract';
import { createEventKeys } from '../event_folder/event_keys';
import { eventFolderLayout, type EventFolderLayout, type EventManifest } from '../event_folder/layout';
import { fsyncAndRename, fsyncDir } from './backup_files';
import { inspectDatabaseFile, type InspectError } from './backup_inspect';

export type RestoreError = InspectError | 'wrong_event' | 'restore_failed';

/** What a restore did: what it put in place, and where the database it replaced was kept. */
export interface RestoreOutcome {
  readonly preview: BackupPreview;
  /** The folder (inside backups/) holding the replaced database files; null when there was none. */
  readonly keptAside: string | null;
}

function stamp(now: Date): string {
  return now.toISOString().replace(/[:.]/gu, '-');
}

/** The database and its WAL companions, which always move together. */
function databaseFiles(layout: EventFolderLayout): string[] {
  return [layout.database, `${layout.database}-wal`, `${layout.database}-shm`];
}

/**
 * Moves the event's current database files into `backups/replaced-<time>/`. Renames only (same
 * disk, instant, nothing copied or lost): a restore never silently destroys what it replaces.
 */
export function keepCurrentAside(layout: EventFolderLayout, now = new Date()): string | null {
  const present = databaseFiles(layout).filter((f) => fs.existsSync(f));
  if (present.length === 0) return null;
  const aside = path.join(layout.backups, `replaced-${stamp(now)}`);
  fs.mkdirSync(aside, { recursive: true });
  for (const f of present) fs.renameSync(f, path.join(aside, path.basename(f)));
  fsyncDir(layout.dir);
  return aside;
}

/** Puts kept-aside files back (a restore that failed half-way undoes itself). */
function putBack(layout: EventFolderLayout, aside: string | null): void {
  if (!aside) return;
  for (const f of databaseFiles(layout)) {
    const kept = path.join(aside, path.basename(f));
    if (fs.existsSync(kept)) fs.renameSync(kept, f);
  }
  fs.rmSync(aside, { recursive: true, force: true });
}

/**
 * Replaces the database of the event folder `dir` with a backup file. The event must be
 * closed (no open connection). The backup is checked first (ours, not newer, passes
 * integrity_check, same event unless `allowOtherEvent`); the current database is kept aside.
 */
export function restoreDatabaseInto(
  dir: string,
  backupFile: string,
  manifest: EventManifest | null,
  options: { now?: Date; allowOtherEvent?: boolean } = {},
): Result<RestoreOutcome, RestoreError> {
  const layout = eventFolderLayout(dir);
  const staging = `${layout.database}.restoring`;
  // The copy is checked, not the file it came from: a USB stick swapped or a file rewritten
  // between the check and the copy can never put unchecked bytes in place.
  const dropStaging = () => ['', '-journal', '-wal', '-shm'].forEach((x) => fs.rmSync(`${staging}${x}`, { force: true }));
  try {
    fs.copyFileSync(backupFile, staging);
  } catch (e) {
    dropStaging();
    const gone = (e as NodeJS.ErrnoException).code === 'ENOENT';
    return gone ? err('not_found', `There is no backup at ${backupFile}.`) : err('restore_failed', `The backup could not be read (${(e as Error).message}). The event was left as it was.`);
  }
  const inspected = inspectDatabaseFile(staging, { full: true });
  if (!inspected.ok) {
    dropStaging();
    return inspected;
  }
  const preview = inspected.value;
  if (manifest && preview.eventId !== manifest.eventId && !options.allowOtherEvent) {
    dropStaging();
    return err('wrong_event', `This backup is of another event ("${preview.eventName}"). Open that event's folder to restore it, or restore it into a new folder.`);
  }
  let aside: string | null = null;
  try {
    aside = keepCurrentAside(layout, options.now);
    fsyncAndRename(staging, layout.database);
    return ok({ preview, keptAside: aside });
  } catch (e) {
    dropStaging();
    try {
      putBack(layout, aside);
    } catch {
      // the files stay in the aside folder, which the message names
    }
    return err('restore_failed', `The backup could not be put in place (${(e as Error).message}). The event was left as it was${aside ? `; its database is in ${aside} if it is not back` : ''}.`);
  }
}

/**
 * Makes a new event folder from a backup alone (a laptop died; only the USB stick is left).
 * A database backup does not hold the badge signing key, so new keys are made and badges
 * printed before do not verify here: `export-event` moves an event with its keys.
 */
export function restoreIntoNewFolder(dir: string, backupFile: string, now = new Date()): Result<RestoreOutcome & { newKeys: true }, RestoreError> {
  const inspected = inspectDatabaseFile(backupFile, { full: true });
  if (!inspected.ok) return inspected;
  const layout = eventFolderLayout(dir);
  const existed = fs.existsSync(dir);
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync(backupFile, `${layout.database}.restoring`);
    fsyncAndRename(`${layout.database}.restoring`, layout.database);
    createEventKeys(layout);
    fs.mkdirSync(layout.backups, { recursive: true });
    fs.mkdirSync(layout.photos, { recursive: true });
    const manifest: EventManifest = { format: 'delegate-desk-event', formatVersion: 1, eventId: inspected.value.eventId, createdAt: now.toISOString() };
    fs.writeFileSync(layout.manifest, `${JSON.stringify(manifest, null, 2)}\n`);
    return ok({ preview: inspected.value, keptAside: null, newKeys: true });
  } catch (e) {
    for (const entry of fs.existsSync(dir) ? fs.readdirSync(dir) : []) fs.rmSync(path.join(dir, entry), { recursive: true, force: true });
    if (!existed) fs.rmSync(dir, { recursive: true, force: true });
    return err('restore_failed', `The event could not be made from the backup (${(e as Error).message}). Nothing was left behind.`);
  }
}
