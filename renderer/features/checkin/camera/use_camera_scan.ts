import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { createCameraReads } from './camera_reads';
import { cameraBlocker, cameraChoices, cameraProblemOf, preferredCamera, type CameraChoice, type CameraProblem } from './camera_support';
import { decodeQr, decodeSize } from './qr_decoder';
import { readBarcodesBundled } from './zxing_loader';

/** Pause between decoded frames: ~6 reads a second is plenty for a badge held still, and leaves the page free. */
const FRAME_INTERVAL_MS = 160;

/** The camera's state as the panel shows it. */
export type CameraState =
  | { readonly kind: 'off' }
  | { readonly kind: 'starting' }
  | { readonly kind: 'on'; readonly cameras: readonly CameraChoice[]; readonly deviceId: string | null }
  | { readonly kind: 'problem'; readonly problem: CameraProblem; readonly message: string };

/**
 * Runs the camera into the returned <video> ref and reads QR codes from its frames with the bundled
 * zxing-wasm decoder: each new code goes to `onCode` once per hold (see camera_reads).
 */
export function useCameraScan(
  onCode: (code: string) => void,
  remembered: string | null,
  unnamed: (n: number) => string,
): { video: RefObject<HTMLVideoElement | null>; state: CameraState; start: (deviceId?: string | null) => void; stop: () => void } {
  const video = useRef<HTMLVideoElement | null>(null);
  const [state, setState] = useState<CameraState>({ kind: 'off' });
  const stream = useRef<MediaStream | null>(null);
  const loop = useRef<ReturnType<typeof setTimeout> | null>(null);
  const generation = useRef(0);
  const latest = useRef(onCode);
  useEffect(() => {
    latest.current = onCode;
  }, [onCode]);

  const stop = useCallback(() => {
    generation.current++;
    if (loop.current) clearTimeout(loop.current);
    loop.current = null;
    stream.current?.getTracks().forEach((track) => track.stop());
    stream.current = null;
    if (video.current) video.current.srcObject = null;
    setState({ kind: 'off' });
  }, []);

  const start = useCallback(
    (deviceId?: string | null) => {
      const blocker = cameraBlocker({ isSecureContext: window.isSecureContext, hasGetUserMedia: Boolean(navigator.mediaDevices?.getUserMedia) });
      if (blocker) {
        setState({ kind: 'problem', problem: blocker, message: '' });
        return;
      }
      stop();
      const gen = generation.current;
      setState({ kind: 'starting' });
      const wanted = deviceId ?? remembered;
      const constraints: MediaStreamConstraints = {
        audio: false,
        video: wanted
          ? { deviceId: { exact: wanted }, width: { ideal: 1280 }, height: { ideal: 720 } }
          : { facingMode: { ideal: 'environment' }, width: { ideal: 1280 }, height: { ideal: 720 } },
      };
      const run = async () => {
        let media: MediaStream;
        try {
          media = await navigator.mediaDevices.getUserMedia(constraints);
        } catch (error) {
          // A remembered camera that is gone: try any camera once before giving up.
          if (wanted && cameraProblemOf(error) === 'none' && deviceId === undefined) {
            media = await navigator.mediaDevices.getUserMedia({ audio: false, video: { facingMode: { ideal: 'environment' } } });
          } else throw error;
        }
        if (gen !== generation.current) {
          media.getTracks().forEach((track) => track.stop());
          return;
        }
        stream.current = media;
        const track = media.getVideoTracks()[0];
        track?.addEventListener('ended', () => {
          if (gen === generation.current) setState({ kind: 'problem', problem: 'ended', message: '' });
        });
        const element = video.current;
        if (element) {
          element.srcObject = media;
          await element.play().catch(() => undefined);
        }
        // Labels are readable once the camera was granted.
        const cameras = cameraChoices(await navigator.mediaDevices.enumerateDevices(), unnamed);
        const active = track?.getSettings().deviceId ?? preferredCamera(cameras, wanted);
        setState({ kind: 'on', cameras, deviceId: active ?? null });
        const reads = createCameraReads();
        const canvas = document.createElement('canvas');
        const context = canvas.getContext('2d', { willReadFrequently: true });
        const tick = async () => {
          if (gen !== generation.current) return;
          const v = video.current;
          if (context && v && v.videoWidth > 0 && v.readyState >= 2) {
            const size = decodeSize(v.videoWidth, v.videoHeight);
            canvas.width = size.width;
            canvas.height = size.height;
            context.drawImage(v, 0, 0, size.width, size.height);
            const code = await decodeQr(context.getImageData(0, 0, size.width, size.height), readBarcodesBundled).catch(() => null);
            if (gen !== generation.current) return;
            if (reads.accept(code, performance.now()) && code) latest.current(code);
          }
          loop.current = setTimeout(() => void tick(), FRAME_INTERVAL_MS);
        };
        void tick();
      };
      run().catch((error: unknown) => {
        if (gen !== generation.current) return;
        setState({ kind: 'problem', problem: cameraProblemOf(error), message: error instanceof Error ? error.message : String(error) });
      });
    },
    [remembered, stop, unnamed],
  );

  // Leaving the screen turns the camera off (its light too).
  useEffect(() => () => {
    generation.current++;
    if (loop.current) clearTimeout(loop.current);
    stream.current?.getTracks().forEach((track) => track.stop());
  }, []);

  return { video, state, start, stop };
}
