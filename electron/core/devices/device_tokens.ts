import crypto from 'node:crypto';

/** Bytes of randomness in a device token: 256 bits, far beyond any guessing. */
export const TOKEN_BYTES = 32;

/** A new device token: 32 random bytes, base64url (43 characters, safe in headers and subprotocols). */
export function newDeviceToken(): string {
  return crypto.randomBytes(TOKEN_BYTES).toString('base64url');
}

/** Whether a string has the shape of a device token (checked before any lookup). */
export function looksLikeToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/u.test(token);
}

/**
 * The SHA-256 of a token, hex. The host stores only this: a stolen database does not hand
 * out working tokens, and a plain hash is enough because the token has 256 bits of entropy.
 */
export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token, 'utf8').digest('hex');
}
