import { err, ok, type Contest, type CountSheet, type CountView, type ElectionDefinition, type Result, type ShowControl, type CountShowState } from '../../contract';
import type { Db } from '../db/connection';
import { getRoundRow, readCastBallots, roundDefinition, roundDetail } from '../voting';
import { countedMarks, sortPaper, verdictProblem } from './sorting';
import { buildSheet, type IssueFigures } from './count_sheet';
import { countWith, specForContest } from './contest_tally';
import { insertSession, latestSession, readPapers, saveArchive, saveShow, saveSignOff, sessionOfRound, setJudgment, type NewPaper, type SessionRow } from './count_store';
import { applyControl, initialShow } from './show_state';

const NO_ROUND = 'That round is not in this event (it may have been removed). Refresh the list of rounds.';
const NOT_STARTED = 'The count of this round has not started. Close the polls, then start the count.';

/** A round with what the count needs: its frozen definition and its figures. */
interface RoundInfo {
  readonly label: string;
  readonly title: CountView['electionTitle'];
  readonly fingerprint: string;
  readonly definition: ElectionDefinition;
  readonly figures: IssueFigures;
}

function roundInfo(db: Db, roundId: number): Result<RoundInfo, 'not_found'> {
  const row = getRoundRow(db, roundId);
  const definition = row ? roundDefinition(db, row) : null;
  if (!row || !definition) return err('not_found', NO_ROUND);
  const { integrity, electionTitle } = roundDetail(db, row);
  return ok({ label: row.label, title: electionTitle, fingerprint: row.fingerprint ?? '', definition, figures: integrity });
}

/** Every contest's count sheet, from the stored papers. */
export function sheetsOf(db: Db, session: SessionRow, info: RoundInfo): CountSheet[] {
  const papers = readPapers(db, session.id);
  return info.definition.contests.map((c) => buildSheet(c, papers.filter((p) => p.contestId === c.id), info.figures));
}

function view(db: Db, session: SessionRow, info: RoundInfo): CountView {
  const contest = info.definition.contests[session.show.contestIndex] ?? info.definition.contests[0]!;
  return {
    roundId: session.roundId,
    roundLabel: info.label,
    electionTitle: info.title,
    fingerprint: info.fingerprint,
    contests: info.definition.contests,
    startedAt: session.startedAt,
    show: session.show,
    papers: readPapers(db, session.id, contest.id).map(({ contestId: _c, ...p }) => p),
    sheets: session.archive?.sheets ?? sheetsOf(db, session, info),
    signedBy: session.signedBy,
    signedAt: session.signedAt,
    announcedAt: session.announcedAt,
    results: session.archive?.results ?? null,
    alternative: session.alternative,
    hostNow: new Date().toISOString(),
  };
}

/**
 * Starts the count of a closed round: the sorter takes every paper from the box in its stored
 * (random) order and drops it in a tray. Starting again answers the same count: the trays are
 * filled once, so judgments are never lost to a second click.
 */
export function startCount(db: Db, roundId: number, now: string): Result<CountView, 'not_found' | 'wrong_state'> {
  return db.transaction((): Result<CountView, 'not_found' | 'wrong_state'> => {
    const info = roundInfo(db, roundId);
    if (!info.ok) return info;
    const existing = sessionOfRound(db, roundId);
    if (existing) return ok(view(db, existing, info.value));
    const box = readCastBallots(db, roundId);
    if (!box.ok) return err(box.error.code, box.error.code === 'wrong_state' ? 'Close the polls before the count: the box is opened only after the polls close.' : NO_ROUND);
    const papers: NewPaper[] = [];
    for (const contest of info.value.definition.contests) {
      const ballots = box.value.find((b) => b.contestId === contest.id)?.ballots ?? [];
      ballots.forEach((marks, seq) => papers.push({ contestId: contest.id, seq, marks, ...sortPaper(contest, marks) }));
    }
    insertSession(db, roundId, now, initialShow(now), papers);
    return ok(view(db, sessionOfRound(db, roundId)!, info.value));
  }).immediate();
}

/** The count as the projector draws it: a named round, or the one on show (null when none). */
export function countView(db: Db, roundId: number | null): Result<CountView | null, 'not_found'> {
  const session = roundId === null ? latestSession(db) : sessionOfRound(db, roundId);
  if (!session) return roundId === null ? ok(null) : err('not_found', NOT_STARTED);
  const info = roundInfo(db, session.roundId);
  return info.ok ? ok(view(db, session, info.value)) : info;
}

function started(db: Db, roundId: number): Result<{ session: SessionRow; info: RoundInfo }, 'not_found'> {
  const info = roundInfo(db, roundId);
  if (!info.ok) return info;
  const session = sessionOfRound(db, roundId);
  return session ? ok({ session, info: info.value }) : err('not_found', NOT_STARTED);
}

/** Counts every contest of an announced-to-be round with its own method. */
function countContests(db: Db, session: SessionRow, contests: readonly Contest[]) {
  const papers = readPapers(db, session.id);
  const results = [];
  for (const c of contests) {
    const r = countWith(c.id, specForContest(c), papers.filter((p) => p.contestId === c.id).map(countedMarks));
    if (!r.ok) return r;
    results.push(r.value);
  }
  return ok(results);
}

/**
 * Announces: counts each contest by its method and archives the round's sheets and results
 * with the election fingerprint, once. Refused before the sign-off.
 */
export function announce(db: Db, roundId: number, now: string): Result<CountView, 'not_found' | 'wrong_state' | 'count_failed'> {
  return db.transaction((): Result<CountView, 'not_found' | 'wrong_state' | 'count_failed'> => {
    const s = started(db, roundId);
    if (!s.ok) return s;
    const { session, info } = s.value;
    if (session.announcedAt) return ok(view(db, session, info));
    if (!session.signedAt || !session.signedBy) return err('wrong_state', 'The count sheet must be signed before the result is announced.');
    const results = countContests(db, session, info.definition.contests);
    if (!results.ok) return results;
    saveArchive(db, session.id, {
      roundLabel: info.label,
      electionTitle: info.title,
      fingerprint: info.fingerprint,
      signedBy: session.signedBy,
      signedAt: session.signedAt,
      announcedAt: now,
      sheets: sheetsOf(db, session, info),
      results: results.value,
    });
    const show: CountShowState = { ...session.show, phase: 'results', contestIndex: 0, resultStep: 0, playing: false, version: session.show.version + 1 };
    saveShow(db, session.id, show);
    return ok(view(db, sessionOfRound(db, roundId)!, info));
  }).immediate();
}

/** Applies a presenter's control to the show (Next at the signed sheet announces). */
export function controlShow(db: Db, roundId: number, control: ShowControl, now: Date): Result<CountShowState, 'not_found' | 'wrong_state'> {
  const s = started(db, roundId);
  if (!s.ok) return s;
  const { session, info } = s.value;
  const contests = info.definition.contests;
  const contest = contests[session.show.contestIndex] ?? contests[0]!;
  const papers = readPapers(db, session.id, contest.id);
  const result = session.archive?.results.find((r) => r.contestId === contest.id);
  const change = applyControl(session.show, control, {
    now: now.getTime(),
    contests: contests.length,
    total: papers.length,
    pending: papers.filter((p) => p.tray === 'recheck' && p.judged === null).length,
    signed: session.signedAt !== null,
    announced: session.announcedAt !== null,
    // A "what if" or loaded records on show step through their own rounds.
    resultSteps: Math.max(1, (session.alternative?.result ?? result)?.rounds?.length ?? 1),
  });
  if (!change.ok) return change;
  if (change.value.announce) {
    const announced = announce(db, roundId, now.toISOString());
    if (!announced.ok) return err('wrong_state', announced.error.message);
  }
  saveShow(db, session.id, change.value.show);
  return ok(change.value.show);
}

/** Judges a re-check paper; the show moves to the next paper waiting. Refused once signed. */
export function judgePaper(db: Db, roundId: number, paperId: number, verdict: string): Result<CountView, 'not_found' | 'wrong_state' | 'bad_verdict'> {
  return db.transaction((): Result<CountView, 'not_found' | 'wrong_state' | 'bad_verdict'> => {
    const s = started(db, roundId);
    if (!s.ok) return s;
    const { session, info } = s.value;
    if (session.signedAt) return err('wrong_state', 'The count sheet is signed: judgments can no longer change.');
    const paper = readPapers(db, session.id).find((p) => p.id === paperId);
    const contest = paper ? info.definition.contests.find((c) => c.id === paper.contestId) : undefined;
    if (!paper || !contest) return err('not_found', 'That paper is not in this count. Refresh the screen.');
    const problem = verdictProblem(contest, paper, verdict);
    if (problem) return err('bad_verdict', problem);
    setJudgment(db, paperId, verdict);
    const recheck = readPapers(db, session.id, contest.id).filter((p) => p.tray === 'recheck');
    const nextWaiting = recheck.findIndex((p) => p.judged === null);
    saveShow(db, session.id, { ...session.show, recheckIndex: nextWaiting === -1 ? Math.max(0, recheck.length - 1) : nextWaiting, version: session.show.version + 1 });
    return ok(view(db, sessionOfRound(db, roundId)!, info));
  }).immediate();
}

/** The presenter signs the sheets: refused while papers wait for a judgment or a sheet does not add up. */
export function signOff(db: Db, roundId: number, name: string, now: string): Result<CountView, 'not_found' | 'wrong_state' | 'not_reconciled'> {
  return db.transaction((): Result<CountView, 'not_found' | 'wrong_state' | 'not_reconciled'> => {
    const s = started(db, roundId);
    if (!s.ok) return s;
    const { session, info } = s.value;
    if (session.signedAt) return err('wrong_state', `The count sheet was already signed by ${session.signedBy ?? ''}.`);
    const sheets = sheetsOf(db, session, info);
    const waiting = sheets.reduce((n, sh) => n + sh.pending, 0);
    if (waiting > 0) return err('not_reconciled', `${waiting} paper(s) in the re-check tray still need a judgment before the sheet can be signed.`);
    const alarm = sheets.find((sh) => sh.alarm !== null)?.alarm;
    if (alarm) return err('not_reconciled', alarm);
    saveSignOff(db, session.id, name, now);
    return ok(view(db, sessionOfRound(db, roundId)!, info));
  }).immediate();
}
