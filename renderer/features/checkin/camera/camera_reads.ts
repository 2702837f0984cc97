/**
 * A camera sees the same badge in many frames while it is held up: one hold must be one scan.
 * A code is taken once, then ignored until it has been out of sight for a moment, so the same
 * person can be scanned again deliberately (lower the badge, raise it) but never by lingering.
 */

/** Milliseconds a code must be out of view before it counts again. */
export const SAME_CODE_QUIET_MS = 2500;

/** Remembers what the camera saw last; `accept` says whether a frame's code is a new scan. */
export interface CameraReads {
  /** A frame read `code` (or nothing, null) at `now`; true when it is a new scan to submit. */
  accept(code: string | null, now: number): boolean;
}

/** Creates the memory for one camera session. */
export function createCameraReads(quietMs: number = SAME_CODE_QUIET_MS): CameraReads {
  let lastCode: string | null = null;
  let lastSeen = Number.NEGATIVE_INFINITY;
  return {
    accept(code, now) {
      if (code === null) return false;
      const repeat = code === lastCode && now - lastSeen < quietMs;
      lastCode = code;
      lastSeen = now;
      return !repeat;
    },
  };
}
