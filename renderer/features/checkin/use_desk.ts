import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ApiError, ScanOutcome, ScanSource } from '../../../electron/contract';
import { useApi } from '../../api/api_context';
import { browserStorage, readDeskSettings, writeDeskSettings, type DeskSettings } from './desk_storage';
import { feedbackOf, feedbackOfError, type Feedback } from './scan_feedback';
import { submitScan } from './submit_scan';
import { createTonePlayer } from './tones';

/** What the big result area shows. */
export type DeskResult =
  | { readonly kind: 'ready' }
  /** A scan is on its way to the host (shown at once, so the operator sees the scanner was heard). */
  | { readonly kind: 'pending'; readonly id: number; readonly source: ScanSource }
  | { readonly kind: 'done'; readonly id: number; readonly feedback: Feedback; readonly outcome: ScanOutcome | null; readonly error: ApiError | null }
  /** The last check-in was taken back. */
  | { readonly kind: 'undone'; readonly id: number; readonly name: string };

/** A check-in of this desk that can still be taken back. */
export interface UndoTarget {
  readonly attendanceId: number;
  readonly name: string;
}

/** The desk: its settings, what it shows, and what it can do. */
export interface Desk {
  readonly settings: DeskSettings;
  update(change: Partial<DeskSettings>): void;
  readonly result: DeskResult;
  /** A badge code (scanner, camera, typed) or a person (search, check-out button). */
  scan(target: { code: string } | { participantId: number }, source: ScanSource, action?: 'checkin' | 'checkout'): void;
  readonly undoTarget: UndoTarget | null;
  undo(reason: string): Promise<ApiError | null>;
  /** Back to the ready state (Escape). */
  clear(): void;
  /** Increases after every answer of this desk, so lists re-read. */
  readonly revision: number;
}

function clockOf(language: string): (iso: string) => string {
  const format = new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit' });
  return (iso) => format.format(new Date(iso));
}

/** A link from the programme or a roll call (#/checkin?session=3) opens the desk at that session's door. */
function doorFromLink(settings: DeskSettings): DeskSettings {
  const hash = window.location.hash;
  const query = hash.indexOf('?');
  const id = Number(new URLSearchParams(query >= 0 ? hash.slice(query + 1) : '').get('session'));
  return Number.isInteger(id) && id > 0 ? { ...settings, sessionId: id } : settings;
}

/**
 * The desk's state. Scans are numbered: an answer only shows if no newer scan was made in the
 * meantime (two badges in quick succession never show the first person last).
 */
export function useDesk(language: string): Desk {
  const api = useApi();
  const [settings, setSettings] = useState<DeskSettings>(() => doorFromLink(readDeskSettings(browserStorage())));
  const [result, setResult] = useState<DeskResult>({ kind: 'ready' });
  const [undoTarget, setUndoTarget] = useState<UndoTarget | null>(null);
  const [revision, setRevision] = useState(0);
  const counter = useRef(0);
  const tones = useMemo(() => createTonePlayer(), []);
  const settingsRef = useRef(settings);
  const clock = useMemo(() => clockOf(language), [language]);

  const update = useCallback((change: Partial<DeskSettings>) => {
    setSettings((previous) => {
      const next = { ...previous, ...change };
      settingsRef.current = next;
      writeDeskSettings(browserStorage(), next);
      return next;
    });
  }, []);

  const scan = useCallback<Desk['scan']>(
    (target, source, action) => {
      const id = ++counter.current;
      const current = settingsRef.current;
      setResult({ kind: 'pending', id, source });
      void submitScan(api, {
        ...target,
        sessionId: current.sessionId,
        source,
        operator: current.operator,
        action: action ?? current.mode,
      }).then((answer) => {
        setRevision((r) => r + 1);
        const feedback = answer.ok ? feedbackOf(answer.value, { now: Date.now(), clock }) : feedbackOfError(answer.error);
        if (answer.ok && feedback.canUndo && answer.value.checkIn && answer.value.person) {
          setUndoTarget({ attendanceId: answer.value.checkIn.attendanceId, name: answer.value.person.displayName });
        }
        if (id !== counter.current) return; // a newer scan owns the screen
        setResult({ kind: 'done', id, feedback, outcome: answer.ok ? answer.value : null, error: answer.ok ? null : answer.error });
        tones.play(feedback.sound);
      });
    },
    [api, clock, tones],
  );

  const undo = useCallback(
    async (reason: string): Promise<ApiError | null> => {
      if (!undoTarget) return null;
      const answer = await api.call('checkin.undo', { attendanceId: undoTarget.attendanceId, reason });
      if (!answer.ok && answer.error.code !== 'already_undone') return answer.error;
      const id = ++counter.current;
      setUndoTarget(null);
      setRevision((r) => r + 1);
      setResult({ kind: 'undone', id, name: undoTarget.name });
      return null;
    },
    [api, undoTarget],
  );

  const clear = useCallback(() => {
    counter.current++;
    setResult({ kind: 'ready' });
  }, []);

  // The audio context is made when the desk opens (suspended until the first scan, a user gesture,
  // resumes it): made during a scanner burst instead, it would stall the page between two keys.
  useEffect(() => tones.prepare(), [tones]);

  // Another desk changing a check-in this desk could still take back: re-check on every push.
  useEffect(
    () =>
      api.transport.listen((message) => {
        if (message.topic === 'checkin.changed') setRevision((r) => r + 1);
      }),
    [api],
  );

  return { settings, update, result, scan, undoTarget, undo, clear, revision };
}
