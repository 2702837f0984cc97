import { err, ok, type CountShowState, type Result, type ShowControl } from '../../contract';

/** Ballots a second through the sorter at speed 1 (the real machine: up to 2.5 a second). */
export const BALLOTS_PER_SECOND = 2;

/** The first show state of a count: sorting the first contest, paused at the first ballot. */
export function initialShow(now: string): CountShowState {
  return { phase: 'sorting', contestIndex: 0, playing: false, speed: 1, cursor: 0, cursorAt: now, recheckIndex: 0, resultStep: 0, language: 'en', version: 1 };
}

/** How many papers are through the sorter at `now` (the projector computes the same). */
export function sortPosition(show: CountShowState, total: number, now: number): number {
  if (!show.playing) return Math.min(total, show.cursor);
  const elapsed = Math.max(0, now - Date.parse(show.cursorAt)) / 1000;
  return Math.min(total, show.cursor + elapsed * BALLOTS_PER_SECOND * show.speed);
}

/** What a control needs to know about the count besides the show itself. */
export interface ShowContext {
  readonly now: number;
  readonly contests: number;
  /** Papers of the contest on show. */
  readonly total: number;
  /** Its re-check papers still to be judged. */
  readonly pending: number;
  readonly signed: boolean;
  readonly announced: boolean;
  /** Result steps of the contest on show (ranked: rounds; otherwise 1). */
  readonly resultSteps: number;
}

/** A control's outcome: the new state, and whether the service must announce first. */
export interface ShowChange {
  readonly show: CountShowState;
  readonly announce: boolean;
}

type Change = Result<ShowChange, 'wrong_state'>;

/**
 * Applies a presenter's control. Next moves the show on only when the floor would: the sorter
 * finishes first (Next while sorting runs it to the end), the re-check tray is judged empty,
 * and the sheet is signed before the result. Back only goes back on the screen: it never
 * undoes a judgment or a signature.
 */
export function applyControl(show: CountShowState, control: ShowControl, ctx: ShowContext): Change {
  const iso = new Date(ctx.now).toISOString();
  const at = sortPosition(show, ctx.total, ctx.now);
  const base = { ...show, version: show.version + 1 };
  const done = (s: CountShowState, announce = false): Change => ok({ show: s, announce });
  switch (control.action) {
    case 'play':
      if (show.phase !== 'sorting') return err('wrong_state', 'Play runs the sorting machine; it is not on screen now.');
      return done({ ...base, playing: true, cursor: at >= ctx.total ? 0 : at, cursorAt: iso });
    case 'pause':
      return done({ ...base, playing: false, cursor: Math.floor(at), cursorAt: iso });
    case 'step':
      if (show.phase === 'recheck') return done({ ...base, recheckIndex: show.recheckIndex + 1 });
      if (show.phase !== 'sorting') return err('wrong_state', 'Step feeds one ballot into the sorting machine; it is not on screen now.');
      return done({ ...base, playing: false, cursor: Math.min(ctx.total, Math.floor(at) + 1), cursorAt: iso });
    case 'speed':
      return done({ ...base, speed: control.speed, cursor: at, cursorAt: iso });
    case 'language':
      return done({ ...base, language: control.language });
    case 'contest':
      if (control.contestIndex >= ctx.contests) return err('wrong_state', 'This election has no such contest.');
      return done({ ...base, contestIndex: control.contestIndex, phase: ctx.announced ? 'results' : 'sorting', playing: false, cursor: 0, cursorAt: iso, recheckIndex: 0, resultStep: 0 });
    case 'next':
      return next(base, ctx, at, iso);
    case 'back':
      return back(base, ctx, iso);
  }
}

function next(show: CountShowState, ctx: ShowContext, at: number, iso: string): Change {
  const last = show.contestIndex >= ctx.contests - 1;
  switch (show.phase) {
    case 'sorting':
      if (at < ctx.total) return ok({ show: { ...show, playing: false, cursor: ctx.total, cursorAt: iso }, announce: false });
      return ok({ show: { ...show, phase: 'recheck', playing: false, recheckIndex: 0 }, announce: false });
    case 'recheck':
      if (ctx.pending > 0) return err('wrong_state', `${ctx.pending} paper(s) in the re-check tray still need a judgment: valid for whom, or invalid.`);
      return ok({ show: { ...show, phase: 'bundling' }, announce: false });
    case 'bundling':
      return ok({ show: { ...show, phase: 'sheet' }, announce: false });
    case 'sheet':
      if (!last) return ok({ show: { ...show, phase: 'sorting', contestIndex: show.contestIndex + 1, cursor: 0, cursorAt: iso, playing: false, recheckIndex: 0 }, announce: false });
      return ok({ show: { ...show, phase: 'signoff' }, announce: false });
    case 'signoff':
      if (!ctx.signed) return err('wrong_state', 'The count sheet must be signed before the result is announced.');
      return ok({ show: { ...show, phase: 'results', contestIndex: 0, resultStep: 0 }, announce: !ctx.announced });
    case 'results':
      if (show.resultStep < ctx.resultSteps - 1) return ok({ show: { ...show, resultStep: show.resultStep + 1 }, announce: false });
      if (!last) return ok({ show: { ...show, contestIndex: show.contestIndex + 1, resultStep: 0 }, announce: false });
      return err('wrong_state', 'This is the last result of the round.');
  }
}

function back(show: CountShowState, ctx: ShowContext, iso: string): Change {
  const change = (s: CountShowState): Change => ok({ show: s, announce: false });
  switch (show.phase) {
    case 'sorting':
      if (show.contestIndex === 0) return change({ ...show, playing: false, cursor: 0, cursorAt: iso });
      return change({ ...show, phase: 'sheet', contestIndex: show.contestIndex - 1, playing: false });
    case 'recheck':
      return change({ ...show, phase: 'sorting', playing: false, cursor: ctx.total, cursorAt: iso });
    case 'bundling':
      return change({ ...show, phase: 'recheck' });
    case 'sheet':
      return change({ ...show, phase: 'bundling' });
    case 'signoff':
      return change({ ...show, phase: 'sheet', contestIndex: ctx.contests - 1 });
    case 'results':
      if (show.resultStep > 0) return change({ ...show, resultStep: show.resultStep - 1 });
      if (show.contestIndex > 0) return change({ ...show, contestIndex: show.contestIndex - 1, resultStep: 0 });
      return change({ ...show, phase: 'signoff' });
  }
}
