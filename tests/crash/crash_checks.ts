/**
 * What the crash harness checks in the database after the restarts: every acknowledged write
 * is there exactly once, nothing is half-written, and the ballot box holds exactly the
 * acknowledged casts' marks while still holding nothing that links a paper to a voter.
 */
import type { Db } from '../../electron/core/db/connection';
import { getRoundRow, roundDefinition, roundDetail } from '../../electron/core/voting/round_store';
import { paperOf, type CastRecord } from './crash_voting';

/** Tallies one check adds to (each acknowledged write ends in exactly one of checked/lost/duplicated). */
export interface Tally {
  checked: number;
  /** Papers in the box matched against acknowledged casts' marks. */
  papersChecked: number;
  lost: number;
  duplicated: number;
  halfWritten: number;
}

/** A fresh tally at zero. */
export function emptyTally(): Tally {
  return { checked: 0, papersChecked: 0, lost: 0, duplicated: 0, halfWritten: 0 };
}

/** Walk-ins: each acknowledged one once with its journal row; unacknowledged ones whole or absent. */
export function checkWalkIns(db: Db, acked: ReadonlySet<string>, pending: ReadonlySet<string>, t: Tally): { present: number; absent: number } {
  const countName = db.prepare('SELECT count(*) AS n FROM participant WHERE family_name = ?');
  const journal = db.prepare(`SELECT count(*) AS n FROM participant_change c JOIN participant p ON p.id = c.participant_id WHERE p.family_name = ? AND c.kind = 'create'`);
  const n = (stmt: typeof countName, name: string) => (stmt.get(name) as { n: number }).n;
  let present = 0;
  let absent = 0;
  for (const name of acked) {
    const rows = n(countName, name);
    if (rows === 0) t.lost++;
    else if (rows > 1) t.duplicated++;
    else if (n(journal, name) !== 1) t.halfWritten++;
    else t.checked++;
  }
  for (const name of pending) {
    const rows = n(countName, name);
    if (rows === 0) absent++;
    else if (rows === 1 && n(journal, name) === 1) present++;
    else t.halfWritten++;
  }
  // Every crash walk-in in the table, acknowledged or not, has its journal row.
  const orphans = db.prepare(`SELECT count(*) AS n FROM participant p WHERE p.family_name LIKE 'CRASH%' AND NOT EXISTS (SELECT 1 FROM participant_change c WHERE c.participant_id = p.id AND c.kind = 'create')`).get() as { n: number };
  t.halfWritten += orphans.n;
  return { present, absent };
}

/** Check-in scans: each acknowledged clientScanId exactly once. */
export function checkScans(db: Db, acked: ReadonlySet<string>, t: Tally): void {
  const rows = db.prepare('SELECT count(*) AS n FROM checkin_scan WHERE client_scan_id = ?');
  for (const id of acked) {
    const n = (rows.get(id) as { n: number }).n;
    if (n === 0) t.lost++;
    else if (n > 1) t.duplicated++;
    else t.checked++;
  }
}

/** Ballot issues ("round:participant"): each acknowledged one live exactly once. */
export function checkIssues(db: Db, acked: ReadonlySet<string>, t: Tally): void {
  const rows = db.prepare(`SELECT count(*) AS n FROM ballot_issue WHERE round_id = ? AND participant_id = ? AND status <> 'cancelled'`);
  for (const key of acked) {
    const [roundId, participantId] = key.split(':').map(Number);
    const n = (rows.get(roundId, participantId) as { n: number }).n;
    if (n === 0) t.lost++;
    else if (n > 1) t.duplicated++;
    else t.checked++;
  }
}

/** Differences between two multisets of strings: what `want` has that `have` lacks, and the reverse. */
function multisetDiff(want: readonly string[], have: readonly string[]): { missing: number; extra: number } {
  const counts = new Map<string, number>();
  for (const w of want) counts.set(w, (counts.get(w) ?? 0) + 1);
  for (const h of have) counts.set(h, (counts.get(h) ?? 0) - 1);
  let missing = 0;
  let extra = 0;
  for (const c of counts.values()) {
    if (c > 0) missing += c;
    else extra -= c;
  }
  return { missing, extra };
}

/**
 * Casts, round by round. The box has no voter link, so what is compared is, per contest, the
 * multiset of papers in the box against the multiset of acknowledged casts' marks; and
 * `cast_total`, the issue rows marked cast and every contest's paper count against the
 * acknowledged casts. A cast that was refused (polls closed under it) must not be counted.
 * Also: the round's own integrity alarm is silent, and no booth still holds a cast ballot.
 */
export function checkCasts(db: Db, casts: readonly CastRecord[], t: Tally): { refusedButCounted: number; alarms: number } {
  const status = db.prepare('SELECT status FROM ballot_issue WHERE id = ?');
  let refusedButCounted = 0;
  let alarms = 0;
  const byRound = new Map<number, CastRecord[]>();
  for (const c of casts) {
    if (c.state === 'pending') throw new Error('a cast is still pending: retry it before checking');
    const issueStatus = (status.get(c.issuanceId) as { status: string } | undefined)?.status;
    if (c.state === 'refused') {
      if (issueStatus === 'cast') refusedButCounted++;
      continue;
    }
    byRound.set(c.roundId, [...(byRound.get(c.roundId) ?? []), c]);
  }
  const rounds = db.prepare(`SELECT id FROM voting_round WHERE status <> 'draft'`).all() as Array<{ id: number }>;
  for (const { id } of rounds) {
    const row = getRoundRow(db, id);
    const definition = row ? roundDefinition(db, row) : null;
    if (!row || !definition) continue;
    const acked = byRound.get(id) ?? [];
    if (roundDetail(db, row).integrity.alarm !== null) alarms++;
    const castRows = (db.prepare(`SELECT count(*) AS n FROM ballot_issue WHERE round_id = ? AND status = 'cast'`).get(id) as { n: number }).n;
    // Each acknowledged cast's ballot is marked cast; casts nobody acknowledged are duplicates.
    let lost = acked.filter((c) => (status.get(c.issuanceId) as { status: string } | undefined)?.status !== 'cast').length;
    let duplicated = Math.max(0, castRows - acked.length, row.castTotal - acked.length);
    lost = Math.max(lost, acked.length - row.castTotal);
    const papers = db.prepare('SELECT contest_id AS contestId, selections_json AS json FROM ballot_paper WHERE round_id = ?').all(id) as Array<{ contestId: string; json: string }>;
    for (const contest of definition.contests) {
      const inBox = papers.filter((p) => p.contestId === contest.id).map((p) => p.json);
      const diff = multisetDiff(acked.map((c) => paperOf(c.selections, contest.id)), inBox);
      lost = Math.max(lost, diff.missing);
      t.papersChecked += acked.length - diff.missing;
      duplicated = Math.max(duplicated, diff.extra);
      // A cast is whole or absent: every contest has one paper per ballot cast.
      t.halfWritten += Math.abs(inBox.length - row.castTotal);
    }
    const known = new Set(definition.contests.map((c) => c.id));
    t.halfWritten += papers.filter((p) => !known.has(p.contestId)).length;
    t.lost += lost;
    t.duplicated += duplicated;
    t.checked += Math.max(0, acked.length - lost);
  }
  // The assignment row goes in the cast's own transaction: none may outlive its cast.
  const stale = db.prepare(`SELECT count(*) AS n FROM booth_assignment a JOIN ballot_issue i ON i.id = a.issue_id WHERE i.status <> 'issued'`).get() as { n: number };
  t.halfWritten += stale.n;
  return { refusedButCounted, alarms };
}

const LINKING = /participant|voter|issue|booth|device|token|station|time|_at$|seq|order|cast/iu;

/**
 * The box still cannot be linked to voters, in the schema: a paper's columns name nothing
 * that points to a voter, booth, ballot issue or time, its only reference is to its round,
 * and the issue rows have nothing that points at a paper or says when it was cast.
 * Returns what links, if anything.
 */
export function boxLinks(db: Db): string[] {
  const columns = (table: string) => (db.prepare('SELECT name FROM pragma_table_info(?)').all(table) as Array<{ name: string }>).map((c) => c.name);
  const links = columns('ballot_paper').filter((c) => LINKING.test(c)).map((c) => `ballot_paper.${c}`);
  const refs = db.prepare(`SELECT "table" AS t FROM pragma_foreign_key_list('ballot_paper')`).all() as Array<{ t: string }>;
  links.push(...refs.filter((r) => r.t !== 'voting_round').map((r) => `ballot_paper → ${r.t}`));
  links.push(...columns('ballot_issue').filter((c) => /paper|cast/iu.test(c)).map((c) => `ballot_issue.${c}`));
  return links;
}
