import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { err, ok, type BackupInfo, type BackupReason, type Result } from '../../contract';
import type { Db } from '../db/connection';
import { backupFileName, fsyncAndRename, parseBackupName } from './backup_files';

/**
 * Turns a fresh copy into a standalone file: rollback journal instead of WAL (a backup is one
 * file, with no -wal beside it to lose), and a quick check that the copy reads back.
 */
function finishCopy(tmp: string): void {
  const copy = new Database(tmp);
  try {
    copy.pragma('journal_mode = DELETE');
    const check = copy.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`the copy failed its check (${String(check)})`);
  } finally {
    copy.close();
  }
}

function tempNameFor(dest: string): string {
  return path.join(path.dirname(dest), `.${path.basename(dest)}.${process.pid}.partial`);
}

/**
 * Copies the open database to `dest` with SQLite's online backup API: writers keep going while
 * it copies, and the copy is one consistent moment. Written to a temporary name and renamed
 * only when complete, so a crash mid-backup never leaves a file that looks like a backup.
 */
export async function copyDatabase(db: Db, dest: string): Promise<number> {
  const tmp = tempNameFor(dest);
  try {
    await db.backup(tmp);
    finishCopy(tmp);
    fsyncAndRename(tmp, dest);
    return fs.statSync(dest).size;
  } finally {
    fs.rmSync(tmp, { force: true });
    fs.rmSync(`${tmp}-journal`, { force: true });
  }
}

/**
 * The same copy, synchronously (`VACUUM INTO`, also a consistent online snapshot), for the
 * moment an event closes: the app is quitting and cannot wait for the event loop.
 */
export function copyDatabaseSync(db: Db, dest: string): number {
  const tmp = tempNameFor(dest);
  try {
    db.prepare('VACUUM INTO ?').run(tmp);
    finishCopy(tmp);
    fsyncAndRename(tmp, dest);
    return fs.statSync(dest).size;
  } finally {
    fs.rmSync(tmp, { force: true });
    fs.rmSync(`${tmp}-journal`, { force: true });
  }
}

function describe(e: unknown): string {
  const code = (e as { code?: string }).code;
  if (code === 'ENOSPC') return 'the disk is full';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'the folder cannot be written to';
  return (e as Error).message;
}

/** Takes a backup into the event's backups folder; the file name records when and why. */
export async function takeBackup(db: Db, backupsDir: string, reason: BackupReason, now = new Date()): Promise<Result<BackupInfo, 'backup_failed'>> {
  const name = backupFileName(now, reason);
  try {
    fs.mkdirSync(backupsDir, { recursive: true });
    const sizeBytes = await copyDatabase(db, path.join(backupsDir, name));
    return ok({ name, reason, takenAt: parseBackupName(name)?.takenAt ?? now.toISOString(), sizeBytes });
  } catch (e) {
    return err('backup_failed', `The backup could not be written: ${describe(e)}. The event itself is unchanged.`);
  }
}

/** The synchronous form of takeBackup, for closing an event. */
export function takeBackupSync(db: Db, backupsDir: string, reason: BackupReason, now = new Date()): Result<BackupInfo, 'backup_failed'> {
  const name = backupFileName(now, reason);
  try {
    fs.mkdirSync(backupsDir, { recursive: true });
    const sizeBytes = copyDatabaseSync(db, path.join(backupsDir, name));
    return ok({ name, reason, takenAt: parseBackupName(name)?.takenAt ?? now.toISOString(), sizeBytes });
  } catch (e) {
    return err('backup_failed', `The backup could not be written: ${describe(e)}. The event itself is unchanged.`);
  }
}

/**
 * "Back up to…": a copy at a path the admin chose (a USB stick). Never replaces a file that
 * is there already, so a mistyped name cannot destroy another backup.
 */
export async function backupToFile(db: Db, file: string): Promise<Result<{ path: string; sizeBytes: number }, 'backup_failed' | 'exists'>> {
  const dest = path.resolve(file);
  if (fs.existsSync(dest)) return err('exists', `${dest} exists already. Choose another file name; nothing was replaced.`);
  if (!fs.existsSync(path.dirname(dest))) return err('backup_failed', `The folder ${path.dirname(dest)} does not exist. Is the USB stick plugged in?`);
  try {
    return ok({ path: dest, sizeBytes: await copyDatabase(db, dest) });
  } catch (e) {
    return err('backup_failed', `The backup could not be written to ${dest}: ${describe(e)}. The event itself is unchanged.`);
  }
}
