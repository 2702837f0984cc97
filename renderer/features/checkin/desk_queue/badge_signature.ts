/**
 * Badge signatures checked in the browser itself. A desk on the venue LAN is served over plain
 * http, which is not a secure context, so WebCrypto's Ed25519 is not there; @noble/ed25519 is
 * pure JavaScript and needs only a synchronous SHA-512, which @noble/hashes provides.
 */
import * as ed from '@noble/ed25519';
import { sha512 } from '@noble/hashes/sha2.js';
import { checkBadgeCode, type BadgeCodeOutcome, type BadgeCodeProblem, type SignatureCheck } from '../../../../electron/contract';

ed.hashes.sha512 = sha512;

/** Decodes base64 (the host sends the raw public key that way) to bytes; null if it is not base64. */
export function bytesFromBase64(text: string): Uint8Array | null {
  try {
    const binary = atob(text);
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/** Decodes a lower-case hex string (the event tag) to bytes; null if it is not hex. */
export function bytesFromHex(hex: string): Uint8Array | null {
  if (!/^(?:[0-9a-f]{2})+$/u.test(hex)) return null;
  return Uint8Array.from({ length: hex.length / 2 }, (_, i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16));
}

/**
 * A signature check for one event's raw 32-byte Ed25519 public key. Strict RFC 8032 rules
 * (not ZIP-215), the same answer node:crypto gives on the host, so a badge the host refuses is
 * never accepted offline.
 */
export function signatureCheckFor(publicKey: Uint8Array): SignatureCheck {
  if (publicKey.length !== 32) throw new Error('an Ed25519 public key has 32 bytes');
  return (message, signature) => {
    try {
      return ed.verify(signature, message, publicKey, { zip215: false });
    } catch {
      // A malformed signature or point is simply not genuine.
      return false;
    }
  };
}

/** The event's badge key as the desk keeps it: raw key (base64) and event tag (hex). */
export interface BadgeKeyCopy {
  readonly eventTagHex: string;
  readonly publicKeyBase64: string;
}

/**
 * Everything a desk can decide about a scanned text without the host: one of our codes, this
 * event's, genuinely signed. Who holds it, and whether it is still their newest badge, comes
 * from the desk's copy of the participants.
 */
export function verifyBadgeOffline(
  text: string,
  key: BadgeKeyCopy,
): BadgeCodeOutcome<{ participantId: number; serial: number }, BadgeCodeProblem> {
  const eventTag = bytesFromHex(key.eventTagHex);
  const publicKey = bytesFromBase64(key.publicKeyBase64);
  if (!eventTag || eventTag.length !== 4 || !publicKey || publicKey.length !== 32) {
    // A damaged local copy must never turn into "forged": it means "cannot tell".
    throw new Error("this desk's copy of the event's badge key is damaged");
  }
  return checkBadgeCode(text, { eventTag, verify: signatureCheckFor(publicKey) });
}
