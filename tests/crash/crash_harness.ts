/**
 * The crash harness: several clients write over HTTP (walk-ins, check-in scans with their
 * idempotency key, and ballot issues in the experience room, when this build has them), the host is killed with SIGKILL at random moments,
 * restarted, and the database is checked: every acknowledged write is there exactly once,
 * nothing unacknowledged is half-there, and integrity_check passes. Unacknowledged scans are
 * retried after the restart with the same clientScanId, as a desk does.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { API } from '../../electron/contract';
import { connect } from '../../electron/core/db/connection';
import { inspectDatabaseFile } from '../../electron/core/backup/backup_inspect';
import { listBackups } from '../../electron/core/backup/backup_files';
import { testFields } from '../../electron/core/participants/participants_test_helpers';
import { callHost, startHost, type HostProcess } from './host_process';

export interface CrashOptions {
  readonly hostJs: string;
  readonly kills: number;
  readonly clients: number;
  /** Each round runs writes for a random time in this range before the kill. */
  readonly minRunMs: number;
  readonly maxRunMs: number;
  readonly seed?: number;
}

export interface CrashReport {
  kills: number;
  acknowledgedWalkIns: number;
  acknowledgedScans: number;
  acknowledgedIssues: number;
  /** Acknowledged writes found exactly once. */
  checked: number;
  lost: number;
  duplicated: number;
  halfWritten: number;
  unacknowledgedPresent: number;
  unacknowledgedAbsent: number;
  scansRetried: number;
  backupsChecked: number;
  badBackups: number;
  integrity: string;
  checkinCovered: boolean;
  votingCovered: boolean;
}

type Call = (method: string, input: unknown) => ReturnType<typeof callHost>;

/**
 * Ballot issuance in the experience room: one round open at a time, each registered person
 * issued once per round. When a round has issued to everyone, the next client to need one
 * closes it and opens another (others wait for that). Null when voting is not in this build.
 */
async function votingRounds(call: Call) {
  if (!('voting.issue' in API)) return null;
  const elections = await call('elections.list', {});
  const electionId = (elections.value as Array<{ id: number }> | undefined)?.[0]?.id;
  if (!elections.ok || !electionId) return null;
  let roundId = 0;
  let next: Promise<number> | null = null;
  const open = async () => {
    if (roundId) await call('voting.rounds.close', { roundId });
    const created = await call('voting.rounds.create', { electionId, label: `Crash round ${Date.now()}` });
    const id = (created.value as { round?: { id: number } } | undefined)?.round?.id;
    if (!id || !(await call('voting.rounds.open', { roundId: id })).ok) throw new Error('cannot open a round');
    roundId = id;
    return id;
  };
  await open();
  return {
    current: () => roundId,
    /** Opens the next round once, however many clients ask at the same time. */
    renew: async (seen: number) => {
      if (roundId !== seen) return roundId;
      next ??= open().finally(() => (next = null));
      return next;
    },
  };
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

/** Runs the harness in a fresh temp folder and returns its figures (the caller asserts). */
export async function runCrashHarness(options: CrashOptions): Promise<CrashReport> {
  const random = rng(options.seed ?? Date.now());
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-crash-'));
  const dataDir = path.join(tmp, 'event');
  const homeDir = path.join(tmp, 'home');
  // Backups every 0.3 s, so some are being written when the kill comes: each must read back.
  const env = { DELEGATE_DESK_BACKUP_SECONDS: '0.3' };
  const ackedWalkIns = new Set<string>();
  const pendingWalkIns = new Set<string>();
  const ackedScans = new Set<string>();
  const pendingScans = new Map<string, number>();
  const ackedIssues = new Set<string>();
  const pendingIssues = new Set<string>();
  const checkinCovered = 'checkin.scan' in API;
  let scansRetried = 0;
  let seq = 0;
  try {
    let host: HostProcess = await startHost(options.hostJs, dataDir, homeDir, env);
    const people = ((await callHost(host.url, 'participants.list', { query: '', limit: 50 })).value as { items: Array<{ id: number }> }).items.map((p) => p.id);
    let scansWork = checkinCovered;
    let url = host.url;
    const rooms = await votingRounds((m, i) => callHost(url, m, i)).catch(() => null);
    let issueAt = 0;
    // An unanswered issue is retried: ok, or already_issued (the first one was committed).
    const retryIssues = async () => {
      for (const key of [...pendingIssues]) {
        const [roundId, participantId] = key.split(':').map(Number);
        const r = await callHost(host.url, 'voting.issue', { roundId, participantId, station: 'crash' });
        if (r.ok || r.error?.code === 'already_issued') {
          pendingIssues.delete(key);
          ackedIssues.add(key);
        }
      }
    };
    for (let round = 0; round < options.kills; round++) {
      url = host.url;
      await retryIssues();
      // A desk retries what it never heard back about, with the same idempotency key.
      for (const [id, participantId] of [...pendingScans]) {
        const r = await callHost(host.url, 'checkin.scan', { participantId, sessionId: null, source: 'search', operator: 'crash', clientScanId: id });
        if (r.ok) {
          pendingScans.delete(id);
          ackedScans.add(id);
          scansRetried++;
        }
      }
      let stop = false;
      const client = async (c: number) => {
        while (!stop) {
          const n = ++seq;
          const scan = scansWork && n % 3 === 1;
          if (rooms && n % 3 === 2) {
            const roundId = rooms.current();
            const participantId = people[issueAt++ % people.length] ?? 1;
            const key = `${roundId}:${participantId}`;
            pendingIssues.add(key);
            try {
              const r = await callHost(host.url, 'voting.issue', { roundId, participantId, station: 'crash' });
              if (r.ok) {
                pendingIssues.delete(key);
                ackedIssues.add(key);
              } else {
                pendingIssues.delete(key);
                if (r.error?.code === 'already_issued') await rooms.renew(roundId);
              }
            } catch {
              return;
            }
          } else if (scan) {
            const id = `crash-${c}-${n.toString(36)}-scan`;
            const participantId = people[n % people.length] ?? 1;
            pendingScans.set(id, participantId);
            try {
              const r = await callHost(host.url, 'checkin.scan', { participantId, sessionId: null, source: 'search', operator: 'crash', clientScanId: id });
              if (r.ok) {
                pendingScans.delete(id);
                ackedScans.add(id);
              } else if (round === 0 && ackedScans.size === 0) {
                scansWork = false; // check-in not working in this build: walk-ins only, and say so
                pendingScans.delete(id);
              } else pendingScans.delete(id);
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
    url = host.url;
    await retryIssues();
    for (const [id, participantId] of [...pendingScans]) {
      const r = await callHost(host.url, 'checkin.scan', { participantId, sessionId: null, source: 'search', operator: 'crash', clientScanId: id });
      if (r.ok) {
        pendingScans.delete(id);
        ackedScans.add(id);
        scansRetried++;
      }
    }
    await host.kill();

    const db = connect(path.join(dataDir, 'event.sqlite'));
    try {
      const integrity = String(db.pragma('integrity_check', { simple: true }));
      const countName = db.prepare('SELECT count(*) AS n FROM participant WHERE family_name = ?');
      const journal = db.prepare(`SELECT count(*) AS n FROM participant_change c JOIN participant p ON p.id = c.participant_id WHERE p.family_name = ? AND c.kind = 'create'`);
      let checked = 0;
      let lost = 0;
      let duplicated = 0;
      let halfWritten = 0;
      let unackPresent = 0;
      let unackAbsent = 0;
      for (const name of ackedWalkIns) {
        const n = (countName.get(name) as { n: number }).n;
        if (n === 0) lost++;
        else if (n > 1) duplicated++;
        else if ((journal.get(name) as { n: number }).n !== 1) halfWritten++;
        else checked++;
      }
      for (const name of pendingWalkIns) {
        const n = (countName.get(name) as { n: number }).n;
        if (n === 0) unackAbsent++;
        else if (n === 1 && (journal.get(name) as { n: number }).n === 1) unackPresent++;
        else halfWritten++;
      }
      // Every crash walk-in in the table, acknowledged or not, has its journal row: none half-written.
      const orphans = db.prepare(`SELECT count(*) AS n FROM participant p WHERE p.family_name LIKE 'CRASH%' AND NOT EXISTS (SELECT 1 FROM participant_change c WHERE c.participant_id = p.id AND c.kind = 'create')`).get() as { n: number };
      halfWritten += orphans.n;
      if (ackedScans.size > 0) {
        const scanRows = db.prepare('SELECT count(*) AS n FROM checkin_scan WHERE client_scan_id = ?');
        for (const id of ackedScans) {
          const n = (scanRows.get(id) as { n: number }).n;
          if (n === 0) lost++;
          else if (n > 1) duplicated++;
          else checked++;
        }
      }
      const issueRows = db.prepare(`SELECT count(*) AS n FROM ballot_issue WHERE round_id = ? AND participant_id = ? AND status <> 'cancelled'`);
      for (const key of ackedIssues) {
        const [roundId, participantId] = key.split(':').map(Number);
        const n = (issueRows.get(roundId, participantId) as { n: number }).n;
        if (n === 0) lost++;
        else if (n > 1) duplicated++;
        else checked++;
      }
      let badBackups = 0;
      const backups = listBackups(path.join(dataDir, 'backups'));
      for (const b of backups) if (!inspectDatabaseFile(path.join(dataDir, 'backups', b.name)).ok) badBackups++;
      return {
        kills: options.kills,
        acknowledgedWalkIns: ackedWalkIns.size,
        acknowledgedScans: ackedScans.size,
        acknowledgedIssues: ackedIssues.size,
        checked,
        lost,
        duplicated,
        halfWritten,
        unacknowledgedPresent: unackPresent,
        unacknowledgedAbsent: unackAbsent,
        scansRetried,
        backupsChecked: backups.length,
        badBackups,
        integrity,
        checkinCovered: checkinCovered && scansWork,
        votingCovered: rooms !== null,
      };
    } finally {
      db.close();
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
