import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Certificate and key for HTTPS listeners (PEM). */
export interface TlsMaterial {
  readonly key: string;
  readonly cert: string;
}

const KEY_FILE = 'lan-tls-key.pem';
const CERT_FILE = 'lan-tls-cert.pem';
/** A certificate is replaced this long before it expires, never while an event runs on it. */
const RENEW_BEFORE_MS = 30 * 24 * 3600 * 1000;

/** The names and addresses a LAN certificate must cover. */
function subjectNames(addresses: readonly string[]): { ips: string[]; dns: string[] } {
  return { ips: [...new Set(['127.0.0.1', ...addresses])], dns: ['localhost', `${os.hostname().toLowerCase()}.local`] };
}

/** Whether a stored certificate still fits: not near expiry, and naming every address served. */
function covers(cert: crypto.X509Certificate, addresses: readonly string[], now: Date): boolean {
  if (new Date(cert.validTo).getTime() - now.getTime() < RENEW_BEFORE_MS) return false;
  const san = cert.subjectAltName ?? '';
  return subjectNames(addresses).ips.every((ip) => san.includes(`IP Address:${ip}`));
}

/**
 * The event's own self-signed certificate for the LAN (kept in the event folder's keys/,
 * private key mode 0600). It is reused while it names every address served; when the host
 * gets a new address a new one is made, and devices must trust the new fingerprint.
 */
export async function ensureLanCertificate(keysDir: string, addresses: readonly string[], now = new Date()): Promise<TlsMaterial> {
  const keyPath = path.join(keysDir, KEY_FILE);
  const certPath = path.join(keysDir, CERT_FILE);
  try {
    const stored = { key: fs.readFileSync(keyPath, 'utf8'), cert: fs.readFileSync(certPath, 'utf8') };
    if (covers(new crypto.X509Certificate(stored.cert), addresses, now)) return stored;
  } catch {
    // missing or unreadable: make a new one below
  }
  const names = subjectNames(addresses);
  // Loaded on first use, only when HTTPS is switched on.
  const { default: selfsigned } = await import('selfsigned');
  const made = await selfsigned.generate([{ name: 'commonName', value: 'Delegate Desk host' }, { name: 'organizationName', value: 'Delegate Desk' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(now.getTime() - 24 * 3600 * 1000),
    notAfterDate: new Date(now.getTime() + 398 * 24 * 3600 * 1000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [...names.ips.map((ip) => ({ type: 7 as const, ip })), ...names.dns.map((value) => ({ type: 2 as const, value }))],
      },
    ],
  });
  fs.mkdirSync(keysDir, { recursive: true, mode: 0o700 });
  fs.writeFileSync(keyPath, made.private, { mode: 0o600 });
  fs.writeFileSync(certPath, made.cert, { mode: 0o644 });
  return { key: made.private, cert: made.cert };
}

/** The SHA-256 fingerprint of a certificate as browsers show it (AB:CD:…). */
export function certificateFingerprint(cert: string): string {
  return new crypto.X509Certificate(cert).fingerprint256;
}
