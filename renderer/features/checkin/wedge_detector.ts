import { characterOfKey, SCAN_SUFFIX_CODES, type KeyLike } from './key_mapping';

/**
 * Tells a USB keyboard-wedge scanner from a person typing, by timing alone. A scanner types
 * a whole code in a burst of a few milliseconds per key and ends it with Enter; people type
 * 100–250 ms per key, and even a fast typist's rolled digraph is one or two quick intervals,
 * never four in a row. So a run of fast keys is "recognised" as a scan after a few keys; from
 * then on its keys are swallowed (they must not type into a field or press a button), and the
 * few keys that went through before recognition are reported so the caller can take them back
 * out of whatever field had the focus.
 *
 * Pure and clock-free: every decision reads the event's own timestamp, which Chromium sets when
 * the key was pressed, not when a busy page got round to it.
 */

/** A keydown as the detector reads it. */
export interface WedgeKey extends KeyLike {
  /** Milliseconds on the page's clock (KeyboardEvent.timeStamp). */
  readonly timeStamp: number;
  readonly repeat: boolean;
  readonly ctrlKey: boolean;
  readonly altKey: boolean;
  readonly metaKey: boolean;
}

/** Timing thresholds (ms) and lengths; the defaults suit scanners at 5–30 ms per key. */
export interface WedgeOptions {
  /** Longest pause between two keys of a burst before it is recognised. */
  readonly maxKeyGapMs: number;
  /** Keys in a row, each within maxKeyGapMs of the one before, that make a burst a scan. */
  readonly recogniseAfter: number;
  /**
   * Longest pause between two keys of one burst: before recognition, keys this close stay in
   * the burst (so an uneven start is not lost), and a recognised burst goes on through them.
   */
  readonly maxGapWhenRecognisedMs: number;
  /** Shortest text accepted as a scan. */
  readonly minLength: number;
  /** A recognised burst that stops this long without Enter is taken as a scan (scanners set up without a suffix). */
  readonly idleEndMs: number;
}

/** Defaults: 40 ms per key, 5 keys to recognise, up to 120 ms once recognised, 6 characters at least. */
export const DEFAULT_WEDGE_OPTIONS: WedgeOptions = {
  maxKeyGapMs: 40,
  recogniseAfter: 5,
  maxGapWhenRecognisedMs: 120,
  minLength: 6,
  idleEndMs: 300,
};

/** What to do with one keydown. */
export type WedgeDecision =
  /** Not a scan (yet): let the key do what it normally does. `burstStart` marks a possible burst's first key. */
  | { readonly kind: 'pass'; readonly burstStart: boolean }
  /** Part of a recognised scan: stop the key. `leaked` keys went through before recognition (only on the first). */
  | { readonly kind: 'swallow'; readonly leaked: number }
  /** The scan's suffix: stop the key; `text` is what the scanner typed. */
  | { readonly kind: 'scan'; readonly text: string };

/** A keyboard-wedge detector: feed it every keydown, in order. */
export interface WedgeDetector {
  onKeyDown(key: WedgeKey): WedgeDecision;
  /**
   * Called by a timer when no key has arrived for idleEndMs (by the page's clock, counted from
   * the last key *handled*: keys delivered late must not look like a pause): ends an open burst.
   * A recognised burst long enough is a scan without a suffix (returned); anything else is dropped.
   */
  end(): string | null;
  /** Whether a recognised burst is open (the caller then runs the idle timer). */
  inScan(): boolean;
  /** Forgets any burst in progress. */
  reset(): void;
}

const MODIFIER_CODES = new Set(['ShiftLeft', 'ShiftRight', 'CapsLock', 'NumLock']);

/** Creates a detector with the given thresholds. */
export function createWedgeDetector(options: WedgeOptions = DEFAULT_WEDGE_OPTIONS): WedgeDetector {
  let chars: string[] = [];
  let lastTime = Number.NEGATIVE_INFINITY;
  let recognised = false;
  // Keys in a row, ending with the latest, that each came within maxKeyGapMs of the one before.
  let fastRun = 0;

  function reset(): void {
    chars = [];
    lastTime = Number.NEGATIVE_INFINITY;
    recognised = false;
    fastRun = 0;
  }

  function onKeyDown(key: WedgeKey): WedgeDecision {
    // Scanners press Shift around capitals; Shift's own keydown is no character and no pause.
    if (MODIFIER_CODES.has(key.code) || key.key === 'Shift') return { kind: 'pass', burstStart: false };
    if (key.ctrlKey || key.altKey || key.metaKey || key.repeat) {
      // A shortcut or a held-down key: people, not scanners.
      reset();
      return { kind: 'pass', burstStart: false };
    }
    const gap = key.timeStamp - lastTime;
    if (SCAN_SUFFIX_CODES.has(key.code)) {
      const text = chars.join('');
      const isScan = recognised && gap <= options.maxGapWhenRecognisedMs && text.length >= options.minLength;
      const wasRecognised = recognised;
      reset();
      if (isScan) return { kind: 'scan', text };
      // A recognised burst too short to be a code still must not press the focused button.
      return wasRecognised ? { kind: 'swallow', leaked: 0 } : { kind: 'pass', burstStart: false };
    }
    const char = characterOfKey(key);
    if (char === null) {
      reset();
      return { kind: 'pass', burstStart: false };
    }
    if (recognised && gap <= options.maxGapWhenRecognisedMs) {
      chars.push(char);
      lastTime = key.timeStamp;
      return { kind: 'swallow', leaked: 0 };
    }
    if (!recognised && chars.length > 0 && gap <= options.maxGapWhenRecognisedMs) {
      // Not yet a scan, but close enough to the previous key to belong to the same burst: a
      // scanner's first keys can arrive unevenly (a page busy with the previous result).
      chars.push(char);
      lastTime = key.timeStamp;
      fastRun = gap <= options.maxKeyGapMs ? fastRun + 1 : 0;
      if (fastRun >= options.recogniseAfter - 1) {
        recognised = true;
        return { kind: 'swallow', leaked: chars.length - 1 };
      }
      return { kind: 'pass', burstStart: false };
    }
    // A pause: this key may start a new burst.
    reset();
    chars = [char];
    lastTime = key.timeStamp;
    if (options.recogniseAfter <= 1) {
      recognised = true;
      return { kind: 'swallow', leaked: 0 };
    }
    return { kind: 'pass', burstStart: true };
  }

  function end(): string | null {
    const text = recognised ? chars.join('') : '';
    reset();
    return text.length >= options.minLength ? text : null;
  }

  return {
    onKeyDown,
    end,
    inScan: () => recognised,
    reset,
  };
}
