import { z } from 'zod';
import { defineMethod } from '../basics/method';
import { TimestampSchema } from '../basics/primitives';

/** Why a backup was taken; automatic ones are rotated, the others are kept until removed by hand. */
export const BackupReasonSchema = z.enum(['auto', 'close', 'manual', 'before_restore']);
export type BackupReason = z.infer<typeof BackupReasonSchema>;

/** What a backup holds, read from the backup itself (never from the open event). */
export const BackupPreviewSchema = z.object({
  eventId: z.string(),
  eventName: z.string(),
  schemaVersion: z.number().int().nonnegative(),
  participants: z.number().int().nonnegative(),
  checkIns: z.number().int().nonnegative(),
  rounds: z.number().int().nonnegative(),
  /** When the newest change inside it was made, if the event records one. */
  lastChangeAt: z.string().nullable(),
});
export type BackupPreview = z.infer<typeof BackupPreviewSchema>;

/** One backup file in the event's backups folder. */
export const BackupInfoSchema = z.object({
  /** The file name inside backups/ (never a full path: the folder stays on the host). */
  name: z.string(),
  reason: BackupReasonSchema,
  takenAt: TimestampSchema,
  sizeBytes: z.number().int().nonnegative(),
});
export type BackupInfo = z.infer<typeof BackupInfoSchema>;

/** The open event's backup state, and a restore offer when its database failed its check. */
export const BackupStatusSchema = z.object({
  backups: z.array(BackupInfoSchema),
  lastBackupAt: TimestampSchema.nullable(),
  /** Whether changes were made since the newest backup. */
  changedSinceBackup: z.boolean(),
  intervalMinutes: z.number().int().positive(),
  /** Set when the open database failed its integrity check: what is wrong, and the newest good backup. */
  damage: z
    .object({ problem: z.string(), offer: BackupInfoSchema.nullable() })
    .nullable(),
});
export type BackupStatus = z.infer<typeof BackupStatusSchema>;

/** A path on the host machine, typed by the admin (no NUL: the OS would cut the path there). */
const HostFilePathSchema = z
  .string()
  .min(1, 'type the full path of the file')
  .max(4096)
  .refine((p) => !p.includes('\u0000'), 'a path cannot contain a NUL character');

/** A backup file outside the event's folder (a USB stick), as read from the file itself. */
export const ExternalBackupSchema = z.object({
  /** The absolute path that was read on the host. */
  path: z.string(),
  sizeBytes: z.number().int().nonnegative(),
  /** From the file's name when it is a backup's own name, else when the file was last written. */
  takenAt: TimestampSchema,
  takenAtFrom: z.enum(['name', 'modified']),
  preview: BackupPreviewSchema,
});
export type ExternalBackup = z.infer<typeof ExternalBackupSchema>;

const BackupNameSchema = z
  .string()
  .regex(/^backup-[0-9TZ-]+-(auto|close|manual|before_restore)\.sqlite$/u, 'not the name of a backup in this event');

export const backupStatus = defineMethod({
  summary: "The open event's backups (newest first), whether it changed since the last one, and any restore offer.",
  input: z.object({}),
  output: BackupStatusSchema,
  errors: ['no_event'],
  roles: ['admin'],
});

export const backupNow = defineMethod({
  summary: 'Takes a backup of the open event now (the SQLite online backup: desks keep working).',
  input: z.object({}),
  output: BackupInfoSchema,
  errors: ['no_event', 'backup_failed'],
  roles: ['admin'],
});

export const backupToPath = defineMethod({
  summary: 'Writes a backup of the open event to a file the admin chose (a USB stick); never replaces an existing file.',
  input: z.object({ path: HostFilePathSchema }),
  output: z.object({ path: z.string(), sizeBytes: z.number().int().nonnegative() }),
  errors: ['no_event', 'backup_failed', 'exists'],
  roles: ['admin'],
});

export const backupPreview = defineMethod({
  summary: 'What one backup holds: event, counts, schema version and when it was taken.',
  input: z.object({ name: BackupNameSchema }),
  output: BackupInfoSchema.extend({ preview: BackupPreviewSchema }),
  errors: ['no_event', 'not_found', 'damaged'],
  roles: ['admin'],
});

export const backupRestore = defineMethod({
  summary: 'Replaces the open database with a backup; the current database is backed up first and kept.',
  input: z.object({ name: BackupNameSchema }),
  output: z.object({ restored: BackupInfoSchema, keptAs: z.string() }),
  errors: ['no_event', 'not_found', 'damaged', 'wrong_event', 'restore_failed'],
  roles: ['admin'],
});

/** Why a file on the host cannot be restored; every one leaves the event as it was. */
const FILE_ERRORS = ['no_event', 'not_found', 'not_a_file', 'unreadable', 'not_ours', 'damaged', 'newer_version', 'open_database'] as const;

export const backupPreviewFile = defineMethod({
  summary: "What a backup file anywhere on the host (a USB stick) holds, read without writing to it; says whether it is of the open event. The host machine's admin only.",
  input: z.object({ path: HostFilePathSchema }),
  output: ExternalBackupSchema.extend({
    /** False when the file is a backup of another event: it cannot be restored into this one. */
    sameEvent: z.boolean(),
    openEventName: z.string(),
  }),
  errors: [...FILE_ERRORS],
  roles: ['admin'],
});

export const backupRestoreFile = defineMethod({
  summary: 'Replaces the open database with a backup file anywhere on the host (same event only); the current database is backed up first and kept. The host machine\'s admin only.',
  input: z.object({ path: HostFilePathSchema }),
  output: z.object({ restored: ExternalBackupSchema, keptAs: z.string() }),
  errors: [...FILE_ERRORS, 'wrong_event', 'restore_failed'],
  roles: ['admin'],
});

export const privacyEraseParticipant = defineMethod({
  summary: "Erases one person's personal data from the event and from every backup in its folder (a request under data-protection law).",
  input: z.object({ participantId: z.number().int().positive(), confirmName: z.string().min(1).max(600) }),
  output: z.object({
    tables: z.array(z.object({ table: z.string(), rows: z.number().int().nonnegative() })),
    backupsScrubbed: z.number().int().nonnegative(),
    photoRemoved: z.boolean(),
  }),
  errors: ['no_event', 'not_found', 'confirm_mismatch'],
  roles: ['admin'],
});

/** Backup, restore and erasure methods, keyed by their API names. */
export const BACKUP_METHODS = {
  'backup.status': backupStatus,
  'backup.now': backupNow,
  'backup.toPath': backupToPath,
  'backup.preview': backupPreview,
  'backup.restore': backupRestore,
  'backup.previewFile': backupPreviewFile,
  'backup.restoreFile': backupRestoreFile,
  'privacy.eraseParticipant': privacyEraseParticipant,
} as const;
