import fs from 'node:fs';
import path from 'node:path';
import { err, ok, type BackupInfo, type BackupStatus, type Result } from '../../contract';
import type { Db } from '../db/connection';
import type { EventWorkspace } from '../workspace/event_workspace';
import { listBackups, rotateBackups, type RotationPolicy, DEFAULT_ROTATION } from './backup_files';
import { inspectDatabaseFile, integrityProblem } from './backup_inspect';
import { heldMessage, newestBackupCasts, removeBackupsNearFinal, roundCasts, roundCastsInFile, secrecyVerdict, type RoundCasts } from './backup_secrecy';
import { takeBackup, takeBackupSync } from './backup_take';

export interface BackupServiceOptions {
  /** The event open right now (it changes when the host switches events). */
  readonly current: () => EventWorkspace | null;
  /** How often to look for changes; a backup is taken only when something changed. */
  readonly intervalMs?: number;
  readonly rotation?: RotationPolicy;
  readonly now?: () => Date;
  /** Where a failed automatic backup is reported (ids and reasons only, never personal data). */
  readonly log?: (line: string) => void;
}

interface DbState {
  /** The change signature at the newest backup (or when the event was opened). */
  backedUp: string;
  damage: BackupStatus['damage'];
  /** Each round's ballots in the newest backup (see backup_secrecy.ts). */
  castsAtBackup: RoundCasts;
}

/** Five minutes: at most five minutes of desk work depend on the WAL surviving alone. */
export const DEFAULT_BACKUP_INTERVAL_MS = 5 * 60_000;

/**
 * What has changed in a database: this connection's total_changes (every write the host made)
 * and data_version (which moves when another process, the CLI, commits to the same file).
 */
export function changeSignature(db: Db): string {
  const own = (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  return `${own}:${String(db.pragma('data_version', { simple: true }))}`;
}

/** The newest backup of this event that reads back and passes its check; null when none does. */
export function latestGoodBackup(backupsDir: string, eventId: string): BackupInfo | null {
  for (const b of listBackups(backupsDir)) {
    const inspected = inspectDatabaseFile(path.join(backupsDir, b.name));
    if (inspected.ok && inspected.value.eventId === eventId) return b;
  }
  return null;
}

/** Removes `.backup-….partial` files: a copy interrupted by a crash, never a usable backup. */
function removeStalePartials(backupsDir: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(backupsDir);
  } catch {
    return;
  }
  for (const n of names) if (/^\.backup-.*\.partial(-journal)?$/u.test(n)) fs.rmSync(path.join(backupsDir, n), { force: true });
}

/**
 * Automatic backups of the open event: every few minutes while there are changes, and when it
 * closes; rotated. Also remembers whether the database passed its check when it was opened, so
 * the settings screen can offer the newest good backup (never swapping it in by itself).
 */
export class BackupService {
  private readonly states = new WeakMap<Db, DbState>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  readonly intervalMs: number;

  constructor(private readonly options: BackupServiceOptions) {
    this.intervalMs = options.intervalMs ?? DEFAULT_BACKUP_INTERVAL_MS;
  }

  private now(): Date {
    return (this.options.now ?? (() => new Date()))();
  }

  private state(ws: EventWorkspace): DbState {
    let s = this.states.get(ws.db);
    if (!s) {
      // Baseline at first sight (the open): opening an event is not a change worth a backup. The
      // ballots are counted from the newest backup itself: after a crash it may be behind.
      s = { backedUp: changeSignature(ws.db), damage: null, castsAtBackup: newestBackupCasts(ws.layout.backups) };
      this.states.set(ws.db, s);
    }
    return s;
  }

  /**
   * Called when an event opens: clears copies a killed process left half-written, checks the
   * database, and offers the newest good backup if it fails.
   */
  opened(ws: EventWorkspace): void {
    removeStalePartials(ws.layout.backups);
    const s = this.state(ws);
    const problem = integrityProblem(ws.db);
    s.damage = problem ? { problem, offer: latestGoodBackup(ws.layout.backups, ws.manifest.eventId) } : null;
    if (problem) this.options.log?.(`event ${ws.manifest.eventId}: the database failed its check at open; a restore is offered`);
  }

  /** Starts the timer (unref'd: it never keeps a quitting process alive). */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /**
   * Records a backup written outside the timer (to a USB stick, before a restore): the open
   * event's state is in it, and its ballots are what the next backup is measured against.
   */
  noteBackedUp(ws: EventWorkspace, file: string): void {
    if (!ws.db.open) return;
    const s = this.state(ws);
    s.backedUp = changeSignature(ws.db);
    s.castsAtBackup = roundCastsInFile(file);
  }

  /**
   * Ballot secrecy before any backup (backup_secrecy.ts): refused while an open round is 1–4
   * ballots from the newest backup; for a closed round, the kept backups within four ballots of
   * its final count are removed first.
   */
  clearForBackup(ws: EventWorkspace): Result<null, 'backup_failed'> {
    const verdict = secrecyVerdict(roundCasts(ws.db), this.state(ws).castsAtBackup);
    if (verdict.hold) return err('backup_failed', heldMessage(verdict));
    const removed = removeBackupsNearFinal(ws.layout.backups, verdict.closedRounds);
    if (removed.length) this.options.log?.(`event ${ws.manifest.eventId}: ${removed.length} backup(s) within four ballots of a closed round's count removed`);
    return ok(null);
  }

  /** Whether the open event changed since its newest backup. */
  changed(ws: EventWorkspace): boolean {
    return changeSignature(ws.db) !== this.state(ws).backedUp;
  }

  /**
   * One timer step: a backup when the open event changed, then rotation. Never two at once,
   * and never a few ballots apart from the previous backup (it waits for more).
   */
  async tick(): Promise<Result<BackupInfo | null, 'backup_failed'>> {
    const ws = this.options.current();
    if (!ws || !ws.db.open || this.running || !this.changed(ws)) return ok(null);
    if (!this.clearForBackup(ws).ok) return ok(null);
    return this.run(ws, 'auto');
  }

  /** A backup now, whatever changed ("Back up now"); refused with the reason while secrecy holds it. */
  async backupNow(ws: EventWorkspace): Promise<Result<BackupInfo, 'backup_failed'>> {
    if (this.running) await this.running.catch(() => undefined);
    const clear = this.clearForBackup(ws);
    if (!clear.ok) return clear;
    return this.run(ws, 'manual') as Promise<Result<BackupInfo, 'backup_failed'>>;
  }

  private async run(ws: EventWorkspace, reason: 'auto' | 'manual'): Promise<Result<BackupInfo, 'backup_failed'>> {
    // The signature is read before copying: a change made during the copy triggers the next one.
    const signature = changeSignature(ws.db);
    const work = takeBackup(ws.db, ws.layout.backups, reason, this.now());
    this.running = work;
    try {
      const taken = await work;
      if (taken.ok) {
        this.state(ws).backedUp = signature;
        this.state(ws).castsAtBackup = roundCastsInFile(path.join(ws.layout.backups, taken.value.name));
        rotateBackups(ws.layout.backups, this.now(), this.options.rotation ?? DEFAULT_ROTATION);
      } else {
        this.options.log?.(`event ${ws.manifest.eventId}: ${reason} backup failed: ${taken.error.message}`);
      }
      return taken;
    } finally {
      this.running = null;
    }
  }

  /**
   * Called just before an event closes (quit, switch, restore): a last backup if anything
   * changed, unless polls are open a few ballots from the newest backup (the database itself
   * holds every ballot; the next backup comes with more ballots or when polls close).
   */
  beforeClose(ws: EventWorkspace): void {
    if (!ws.db.open || !this.changed(ws)) return;
    const clear = this.clearForBackup(ws);
    if (!clear.ok) {
      this.options.log?.(`event ${ws.manifest.eventId}: no backup on close: polls are open, too few ballots since the last one`);
      return;
    }
    const taken = takeBackupSync(ws.db, ws.layout.backups, 'close', this.now());
    if (taken.ok) {
      this.state(ws).backedUp = changeSignature(ws.db);
      this.state(ws).castsAtBackup = roundCastsInFile(path.join(ws.layout.backups, taken.value.name));
      rotateBackups(ws.layout.backups, this.now(), this.options.rotation ?? DEFAULT_ROTATION);
    } else {
      this.options.log?.(`event ${ws.manifest.eventId}: backup on close failed: ${taken.error.message}`);
    }
  }

  /** The settings screen's view of the open event's backups. */
  status(ws: EventWorkspace): BackupStatus {
    const backups = listBackups(ws.layout.backups);
    return {
      backups,
      lastBackupAt: backups[0]?.takenAt ?? null,
      changedSinceBackup: this.changed(ws),
      intervalMinutes: Math.max(1, Math.round(this.intervalMs / 60_000)),
      damage: this.state(ws).damage,
    };
  }
}
