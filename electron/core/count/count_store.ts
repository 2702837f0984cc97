import { z } from 'zod';
import { AlternativeSchema, CountArchiveSchema, CountShowStateSchema, type Alternative, type CountArchive, type CountPaper, type CountShowState } from '../../contract';
import type { Db } from '../db/connection';

/** A count session as stored, its JSON columns re-validated. */
export interface SessionRow {
  readonly id: number;
  readonly roundId: number;
  readonly startedAt: string;
  readonly show: CountShowState;
  readonly signedBy: string | null;
  readonly signedAt: string | null;
  readonly announcedAt: string | null;
  readonly archive: CountArchive | null;
  readonly alternative: Alternative | null;
}

interface RawSession {
  id: number;
  roundId: number;
  startedAt: string;
  showJson: string;
  signedBy: string | null;
  signedAt: string | null;
  announcedAt: string | null;
  archiveJson: string | null;
  alternativeJson: string | null;
}

const SESSION_COLUMNS = `id, round_id AS roundId, started_at AS startedAt, show_json AS showJson, signed_by AS signedBy, signed_at AS signedAt,
  announced_at AS announcedAt, archive_json AS archiveJson, alternative_json AS alternativeJson`;

function toSession(raw: RawSession): SessionRow {
  return {
    id: raw.id,
    roundId: raw.roundId,
    startedAt: raw.startedAt,
    show: CountShowStateSchema.parse(JSON.parse(raw.showJson)),
    signedBy: raw.signedBy,
    signedAt: raw.signedAt,
    announcedAt: raw.announcedAt,
    archive: raw.archiveJson === null ? null : CountArchiveSchema.parse(JSON.parse(raw.archiveJson)),
    alternative: raw.alternativeJson === null ? null : AlternativeSchema.parse(JSON.parse(raw.alternativeJson)),
  };
}

/** The count session of a round, or null when its count has not started. */
export function sessionOfRound(db: Db, roundId: number): SessionRow | null {
  const raw = db.prepare(`SELECT ${SESSION_COLUMNS} FROM count_session WHERE round_id = ?`).get(roundId) as RawSession | undefined;
  return raw ? toSession(raw) : null;
}

/** The session whose show changed last: what the projector shows when no round is named. */
export function latestSession(db: Db): SessionRow | null {
  const raw = db.prepare(`SELECT ${SESSION_COLUMNS} FROM count_session ORDER BY json_extract(show_json, '$.cursorAt') DESC, id DESC LIMIT 1`).get() as RawSession | undefined;
  return raw ? toSession(raw) : null;
}

/** Every session, newest first. */
export function listSessions(db: Db): SessionRow[] {
  return (db.prepare(`SELECT ${SESSION_COLUMNS} FROM count_session ORDER BY id DESC`).all() as RawSession[]).map(toSession);
}

/** A paper to store: the contest, the sorter's order, the marks and the tray. */
export interface NewPaper {
  readonly contestId: string;
  readonly seq: number;
  readonly marks: readonly string[];
  readonly tray: string;
  readonly unclear: CountPaper['unclear'];
}

/** Stores a new session with its sorted papers (inside the caller's transaction). */
export function insertSession(db: Db, roundId: number, now: string, show: CountShowState, papers: readonly NewPaper[]): number {
  const info = db.prepare('INSERT INTO count_session (round_id, started_at, show_json) VALUES (?, ?, ?)').run(roundId, now, JSON.stringify(show));
  const sessionId = Number(info.lastInsertRowid);
  const insert = db.prepare('INSERT INTO count_paper (session_id, contest_id, seq, selections_json, tray, unclear) VALUES (?, ?, ?, ?, ?, ?)');
  for (const p of papers) insert.run(sessionId, p.contestId, p.seq, JSON.stringify(p.marks), p.tray, p.unclear);
  return sessionId;
}

const MarksSchema = z.array(z.string());

interface RawPaper {
  id: number;
  contestId: string;
  seq: number;
  json: string;
  tray: string;
  unclear: CountPaper['unclear'];
  judged: string | null;
}

/** A session's papers of one contest (or all), in sorting order. */
export function readPapers(db: Db, sessionId: number, contestId?: string): Array<CountPaper & { contestId: string }> {
  const sql = `SELECT id, contest_id AS contestId, seq, selections_json AS json, tray, unclear, judged FROM count_paper WHERE session_id = ?${contestId === undefined ? '' : ' AND contest_id = ?'} ORDER BY contest_id, seq`;
  const rows = (contestId === undefined ? db.prepare(sql).all(sessionId) : db.prepare(sql).all(sessionId, contestId)) as RawPaper[];
  return rows.map((r) => ({ id: r.id, contestId: r.contestId, seq: r.seq, marks: MarksSchema.parse(JSON.parse(r.json)), tray: r.tray, unclear: r.unclear, judged: r.judged }));
}

/** Records a re-check judgment. */
export function setJudgment(db: Db, paperId: number, verdict: string): void {
  db.prepare(`UPDATE count_paper SET judged = ? WHERE id = ? AND tray = 'recheck'`).run(verdict, paperId);
}

/** Stores the show state. */
export function saveShow(db: Db, sessionId: number, show: CountShowState): void {
  db.prepare('UPDATE count_session SET show_json = ? WHERE id = ?').run(JSON.stringify(CountShowStateSchema.parse(show)), sessionId);
}

/** Records the sign-off. */
export function saveSignOff(db: Db, sessionId: number, name: string, at: string): void {
  db.prepare('UPDATE count_session SET signed_by = ?, signed_at = ? WHERE id = ? AND signed_at IS NULL').run(name, at, sessionId);
}

/** Stores the announcement and the archive (written once). */
export function saveArchive(db: Db, sessionId: number, archive: CountArchive): void {
  db.prepare('UPDATE count_session SET announced_at = ?, archive_json = ? WHERE id = ? AND announced_at IS NULL').run(archive.announcedAt, JSON.stringify(CountArchiveSchema.parse(archive)), sessionId);
}

/** Puts a "what if" count on show, or clears it. */
export function saveAlternative(db: Db, sessionId: number, alternative: Alternative | null): void {
  db.prepare('UPDATE count_session SET alternative_json = ? WHERE id = ?').run(alternative === null ? null : JSON.stringify(AlternativeSchema.parse(alternative)), sessionId);
}
