import crypto from 'node:crypto';
import { z } from 'zod';
import { ElectionDefinitionSchema, err, ok, type Result } from '../../contract';
import type { Db } from '../db/connection';

/** A paper as it goes into the box: one contest's selections, nothing else. */
export interface Paper {
  readonly contestId: string;
  readonly selections: readonly string[];
}

/** Fisher–Yates with the system's CSPRNG: the order papers land in must not be guessable. */
function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = crypto.randomInt(i + 1);
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

/**
 * A fresh random positive 62-bit rowid. Unique within this deal by construction; a clash with
 * another round's paper (odds ~1 in 10^16) fails the insert, and the cast rolls back whole.
 */
function randomKey(taken: Set<bigint>): bigint {
  for (;;) {
    const key = crypto.randomBytes(8).readBigUInt64BE() >> 2n;
    if (key > 0n && !taken.has(key)) {
      taken.add(key);
      return key;
    }
  }
}

/**
 * Puts a voter's papers into the round's box. Runs inside the cast's transaction. The round's
 * papers are re-dealt: every paper already in the box is deleted and all of them, old and new,
 * go back in a fresh random order under fresh random keys (rowids). Key order is then random, and so is
 * the byte position of each cell within its page (SQLite places cells in insertion order), so
 * nothing in the file tells which paper came last. The caller turns secure_delete on so that
 * the deleted cells are zeroed rather than left readable in free space.
 */
export function dropIntoBox(db: Db, roundId: number, papers: readonly Paper[]): void {
  const existing = db.prepare('SELECT contest_id AS contestId, selections_json AS json FROM ballot_paper WHERE round_id = ?').all(roundId) as Array<{ contestId: string; json: string }>;
  db.prepare('DELETE FROM ballot_paper WHERE round_id = ?').run(roundId);
  const pile = shuffle([...existing, ...papers.map((p) => ({ contestId: p.contestId, json: JSON.stringify(p.selections) }))]);
  const insert = db.prepare('INSERT INTO ballot_paper (id, round_id, contest_id, selections_json) VALUES (?, ?, ?, ?)');
  const taken = new Set<bigint>();
  for (const paper of pile) insert.run(randomKey(taken), roundId, paper.contestId, paper.json);
}

/** Papers in the box per contest (every contest of the definition listed, even at 0). */
export function boxCounts(db: Db, roundId: number, contestIds: readonly string[]): Array<{ contestId: string; papers: number }> {
  const rows = db.prepare('SELECT contest_id AS contestId, COUNT(*) AS n FROM ballot_paper WHERE round_id = ? GROUP BY contest_id').all(roundId) as Array<{ contestId: string; n: number }>;
  const counts = new Map(rows.map((r) => [r.contestId, r.n]));
  const listed = contestIds.map((contestId) => ({ contestId, papers: counts.get(contestId) ?? 0 }));
  // A paper for a contest the definition does not have is shown too: it must never hide.
  for (const r of rows) if (!contestIds.includes(r.contestId)) listed.push({ contestId: r.contestId, papers: r.n });
  return listed;
}

const SelectionsJsonSchema = z.array(z.string());

/**
 * The cast ballots of a closed (or archived) round, per contest in the definition's order
 * (a contest nobody marked is listed with no ballots), each contest's papers in storage order
 * (random: see dropIntoBox). For the count: each ballot is the option ids marked (ranked: in
 * order of preference).
 */
export function readCastBallots(db: Db, roundId: number): Result<Array<{ contestId: string; ballots: string[][] }>, 'not_found' | 'wrong_state'> {
  const round = db.prepare('SELECT status, definition_json AS json FROM voting_round WHERE id = ?').get(roundId) as { status: string; json: string | null } | undefined;
  if (!round) return err('not_found', 'That round is not in this event.');
  if ((round.status !== 'closed' && round.status !== 'archived') || round.json === null) return err('wrong_state', 'The box is opened only after the polls close.');
  const contestIds = ElectionDefinitionSchema.parse(JSON.parse(round.json)).contests.map((c) => c.id);
  const byContest = new Map<string, string[][]>(contestIds.map((id) => [id, []]));
  const rows = db.prepare('SELECT contest_id AS contestId, selections_json AS json FROM ballot_paper WHERE round_id = ? ORDER BY id').all(roundId) as Array<{ contestId: string; json: string }>;
  for (const row of rows) {
    const list = byContest.get(row.contestId) ?? [];
    list.push(SelectionsJsonSchema.parse(JSON.parse(row.json)));
    byContest.set(row.contestId, list);
  }
  return ok([...byContest].map(([contestId, ballots]) => ({ contestId, ballots })));
}
