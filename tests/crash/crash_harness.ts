/**
 * The crash harness: several clients write over HTTP (walk-ins, check-in scans with their
 * idempotency key, and in the experience room ballot issues and casts from paired booth
 * tablets, when this build has them), the host is killed with SIGKILL at random moments,
 * restarted, and the database is checked: every acknowledged write is there exactly once,
 * nothing unacknowledged is half-there, and integrity_check passes. Unanswered scans, issues
 * and casts are retried after each restart as a desk, station or booth does (crash_voting.ts);
 * the box is checked at each restart and at the end (crash_checks.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { API } from '../../electron/contract';
import { connect } from '../../electron/core/db/connection';
import { inspectDatabaseFile } from '../../electron/core/backup/backup_inspect';
import { listBackups } from '../../electron/core/backup/backup_files';
import { testFields } from '../../electron/core/participants/participants_test_helpers';
import { boxLinks, checkCasts, checkIssues, checkScans, checkWalkIns, emptyTally } from './crash_checks';
import { freePort, setupRoom, type CrashRoom } from './crash_voting';
import { callHost, startHost, type HostProcess } from './host_process';

export interface CrashOptions {
  readonly hostJs: string;
  readonly kills: number;
  readonly clients: number;
  /** Each round runs writes for a random time in this range before the kill. */
  readonly minRunMs: number;
  readonly maxRunMs: number;
  readonly seed?: number;
  /** Booth tablets paired for the casts (default 3). */
  readonly booths?: number;
}

export interface CrashReport {
  kills: number;
  acknowledgedWalkIns: number;
  acknowledgedScans: number;
  acknowledgedIssues: number;
  /** Casts answered `ok`, or `already_cast` when retried after a restart. */
  acknowledgedCasts: number;
  /** Rounds (of different elections in turn) with acknowledged casts. */
  castRounds: number;
  /** Acknowledged writes found exactly once (casts: their marks in the box, per round). */
  checked: number;
  /** Papers in the box matched to acknowledged casts' marks (a cast is one paper per contest). */
  papersChecked: number;
  lost: number;
  duplicated: number;
  halfWritten: number;
  unacknowledgedPresent: number;
  unacknowledgedAbsent: number;
  scansRetried: number;
  /** Casts whose answer was lost to a kill, sent again by the booth after the restart. */
  castsRetried: number;
  /** ...of those, the ones already committed (the retry answered `already_cast`). */
  castsFoundCommitted: number;
  /** Casts refused (polls closed under them), and of those any found counted anyway (must be 0). */
  castsRefused: number;
  refusedButCounted: number;
  /** Answers that must never come: a first cast told `already_cast`, valid marks refused. */
  castAnomalies: number;
  /** Rounds whose own integrity figures raised the alarm after the last restart. */
  integrityAlarms: number;
  /** Restarts after which the box (checked then too) did not hold exactly the acknowledged casts. */
  restartChecksFailed: number;
  /** Anything in the schema that could link a paper to a voter (must be empty). */
  boxLinks: string[];
  backupsChecked: number;
  badBackups: number;
  integrity: string;
  checkinCovered: boolean;
  votingCovered: boolean;
  castsCovered: boolean;
}

/** A small seeded generator, so a failing run can be replayed with its seed. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Retries unanswered scans with the same clientScanId, as a desk does; how many were answered. */
async function retryScans(url: string, pending: Map<string, number>, acked: Set<string>): Promise<number> {
  let retried = 0;
  for (const [id, participantId] of [...pending]) {
    const r = await callHost(url, 'checkin.scan', { participantId, sessionId: null, source: 'search', operator: 'crash', clientScanId: id });
    if (r.ok) {
      pending.delete(id);
      acked.add(id);
      retried++;
    }
  }
  return retried;
}

/** The box and the issues checked while the host runs, after the room recovered: true when all is well. */
function boxHoldsAcknowledged(dbFile: string, room: CrashRoom): boolean {
  const db = connect(dbFile, { readonly: true });
  try {
    const t = emptyTally();
    checkIssues(db, room.ledger.ackedIssues, t);
    const casts = checkCasts(db, room.ledger.casts, t);
    return t.lost + t.duplicated + t.halfWritten + casts.refusedButCounted + casts.alarms === 0;
  } finally {
    db.close();
  }
}

/** Runs the harness in a fresh temp folder and returns its figures (the caller asserts). */
export async function runCrashHarness(options: CrashOptions): Promise<CrashReport> {
  const random = rng(options.seed ?? Date.now());
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-crash-'));
  const dataDir = path.join(tmp, 'event');
  const homeDir = path.join(tmp, 'home');
  const dbFile = path.join(dataDir, 'event.sqlite');
  // Backups every 0.3 s, so some are being written when the kill comes: each must read back.
  const env = { DELEGATE_DESK_BACKUP_SECONDS: '0.3' };
  const ackedWalkIns = new Set<string>();
  const pendingWalkIns = new Set<string>();
  const ackedScans = new Set<string>();
  const pendingScans = new Map<string, number>();
  const checkinCovered = 'checkin.scan' in API;
  let scansRetried = 0;
  let restartChecksFailed = 0;
  let seq = 0;
  try {
    // The first start also listens on a LAN stand-in port: booth tablets pair from "the LAN".
    const lanPort = await freePort();
    let host: HostProcess = await startHost(options.hostJs, dataDir, homeDir, { ...env, DELEGATE_DESK_E2E_LAN_STAND_IN_PORT: String(lanPort) });
    const people = ((await callHost(host.url, 'participants.list', { query: '', limit: 50 })).value as { items: Array<{ id: number }> }).items.map((p) => p.id);
    let scansWork = checkinCovered;
    const room = await setupRoom((m, i, token) => callHost(host.url, m, i, token), `http://127.0.0.1:${lanPort}/`, options.booths ?? 3, random);
    // A visiting group of 16: a round fills up (then the next opens) several times per run.
    const voters = people.slice(0, 16);
    let voterAt = 0;
    for (let round = 0; round < options.kills; round++) {
      if (room) {
        await room.recover();
        if (round > 0 && !boxHoldsAcknowledged(dbFile, room)) restartChecksFailed++;
      }
      scansRetried += await retryScans(host.url, pendingScans, ackedScans);
      let stop = false;
      const client = async (c: number) => {
        while (!stop) {
          const n = ++seq;
          if (room && n % 3 === 2) {
            try {
              await room.vote(voters[voterAt++ % voters.length] ?? 1);
            } catch {
              return; // the host died: what was not answered is retried after the restart
            }
          } else if (scansWork && n % 3 === 1) {
            const id = `crash-${c}-${n.toString(36)}-scan`;
            const participantId = people[n % people.length] ?? 1;
            pendingScans.set(id, participantId);
            try {
              const r = await callHost(host.url, 'checkin.scan', { participantId, sessionId: null, source: 'search', operator: 'crash', clientScanId: id });
              pendingScans.delete(id);
              if (r.ok) ackedScans.add(id);
              else if (round === 0 && ackedScans.size === 0) scansWork = false; // check-in not working in this build: say so
            } catch {
              return; // the host died: this scan stays pending and is retried after the restart
            }
          } else {
            const name = `CRASH${c}N${n}`;
            pendingWalkIns.add(name);
            try {
              const r = await callHost(host.url, 'participants.create', { fields: testFields({ familyName: name, givenName: 'Walkin', country: 'KR' }) });
              pendingWalkIns.delete(name);
              if (r.ok) ackedWalkIns.add(name);
            } catch {
              return; // unacknowledged: may or may not be there, but never half
            }
          }
        }
      };
      const running = Array.from({ length: options.clients }, (_, c) => client(c));
      await new Promise((r) => setTimeout(r, options.minRunMs + random() * (options.maxRunMs - options.minRunMs)));
      await host.kill();
      stop = true;
      await Promise.all(running);
      host = await startHost(options.hostJs, dataDir, homeDir, env);
    }
    await room?.recover();
    scansRetried += await retryScans(host.url, pendingScans, ackedScans);
    await host.kill();

    const db = connect(dbFile);
    try {
      const integrity = String(db.pragma('integrity_check', { simple: true }));
      const t = emptyTally();
      const unack = checkWalkIns(db, ackedWalkIns, pendingWalkIns, t);
      checkScans(db, ackedScans, t);
      const ledger = room?.ledger;
      if (ledger) checkIssues(db, ledger.ackedIssues, t);
      const casts = ledger ? checkCasts(db, ledger.casts, t) : { refusedButCounted: 0, alarms: 0 };
      let badBackups = 0;
      const backups = listBackups(path.join(dataDir, 'backups'));
      for (const b of backups) if (!inspectDatabaseFile(path.join(dataDir, 'backups', b.name)).ok) badBackups++;
      const count = (state: string) => ledger?.casts.filter((c) => c.state === state).length ?? 0;
      return {
        kills: options.kills,
        acknowledgedWalkIns: ackedWalkIns.size,
        acknowledgedScans: ackedScans.size,
        acknowledgedIssues: ledger?.ackedIssues.size ?? 0,
        acknowledgedCasts: count('acked'),
        castRounds: new Set(ledger?.casts.filter((c) => c.state === 'acked').map((c) => c.roundId)).size,
        ...t,
        unacknowledgedPresent: unack.present,
        unacknowledgedAbsent: unack.absent,
        scansRetried,
        castsRetried: ledger?.castsRetried ?? 0,
        castsFoundCommitted: ledger?.castsFoundCommitted ?? 0,
        castsRefused: count('refused'),
        refusedButCounted: casts.refusedButCounted,
        castAnomalies: ledger?.castAnomalies ?? 0,
        integrityAlarms: casts.alarms,
        restartChecksFailed,
        boxLinks: room ? boxLinks(db) : [],
        backupsChecked: backups.length,
        badBackups,
        integrity,
        checkinCovered: checkinCovered && scansWork,
        votingCovered: room !== null,
        castsCovered: room?.castsCovered ?? false,
      };
    } finally {
      db.close();
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
