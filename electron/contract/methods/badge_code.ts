/**
 * The badge credential's text form: pure code with no Node, DOM or crypto dependency, so the
 * host, the CLI and (later) a desk page in a LAN browser read codes the same way. Signing and
 * signature checks are injected: node:crypto on the host, a plain-JS Ed25519 where there is
 * no WebCrypto (plain-http LAN pages are not a secure context).
 *
 * Policy (ecosystem §5, modelled on pretix's `pretix_sig1`):
 * - binary v1 layout, 74 bytes: version (1) | event tag (4) | participant id (u24 BE) |
 *   badge serial (u16 BE) | Ed25519 signature (64) over SIGNING_CONTEXT + the first 10 bytes;
 * - text: `DD1` + RFC 4648 base32, upper case, no padding = 122 characters, so a QR code stays
 *   in alphanumeric mode at version 5-M (37 modules), and a USB keyboard-wedge scanner types
 *   only A–Z and 2–7, which survive every keyboard layout, CapsLock and IMEs;
 * - reading is case-insensitive and ignores surrounding whitespace (scanners add Enter/Tab);
 *   anything else that differs from the canonical text is refused, including base32 padding
 *   bits that are not zero, so no two texts ever decode to the same badge;
 * - names are never in the code: they come from the event's database, and a replaced badge is
 *   recognised by its serial being older than the newest one printed.
 */

/** What every Delegate Desk badge code starts with: "DD" and the format version. */
export const BADGE_CODE_PREFIX = 'DD1';
/** The version byte of the binary layout this build writes. */
export const BADGE_CODE_VERSION = 1;
/** Bytes of the signed header: version, event tag, participant id, serial. */
export const BADGE_HEADER_BYTES = 10;
/** Bytes of an Ed25519 signature. */
export const BADGE_SIGNATURE_BYTES = 64;
/** Length of a v1 code as text. */
export const BADGE_CODE_LENGTH = BADGE_CODE_PREFIX.length + Math.ceil(((BADGE_HEADER_BYTES + BADGE_SIGNATURE_BYTES) * 8) / 5);
/** The largest participant id a v1 code can carry (u24). */
export const MAX_BADGE_PARTICIPANT_ID = 0xffffff;
/** The largest serial a v1 code can carry (u16); serials start at 1. */
export const MAX_BADGE_SERIAL = 0xffff;

// Domain separation: a signature made for a badge can never be replayed as anything else the
// event key might sign one day.
const SIGNING_CONTEXT = asciiBytes('delegate-desk/badge/v1\u0000');
const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const BASE32_VALUE: ReadonlyMap<string, number> = new Map([...BASE32_ALPHABET].map((c, i) => [c, i]));

/** The signed fields of a badge. */
export interface BadgeCodeFields {
  /** The event's 4-byte tag (see eventTagOf). */
  readonly eventTag: Uint8Array;
  readonly participantId: number;
  readonly serial: number;
}

/** A code that reads as a well-formed v1 badge code; its signature is not checked yet. */
export interface ParsedBadgeCode extends BadgeCodeFields {
  /** The bytes the signature covers (context + header). */
  readonly signedMessage: Uint8Array;
  readonly signature: Uint8Array;
}

/** Why a text is not one of our badge codes (decided without any key). */
export type BadgeCodeFormatProblem = 'malformed' | 'not_ours';
/** Why a code is refused before the event's records are consulted. */
export type BadgeCodeProblem = BadgeCodeFormatProblem | 'wrong_event' | 'bad_signature';

/** A decision with its reason; messages are English, the code is what screens translate. */
export type BadgeCodeOutcome<T, P extends string> = { ok: true; value: T } | { ok: false; problem: P; message: string };

function asciiBytes(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0) & 0x7f);
}

/** RFC 4648 base32, upper case, without padding. */
export function base32Encode(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32_ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32_ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

/**
 * Strict base32 decoding of upper-case text without padding: null for any character outside
 * the alphabet, an impossible length, or leftover bits that are not zero (non-canonical).
 */
export function base32Decode(text: string): Uint8Array | null {
  const leftoverBits = (text.length * 5) % 8;
  // Lengths whose leftover bits make no whole byte cannot come from any byte string.
  if (leftoverBits >= 5) return null;
  const out = new Uint8Array(Math.floor((text.length * 5) / 8));
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (const c of text) {
    const value = BASE32_VALUE.get(c);
    if (value === undefined) return null;
    buffer = ((buffer << 5) | value) & 0xfff;
    bits += 5;
    if (bits >= 8) {
      out[index++] = (buffer >>> (bits - 8)) & 0xff;
      bits -= 8;
    }
  }
  if ((buffer & ((1 << bits) - 1)) !== 0) return null;
  return out;
}

/**
 * The event's 4-byte tag: the first 32 bits of its UUID. Stable for the event's life and
 * shown nowhere; it only lets a desk say "another event" instead of "forged".
 */
export function eventTagOf(eventId: string): Uint8Array {
  const hex = eventId.replace(/-/gu, '').slice(0, 8);
  if (!/^[0-9a-fA-F]{8}$/u.test(hex)) throw new Error('an event id must be a UUID');
  return Uint8Array.from({ length: 4 }, (_, i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16));
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function headerBytes(fields: BadgeCodeFields): Uint8Array {
  const { eventTag, participantId, serial } = fields;
  if (eventTag.length !== 4) throw new Error('an event tag has 4 bytes');
  if (!Number.isInteger(participantId) || participantId < 1 || participantId > MAX_BADGE_PARTICIPANT_ID) {
    throw new Error(`a badge code carries participant ids from 1 to ${MAX_BADGE_PARTICIPANT_ID}`);
  }
  if (!Number.isInteger(serial) || serial < 1 || serial > MAX_BADGE_SERIAL) {
    throw new Error(`a badge serial runs from 1 to ${MAX_BADGE_SERIAL}`);
  }
  const header = new Uint8Array(BADGE_HEADER_BYTES);
  header[0] = BADGE_CODE_VERSION;
  header.set(eventTag, 1);
  header[5] = (participantId >>> 16) & 0xff;
  header[6] = (participantId >>> 8) & 0xff;
  header[7] = participantId & 0xff;
  header[8] = (serial >>> 8) & 0xff;
  header[9] = serial & 0xff;
  return header;
}

function withContext(header: Uint8Array): Uint8Array {
  const message = new Uint8Array(SIGNING_CONTEXT.length + header.length);
  message.set(SIGNING_CONTEXT, 0);
  message.set(header, SIGNING_CONTEXT.length);
  return message;
}

/** The bytes to sign for a badge. */
export function badgeSigningMessage(fields: BadgeCodeFields): Uint8Array {
  return withContext(headerBytes(fields));
}

/** Builds the code text from the fields and their Ed25519 signature. */
export function encodeBadgeCode(fields: BadgeCodeFields, signature: Uint8Array): string {
  if (signature.length !== BADGE_SIGNATURE_BYTES) throw new Error('an Ed25519 signature has 64 bytes');
  const bytes = new Uint8Array(BADGE_HEADER_BYTES + BADGE_SIGNATURE_BYTES);
  bytes.set(headerBytes(fields), 0);
  bytes.set(signature, BADGE_HEADER_BYTES);
  return `${BADGE_CODE_PREFIX}${base32Encode(bytes)}`;
}

/**
 * Normalises what a scanner typed: surrounding whitespace off, ASCII letters upper case. Only
 * ASCII is folded: Unicode case mapping would turn a dotless ı into I or ſ into S, and a code
 * must never be read from characters it does not contain.
 */
export function normaliseBadgeText(text: string): string {
  return text.trim().replace(/[a-z]/gu, (c) => c.toUpperCase());
}

/** Reads a code's fields without checking its signature (that needs the event's public key). */
export function parseBadgeCode(text: string): BadgeCodeOutcome<ParsedBadgeCode, BadgeCodeFormatProblem> {
  const code = normaliseBadgeText(text);
  if (!/^DD\d/u.test(code)) {
    return { ok: false, problem: 'not_ours', message: 'This is not a Delegate Desk badge code.' };
  }
  if (!code.startsWith(BADGE_CODE_PREFIX)) {
    return { ok: false, problem: 'malformed', message: 'This badge code was made by another version of Delegate Desk.' };
  }
  if (code.length !== BADGE_CODE_LENGTH) {
    return {
      ok: false,
      problem: 'malformed',
      message: `This badge code is ${code.length < BADGE_CODE_LENGTH ? 'incomplete' : 'too long'} (${code.length} of ${BADGE_CODE_LENGTH} characters): scan it again.`,
    };
  }
  const bytes = base32Decode(code.slice(BADGE_CODE_PREFIX.length));
  if (!bytes || bytes[0] !== BADGE_CODE_VERSION) {
    return { ok: false, problem: 'malformed', message: 'This badge code is damaged: it contains characters a badge code never has.' };
  }
  const participantId = ((bytes[5] ?? 0) << 16) | ((bytes[6] ?? 0) << 8) | (bytes[7] ?? 0);
  const serial = ((bytes[8] ?? 0) << 8) | (bytes[9] ?? 0);
  if (participantId === 0 || serial === 0) {
    return { ok: false, problem: 'malformed', message: 'This badge code is damaged: it names no participant.' };
  }
  const header = bytes.slice(0, BADGE_HEADER_BYTES);
  return {
    ok: true,
    value: {
      eventTag: header.slice(1, 5),
      participantId,
      serial,
      signedMessage: withContext(header),
      signature: bytes.slice(BADGE_HEADER_BYTES),
    },
  };
}

/** Checks an Ed25519 signature; the caller brings its own implementation and the public key. */
export type SignatureCheck = (message: Uint8Array, signature: Uint8Array) => boolean;

/**
 * Everything that can be decided with only the event's tag and public key: ours, well
 * formed, this event, genuinely signed. Whether the badge is still current needs the records.
 */
export function checkBadgeCode(
  text: string,
  event: { readonly eventTag: Uint8Array; readonly verify: SignatureCheck },
): BadgeCodeOutcome<{ participantId: number; serial: number }, BadgeCodeProblem> {
  const parsed = parseBadgeCode(text);
  if (!parsed.ok) return parsed;
  const code = parsed.value;
  if (!sameBytes(code.eventTag, event.eventTag)) {
    return { ok: false, problem: 'wrong_event', message: 'This badge belongs to another event.' };
  }
  let genuine: boolean;
  try {
    genuine = event.verify(code.signedMessage, code.signature);
  } catch {
    genuine = false;
  }
  if (!genuine) {
    return { ok: false, problem: 'bad_signature', message: 'This badge was not issued by this event: its signature does not match. It may be forged or altered.' };
  }
  return { ok: true, value: { participantId: code.participantId, serial: code.serial } };
}
