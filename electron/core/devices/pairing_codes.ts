import crypto from 'node:crypto';
import { err, ok, type PairedRole, type Result } from '../../contract';

/** How long a pairing code stays valid: long enough to type it, short enough to be useless later. */
export const PAIRING_CODE_TTL_MS = 2 * 60 * 1000;
/** How many codes may be open at once (pairing a row of tablets, one after another). */
export const MAX_OPEN_CODES = 10;
/** How long a used or expired code is remembered, so that it is refused with the right reason. */
const TOMBSTONE_MS = 30 * 60 * 1000;

/** An open code: what the device that redeems it becomes. */
export interface OpenCode {
  readonly code: string;
  readonly role: PairedRole;
  readonly name: string;
  readonly createdAt: number;
  readonly expiresAt: number;
}

export type RedeemError = 'code_unknown' | 'code_expired' | 'code_used';

type Ended = { code: OpenCode; reason: 'used' | 'cancelled'; at: number };

/**
 * Six-digit pairing codes, held in memory only (a restart voids them all). Each is
 * single-use and expires; the rate limit in front of `redeem` makes guessing hopeless.
 */
export class PairingCodes {
  private readonly open = new Map<string, OpenCode>();
  private readonly ended = new Map<string, Ended>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly ttlMs = PAIRING_CODE_TTL_MS,
  ) {}

  /** Opens a new code for a device of this role and name. */
  create(role: PairedRole, name: string): Result<OpenCode, 'too_many_codes'> {
    this.prune();
    if (this.open.size >= MAX_OPEN_CODES) {
      return err('too_many_codes', `${MAX_OPEN_CODES} pairing codes are open already. Use or cancel one first.`);
    }
    let code: string;
    do {
      code = crypto.randomInt(0, 1_000_000).toString().padStart(6, '0');
    } while (this.open.has(code) || this.ended.has(code));
    const t = this.now();
    const entry: OpenCode = { code, role, name, createdAt: t, expiresAt: t + this.ttlMs };
    this.open.set(code, entry);
    return ok(entry);
  }

  /** The codes still open, oldest first. */
  list(): OpenCode[] {
    this.prune();
    return [...this.open.values()];
  }

  /** Whether an open code already carries this device name (names must tell devices apart). */
  hasName(name: string): boolean {
    const lower = name.toLocaleLowerCase();
    return this.list().some((c) => c.name.toLocaleLowerCase() === lower);
  }

  /** Withdraws one open code, or all of them; returns how many were open. */
  cancel(code?: string): number {
    this.prune();
    const targets = code === undefined ? [...this.open.values()] : [this.open.get(code)].filter((c) => c !== undefined);
    for (const c of targets) this.end(c, 'cancelled');
    return targets.length;
  }

  /** Uses a code up: it works exactly once, before it expires. */
  redeem(code: string): Result<OpenCode, RedeemError> {
    this.prune();
    const entry = this.open.get(code);
    if (entry) {
      this.end(entry, 'used');
      return ok(entry);
    }
    const ended = this.ended.get(code);
    if (ended?.reason === 'used') {
      return err('code_used', 'This pairing code has been used already. Ask staff on the host for a new code.');
    }
    if (ended) {
      return err('code_expired', 'This pairing code is no longer valid (it expired or was withdrawn). Ask staff on the host for a new code.');
    }
    return err('code_unknown', 'That code is not right. Check the 6 digits on the host screen and try again.');
  }

  private end(entry: OpenCode, reason: Ended['reason']): void {
    this.open.delete(entry.code);
    this.ended.set(entry.code, { code: entry, reason, at: this.now() });
  }

  /** Moves expired codes to the remembered ones, and forgets remembered ones after a while. */
  private prune(): void {
    const t = this.now();
    for (const entry of this.open.values()) {
      if (entry.expiresAt <= t) {
        this.open.delete(entry.code);
        this.ended.set(entry.code, { code: entry, reason: 'cancelled', at: entry.expiresAt });
      }
    }
    for (const [code, e] of this.ended) if (t - e.at > TOMBSTONE_MS) this.ended.delete(code);
  }
}
