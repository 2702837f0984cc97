import { describe, expect, test } from 'vitest';
import { characterOfKey, keyOfCharacter } from './key_mapping';
import { createWedgeDetector, type WedgeDecision, type WedgeKey } from './wedge_detector';

// A real-shaped badge code: DD1 + 119 base32 characters (every letter and 2–7 appear).
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const BADGE = `DD1${Array.from({ length: 119 }, (_, i) => ALPHABET[(i * 7) % 32]).join('')}`;

// What each layout's `key` is for a physical key the scanner presses (code + Shift), written
// out independently of the code under test. AZERTY (France): letters A/Q, Z/W and M moved,
// unshifted digit row types symbols. QWERTZ (Germany): Y and Z swapped.
const AZERTY_LETTERS: Record<string, string> = { KeyQ: 'a', KeyA: 'q', KeyW: 'z', KeyZ: 'w', KeySemicolon: 'm', KeyM: ',' };
const AZERTY_DIGITS: Record<string, string> = { Digit1: '&', Digit2: 'é', Digit3: '"', Digit4: "'", Digit5: '(', Digit6: '-', Digit7: 'è' };
const QWERTZ_LETTERS: Record<string, string> = { KeyY: 'z', KeyZ: 'y' };
// Korean 2-set: every Latin letter key is a jamo; with the IME on, keydown says 'Process'.
const HANGUL: Record<string, string> = { KeyD: 'ㅇ', KeyQ: 'ㅂ', KeyR: 'ㄱ', KeyK: 'ㅏ', KeyS: 'ㄴ' };

type Layout = 'us' | 'azerty' | 'qwertz' | 'hangul-ime' | 'hangul-jamo';

/** The keydown a scanner's key produces under a layout: the physical code stays, `key` changes. */
function keydown(char: string, layout: Layout, timeStamp: number): WedgeKey {
  const physical = keyOfCharacter(char);
  if (!physical) throw new Error(`no key for ${char}`);
  const { code, shiftKey } = physical;
  let key = char;
  if (layout === 'azerty') key = AZERTY_LETTERS[code] ?? (shiftKey ? char : (AZERTY_DIGITS[code] ?? char.toLowerCase()));
  if (layout === 'azerty' && shiftKey && AZERTY_LETTERS[code]) key = (AZERTY_LETTERS[code] ?? '').toUpperCase();
  if (layout === 'qwertz') key = QWERTZ_LETTERS[code] ? (shiftKey ? (QWERTZ_LETTERS[code] ?? '').toUpperCase() : (QWERTZ_LETTERS[code] ?? '')) : char;
  if (layout === 'hangul-ime') key = 'Process';
  if (layout === 'hangul-jamo') key = HANGUL[code] ?? (code.startsWith('Key') ? 'ㅎ' : char);
  return { code, key, shiftKey, timeStamp, repeat: false, ctrlKey: false, altKey: false, metaKey: false };
}

function enter(timeStamp: number): WedgeKey {
  return { code: 'Enter', key: 'Enter', shiftKey: false, timeStamp, repeat: false, ctrlKey: false, altKey: false, metaKey: false };
}

/** Feeds a scanner burst (text + Enter) at `perKeyMs`; returns every decision. */
function scan(text: string, layout: Layout, perKeyMs: number, start = 1000): WedgeDecision[] {
  const detector = createWedgeDetector();
  const keys = [...text].map((c, i) => keydown(c, layout, start + i * perKeyMs));
  keys.push(enter(start + text.length * perKeyMs));
  return keys.map((k) => detector.onKeyDown(k));
}

describe('key mapping', () => {
  test('every character of a badge code maps back from its physical key, with Shift for capitals', () => {
    for (const char of `DD1${ALPHABET}`) {
      const key = keyOfCharacter(char);
      expect(key, char).not.toBeNull();
      if (/[A-Z]/u.test(char)) expect(key?.shiftKey).toBe(true);
      expect(characterOfKey({ ...(key ?? { code: '', shiftKey: false }), key: 'Process' })).toBe(char);
    }
  });

  test('layouts and input methods change `key` but not the character read from `code`', () => {
    expect(characterOfKey({ code: 'KeyQ', key: 'a', shiftKey: false })).toBe('q');
    expect(characterOfKey({ code: 'Digit2', key: 'é', shiftKey: false })).toBe('2');
    expect(characterOfKey({ code: 'KeyZ', key: 'Y', shiftKey: true })).toBe('Z');
    expect(characterOfKey({ code: 'KeyR', key: 'ㄱ', shiftKey: false })).toBe('r');
    expect(characterOfKey({ code: 'KeyR', key: 'Process', shiftKey: true })).toBe('R');
    // CapsLock without Shift types capitals; a layout that agrees on the letter is believed.
    expect(characterOfKey({ code: 'KeyB', key: 'Process', shiftKey: false, capsLock: true })).toBe('B');
    expect(characterOfKey({ code: 'KeyB', key: 'B', shiftKey: false })).toBe('B');
    expect(characterOfKey({ code: 'Numpad7', key: 'Home', shiftKey: true })).toBe('7');
    expect(characterOfKey({ code: 'ArrowLeft', key: 'ArrowLeft', shiftKey: false })).toBeNull();
    expect(characterOfKey({ code: '', key: 'x', shiftKey: false })).toBe('x');
  });
});

describe('wedge detector', () => {
  for (const layout of ['us', 'azerty', 'qwertz', 'hangul-ime', 'hangul-jamo'] as const) {
    test(`a 122-character badge typed at 8 ms per key through ${layout} reads back exactly`, () => {
      const decisions = scan(BADGE, layout, 8);
      expect(decisions.at(-1)).toEqual({ kind: 'scan', text: BADGE });
      // The first key may start a burst; the fifth is recognised and reports the four that went through.
      expect(decisions[0]).toEqual({ kind: 'pass', burstStart: true });
      expect(decisions.slice(1, 4).every((d) => d.kind === 'pass')).toBe(true);
      expect(decisions[4]).toEqual({ kind: 'swallow', leaked: 4 });
      expect(decisions.slice(5, -1).every((d) => d.kind === 'swallow')).toBe(true);
    });
  }

  test('scanners at 30 ms per key are scans; people at 90 ms per key are not', () => {
    expect(scan(BADGE, 'us', 30).at(-1)?.kind).toBe('scan');
    const typed = scan('kim minjun', 'us', 90);
    expect(typed.every((d) => d.kind === 'pass')).toBe(true);
  });

  test('a fast typist\'s rolled keys (three quick intervals among slow ones) stay typing', () => {
    const detector = createWedgeDetector();
    const times = [0, 25, 50, 75, 200, 220, 240, 400, 520];
    const decisions = times.map((t, i) => detector.onKeyDown(keydown('abcdefghi'[i] ?? 'a', 'us', t)));
    decisions.push(detector.onKeyDown(enter(600)));
    expect(decisions.every((d) => d.kind === 'pass')).toBe(true);
  });

  test('a scanner whose first keys arrive unevenly is still read from its first character', () => {
    const detector = createWedgeDetector();
    const gaps = [0, 70, 60, 45, 35, 20, 10, 10, 8, 8, 8];
    let t = 1000;
    const decisions = [...'DD1ABCDEFGH'].map((c, i) => detector.onKeyDown(keydown(c, 'us', (t += gaps[i] ?? 8))));
    expect(decisions[0]).toEqual({ kind: 'pass', burstStart: true });
    expect(decisions.findIndex((d) => d.kind === 'swallow')).toBe(7);
    expect(decisions[7]).toEqual({ kind: 'swallow', leaked: 7 });
    expect(detector.onKeyDown(enter(t + 8))).toEqual({ kind: 'scan', text: 'DD1ABCDEFGH' });
  });

  test('a held-down key (auto-repeat) and shortcuts never become a scan', () => {
    const detector = createWedgeDetector();
    const held = Array.from({ length: 20 }, (_, i) => detector.onKeyDown({ ...keydown('a', 'us', i * 30), repeat: i > 0 }));
    expect(held.every((d) => d.kind === 'pass')).toBe(true);
    const withCtrl = Array.from({ length: 8 }, (_, i) => detector.onKeyDown({ ...keydown('c', 'us', 1000 + i * 5), ctrlKey: true }));
    expect(withCtrl.every((d) => d.kind === 'pass')).toBe(true);
  });

  test('Shift keydowns between capitals do not break a burst', () => {
    const detector = createWedgeDetector();
    const decisions: WedgeDecision[] = [];
    let t = 0;
    for (const char of 'DD1ABCDEFG') {
      decisions.push(detector.onKeyDown({ code: 'ShiftLeft', key: 'Shift', shiftKey: true, timeStamp: t, repeat: false, ctrlKey: false, altKey: false, metaKey: false }));
      decisions.push(detector.onKeyDown(keydown(char, 'us', t + 2)));
      t += 10;
    }
    decisions.push(detector.onKeyDown(enter(t)));
    expect(decisions.at(-1)).toEqual({ kind: 'scan', text: 'DD1ABCDEFG' });
  });

  test('a recognised burst too short for a code swallows its Enter but is no scan', () => {
    const detector = createWedgeDetector();
    const decisions = [...'ABCDE'].map((c, i) => detector.onKeyDown(keydown(c, 'us', i * 5)));
    expect(decisions.at(-1)).toEqual({ kind: 'swallow', leaked: 4 });
    expect(detector.onKeyDown(enter(30))).toEqual({ kind: 'swallow', leaked: 0 });
  });

  test('a recognised burst that stops without Enter is a scan when the idle timer ends it; a short one is not', () => {
    const detector = createWedgeDetector();
    [...'DD1ABCDEFGH'].forEach((c, i) => detector.onKeyDown(keydown(c, 'us', 100 + i * 10)));
    expect(detector.inScan()).toBe(true);
    expect(detector.end()).toBe('DD1ABCDEFGH');
    expect(detector.inScan()).toBe(false);
    expect(detector.end()).toBeNull();
    [...'DD1A'].forEach((c, i) => detector.onKeyDown(keydown(c, 'us', 900 + i * 10)));
    expect(detector.inScan()).toBe(false);
    expect(detector.end()).toBeNull();
  });

  test('a long stall inside a burst ends it: the rest starts a new burst rather than joining', () => {
    const detector = createWedgeDetector();
    [...'DD1ABC'].forEach((c, i) => detector.onKeyDown(keydown(c, 'us', i * 10)));
    expect(detector.onKeyDown(keydown('X', 'us', 50 + 500))).toEqual({ kind: 'pass', burstStart: true });
    expect(detector.onKeyDown(enter(560))).toEqual({ kind: 'pass', burstStart: false });
  });

  test('two scans back to back each read on their own', () => {
    const detector = createWedgeDetector();
    const read: string[] = [];
    let t = 0;
    for (const code of ['DD1AAAAAAA', 'DD1BBBBBBB']) {
      for (const c of code) {
        const d = detector.onKeyDown(keydown(c, 'us', (t += 6)));
        if (d.kind === 'scan') read.push(d.text);
      }
      const d = detector.onKeyDown(enter((t += 6)));
      if (d.kind === 'scan') read.push(d.text);
      t += 400;
    }
    expect(read).toEqual(['DD1AAAAAAA', 'DD1BBBBBBB']);
  });
});
