import { describe, expect, test } from 'vitest';
import type { ScanOutcome } from '../../../electron/contract';
import { feedbackOf, feedbackOfError } from './scan_feedback';

const NOW = Date.parse('2026-12-02T09:30:00.000Z');
const time = { now: NOW, clock: (iso: string) => iso.slice(11, 16) };

function outcome(partial: Partial<ScanOutcome>): ScanOutcome {
  return {
    scanId: 1,
    clientScanId: 'abcdefgh12',
    result: 'welcome',
    message: '',
    person: null,
    sessionId: null,
    checkIn: null,
    expected: null,
    checkedOutOf: [],
    badgeRefusal: null,
    replacedAt: null,
    replay: false,
    scannedAt: '2026-12-02T09:30:00.000Z',
    ...partial,
  };
}

const checkIn = (at: string) => ({ attendanceId: 7, at, deskId: 'd1', deskName: 'Desk 2', operator: 'Mina' });

describe('feedback for a scan', () => {
  test('a welcome is green with the chime and can be undone or checked out', () => {
    const f = feedbackOf(outcome({ result: 'welcome', checkIn: checkIn('2026-12-02T09:30:00.000Z'), person: {} as ScanOutcome['person'] }), time);
    expect(f).toMatchObject({ tone: 'good', sound: 'welcome', icon: 'check', headline: { key: 'desk.result.welcome' }, canUndo: true, canCheckOut: true });
  });

  test('already checked in says when and where; a repeat within a minute says "just now" at that desk', () => {
    const earlier = feedbackOf(outcome({ result: 'already', checkIn: checkIn('2026-12-02T09:12:00.000Z') }), time);
    expect(earlier).toMatchObject({ tone: 'warn', sound: 'notice', canUndo: false });
    expect(earlier.detail).toEqual({ key: 'desk.detail.alreadyAt', values: { time: '09:12', desk: 'Desk 2' } });
    const justNow = feedbackOf(outcome({ result: 'already', checkIn: checkIn('2026-12-02T09:29:59.500Z') }), time);
    expect(justNow.detail).toEqual({ key: 'desk.detail.alreadyJustNow', values: { desk: 'Desk 2' } });
  });

  test('every refusal is red with the low buzz and offers nothing to undo', () => {
    for (const result of ['replaced', 'cancelled', 'unknown', 'forged', 'wrong_event', 'not_issued'] as const) {
      const f = feedbackOf(outcome({ result }), time);
      expect(f, result).toMatchObject({ tone: 'bad', sound: 'refused', canUndo: false, canCheckOut: false, headline: { key: `desk.result.${result}` } });
      expect(f.detail, result).not.toBeNull();
    }
    expect(feedbackOf(outcome({ result: 'replaced', replacedAt: '2026-12-02T08:05:00.000Z' }), time).detail).toEqual({
      key: 'desk.detail.replacedAt',
      values: { time: '08:05' },
    });
  });

  test('a session door notes people not on its list and the sessions they were checked out of', () => {
    const f = feedbackOf(outcome({ sessionId: 3, expected: false, checkedOutOf: [{ sessionId: 2, title: 'Plenary' }] }), time);
    expect(f.notes).toEqual([{ key: 'desk.note.notExpected' }, { key: 'desk.note.checkedOutOf', values: { sessions: 'Plenary' } }]);
  });

  test('a replayed answer cannot be undone twice', () => {
    const f = feedbackOf(outcome({ replay: true, checkIn: checkIn('2026-12-02T09:30:00.000Z') }), time);
    expect(f.canUndo).toBe(false);
    expect(f.notes).toContainEqual({ key: 'desk.note.replay' });
  });

  test('check-out results: green when checked out, amber when nobody was checked in', () => {
    expect(feedbackOf(outcome({ result: 'checked_out' }), time)).toMatchObject({ tone: 'good', icon: 'exit', canUndo: false, canCheckOut: false });
    expect(feedbackOf(outcome({ result: 'not_checked_in' }), time)).toMatchObject({ tone: 'warn', sound: 'notice' });
  });

  test('an unreachable host is its own red state, distinct from a refused badge', () => {
    expect(feedbackOfError({ code: 'offline', message: 'x' })).toMatchObject({ icon: 'offline', headline: { key: 'desk.result.offline' } });
    expect(feedbackOfError({ code: 'internal', message: 'disk full' }).detail).toEqual({ key: 'desk.detail.failed', values: { message: 'disk full' } });
  });
});
