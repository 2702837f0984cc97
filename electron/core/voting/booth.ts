import crypto from 'node:crypto';
import { err, ok, type Booth, type BoothBallot, type Issuance, type Result, type Selections } from '../../contract';
import type { Db } from '../db/connection';
import { getDevice, listDevices } from '../devices/device_store';
import { electionFingerprint } from '../elections/election_store';
import { getParticipant } from '../participants';
import { dropIntoBox } from './ballot_box';
import { checkSelections } from './ballot_rules';
import { issuanceRow, liveIssuance, toIssuance } from './issuance_rows';
import { getRoundRow, openRoundRow, roundDefinition } from './round_store';

const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest('hex');

interface Assignment {
  deviceId: string;
  issueId: number;
  token: string;
  assignedAt: string;
}

function assignmentOf(db: Db, deviceId: string): Assignment | null {
  return (
    (db.prepare('SELECT device_id AS deviceId, issue_id AS issueId, token, assigned_at AS assignedAt FROM booth_assignment WHERE device_id = ?').get(deviceId) as Assignment | undefined) ?? null
  );
}

/** Paired booth tablets (not revoked), free or busy, by name. */
export function listBooths(db: Db, isOnline: (deviceId: string) => boolean): Booth[] {
  return listDevices(db)
    .filter((d) => d.role === 'booth' && d.revokedAt === null)
    .map((d) => {
      const a = assignmentOf(db, d.id);
      return { deviceId: d.id, name: d.name, online: isOnline(d.id), state: a ? ('busy' as const) : ('free' as const), since: a?.assignedAt ?? null };
    });
}

type AssignError = 'not_found' | 'wrong_state' | 'busy';

/**
 * Sends an issued ballot to a booth. The ballot gets a one-time token (kept with the booth
 * until the cast; the ballot row keeps only its hash, to answer a retried cast).
 */
export function assignBooth(db: Db, issuanceId: number, deviceId: string, now: string, timeZone: string): Result<Issuance, AssignError> {
  return db.transaction((): Result<Issuance, AssignError> => {
    const booth = getDevice(db, deviceId);
    if (!booth || booth.revokedAt !== null || booth.role !== 'booth') return err('not_found', 'That booth is not paired any more. Choose another booth.');
    const row = issuanceRow(db, issuanceId);
    if (!row) return err('not_found', 'That ballot is not in this event. Refresh the list.');
    if (row.status !== 'issued') return err('wrong_state', row.status === 'cast' ? 'This ballot was already cast.' : 'This ballot was cancelled; issue a new one.');
    if (getRoundRow(db, row.roundId)?.status !== 'open') return err('wrong_state', 'Polls of this round are closed.');
    if (row.boothName !== null) return err('busy', `This ballot is already waiting at ${row.boothName}. Take it back from that booth first.`);
    if (assignmentOf(db, deviceId)) return err('busy', `${booth.name} is in use. Choose a free booth, or wait until the delegate there has cast.`);
    const token = crypto.randomBytes(32).toString('base64url');
    db.prepare('INSERT INTO booth_assignment (device_id, issue_id, token, assigned_at) VALUES (?, ?, ?, ?)').run(deviceId, row.id, token, now);
    db.prepare('UPDATE ballot_issue SET token_sha256 = ? WHERE id = ?').run(sha256(token), row.id);
    const name = getParticipant(db, row.participantId)?.displayName ?? '';
    return ok(toIssuance(issuanceRow(db, row.id) as NonNullable<ReturnType<typeof issuanceRow>>, name, timeZone));
  }).immediate();
}

/** Takes a waiting ballot back from a booth; it stays issued, and its token stops working. */
export function releaseBooth(db: Db, deviceId: string): boolean {
  return db.transaction(() => {
    const a = assignmentOf(db, deviceId);
    if (!a) return false;
    db.prepare('DELETE FROM booth_assignment WHERE device_id = ?').run(deviceId);
    db.prepare(`UPDATE ballot_issue SET token_sha256 = NULL WHERE id = ? AND status = 'issued'`).run(a.issueId);
    return true;
  }).immediate();
}

/** What the booth shows: its waiting ballot (no voter name: only their languages), or idle. */
export function boothBallot(db: Db, deviceId: string): BoothBallot {
  const a = assignmentOf(db, deviceId);
  const row = a ? issuanceRow(db, a.issueId) : null;
  const round = row ? getRoundRow(db, row.roundId) : null;
  const definition = round ? roundDefinition(db, round) : null;
  if (!a || !row || round?.status !== 'open' || !definition) return { state: 'idle', roundOpen: openRoundRow(db) !== null };
  return {
    state: 'ballot',
    token: a.token,
    electionTitle: definition.title,
    fingerprint: electionFingerprint(definition),
    definitionLanguages: definition.languages,
    voterLanguages: getParticipant(db, row.participantId)?.languages ?? [],
    contests: definition.contests,
  };
}

/** The delegate scanned their badge at the booth: their issued ballot comes here. */
export function claimAtBooth(db: Db, deviceId: string, participantId: number, now: string, timeZone: string): Result<BoothBallot, AssignError | 'no_ballot' | 'already_cast'> {
  const round = openRoundRow(db);
  if (!round) return err('wrong_state', 'Polls are not open. Please ask the presenter.');
  const live = liveIssuance(db, round.id, participantId);
  if (!live) return err('no_ballot', 'No ballot has been issued to you yet. Please go to the identity station first.');
  if (live.status === 'cast') return err('already_cast', 'You have already voted in this round. Thank you!');
  const mine = assignmentOf(db, deviceId);
  if (mine?.issueId === live.id) return ok(boothBallot(db, deviceId));
  if (live.boothName !== null) return err('busy', `Your ballot is waiting at ${live.boothName}. Please vote there.`);
  const assigned = assignBooth(db, live.id, deviceId, now, timeZone);
  return assigned.ok ? ok(boothBallot(db, deviceId)) : assigned;
}

type CastError = 'no_ballot' | 'already_cast' | 'wrong_state' | 'invalid_selection';

/**
 * Casts the booth's ballot. Refused: a token this booth does not hold, a ballot already cast
 * (a retry after a lost answer: `already_cast`, nothing counted twice), polls closed, marks
 * that break the contest's rules. The papers go into the box with no link back: the issue row
 * only flips to 'cast' (no time), the booth's assignment row is deleted, and afterwards the
 * WAL is truncated so no earlier state of the box survives beside the database.
 */
export function castBallot(db: Db, deviceId: string, token: string, selections: Selections): Result<{ cast: true }, CastError> {
  // Zero what the cast deletes (the old papers, the assignment) instead of leaving it in free pages.
  db.pragma('secure_delete = ON');
  const result = db.transaction((): Result<{ cast: true }, CastError> => {
    const issue = db.prepare('SELECT id, round_id AS roundId, status FROM ballot_issue WHERE token_sha256 = ?').get(sha256(token)) as
      | { id: number; roundId: number; status: string }
      | undefined;
    if (!issue) return err('no_ballot', 'This booth has no ballot to cast. Please ask the presenter.');
    if (issue.status === 'cast') return err('already_cast', 'This ballot has already been cast; it was counted once.');
    if (issue.status === 'cancelled') return err('no_ballot', 'This ballot was cancelled by the presenter. Please ask for a new one.');
    // Polls first: closing them takes the ballots back from the booths, and a late cast must
    // hear that polls closed, not that its ballot went elsewhere.
    const round = getRoundRow(db, issue.roundId);
    if (!round || round.status !== 'open') return err('wrong_state', 'Polls have closed: this ballot can no longer be cast.');
    const a = assignmentOf(db, deviceId);
    if (!a || a.issueId !== issue.id || a.token !== token) return err('no_ballot', 'This ballot is not at this booth. Please ask the presenter.');
    const definition = roundDefinition(db, round);
    if (!definition) return err('wrong_state', 'This round has no election any more.');
    const papers = checkSelections(definition, selections);
    if (!papers.ok) return papers;
    dropIntoBox(db, round.id, papers.value);
    db.prepare('DELETE FROM booth_assignment WHERE device_id = ?').run(deviceId);
    db.prepare(`UPDATE ballot_issue SET status = 'cast' WHERE id = ? AND status = 'issued'`).run(issue.id);
    db.prepare('UPDATE voting_round SET cast_total = cast_total + 1 WHERE id = ?').run(round.id);
    return ok({ cast: true });
  }).immediate();
  if (result.ok) truncateWal(db);
  return result;
}

/**
 * Copies the WAL into the database and empties it, so the -wal file holds no history of the
 * box (each frame would show the box before and after one cast). A reader elsewhere (a backup
 * in progress) can make it partial; the next cast tries again.
 */
export function truncateWal(db: Db): void {
  if (db.memory) return;
  // Never wait for a reader here (that would stall every screen for the busy timeout): if one
  // holds the WAL, the checkpoint is partial now and complete at the next cast.
  const timeout = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 0');
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.pragma(`busy_timeout = ${Number(timeout) || 0}`);
  }
}
