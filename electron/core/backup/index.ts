/** Backups of an event: automatic and manual copies, rotation, previews, restore, recovery offers. */
export { BackupService, DEFAULT_BACKUP_INTERVAL_MS, changeSignature, latestGoodBackup } from './backup_service';
export { backupFileName, listBackups, parseBackupName, rotateBackups, backupsToRotate, DEFAULT_ROTATION } from './backup_files';
export { backupToFile, copyDatabase, copyDatabaseSync, takeBackup, takeBackupSync } from './backup_take';
export { describeDatabase, inspectDatabaseFile, integrityProblem, tableExists } from './backup_inspect';
export { keepCurrentAside, restoreDatabaseInto, restoreIntoNewFolder } from './backup_restore';
export { recoveryOffer } from './recovery';
export { inspectExternalBackup, type ExternalBackup, type ExternalBackupError } from './backup_external';
