import { z } from 'zod';
import {
  ElectionDefinitionSchema,
  RoundReportSchema,
  err,
  ok,
  type ElectionDefinition,
  type IntegrityFigures,
  type Result,
  type Round,
  type RoundDetail,
  type RoundReport,
} from '../../contract';
import type { Db } from '../db/connection';
import { electionFingerprint, getElection } from '../elections/election_store';
import { validateDefinition } from '../elections/election_validation';
import { boxCounts } from './ballot_box';
import { countEligible } from './voters';

interface RoundRow {
  id: number;
  electionId: number;
  label: string;
  status: Round['status'];
  eligibility: Round['eligibility'];
  delegationIdsJson: string;
  definitionJson: string | null;
  fingerprint: string | null;
  createdAt: string;
  openedAt: string | null;
  closedAt: string | null;
  archivedAt: string | null;
  zeroReportJson: string | null;
  closingReportJson: string | null;
  issuedTotal: number;
  castTotal: number;
  cancelledTotal: number;
}

const ROUND_COLUMNS = `id, election_id AS electionId, label, status, eligibility, delegation_ids_json AS delegationIdsJson,
  definition_json AS definitionJson, fingerprint, created_at AS createdAt, opened_at AS openedAt, closed_at AS closedAt,
  archived_at AS archivedAt, zero_report_json AS zeroReportJson, closing_report_json AS closingReportJson,
  issued_total AS issuedTotal, cast_total AS castTotal, cancelled_total AS cancelledTotal`;

const IdsSchema = z.array(z.number().int().positive());

function toRound(row: RoundRow): Round {
  const report = (json: string | null): RoundReport | null => (json === null ? null : RoundReportSchema.parse(JSON.parse(json)));
  return {
    id: row.id,
    electionId: row.electionId,
    label: row.label,
    status: row.status,
    eligibility: row.eligibility,
    delegationIds: IdsSchema.parse(JSON.parse(row.delegationIdsJson)),
    createdAt: row.createdAt,
    openedAt: row.openedAt,
    closedAt: row.closedAt,
    archivedAt: row.archivedAt,
    fingerprint: row.fingerprint,
    zeroReport: report(row.zeroReportJson),
    closingReport: report(row.closingReportJson),
  };
}

/** A round's stored row, or null. */
export function getRoundRow(db: Db, roundId: number): RoundRow | null {
  return (db.prepare(`SELECT ${ROUND_COLUMNS} FROM voting_round WHERE id = ?`).get(roundId) as RoundRow | undefined) ?? null;
}

/** The round's definition: frozen at opening; the election's current one while still a draft. */
export function roundDefinition(db: Db, row: RoundRow): ElectionDefinition | null {
  if (row.definitionJson !== null) return ElectionDefinitionSchema.parse(JSON.parse(row.definitionJson));
  return getElection(db, row.electionId)?.definition ?? null;
}

/**
 * The integrity figures from three independent records: the round's counters (moved by
 * issue, cast and cancel), the issue rows by status, and the papers in the box.
 */
export function integrityFigures(db: Db, row: RoundRow, definition: ElectionDefinition | null): IntegrityFigures {
  const byStatus = db.prepare('SELECT status, COUNT(*) AS n FROM ballot_issue WHERE round_id = ? GROUP BY status').all(row.id) as Array<{ status: string; n: number }>;
  const count = (s: string) => byStatus.find((r) => r.status === s)?.n ?? 0;
  const rows = { issued: count('issued') + count('cast') + count('cancelled'), cast: count('cast'), outstanding: count('issued'), cancelled: count('cancelled') };
  const box = boxCounts(db, row.id, definition?.contests.map((c) => c.id) ?? []);
  const problems: string[] = [];
  if (row.issuedTotal !== row.castTotal + rows.outstanding + row.cancelledTotal) {
    problems.push(`ballots issued (${row.issuedTotal}) ≠ cast (${row.castTotal}) + outstanding (${rows.outstanding}) + cancelled (${row.cancelledTotal})`);
  }
  if (row.issuedTotal !== rows.issued) problems.push(`the issue counter says ${row.issuedTotal} but ${rows.issued} ballots are on the list`);
  if (row.castTotal !== rows.cast) problems.push(`the cast counter says ${row.castTotal} but ${rows.cast} voters are marked as cast`);
  if (row.cancelledTotal !== rows.cancelled) problems.push(`the cancel counter says ${row.cancelledTotal} but ${rows.cancelled} ballots are marked cancelled`);
  for (const b of box) {
    if (b.papers !== row.castTotal) problems.push(`the box holds ${b.papers} "${b.contestId}" papers for ${row.castTotal} ballots cast`);
  }
  const alarm = problems.length ? `The figures do not add up: ${problems.join('; ')}. Stop issuing and call the organiser.` : null;
  return { issued: row.issuedTotal, cast: row.castTotal, outstanding: rows.outstanding, cancelled: row.cancelledTotal, box, balanced: alarm === null, alarm };
}

/** A round with its title, live turnout and integrity figures. */
export function roundDetail(db: Db, row: RoundRow): RoundDetail {
  const definition = roundDefinition(db, row);
  const integrity = integrityFigures(db, row, definition);
  const round = toRound(row);
  return {
    round,
    electionTitle: definition?.title ?? { en: 'Election removed' },
    turnout: { eligible: countEligible(db, round), issued: integrity.issued - integrity.cancelled, cast: integrity.cast },
    integrity,
  };
}

/** Every round, newest first. */
export function listRounds(db: Db): RoundDetail[] {
  const rows = db.prepare(`SELECT ${ROUND_COLUMNS} FROM voting_round ORDER BY id DESC`).all() as RoundRow[];
  return rows.map((r) => roundDetail(db, r));
}

/** The open round, or else the newest one (what the projector shows). */
export function currentRound(db: Db): RoundRow | null {
  return (db.prepare(`SELECT ${ROUND_COLUMNS} FROM voting_round ORDER BY status = 'open' DESC, id DESC LIMIT 1`).get() as RoundRow | undefined) ?? null;
}

/** The one round whose polls are open, or null. */
export function openRoundRow(db: Db): RoundRow | null {
  return (db.prepare(`SELECT ${ROUND_COLUMNS} FROM voting_round WHERE status = 'open'`).get() as RoundRow | undefined) ?? null;
}

/** Creates a draft round of an election for a visiting group. */
export function createRound(db: Db, input: { electionId: number; label: string; eligibility: Round['eligibility']; delegationIds: number[] }, now: string): Result<RoundDetail, 'not_found'> {
  if (!getElection(db, input.electionId)) return err('not_found', 'That election is not in this event any more. Choose another, or create one from a template.');
  const info = db
    .prepare('INSERT INTO voting_round (election_id, label, eligibility, delegation_ids_json, created_at) VALUES (?, ?, ?, ?, ?)')
    .run(input.electionId, input.label, input.eligibility, JSON.stringify([...new Set(input.delegationIds)]), now);
  return ok(roundDetail(db, getRoundRow(db, Number(info.lastInsertRowid)) as RoundRow));
}

const NOT_FOUND = 'That round is not in this event (it may have been removed). Refresh the list of rounds.';

function report(kind: RoundReport['kind'], at: string, definition: ElectionDefinition, figures: IntegrityFigures): string {
  return JSON.stringify(RoundReportSchema.parse({ kind, at, electionTitle: definition.title, fingerprint: electionFingerprint(definition), figures }));
}

/**
 * Opens the polls: freezes the definition with its fingerprint, checks the box is empty and
 * the figures are zero, and stores the zero report. Only one round is open at a time.
 */
export function openRound(db: Db, roundId: number, now: string): Result<RoundDetail, 'not_found' | 'wrong_state' | 'busy' | 'invalid_definition' | 'not_empty'> {
  return db.transaction((): Result<RoundDetail, 'not_found' | 'wrong_state' | 'busy' | 'invalid_definition' | 'not_empty'> => {
    const row = getRoundRow(db, roundId);
    if (!row) return err('not_found', NOT_FOUND);
    if (row.status !== 'draft') return err('wrong_state', `Polls of "${row.label}" were already opened${row.closedAt ? ' and closed' : ''}. Start a new round for the next group.`);
    const other = openRoundRow(db);
    if (other) return err('busy', `Polls are open for "${other.label}". Close that round first.`);
    const election = getElection(db, row.electionId);
    if (!election) return err('not_found', 'The election of this round was removed. Remove the round and create it again.');
    const checked = validateDefinition(election.definition);
    const firstError = checked.problems.find((p) => p.severity === 'error');
    if (!checked.definition || firstError) return err('invalid_definition', `The election cannot be used until it is fixed: ${firstError?.message ?? 'it is not valid'}`);
    const figures = integrityFigures(db, row, checked.definition);
    if (figures.issued !== 0 || figures.box.some((b) => b.papers !== 0)) {
      return err('not_empty', 'The ballot box of this round is not empty, so it cannot open with a zero report. Create a new round.');
    }
    db.prepare(`UPDATE voting_round SET status = 'open', opened_at = ?, definition_json = ?, fingerprint = ?, zero_report_json = ? WHERE id = ?`).run(
      now,
      JSON.stringify(checked.definition),
      electionFingerprint(checked.definition),
      report('opening', now, checked.definition, figures),
      roundId,
    );
    return ok(roundDetail(db, getRoundRow(db, roundId) as RoundRow));
  }).immediate();
}

/** Closes the polls: waiting ballots can no longer be cast; the closing report is stored. */
export function closeRound(db: Db, roundId: number, now: string): Result<RoundDetail, 'not_found' | 'wrong_state'> {
  return db.transaction((): Result<RoundDetail, 'not_found' | 'wrong_state'> => {
    const row = getRoundRow(db, roundId);
    if (!row) return err('not_found', NOT_FOUND);
    if (row.status !== 'open') return err('wrong_state', row.status === 'draft' ? `Polls of "${row.label}" have not opened yet.` : `Polls of "${row.label}" are already closed.`);
    // Booths waiting with a ballot go back to idle: nothing can be cast after the close.
    db.prepare('DELETE FROM booth_assignment WHERE issue_id IN (SELECT id FROM ballot_issue WHERE round_id = ?)').run(roundId);
    const definition = roundDefinition(db, row) as ElectionDefinition;
    const figures = integrityFigures(db, row, definition);
    db.prepare(`UPDATE voting_round SET status = 'closed', closed_at = ?, closing_report_json = ? WHERE id = ?`).run(now, report('closing', now, definition, figures), roundId);
    return ok(roundDetail(db, getRoundRow(db, roundId) as RoundRow));
  }).immediate();
}

/** Archives a closed round with its reports. */
export function archiveRound(db: Db, roundId: number, now: string): Result<RoundDetail, 'not_found' | 'wrong_state'> {
  const row = getRoundRow(db, roundId);
  if (!row) return err('not_found', NOT_FOUND);
  if (row.status !== 'closed') return err('wrong_state', row.status === 'archived' ? 'This round is already archived.' : 'Close the polls before archiving the round.');
  db.prepare(`UPDATE voting_round SET status = 'archived', archived_at = ? WHERE id = ? AND status = 'closed'`).run(now, roundId);
  return ok(roundDetail(db, getRoundRow(db, roundId) as RoundRow));
}

/** Removes a draft round (one that never opened, so it has no ballots). */
export function removeRound(db: Db, roundId: number): Result<{ removed: true }, 'not_found' | 'wrong_state'> {
  const row = getRoundRow(db, roundId);
  if (!row) return err('not_found', NOT_FOUND);
  if (row.status !== 'draft') return err('wrong_state', 'Only a round whose polls never opened can be removed; archive this one instead.');
  db.prepare(`DELETE FROM voting_round WHERE id = ? AND status = 'draft'`).run(roundId);
  return ok({ removed: true });
}

/** How many rounds use an election, and whether one of them is open. */
export function electionUse(db: Db, electionId: number): { rounds: number; openRound: boolean } {
  const r = db.prepare(`SELECT COUNT(*) AS n, COALESCE(SUM(status = 'open'), 0) AS open FROM voting_round WHERE election_id = ?`).get(electionId) as { n: number; open: number };
  return { rounds: r.n, openRound: r.open > 0 };
}

export type { RoundRow };
