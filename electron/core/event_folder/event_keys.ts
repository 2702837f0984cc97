import crypto from 'node:crypto';
import fs from 'node:fs';
import type { EventFolderLayout } from './layout';

/**
 * Creates the event's Ed25519 badge-signing key pair. The private key stays in the event
 * folder (mode 0600) and never crosses the API; the public key may be exported.
 */
export function createEventKeys(layout: EventFolderLayout): void {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
  fs.mkdirSync(layout.keys, { recursive: true, mode: 0o700 });
  fs.writeFileSync(layout.badgePrivateKey, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  fs.writeFileSync(layout.badgePublicKey, publicKey.export({ type: 'spki', format: 'pem' }), { mode: 0o644 });
}
