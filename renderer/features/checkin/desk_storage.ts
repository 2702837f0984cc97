/**
 * What a desk remembers across reloads, per browser: who is operating it, which door it keeps,
 * the mode, and which camera. A reload at a busy desk must not ask again.
 */

const PREFIX = 'delegate-desk.desk.';

/** The settings a desk keeps. */
export interface DeskSettings {
  readonly operator: string;
  /** null: the event desk; otherwise a session's door. */
  readonly sessionId: number | null;
  readonly mode: 'checkin' | 'checkout';
  readonly cameraId: string | null;
}

/** A fresh desk: no operator yet, the event desk, checking in. */
export const DEFAULT_DESK_SETTINGS: DeskSettings = { operator: '', sessionId: null, mode: 'checkin', cameraId: null };

/** Reads the settings from storage, falling back field by field to the defaults on anything odd. */
export function readDeskSettings(storage: Pick<Storage, 'getItem'> | null): DeskSettings {
  const get = (key: string): string | null => {
    try {
      return storage?.getItem(PREFIX + key) ?? null;
    } catch {
      return null;
    }
  };
  const session = Number(get('sessionId'));
  return {
    operator: (get('operator') ?? '').slice(0, 80),
    sessionId: Number.isInteger(session) && session > 0 ? session : null,
    mode: get('mode') === 'checkout' ? 'checkout' : 'checkin',
    cameraId: get('cameraId') || null,
  };
}

/** Keeps the settings; storage refused (private mode) only means they last for this page. */
export function writeDeskSettings(storage: Pick<Storage, 'setItem'> | null, settings: DeskSettings): void {
  try {
    storage?.setItem(PREFIX + 'operator', settings.operator);
    storage?.setItem(PREFIX + 'sessionId', settings.sessionId === null ? '' : String(settings.sessionId));
    storage?.setItem(PREFIX + 'mode', settings.mode);
    storage?.setItem(PREFIX + 'cameraId', settings.cameraId ?? '');
  } catch {
    // nothing kept
  }
}

/** localStorage when the page may use it. */
export function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
