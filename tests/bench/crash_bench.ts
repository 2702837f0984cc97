/**
 * Durability figures for `npm run bench`: the crash harness's longer run (walk-ins, check-in
 * scans, ballot issues and casts from paired booths; DD_CRASH_KILLS SIGKILLs, default 60), and what a backup of a
 * 100,000-participant event costs: the online backup API (writers keep going), the synchronous
 * copy taken at close, the integrity check run when an event opens, and an encrypted export.
 */
import path from 'node:path';
import { DEMO_CATEGORIES } from '../../electron/core/demo/demo_people';
import { insertDelegation, insertParticipant, upsertCategory } from '../../electron/core/participants/participant_store';
import { DEMO_EVENT_INPUT } from '../../electron/core/demo/seed_demo_event';
import { createEventFolder } from '../../electron/core/workspace/event_workspace';
import { integrityProblem, takeBackup, takeBackupSync } from '../../electron/core/backup';
import { exportEvent } from '../../electron/core/event_transfer/event_transfer';
import { runCrashHarness } from '../crash/crash_harness';
import { builtHostPath } from '../crash/host_process';
import { generatePeople } from './participant_generator';
import { report } from './stats';
import { benchSoak } from './soak_bench';

/** The long crash run. */
export async function benchCrash(): Promise<void> {
  const kills = Number(process.env['DD_CRASH_KILLS'] ?? 60);
  const t0 = performance.now();
  const r = await runCrashHarness({ hostJs: builtHostPath(), kills, clients: 6, minRunMs: 200, maxRunMs: 1500 });
  report('crash_kills_survived', r.integrity === 'ok' ? r.kills : 0, 'kills');
  report('crash_acknowledged_walkins', r.acknowledgedWalkIns, 'writes');
  report('crash_acknowledged_scans', r.acknowledgedScans, 'writes');
  report('crash_acknowledged_ballot_issues', r.acknowledgedIssues, 'writes');
  report('crash_acknowledged_casts', r.acknowledgedCasts, 'count');
  report('crash_cast_rounds', r.castRounds, 'rounds');
  report('crash_acknowledged_checked_exactly_once', r.checked, 'writes');
  report('crash_box_papers_matched', r.papersChecked, 'papers');
  report('crash_lost_writes', r.lost, 'writes');
  report('crash_duplicated_writes', r.duplicated, 'writes');
  report('crash_half_written', r.halfWritten, 'writes');
  report('crash_unacknowledged_present', r.unacknowledgedPresent, 'writes');
  report('crash_unacknowledged_absent', r.unacknowledgedAbsent, 'writes');
  report('crash_scans_retried_after_restart', r.scansRetried, 'scans');
  report('crash_casts_retried_after_restart', r.castsRetried, 'casts');
  report('crash_casts_found_committed_on_retry', r.castsFoundCommitted, 'casts');
  report('crash_casts_refused_polls_closed', r.castsRefused, 'casts');
  report('crash_box_checks_failed_at_restart', r.restartChecksFailed, 'restarts');
  report('crash_box_linkable_columns', r.boxLinks.length, 'columns');
  report('crash_refused_casts_counted', r.refusedButCounted, 'casts');
  report('crash_cast_anomalies', r.castAnomalies, 'answers');
  report('crash_round_integrity_alarms', r.integrityAlarms, 'rounds');
  report('crash_backups_checked', r.backupsChecked, 'files');
  report('crash_bad_backups', r.badBackups, 'files');
  report('crash_integrity_ok', r.integrity === 'ok' ? 1 : 0, 'bool');
  report('crash_covers_checkin_and_voting', r.checkinCovered && r.votingCovered && r.castsCovered ? 1 : 0, 'bool');
  report('crash_run_time', (performance.now() - t0) / 1000, 's');
}

/** Backup, check and export times of an event with 100,000 generated participants. */
export async function benchBackup100k(tmp: string): Promise<void> {
  const created = createEventFolder(path.join(tmp, 'backup-100k'), { ...DEMO_EVENT_INPUT, name: 'Backup 100k', withDemoData: false });
  if (!created.ok) throw new Error(created.error.message);
  const ws = created.value;
  try {
    const now = new Date().toISOString();
    const people = generatePeople(100_000);
    ws.db.transaction(() => {
      for (const c of DEMO_CATEGORIES) upsertCategory(ws.db, c);
      const delegations = Array.from({ length: 200 }, (_, i) => insertDelegation(ws.db, { name: `Delegation ${i + 1}`, country: null, protocolOrder: i + 1 }));
      people.forEach((p, i) => insertParticipant(ws.db, { ...p, delegationId: i % 3 === 0 ? null : (delegations[i % 200] as number) }, now));
    }).immediate();
    ws.db.pragma('wal_checkpoint(TRUNCATE)');

    let t = performance.now();
    const online = await takeBackup(ws.db, ws.layout.backups, 'manual');
    report('backup_100k_online_api', performance.now() - t, 'ms');
    if (online.ok) report('backup_100k_size', online.value.sizeBytes / 1048576, 'MB');
    t = performance.now();
    takeBackupSync(ws.db, ws.layout.backups, 'close');
    report('backup_100k_at_close_sync', performance.now() - t, 'ms');
    t = performance.now();
    integrityProblem(ws.db);
    report('backup_100k_quick_check_at_open', performance.now() - t, 'ms');
    t = performance.now();
    const exported = await exportEvent(ws.layout.dir, path.join(tmp, 'backup-100k.ddevent'), 'bench passphrase words', { db: ws.db });
    report('export_event_100k_encrypted', performance.now() - t, 'ms');
    if (exported.ok) report('export_event_100k_size', exported.value.sizeBytes / 1048576, 'MB');
  } finally {
    ws.close();
  }
}

/** Every durability figure: backup of 100,000 people, the long crash run, the soak. */
export async function benchDurability(tmp: string): Promise<void> {
  await benchBackup100k(tmp);
  await benchCrash();
  await benchSoak(tmp);
}
