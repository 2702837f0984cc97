import type { BackupInfo } from '../../../electron/contract';

/** A backup's time in the staff's language, to the second (two backups a minute apart must differ). */
export function formatTakenAt(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(iso));
}

/** A file size people read: KB below a megabyte, MB with one decimal above. */
export function formatSize(bytes: number, language: string): string {
  const mb = bytes / 1048576;
  return mb >= 1
    ? `${new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(mb)} MB`
    : `${new Intl.NumberFormat(language).format(Math.max(1, Math.round(bytes / 1024)))} KB`;
}

/** The catalogue key naming why a backup was taken. */
export function reasonKey(reason: BackupInfo['reason']): string {
  return `backup.reason.${reason}`;
}
