/**
 * Group commit for check-in writes. With synchronous=FULL every COMMIT waits for an fsync
 * (several ms on an ordinary disk), so twenty desks scanning at once would queue behind twenty
 * fsyncs. Instead, writes that arrive while the event loop is busy are collected and flushed
 * on the next `setImmediate` in ONE IMMEDIATE transaction (one fsync), each in its own
 * savepoint, in arrival order. So:
 * - each write sees every write queued before it, exactly as if they had run one by one
 *   (the same badge at two desks in one batch: one welcome, one "already");
 * - a write that throws is rolled back to its savepoint and only its caller hears the error;
 * - nobody is answered before the COMMIT has returned: the promises settle after it, and if
 *   the COMMIT itself fails every caller in the batch hears the error (nothing was kept).
 * A single call is simply a batch of one (one extra turn of the event loop).
 */
import type { Db } from '../db/connection';

/** The most writes one transaction carries; more wait for the next flush (bounded latency). */
export const MAX_GROUP = 64;

/** Thrown to a waiting caller when its event was closed before the batch ran. */
export class EventClosedError extends Error {
  constructor() {
    super('The event was closed before this write was recorded.');
    this.name = 'EventClosedError';
  }
}

interface Pending {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** How the batches went so far (tests and diagnostics). */
export interface GroupCommitStats {
  /** Transactions committed (each one fsync). */
  commits: number;
  /** Writes that ran in them (including ones that threw and were rolled back). */
  writes: number;
  /** The largest batch so far. */
  largest: number;
}

/** One connection's queue of writes waiting for the next shared commit. */
export class GroupCommit {
  private readonly queue: Pending[] = [];
  private scheduled = false;
  private readonly counts: GroupCommitStats = { commits: 0, writes: 0, largest: 0 };

  constructor(
    private readonly db: Db,
    private readonly maxGroup = MAX_GROUP,
  ) {}

  /** Queues `work` (synchronous SQLite work) and resolves with its value once it is committed. */
  run<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      this.schedule();
    });
  }

  /** A copy of the counters. */
  stats(): GroupCommitStats {
    return { ...this.counts };
  }

  private schedule(): void {
    if (this.scheduled || this.queue.length === 0) return;
    this.scheduled = true;
    // setImmediate runs after the poll phase: every request already readable has been parsed
    // and queued by then, which is what makes concurrent scans share a commit.
    setImmediate(() => {
      this.scheduled = false;
      this.flush();
      this.schedule();
    });
  }

  private flush(): void {
    const batch = this.queue.splice(0, this.maxGroup);
    if (batch.length === 0) return;
    if (!this.db.open) {
      for (const p of batch) p.reject(new EventClosedError());
      return;
    }
    const settled: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
    try {
      this.db
        .transaction(() => {
          for (const p of batch) {
            // A failure SQLite answers by rolling back the whole transaction (disk full, I/O)
            // must not let the next write run, and commit, on its own outside the batch.
            if (!this.db.inTransaction) throw new Error('the shared transaction was rolled back by SQLite');
            try {
              settled.push({ ok: true, value: this.db.transaction(p.work)() });
            } catch (error) {
              settled.push({ ok: false, error });
            }
          }
        })
        .immediate();
    } catch (error) {
      // BEGIN or COMMIT failed: none of the batch is durable, so nobody is told it is.
      for (const p of batch) p.reject(error);
      return;
    }
    this.counts.commits += 1;
    this.counts.writes += batch.length;
    this.counts.largest = Math.max(this.counts.largest, batch.length);
    batch.forEach((p, i) => {
      const s = settled[i];
      if (s?.ok) p.resolve(s.value);
      else p.reject(s ? s.error : new Error('a grouped write was not run'));
    });
  }
}

const groups = new WeakMap<Db, GroupCommit>();

/** The group-commit queue of a connection (one per open event database). */
export function groupCommitFor(db: Db): GroupCommit {
  let group = groups.get(db);
  if (!group) {
    group = new GroupCommit(db);
    groups.set(db, group);
  }
  return group;
}
