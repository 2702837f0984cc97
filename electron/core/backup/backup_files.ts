import fs from 'node:fs';
import path from 'node:path';
import type { BackupInfo, BackupReason } from '../../contract';

const NAME_PATTERN = /^backup-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)-(auto|close|manual|before_restore)\.sqlite$/u;

/**
 * The file name of a backup taken at `at`: the time (colons made safe for every file system)
 * and the reason, so a listing needs no database reads and sorts by name.
 */
export function backupFileName(at: Date, reason: BackupReason): string {
  return `backup-${at.toISOString().replace(/[:.]/gu, '-')}-${reason}.sqlite`;
}

/** Parses a backup file name back into when and why it was taken; null for any other file. */
export function parseBackupName(name: string): { takenAt: string; reason: BackupReason } | null {
  const m = NAME_PATTERN.exec(name);
  if (!m?.[1] || !m[2]) return null;
  const [date, time] = m[1].split('T') as [string, string];
  const [h, mi, s, ms] = time.replace('Z', '').split('-');
  return { takenAt: `${date}T${h}:${mi}:${s}.${ms}Z`, reason: m[2] as BackupReason };
}

/** Every backup in a backups folder, newest first. Unrelated and half-written files are ignored. */
export function listBackups(backupsDir: string): BackupInfo[] {
  let entries: string[];
  try {
    entries = fs.readdirSync(backupsDir);
  } catch {
    return [];
  }
  const out: BackupInfo[] = [];
  for (const name of entries) {
    const parsed = parseBackupName(name);
    if (!parsed) continue;
    try {
      out.push({ name, ...parsed, sizeBytes: fs.statSync(path.join(backupsDir, name)).size });
    } catch {
      // removed between the listing and the stat (rotation in another process): not a backup any more
    }
  }
  return out.sort((a, b) => b.takenAt.localeCompare(a.takenAt) || b.name.localeCompare(a.name));
}

export interface RotationPolicy {
  /** The newest automatic backups always kept. */
  readonly keepLast: number;
  /** Beyond those, the newest automatic backup of each hour is kept for this many hours. */
  readonly keepHourlyFor: number;
}

/** Ten recent backups, then one an hour for three days: a whole event's history at a bounded size. */
export const DEFAULT_ROTATION: RotationPolicy = { keepLast: 10, keepHourlyFor: 72 };

/**
 * Which automatic backups rotation removes. Manual backups and the copy kept before a restore
 * are never removed automatically: someone chose to make them.
 */
export function backupsToRotate(backups: readonly BackupInfo[], now: Date, policy: RotationPolicy = DEFAULT_ROTATION): BackupInfo[] {
  const automatic = backups.filter((b) => b.reason === 'auto' || b.reason === 'close').sort((a, b) => b.takenAt.localeCompare(a.takenAt));
  const keep = new Set(automatic.slice(0, policy.keepLast).map((b) => b.name));
  const hoursSeen = new Set<string>();
  const oldest = now.getTime() - policy.keepHourlyFor * 3_600_000;
  for (const b of automatic) {
    const hour = b.takenAt.slice(0, 13);
    if (hoursSeen.has(hour)) continue;
    hoursSeen.add(hour);
    if (Date.parse(b.takenAt) >= oldest) keep.add(b.name);
  }
  return automatic.filter((b) => !keep.has(b.name));
}

/** Applies rotation to a backups folder; returns the names removed. */
export function rotateBackups(backupsDir: string, now: Date, policy: RotationPolicy = DEFAULT_ROTATION): string[] {
  const removed: string[] = [];
  for (const b of backupsToRotate(listBackups(backupsDir), now, policy)) {
    try {
      fs.rmSync(path.join(backupsDir, b.name), { force: true });
      removed.push(b.name);
    } catch {
      // a file we cannot remove stays; the next rotation tries again
    }
  }
  return removed;
}

/** Writes durably: fsync the file, rename into place, fsync the folder, so a power cut leaves old or new, never half. */
export function fsyncAndRename(tmp: string, dest: string): void {
  const fd = fs.openSync(tmp, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, dest);
  fsyncDir(path.dirname(dest));
}

/** fsyncs a folder so a rename in it survives a power cut (a no-op where the OS does not allow it). */
export function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Windows cannot open folders; NTFS journals renames itself
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
