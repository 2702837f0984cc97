/**
 * Why a camera cannot scan here, decided from facts the page can read, so the desk says what
 * to do instead of failing silently. Browsers expose cameras only to secure contexts: the
 * desktop app and http://127.0.0.1 are secure, a LAN desk on plain http is not, and for that
 * the Devices screen has the HTTPS switch.
 */

/** What stops the camera, each with its own message on the desk. */
export type CameraProblem =
  /** Plain http from another machine: not a secure context, so no camera API at all. */
  | 'insecure'
  /** The browser has no camera API (old browser, or a policy turned it off). */
  | 'unsupported'
  /** The person (or a policy) refused the camera. */
  | 'denied'
  /** No camera is connected. */
  | 'none'
  /** Another program holds the camera, or it failed to start. */
  | 'busy'
  /** The camera went away while in use (unplugged). */
  | 'ended'
  /** Anything else: the browser's own message is shown. */
  | 'failed';

/** The facts about this page the decision reads. */
export interface CameraEnvironment {
  readonly isSecureContext: boolean;
  readonly hasGetUserMedia: boolean;
}

/** Whether the camera can be asked for at all; null when it can. */
export function cameraBlocker(env: CameraEnvironment): CameraProblem | null {
  if (!env.isSecureContext) return 'insecure';
  if (!env.hasGetUserMedia) return 'unsupported';
  return null;
}

/** The problem behind a getUserMedia failure (a DOMException's name). */
export function cameraProblemOf(error: unknown): CameraProblem {
  const name = typeof error === 'object' && error !== null && 'name' in error ? String((error as { name: unknown }).name) : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
    case 'PermissionDeniedError':
      return 'denied';
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return 'none';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'busy';
    default:
      return 'failed';
  }
}

/** A camera as the chooser lists it. */
export interface CameraChoice {
  readonly deviceId: string;
  readonly label: string;
}

/**
 * The cameras to offer, from enumerateDevices: video inputs only, each with a label (browsers
 * hide labels until the camera was granted once; then "Camera 1", "Camera 2" stand in).
 */
export function cameraChoices(devices: readonly { kind: string; deviceId: string; label: string }[], unnamed: (n: number) => string): CameraChoice[] {
  return devices
    .filter((d) => d.kind === 'videoinput' && d.deviceId)
    .map((d, i) => ({ deviceId: d.deviceId, label: d.label || unnamed(i + 1) }));
}

/**
 * The camera to use: the one chosen before if it is still there, else a back-facing one (a
 * tablet held towards badges), else the first.
 */
export function preferredCamera(choices: readonly CameraChoice[], remembered: string | null): string | null {
  if (remembered && choices.some((c) => c.deviceId === remembered)) return remembered;
  const back = choices.find((c) => /back|rear|environment|후면|خلفية/iu.test(c.label));
  return (back ?? choices[0])?.deviceId ?? null;
}
