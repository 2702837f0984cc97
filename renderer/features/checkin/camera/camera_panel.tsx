import { useCallback, useImperativeHandle, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { useCameraScan } from './use_camera_scan';

/** What the page can do with the camera from its keyboard shortcut. */
export interface CameraControl {
  toggle(): void;
}

/**
 * Camera scanning: a viewfinder with an aiming frame, the camera chooser, and a clear reason
 * when no camera can be used here (plain-http LAN pages get none: the Devices screen's HTTPS
 * switch is the way).
 */
export function CameraPanel({ onCode, cameraId, onCameraChange, control }: {
  onCode: (code: string) => void;
  cameraId: string | null;
  onCameraChange: (deviceId: string) => void;
  control: Ref<CameraControl>;
}) {
  const { t } = useTranslation();
  const unnamed = useCallback((n: number) => t('desk.camera.unnamed', { n }), [t]);
  const { video, state, start, stop } = useCameraScan(onCode, cameraId, unnamed);
  const running = state.kind === 'on' || state.kind === 'starting';
  useImperativeHandle(control, () => ({ toggle: () => (running ? stop() : start()) }), [running, start, stop]);

  return (
    <section className="card desk-camera" aria-labelledby="desk-camera-title" data-testid="desk-camera" data-camera={state.kind}>
      <div className="desk-camera-head">
        <h2 id="desk-camera-title">{t('desk.camera.title')} <kbd>F9</kbd></h2>
        <button type="button" onClick={() => (running ? stop() : start())} data-testid="desk-camera-toggle" aria-pressed={running}>
          {running ? t('desk.camera.stop') : t('desk.camera.start')}
        </button>
      </div>
      {state.kind === 'on' && state.cameras.length > 1 ? (
        <label className="desk-field">
          <span>{t('desk.camera.choose')}</span>
          <select
            value={state.deviceId ?? ''}
            data-testid="desk-camera-select"
            onChange={(e) => {
              onCameraChange(e.target.value);
              start(e.target.value);
            }}
          >
            {state.cameras.map((c) => (
              <option key={c.deviceId} value={c.deviceId}>{c.label}</option>
            ))}
          </select>
        </label>
      ) : null}
      <div className={running ? 'desk-viewfinder on' : 'desk-viewfinder'} hidden={!running}>
        <video ref={video} muted playsInline aria-label={t('desk.camera.viewfinder')} data-testid="desk-video" />
        <div className="desk-aim" aria-hidden="true" />
      </div>
      {state.kind === 'starting' ? <p className="muted" role="status">{t('desk.camera.starting')}</p> : null}
      {state.kind === 'on' ? <p className="muted desk-hint">{t('desk.camera.hold')}</p> : null}
      {state.kind === 'off' ? <p className="muted desk-hint">{t('desk.camera.offHint')}</p> : null}
      {state.kind === 'problem' ? (
        <div className="notice desk-camera-problem" role="alert" data-testid="desk-camera-problem" data-problem={state.problem}>
          <div>
            <strong>{t(`desk.camera.problem.${state.problem}.title`)}</strong>
            <p>{t(`desk.camera.problem.${state.problem}.body`, { message: state.message })}</p>
          </div>
        </div>
      ) : null}
    </section>
  );
}
