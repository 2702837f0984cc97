import { useLayoutEffect, useRef } from 'react';
import { createWedgeDetector, DEFAULT_WEDGE_OPTIONS, type WedgeOptions } from './wedge_detector';

type Editable = HTMLInputElement | HTMLTextAreaElement;

/** What a text field held before a burst began, to put back the keys that leaked into it. */
interface FieldSnapshot {
  readonly field: Editable;
  readonly value: string;
  readonly start: number | null;
  readonly end: number | null;
}

function focusedField(): Editable | null {
  const el = document.activeElement;
  if (el instanceof HTMLTextAreaElement) return el;
  if (el instanceof HTMLInputElement && /^(text|search|email|tel|url|password|number)$/u.test(el.type)) return el;
  return null;
}

/**
 * Puts a field's value back through the native setter and an input event, so React's
 * controlled state sees the change as if the user had made it.
 */
function restore(snapshot: FieldSnapshot): void {
  const { field } = snapshot;
  if (field.value === snapshot.value) return;
  const proto = field instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(field, snapshot.value);
  field.dispatchEvent(new Event('input', { bubbles: true }));
  try {
    if (snapshot.start !== null) field.setSelectionRange(snapshot.start, snapshot.end ?? snapshot.start);
  } catch {
    // number fields have no selection
  }
}

/**
 * Listens for a USB keyboard-wedge scanner anywhere on the page, whatever has the focus: a
 * capture-phase keydown listener on the window sees every key before any field does. Keys of
 * a recognised burst are stopped; the few that reached a text field before the burst was
 * recognised are taken back out (the field gets its value from before the burst, even if an
 * IME was composing Hangul from them). `onScan` gets the text the scanner typed.
 */
export function useWedgeScanner(onScan: (text: string) => void, options: WedgeOptions = DEFAULT_WEDGE_OPTIONS): void {
  const latest = useRef(onScan);
  useLayoutEffect(() => {
    latest.current = onScan;
  }, [onScan]);

  // Layout effects: listening from the desk's first frame, so a badge scanned the moment the
  // screen appears is read whole (a listener attached after paint could miss its first keys).
  useLayoutEffect(() => {
    const detector = createWedgeDetector(options);
    let snapshot: FieldSnapshot | null = null;
    let idleTimer: ReturnType<typeof setTimeout> | null = null;
    let interrupted: FieldSnapshot | null = null;

    /** A scan ended: hand it over, then give the interrupted field its value and focus back. */
    const endBurst = (text: string | null) => {
      snapshot = null;
      const field = interrupted;
      interrupted = null;
      if (field) {
        restore(field);
        field.field.focus({ preventScroll: true });
        // A composition committed on blur can land a moment later: put the value back once more.
        setTimeout(() => restore(field), 0);
      }
      if (text) latest.current(text);
    };

    // The idle timer runs on the page's clock from the last key handled, not from the keys'
    // own timestamps: keys delivered late to a busy page must not look like a pause.
    const armIdle = () => {
      if (idleTimer) clearTimeout(idleTimer);
      idleTimer = null;
      if (!detector.inScan()) return;
      idleTimer = setTimeout(() => {
        idleTimer = null;
        endBurst(detector.end());
      }, options.idleEndMs);
    };

    const onKeyDown = (event: KeyboardEvent) => {
      const decision = detector.onKeyDown({
        code: event.code,
        key: event.key,
        shiftKey: event.shiftKey,
        capsLock: event.getModifierState?.('CapsLock') ?? false,
        timeStamp: event.timeStamp,
        repeat: event.repeat,
        ctrlKey: event.ctrlKey,
        altKey: event.altKey,
        metaKey: event.metaKey,
      });
      if (decision.kind === 'pass') {
        if (decision.burstStart) {
          const field = focusedField();
          snapshot = field ? { field, value: field.value, start: field.selectionStart, end: field.selectionEnd } : null;
        }
        armIdle();
        return;
      }
      event.preventDefault();
      event.stopImmediatePropagation();
      if (decision.kind === 'swallow' && decision.leaked > 0 && snapshot) {
        // Blurring ends an IME composition (it commits what it had): the field is out of the
        // burst's way until the scan ends, then gets its old value and the focus back.
        interrupted = snapshot;
        snapshot = null;
        if (document.activeElement === interrupted.field) interrupted.field.blur();
        restore(interrupted);
      }
      if (decision.kind === 'scan') endBurst(decision.text);
      else if (!detector.inScan()) endBurst(null); // a short burst's Enter: over, no scan
      armIdle();
    };

    // Keys of a recognised burst must not reach keypress/input listeners either.
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => {
      window.removeEventListener('keydown', onKeyDown, { capture: true });
      if (idleTimer) clearTimeout(idleTimer);
    };
  }, [options]);
}
