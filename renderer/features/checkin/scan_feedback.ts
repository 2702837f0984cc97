import { scanTone, type ApiError, type ScanOutcome, type ScanResult } from '../../../electron/contract';
import type { ToneKind } from './tones';

/** A catalogue key with its values, translated by the component. */
export interface Line {
  readonly key: string;
  readonly values?: Readonly<Record<string, string | number>>;
}

/** The symbol drawn large on the result: readable from across the desk without reading words. */
export type FeedbackIcon = 'check' | 'repeat' | 'stop' | 'question' | 'exit' | 'offline';

/** Everything the full-width result shows and plays, decided from the host's answer. */
export interface Feedback {
  /** Green, amber or red. */
  readonly tone: 'good' | 'warn' | 'bad';
  readonly sound: ToneKind;
  readonly icon: FeedbackIcon;
  readonly headline: Line;
  /** The line under the headline: when and where, what to do. */
  readonly detail: Line | null;
  /** Extra lines for staff (not on this session's list, checked out of another session). */
  readonly notes: readonly Line[];
  /** This scan checked someone in: it can be taken back. */
  readonly canUndo: boolean;
  /** The person is checked in (now or before): offer the check-out. */
  readonly canCheckOut: boolean;
}

/** How the screen writes a time ("09:12") and how long ago counts as "just now". */
export interface TimeWords {
  readonly now: number;
  readonly clock: (iso: string) => string;
}

/** Within this many ms a repeat reads "just now" (two desks, the same badge, the same moment). */
export const JUST_NOW_MS = 60_000;

const ICONS: Readonly<Record<ScanResult, FeedbackIcon>> = {
  welcome: 'check',
  already: 'repeat',
  replaced: 'stop',
  cancelled: 'stop',
  unknown: 'question',
  forged: 'stop',
  wrong_event: 'stop',
  not_issued: 'stop',
  not_checked_in: 'question',
  checked_out: 'exit',
};

const SOUNDS: Readonly<Record<'good' | 'warn' | 'bad', ToneKind>> = { good: 'welcome', warn: 'notice', bad: 'refused' };

function detailOf(outcome: ScanOutcome, time: TimeWords): Line | null {
  const { checkIn } = outcome;
  switch (outcome.result) {
    case 'welcome':
      return null;
    case 'already': {
      if (!checkIn) return { key: 'desk.detail.alreadyUnknown' };
      const ago = time.now - Date.parse(checkIn.at);
      const desk = checkIn.deskName || checkIn.deskId;
      return ago < JUST_NOW_MS
        ? { key: 'desk.detail.alreadyJustNow', values: { desk } }
        : { key: 'desk.detail.alreadyAt', values: { time: time.clock(checkIn.at), desk } };
    }
    case 'replaced':
      return outcome.replacedAt ? { key: 'desk.detail.replacedAt', values: { time: time.clock(outcome.replacedAt) } } : { key: 'desk.detail.replaced' };
    case 'cancelled':
      return { key: 'desk.detail.cancelled' };
    case 'unknown':
      return { key: outcome.person ? 'desk.detail.unknownHolder' : 'desk.detail.unknown' };
    case 'forged':
      return { key: 'desk.detail.forged' };
    case 'wrong_event':
      return { key: 'desk.detail.wrongEvent' };
    case 'not_issued':
      return { key: 'desk.detail.notIssued' };
    case 'not_checked_in':
      return { key: 'desk.detail.notCheckedIn' };
    case 'checked_out':
      return checkIn ? { key: 'desk.detail.checkedOutAt', values: { time: time.clock(outcome.scannedAt) } } : null;
  }
}

/** The result screen for the host's answer to a scan. */
export function feedbackOf(outcome: ScanOutcome, time: TimeWords): Feedback {
  const tone = scanTone(outcome.result);
  const notes: Line[] = [];
  if (outcome.expected === false && (outcome.result === 'welcome' || outcome.result === 'already')) {
    notes.push({ key: 'desk.note.notExpected' });
  }
  if (outcome.checkedOutOf.length > 0) {
    notes.push({ key: 'desk.note.checkedOutOf', values: { sessions: outcome.checkedOutOf.map((s) => s.title).join(', ') } });
  }
  if (outcome.replay) notes.push({ key: 'desk.note.replay' });
  return {
    tone,
    sound: SOUNDS[tone],
    icon: ICONS[outcome.result],
    headline: { key: `desk.result.${outcome.result}` },
    detail: detailOf(outcome, time),
    notes,
    canUndo: outcome.result === 'welcome' && outcome.checkIn !== null && !outcome.replay,
    canCheckOut: (outcome.result === 'welcome' || outcome.result === 'already') && outcome.person !== null,
  };
}

/** The result screen when the host could not answer (unreachable, refused the call). */
export function feedbackOfError(error: ApiError): Feedback {
  const offline = error.code === 'offline';
  return {
    tone: 'bad',
    sound: 'refused',
    icon: offline ? 'offline' : 'stop',
    headline: { key: offline ? 'desk.result.offline' : 'desk.result.failed' },
    detail: offline ? { key: 'desk.detail.offline' } : { key: 'desk.detail.failed', values: { message: error.message } },
    notes: [],
    canUndo: false,
    canCheckOut: false,
  };
}
