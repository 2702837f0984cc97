import crypto from 'node:crypto';
import { z } from 'zod';

/** The first bytes of an exported event: recognisable, and versioned by the header after it. */
export const EXPORT_MAGIC = Buffer.from('DDEVENT\n', 'latin1');

/**
 * The small plaintext header. It holds only what is needed to derive the key and decrypt (no
 * names, no counts: the event's contents are personal data). It is authenticated as GCM's
 * associated data, so changing a parameter is detected like changing a byte of the contents.
 */
export const ExportHeaderSchema = z.object({
  format: z.literal('delegate-desk-event-export'),
  version: z.literal(1),
  kdf: z.object({
    name: z.literal('scrypt'),
    // Bounded both ways: too weak would make a guessable file, too strong would let a crafted
    // file make the importer allocate gigabytes.
    logN: z.number().int().min(14).max(20),
    r: z.literal(8),
    p: z.number().int().min(1).max(4),
    salt: z.string().regex(/^[A-Za-z0-9+/]{22}==$/u),
  }),
  cipher: z.literal('aes-256-gcm'),
  iv: z.string().regex(/^[A-Za-z0-9+/]{16}$/u),
  /** HMAC of a fixed text under the key: tells a wrong passphrase from a damaged file. */
  check: z.string().regex(/^[A-Za-z0-9+/]{22}==$/u),
  createdAt: z.string(),
});
export type ExportHeader = z.infer<typeof ExportHeaderSchema>;

/** scrypt N = 2^17, r = 8 (128 MiB, ~0.3–1 s): OWASP's recommended floor is 2^17. */
export const DEFAULT_LOG_N = 17;

/** Passphrases shorter than this are refused at export: the file travels on USB sticks. */
export const MIN_PASSPHRASE_LENGTH = 10;

/** Derives the AES key from the passphrase (NFC-normalised, so the same words typed on another OS match). */
export function deriveKey(passphrase: string, kdf: ExportHeader['kdf']): Buffer {
  const N = 2 ** kdf.logN;
  return crypto.scryptSync(passphrase.normalize('NFC'), Buffer.from(kdf.salt, 'base64'), 32, {
    N,
    r: kdf.r,
    p: kdf.p,
    maxmem: 256 * N * kdf.r + 32 * 1024 * 1024,
  });
}

/** The passphrase check value stored in the header. */
export function passphraseCheck(key: Buffer): string {
  return crypto.createHmac('sha256', key).update('delegate-desk passphrase check v1').digest().subarray(0, 16).toString('base64');
}

/** Serialises the header block: magic, length, JSON. */
export function encodeHeader(header: ExportHeader): Buffer {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(json.length);
  return Buffer.concat([EXPORT_MAGIC, len, json]);
}

/** The archive inside: one entry per file (path, size, bytes), then an end marker. */
export function encodeEntry(relPath: string, bytes: Buffer): Buffer {
  const name = Buffer.from(relPath, 'utf8');
  const head = Buffer.alloc(1 + 2 + name.length + 8);
  head.writeUInt8(1, 0);
  head.writeUInt16BE(name.length, 1);
  name.copy(head, 3);
  head.writeBigUInt64BE(BigInt(bytes.length), 3 + name.length);
  return Buffer.concat([head, bytes]);
}

export const END_MARKER = Buffer.from([0]);

/** Paths an archive may hold: the event's own files, never anything that climbs out of its folder. */
export function isAllowedEntryPath(p: string): boolean {
  if (p === 'event.sqlite' || p === 'delegate-desk-event.json') return true;
  if (!/^(keys|photos)\/[^/\\]+$/u.test(p)) return false;
  const name = p.split('/')[1] ?? '';
  return name !== '.' && name !== '..' && !name.includes('\0');
}

/** Splits the decrypted archive into entries; null when its structure is broken. */
export function decodeEntries(plain: Buffer): Array<{ path: string; bytes: Buffer }> | null {
  const out: Array<{ path: string; bytes: Buffer }> = [];
  let at = 0;
  while (at < plain.length) {
    const type = plain.readUInt8(at);
    if (type === 0) return at + 1 === plain.length ? out : null;
    if (type !== 1 || at + 3 > plain.length) return null;
    const nameLen = plain.readUInt16BE(at + 1);
    if (at + 3 + nameLen + 8 > plain.length) return null;
    const name = plain.toString('utf8', at + 3, at + 3 + nameLen);
    const size = Number(plain.readBigUInt64BE(at + 3 + nameLen));
    const start = at + 3 + nameLen + 8;
    if (start + size > plain.length || !isAllowedEntryPath(name)) return null;
    out.push({ path: name, bytes: plain.subarray(start, start + size) });
    at = start + size;
  }
  return null;
}
