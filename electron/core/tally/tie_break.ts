/**
 * Ties, settled the way the law says: first a priority the law gives (e.g. the elder candidate,
 * Korean art. 188), then a method's own rule (an earlier round, more votes), and last by lot. The
 * lot is a deterministic seeded PRNG (mulberry32) whose seed is in every result, so any draw can be
 * replayed and audited (RCTab issue #170: random tie-breaks need a recorded seed).
 */
import type { TallyStep, TieRule } from './tally_types';

/** A 32-bit seeded PRNG (mulberry32): the same seed gives the same draws on every platform. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A stable default seed from the option ids (FNV-1a), used when the caller gives none. */
export function defaultSeed(options: readonly string[]): number {
  let h = 0x811c9dc5;
  for (const ch of options.join('\u0000')) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Settles ties among option indexes and records each decision as an explanation step. */
export class TieBreaker {
  private readonly random: () => number;
  private readonly priority: Map<number, number>;

  constructor(
    readonly seed: number,
    private readonly options: readonly string[],
    priorityIds: readonly string[] | undefined,
    private readonly steps: TallyStep[],
  ) {
    this.random = seededRandom(seed);
    this.priority = new Map();
    (priorityIds ?? []).forEach((id, rank) => {
      const at = options.indexOf(id);
      if (at >= 0) this.priority.set(at, rank);
    });
  }

  /**
   * Picks one of `tied` (option indexes). `prefer` returns candidates kept by the method's own rule
   * (e.g. the lowest at an earlier round) or null when that rule cannot separate them.
   */
  pick(round: number, tied: readonly number[], methodRule: TieRule | null, prefer: ((among: readonly number[]) => readonly number[] | null) | null): number {
    if (tied.length === 1) return tied[0]!;
    let among = [...tied];
    const record = (chosen: number, rule: TieRule) => {
      this.steps.push({ code: 'tie', round, among: tied.map((i) => this.options[i]!), chosen: this.options[chosen]!, rule });
      return chosen;
    };
    const ranked = among.filter((i) => this.priority.has(i));
    if (ranked.length > 0) {
      ranked.sort((a, b) => this.priority.get(a)! - this.priority.get(b)!);
      return record(ranked[0]!, 'priority');
    }
    if (prefer && methodRule) {
      const kept = prefer(among);
      if (kept && kept.length === 1) return record(kept[0]!, methodRule);
      if (kept && kept.length > 1) among = [...kept];
    }
    // Sorted by id first so the draw depends only on the seed and the tied set, never on input order.
    among.sort((a, b) => (this.options[a]! < this.options[b]! ? -1 : this.options[a]! > this.options[b]! ? 1 : 0));
    const drawn = among[Math.floor(this.random() * among.length)]!;
    return record(drawn, 'lot');
  }

  /** Orders `items` (option indexes) best first by `score`, settling equal scores with `pick`. */
  rank(round: number, items: readonly number[], score: (i: number) => number, methodRule: TieRule | null, prefer: ((among: readonly number[]) => readonly number[] | null) | null): number[] {
    const rest = [...items];
    const out: number[] = [];
    while (rest.length > 0) {
      const best = Math.max(...rest.map(score));
      const tied = rest.filter((i) => score(i) === best);
      const chosen = tied.length === 1 ? tied[0]! : this.pick(round, tied, methodRule, prefer);
      out.push(chosen);
      rest.splice(rest.indexOf(chosen), 1);
    }
    return out;
  }

  /** The best `k` of `items` by `score`; only a tie across the cut is settled (and recorded). */
  top(round: number, items: readonly number[], k: number, score: (i: number) => number, methodRule: TieRule | null, prefer: ((among: readonly number[]) => readonly number[] | null) | null): number[] {
    const order = [...items].sort((a, b) => score(b) - score(a) || a - b);
    if (k >= order.length) return order;
    if (k <= 0) return [];
    const cut = score(order[k - 1]!);
    const above = order.filter((i) => score(i) > cut);
    const tied = order.filter((i) => score(i) === cut);
    const need = k - above.length;
    if (tied.length === need) return [...above, ...tied];
    return [...above, ...this.rank(round, tied, () => 0, methodRule, prefer).slice(0, need)];
  }
}
