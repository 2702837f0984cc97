import fs from 'node:fs';
import path from 'node:path';
import { err, ok, type BackupPreview, type Result } from '../../contract';
import { parseBackupName } from './backup_files';
import { inspectDatabaseFile, type InspectError } from './backup_inspect';

/** Why a file somewhere on the host cannot be used as a backup. */
export type ExternalBackupError = InspectError | 'not_a_file' | 'unreadable' | 'open_database';

/** A backup file outside the event's backups folder (a USB stick, a copy from another laptop). */
export interface ExternalBackup {
  /** The absolute path that was read (what the admin typed, resolved on the host). */
  readonly path: string;
  readonly sizeBytes: number;
  /** When it was taken: from its name when it is a backup's own name, else the file's modification time. */
  readonly takenAt: string;
  readonly takenAtFrom: 'name' | 'modified';
  readonly preview: BackupPreview;
}

function describeReadError(e: unknown, file: string): string {
  const code = (e as { code?: string }).code;
  if (code === 'EACCES' || code === 'EPERM') return `${file} cannot be read: permission denied. Copy it to a folder this computer's user can read, then try again.`;
  if (code === 'ELOOP') return `${file} is a link that leads round in a loop, not to a file. Type the path of the backup file itself.`;
  if (code === 'EIO') return `${file} cannot be read: the disk reported a read error. The USB stick may be failing; try another copy of the backup.`;
  return `${file} cannot be read (${(e as Error).message}).`;
}

/** A folder was typed: say so, and name a few .sqlite files inside it so the right one can be picked. */
function folderMessage(dir: string): string {
  let inside: string[] = [];
  try {
    inside = fs.readdirSync(dir).filter((n) => n.toLowerCase().endsWith('.sqlite')).sort().slice(0, 3);
  } catch {
    // an unreadable folder simply lists nothing
  }
  const hint = inside.length ? ` It holds: ${inside.join(', ')}.` : '';
  return `${dir} is a folder, not a backup file. Type the full path of the backup file inside it (it ends in .sqlite).${hint}`;
}

function samePath(a: string, b: string): boolean {
  try {
    return fs.realpathSync(a) === fs.realpathSync(b);
  } catch {
    return false;
  }
}

/**
 * Checks a file anywhere on the host before it may replace an event's database, without
 * writing to it: it exists and is a regular file the host can read, it is not the open
 * database itself, nothing of it lives only in a `-wal` beside it (a restore copies the one
 * file), and it is a healthy Delegate Desk database no newer than this app (inspectDatabaseFile;
 * `full` runs the complete integrity_check, as a restore does).
 */
export function inspectExternalBackup(
  file: string,
  options: { full?: boolean; openDatabase?: string } = {},
): Result<ExternalBackup, ExternalBackupError> {
  const resolved = path.resolve(file);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(resolved);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return err('not_found', `There is no file at ${resolved}. Check the path, and that the USB stick is plugged in.`);
    return err('unreadable', describeReadError(e, resolved));
  }
  if (stat.isDirectory()) return err('not_a_file', folderMessage(resolved));
  // A pipe or a device would block or never end: only plain files are read.
  if (!stat.isFile()) return err('not_a_file', `${resolved} is not a plain file (it is a device or a pipe). Type the path of a backup file.`);
  if (options.openDatabase && samePath(resolved, options.openDatabase)) {
    return err('open_database', `${resolved} is the open event's own database, not a backup. Choose a backup file.`);
  }
  try {
    fs.closeSync(fs.openSync(resolved, 'r'));
  } catch (e) {
    return err('unreadable', describeReadError(e, resolved));
  }
  const wal = `${resolved}-wal`;
  if (fs.existsSync(wal) && fs.statSync(wal).size > 0) {
    return err('damaged', `${resolved} has recent changes in ${path.basename(wal)} beside it, so the file alone is not the whole database. Use a backup file made by Delegate Desk (it is always one file).`);
  }
  const inspected = inspectDatabaseFile(resolved, options.full ? { full: true } : {});
  if (!inspected.ok) return inspected;
  const named = parseBackupName(path.basename(resolved));
  return ok({
    path: resolved,
    sizeBytes: stat.size,
    takenAt: named?.takenAt ?? stat.mtime.toISOString(),
    takenAtFrom: named ? 'name' : 'modified',
    preview: inspected.value,
  });
}
