/** How many failures a key may have within a window before it is blocked. */
export interface LimitRule {
  readonly max: number;
  readonly windowMs: number;
}

/** The verdict for one attempt: go ahead, or wait this long. */
export type LimitVerdict = { allowed: true } | { allowed: false; retryAfterMs: number };

/**
 * Counts failed attempts per client address and across all clients, in sliding windows.
 * A blocked caller is refused before its guess is even looked at, so a right guess made
 * while blocked does not succeed either. Successes do not count.
 */
export class AttemptLimiter {
  private readonly perKey = new Map<string, number[]>();
  private global: number[] = [];

  constructor(
    private readonly perClient: LimitRule,
    private readonly overall: LimitRule,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether `key` may try now. */
  check(key: string): LimitVerdict {
    const t = this.now();
    const mine = this.recent(this.perKey.get(key) ?? [], this.perClient, t);
    this.global = this.recent(this.global, this.overall, t);
    if (mine.length) this.perKey.set(key, mine);
    else this.perKey.delete(key);
    const waitMine = mine.length >= this.perClient.max ? (mine[mine.length - this.perClient.max] ?? t) + this.perClient.windowMs - t : 0;
    const waitAll = this.global.length >= this.overall.max ? (this.global[this.global.length - this.overall.max] ?? t) + this.overall.windowMs - t : 0;
    const wait = Math.max(waitMine, waitAll);
    return wait > 0 ? { allowed: false, retryAfterMs: wait } : { allowed: true };
  }

  /** Records a failed attempt by `key`. */
  fail(key: string): void {
    const t = this.now();
    this.perKey.set(key, [...this.recent(this.perKey.get(key) ?? [], this.perClient, t), t]);
    this.global.push(t);
    // Memory stays bounded however many addresses an attacker uses: old keys are swept.
    if (this.perKey.size > 10_000) this.sweep(t);
  }

  private recent(times: number[], rule: LimitRule, t: number): number[] {
    return times.filter((x) => t - x < rule.windowMs);
  }

  private sweep(t: number): void {
    for (const [key, times] of this.perKey) {
      const kept = this.recent(times, this.perClient, t);
      if (kept.length) this.perKey.set(key, kept);
      else this.perKey.delete(key);
    }
  }
}
