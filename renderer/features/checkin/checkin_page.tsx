import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Participant } from '../../../electron/contract';
import { Page } from '../../ui/page';
import { CameraPanel, type CameraControl } from './camera/camera_panel';
import { DeskToolbar } from './desk_toolbar';
import { OfflineBanner } from './desk_queue';
import { FeedbackPanel } from './feedback_panel';
import { NameSearch } from './name_search';
import { RecentScans } from './recent_scans';
import { UndoDialog } from './undo_dialog';
import { useDesk } from './use_desk';
import { useWedgeScanner } from './use_wedge_scanner';
import './checkin.css';

/**
 * The check-in desk: a USB scanner works from anywhere on the screen, the camera and the name
 * search are beside it, and every result fills the top of the screen at once. Everything has
 * a key (F2 search, F4 undo, F7 in/out, F9 camera, Escape back to ready) so the operator's
 * hands stay on the keyboard and the badges.
 */
export function CheckinPage() {
  const { t, i18n } = useTranslation();
  const desk = useDesk(i18n.language);
  const { scan, clear, update } = desk;
  const searchRef = useRef<HTMLInputElement | null>(null);
  const camera = useRef<CameraControl | null>(null);
  const [undoOpen, setUndoOpen] = useState(false);

  useWedgeScanner(useCallback((text: string) => scan({ code: text }, 'scanner'), [scan]));
  const onCameraCode = useCallback((code: string) => scan({ code }, 'camera'), [scan]);
  const onPick = useCallback((p: Participant) => scan({ participantId: p.id }, 'search'), [scan]);

  const canUndo = desk.undoTarget !== null;
  const mode = desk.settings.mode;
  // A layout effect: the keys work from the first frame the desk is on screen (an operator's F9
  // the moment the screen appears must not be lost to a listener attached after paint).
  useLayoutEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const act = (fn: () => void) => {
        event.preventDefault();
        fn();
      };
      if (event.key === 'F2') act(() => searchRef.current?.focus());
      else if (event.key === 'F4' && canUndo) act(() => setUndoOpen(true));
      else if (event.key === 'F7') act(() => update({ mode: mode === 'checkin' ? 'checkout' : 'checkin' }));
      else if (event.key === 'F9') act(() => camera.current?.toggle());
      else if (event.key === 'Escape' && !undoOpen) clear();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [canUndo, clear, mode, undoOpen, update]);

  const result = desk.result;
  const outcome = result.kind === 'done' ? result.outcome : null;
  const person = outcome?.person ?? null;
  const actions =
    result.kind === 'done' && (result.feedback.canUndo || result.feedback.canCheckOut) ? (
      <div className="desk-actions">
        {result.feedback.canUndo && canUndo ? (
          <button type="button" onClick={() => setUndoOpen(true)} data-testid="desk-undo">
            {t('desk.action.undo')} <kbd>F4</kbd>
          </button>
        ) : null}
        {result.feedback.canCheckOut && person ? (
          <button type="button" onClick={() => scan({ participantId: person.participantId }, 'manual', 'checkout')} data-testid="desk-checkout">
            {t('desk.action.checkOut')}
          </button>
        ) : null}
      </div>
    ) : null;

  return (
    <Page title={t('checkin.title')} subtitle={mode === 'checkout' ? t('desk.subtitleOut') : t('desk.subtitle')}>
      <div className="desk" data-testid="checkin-desk" data-mode={mode}>
        <OfflineBanner />
        <DeskToolbar settings={desk.settings} onChange={update} revision={desk.revision} />
        <FeedbackPanel result={result} actions={actions} />
        <div className="desk-columns">
          <div className="desk-column">
            <NameSearch onPick={onPick} inputRef={searchRef} mode={mode} />
            <RecentScans sessionId={desk.settings.sessionId} revision={desk.revision} />
          </div>
          <CameraPanel
            onCode={onCameraCode}
            cameraId={desk.settings.cameraId}
            onCameraChange={(cameraId) => update({ cameraId })}
            control={camera}
          />
        </div>
        <p className="desk-keys muted" aria-hidden="true">{t('desk.keys')}</p>
      </div>
      <UndoDialog target={desk.undoTarget} open={undoOpen} onClose={() => setUndoOpen(false)} onUndo={desk.undo} />
    </Page>
  );
}
