import crypto from 'node:crypto';
import fs from 'node:fs';
import {
  badgeSigningMessage,
  encodeBadgeCode,
  err,
  eventTagOf,
  ok,
  type BadgeCodeFields,
  type Result,
  type SignatureCheck,
} from '../../contract';
import type { EventFolderLayout } from '../event_folder/layout';

/** An event's badge keys, loaded from its folder. The private key never leaves this object. */
export interface BadgeKeys {
  readonly eventId: string;
  readonly eventTag: Uint8Array;
  /** Checks a signature with the event's public key. */
  readonly verify: SignatureCheck;
  /** Signs a badge and returns its code; `no_key` when this copy of the event has no private key. */
  sign(fields: Omit<BadgeCodeFields, 'eventTag'>): Result<string, 'no_key'>;
  /** The public key as SPKI PEM and as the raw 32 bytes (base64), for export. */
  publicKeyExport(): { spkiPem: string; rawBase64: string };
}

const NO_PUBLIC_KEY =
  "This event's badge key is missing or damaged (keys/badge-signing-key.pub.pem in the event folder). Restore the event folder from a backup: badges cannot be checked without it.";
const NO_PRIVATE_KEY =
  "This copy of the event cannot print badges: its signing key (keys/badge-signing-key.pem) is not here. Print badges on the computer that holds the event's key.";

function readKey<T>(file: string, load: (pem: string) => T): T | null {
  try {
    return load(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/**
 * Loads the event's Ed25519 keys. The public key is required (to check badges); the private
 * key is optional, because a verify-only copy of an event may travel without it.
 */
export function loadBadgeKeys(layout: EventFolderLayout, eventId: string): Result<BadgeKeys, 'no_key'> {
  const publicKey = readKey(layout.badgePublicKey, (pem) => crypto.createPublicKey(pem));
  if (!publicKey || publicKey.asymmetricKeyType !== 'ed25519') return err('no_key', NO_PUBLIC_KEY);
  const privateKey = readKey(layout.badgePrivateKey, (pem) => crypto.createPrivateKey(pem));
  if (privateKey && privateKey.asymmetricKeyType !== 'ed25519') return err('no_key', NO_PRIVATE_KEY);
  const eventTag = eventTagOf(eventId);
  return ok({
    eventId,
    eventTag,
    verify: (message, signature) => crypto.verify(null, message, publicKey, signature),
    sign(fields) {
      if (!privateKey) return err('no_key', NO_PRIVATE_KEY);
      const full = { ...fields, eventTag };
      const signature = crypto.sign(null, badgeSigningMessage(full), privateKey);
      return ok(encodeBadgeCode(full, signature));
    },
    publicKeyExport() {
      const spkiDer = publicKey.export({ type: 'spki', format: 'der' });
      // An Ed25519 SPKI is a fixed 12-byte prefix followed by the 32-byte raw key.
      return {
        spkiPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
        rawBase64: spkiDer.subarray(spkiDer.length - 32).toString('base64'),
      };
    },
  });
}

const cache = new WeakMap<object, Result<BadgeKeys, 'no_key'>>();

/**
 * The keys of an open event, loaded once per opened workspace: signing a batch of a thousand
 * badges must not read the key file a thousand times.
 */
export function badgeKeysFor(workspace: { readonly layout: EventFolderLayout; readonly manifest: { readonly eventId: string } }): Result<BadgeKeys, 'no_key'> {
  let keys = cache.get(workspace);
  if (!keys) {
    keys = loadBadgeKeys(workspace.layout, workspace.manifest.eventId);
    // A failure is not cached: restoring the key file must work without reopening the event.
    if (keys.ok) cache.set(workspace, keys);
  }
  return keys;
}
