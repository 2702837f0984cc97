/**
 * Physical key -> character, as a US-layout keyboard types it. A USB keyboard-wedge scanner
 * sends US HID usage codes; the operating system then maps them through whatever layout and
 * input method the desk runs (AZERTY turns digits into `& é " '`, QWERTZ swaps Y and Z, a
 * Korean IME composes Hangul and reports key = 'Process'). `KeyboardEvent.code` names the
 * physical key and survives all of that, so decoding it through this table gives back the
 * characters the scanner meant to type.
 */

/** The parts of a keydown the mapping reads (a real KeyboardEvent has them all). */
export interface KeyLike {
  readonly code: string;
  readonly key: string;
  readonly shiftKey: boolean;
  /** CapsLock state when known (it flips letter case only, as on a US layout). */
  readonly capsLock?: boolean;
}

// Unshifted and shifted characters of the non-letter keys of a US keyboard.
const US_KEYS: Readonly<Record<string, readonly [string, string]>> = {
  Digit1: ['1', '!'],
  Digit2: ['2', '@'],
  Digit3: ['3', '#'],
  Digit4: ['4', '$'],
  Digit5: ['5', '%'],
  Digit6: ['6', '^'],
  Digit7: ['7', '&'],
  Digit8: ['8', '*'],
  Digit9: ['9', '('],
  Digit0: ['0', ')'],
  Minus: ['-', '_'],
  Equal: ['=', '+'],
  BracketLeft: ['[', '{'],
  BracketRight: [']', '}'],
  Backslash: ['\\', '|'],
  Semicolon: [';', ':'],
  Quote: ["'", '"'],
  Backquote: ['`', '~'],
  Comma: [',', '<'],
  Period: ['.', '>'],
  Slash: ['/', '?'],
  Space: [' ', ' '],
};

// The numeric keypad types the same character whatever Shift says (NumLock on, as scanners assume).
const NUMPAD_KEYS: Readonly<Record<string, string>> = {
  Numpad0: '0',
  Numpad1: '1',
  Numpad2: '2',
  Numpad3: '3',
  Numpad4: '4',
  Numpad5: '5',
  Numpad6: '6',
  Numpad7: '7',
  Numpad8: '8',
  Numpad9: '9',
  NumpadDecimal: '.',
  NumpadAdd: '+',
  NumpadSubtract: '-',
  NumpadMultiply: '*',
  NumpadDivide: '/',
};

/** The keys that end a scan: scanners are configured to send Enter (or Tab) after the code. */
export const SCAN_SUFFIX_CODES: ReadonlySet<string> = new Set(['Enter', 'NumpadEnter', 'Tab']);

/**
 * The character a key types on a US layout, from its physical code and Shift (and CapsLock
 * for letters); null for keys that type nothing (Shift itself, arrows, F-keys). When the
 * browser gives no physical code (some virtual keyboards), a single printable ASCII `key` is
 * taken as it is, since nothing better is known.
 */
export function characterOfKey(event: KeyLike): string | null {
  const { code, shiftKey } = event;
  const letter = /^Key([A-Z])$/u.exec(code);
  if (letter?.[1]) {
    // When the layout agrees on the letter, its case is the truth (CapsLock included).
    if (event.key.length === 1 && event.key.toUpperCase() === letter[1]) return event.key;
    const upper = shiftKey !== Boolean(event.capsLock);
    return upper ? letter[1] : letter[1].toLowerCase();
  }
  const pair = US_KEYS[code];
  if (pair) return shiftKey ? pair[1] : pair[0];
  const numpad = NUMPAD_KEYS[code];
  if (numpad) return numpad;
  if (!code && event.key.length === 1 && event.key >= ' ' && event.key <= '~') return event.key;
  return null;
}

/** The physical key and Shift state a US keyboard uses to type a character (for tests and fake scanners). */
export function keyOfCharacter(char: string): { code: string; shiftKey: boolean } | null {
  if (/^[A-Z]$/u.test(char)) return { code: `Key${char}`, shiftKey: true };
  if (/^[a-z]$/u.test(char)) return { code: `Key${char.toUpperCase()}`, shiftKey: false };
  for (const [code, [plain, shifted]] of Object.entries(US_KEYS)) {
    if (char === plain) return { code, shiftKey: false };
    if (char === shifted) return { code, shiftKey: true };
  }
  return null;
}
