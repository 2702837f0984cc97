/**
 * A desk that loses the host keeps working (issue 6, part 6). Scans go to the host while it
 * answers; when it does not (a refused connection, or no answer within a few seconds on a Wi-Fi
 * that drops packets), the desk decides from its own copy of the event, shows that answer at
 * once, and queues the scan durably with its idempotency key and the time it happened. A probe
 * notices the host coming back; the queue is then sent with `checkin.sync` (earliest first, in
 * batches) and removed only once the host acknowledged it, so a sync cut off half-way is simply
 * sent again: the host records each clientScanId once, the earliest scan wins, and every scan
 * stays in its log (pretixSCAN's model, domain-checkin §2.1).
 *
 * Policy choices:
 * - While scans are queued, new scans join the queue after a failed flush: the host must see
 *   them in the order they happened, and the desk never waits on a host it knows is away.
 * - Check-outs are not queued: the contract's offline scan is a check-in; a check-out needs
 *   the host (the desk says so).
 * - Scans are only ever sent to the event the desk's copy belongs to; if the host has another
 *   event open, they stay queued and the banner says why.
 */
import {
  err,
  MAX_SYNC_BATCH,
  ok,
  OfflineScanSchema,
  type DeskSnapshot,
  type MethodErrorCode,
  type MethodInput,
  type MethodName,
  type MethodResult,
  type Result,
  type ScanOutcome,
} from '../../../../electron/contract';
import type { DeskStorage, QueuedScan } from './desk_storage';
import { decideOffline, offlineOutcome, snapshotCheckIns, type EarlierCheckIn } from './offline_decision';

/** The one API function the queue needs (the app's ApiClient.call). */
export type ApiCall = <M extends MethodName>(method: M, input: MethodInput<M>) => Promise<MethodResult<M>>;

/** A scan's answer: the host's, or the desk's own while the host is away ('offline': neither could answer). */
export type DeskScanResult = Result<ScanOutcome, MethodErrorCode<'checkin.scan'> | 'offline'>;

/** What the offline banner shows. */
export interface DeskQueueState {
  /** The host did not answer the last call; the desk is deciding scans itself. */
  readonly offline: boolean;
  /** Scans waiting to be sent. */
  readonly pending: number;
  readonly syncing: boolean;
  /** When the host made the desk's copy of the event (ISO), or null if the desk has none. */
  readonly copyTakenAt: string | null;
  /** Whether the queue survives a reload (IndexedDB) or lives in this page only. */
  readonly durable: boolean;
  /** Why the last sync stopped, when it was not just the host being away. */
  readonly problem: 'other_event' | 'refused' | null;
  readonly problemMessage: string | null;
}

/** The desk's queue: submit scans through it; the banner follows its state. */
export interface DeskQueue {
  state(): DeskQueueState;
  subscribe(listener: (state: DeskQueueState) => void): () => void;
  /** `checkin.scan`, with the offline path: the same answer shape either way. */
  scan(input: MethodInput<'checkin.scan'>): Promise<DeskScanResult>;
  /** Sends what is queued, if the host answers. Safe to call at any time, any number of times. */
  sync(): Promise<void>;
  /** Refreshes the desk's copy of the event from the host. */
  refreshCopy(): Promise<void>;
  /** Asks the host whether it is back (a cheap call), and syncs if so. */
  probe(): Promise<void>;
  /** Stops the probe timer. */
  dispose(): void;
}

/** Options; the defaults suit a desk on venue Wi-Fi. */
export interface DeskQueueOptions {
  readonly call: ApiCall;
  readonly storage: Promise<DeskStorage>;
  readonly now?: () => Date;
  /** How long a scan waits for the host before the desk answers itself. */
  readonly answerTimeoutMs?: number;
  /** How often an offline desk asks whether the host is back. */
  readonly probeEveryMs?: number;
  /** The name "already checked in" shows for check-ins made on this desk while offline. */
  readonly thisDeskName?: string;
}

/** Outcomes decided on the desk carry a negative scanId: no row exists at the host yet. */
export function isOfflineOutcome(outcome: ScanOutcome): boolean {
  return outcome.scanId < 0;
}

const TIMED_OUT = Symbol('timed out');

/** Builds a desk queue over a store (IndexedDB in the browser, memory in tests). */
export function createDeskQueue(options: DeskQueueOptions): DeskQueue {
  const { call } = options;
  const now = options.now ?? (() => new Date());
  const answerTimeoutMs = options.answerTimeoutMs ?? 4000;
  const probeEveryMs = options.probeEveryMs ?? 3000;
  const listeners = new Set<(state: DeskQueueState) => void>();
  let current: DeskQueueState = { offline: false, pending: 0, syncing: false, copyTakenAt: null, durable: false, problem: null, problemMessage: null };
  let copy: DeskSnapshot | null = null;
  let queued: QueuedScan[] = [];
  // Check-ins this desk saw the host accept since its copy was made (the copy lags behind).
  let recentOnline: EarlierCheckIn[] = [];
  let syncing: Promise<void> | null = null;
  let probeTimer: ReturnType<typeof setInterval> | null = null;
  let offlineSeq = 0;
  let disposed = false;

  const ready = options.storage.then(async (storage) => {
    copy = await storage.readSnapshot();
    queued = copy ? await storage.pendingScans(copy.eventId) : [];
    set({ durable: storage.durable, pending: await storage.countPending(), copyTakenAt: copy?.takenAt ?? null });
    return storage;
  });

  function set(patch: Partial<DeskQueueState>) {
    current = { ...current, ...patch };
    listeners.forEach((l) => l(current));
  }

  function markOffline(offline: boolean) {
    if (offline === current.offline) return;
    set({ offline });
    if (offline && !probeTimer && !disposed) probeTimer = setInterval(() => void probe(), probeEveryMs);
    if (!offline && probeTimer) {
      clearInterval(probeTimer);
      probeTimer = null;
    }
  }

  /** A call that gives up after the answer timeout: a dropped Wi-Fi must not freeze the desk. */
  async function timed<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodResult<M> | typeof TIMED_OUT> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<typeof TIMED_OUT>((resolve) => (timer = setTimeout(() => resolve(TIMED_OUT), answerTimeoutMs)));
    try {
      return await Promise.race([call(method, input), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  // The HTTP transport answers 'offline' when fetch itself failed (nothing reached the host).
  const reachedHost = <T extends MethodResult<MethodName>>(r: T | typeof TIMED_OUT): r is T =>
    r !== TIMED_OUT && (r.ok || (r.error.code as string) !== 'offline');

  async function refreshCopy(): Promise<void> {
    const storage = await ready;
    const r = await timed('checkin.snapshot', {});
    if (!reachedHost(r)) return markOffline(true);
    if (!r.ok) return; // no event or no key yet: the desk keeps the copy it has
    // A new copy is fresher than what was checked in here online before it was made.
    copy = r.value;
    recentOnline = recentOnline.filter((c) => c.at > r.value.takenAt);
    queued = await storage.pendingScans(r.value.eventId);
    await storage.writeSnapshot(r.value);
    set({ copyTakenAt: r.value.takenAt });
  }

  async function runSync(): Promise<void> {
    const storage = await ready;
    const health = await timed('health', {});
    if (!reachedHost(health)) return markOffline(true);
    markOffline(false);
    const eventId = copy?.eventId;
    if (!eventId) return refreshCopy();
    if (health.ok && health.value.event?.id !== eventId) {
      if ((await storage.countPending()) > 0) {
        set({ problem: 'other_event', problemMessage: 'The host has another event open; the scans queued here are kept for their own event.' });
      }
      return refreshCopy();
    }
    for (;;) {
      const batch = (await storage.pendingScans(eventId)).slice(0, MAX_SYNC_BATCH);
      if (batch.length === 0) break;
      const r = await timed('checkin.sync', { scans: batch.map((q) => q.scan) });
      if (!reachedHost(r)) return markOffline(true);
      if (!r.ok) {
        // Kept, never dropped: a refusal is shown and the next sync tries again.
        set({ problem: 'refused', problemMessage: r.error.message });
        return;
      }
      // Only what the host acknowledged leaves the queue; a cut-off call is simply resent.
      await storage.removeScans(batch.map((q) => q.scan.clientScanId));
      set({ pending: await storage.countPending(), problem: null, problemMessage: null });
    }
    queued = [];
    set({ pending: await storage.countPending() });
    await refreshCopy();
  }

  function sync(): Promise<void> {
    if (!syncing) {
      set({ syncing: true });
      syncing = runSync().finally(() => {
        syncing = null;
        set({ syncing: false });
      });
    }
    return syncing;
  }

  async function probe(): Promise<void> {
    if (syncing) return syncing;
    return sync();
  }

  async function scanOffline(input: MethodInput<'checkin.scan'>): Promise<DeskScanResult> {
    const storage = await ready;
    if (!copy) {
      return err('offline', 'The host cannot be reached, and this desk has no copy of the participants yet: it needs the host once before it can check people in on its own.');
    }
    if (input.action === 'checkout') return err('offline', 'Checking out needs the host: try again when the connection is back.');
    const scannedAt = now().toISOString();
    const sessionId = input.sessionId ?? null;
    const earlier = [
      ...snapshotCheckIns(copy),
      ...recentOnline,
      ...queued.filter((q) => q.result === 'welcome' && q.participantId !== null).map((q) => ({ participantId: q.participantId ?? 0, sessionId: q.scan.sessionId, at: q.scan.scannedAt, where: null })),
    ];
    const target = input.code !== undefined ? { code: input.code } : { participantId: input.participantId ?? 0 };
    const decision = decideOffline(target, copy, earlier, sessionId);
    const scan = OfflineScanSchema.parse({ ...target, sessionId, source: input.source, operator: input.operator ?? '', clientScanId: input.clientScanId, scannedAt });
    const entry: QueuedScan = { eventId: copy.eventId, scan, participantId: decision.participantId, result: decision.result };
    // On disk before the desk answers: an answered scan is never lost.
    await storage.addScan(entry);
    queued = [...queued.filter((q) => q.scan.clientScanId !== scan.clientScanId), entry];
    set({ pending: await storage.countPending() });
    return ok(offlineOutcome(decision, copy, { clientScanId: input.clientScanId, sessionId, scannedAt, scanId: -++offlineSeq, thisDeskName: options.thisDeskName ?? '' }));
  }

  async function scan(input: MethodInput<'checkin.scan'>): Promise<DeskScanResult> {
    await ready;
    if (!current.offline && current.pending > 0 && input.action !== 'checkout') await sync();
    if (!current.offline || input.action === 'checkout') {
      const r = await timed('checkin.scan', input);
      if (reachedHost(r)) {
        if (r.ok && r.value.result === 'welcome' && r.value.checkIn) {
          recentOnline.push({ participantId: r.value.person?.participantId ?? 0, sessionId: r.value.sessionId, at: r.value.checkIn.at, where: r.value.checkIn.deskName });
        }
        return r;
      }
      markOffline(true);
      if (input.action === 'checkout') return err('offline', 'Checking out needs the host: try again when the connection is back.');
    }
    // Same clientScanId as the call that may have reached the host: a sync of it is a replay.
    return scanOffline(input);
  }

  return {
    state: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    scan,
    sync,
    refreshCopy,
    probe,
    dispose() {
      disposed = true;
      if (probeTimer) clearInterval(probeTimer);
      probeTimer = null;
    },
  };
}
