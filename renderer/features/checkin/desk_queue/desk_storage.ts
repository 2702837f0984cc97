/**
 * Where a desk keeps what it needs to go on without the host: the queue of scans the host has
 * not acknowledged yet, and its copy of the event (`checkin.snapshot`: people, badge serials,
 * the public key). The queue is behind an interface so its logic is tested with the in-memory
 * store; the browser uses IndexedDB (idb_storage.ts), which survives a reload, a crash and a
 * closed laptop lid.
 */
import type { DeskSnapshot, OfflineScan, ScanResult } from '../../../../electron/contract';

/** One scan made without the host, waiting to be sent with `checkin.sync`. */
export interface QueuedScan {
  /** The event the desk's copy belonged to: a scan is only ever sent to that event. */
  readonly eventId: string;
  /** What goes to the host, exactly (its clientScanId is the idempotency key). */
  readonly scan: OfflineScan;
  /** Who it is, when the desk could tell (for "already here" on this desk). */
  readonly participantId: number | null;
  /** What the desk showed. */
  readonly result: ScanResult;
}

/** The desk's durable store. Every method is atomic on its own. */
export interface DeskStorage {
  /** Whether what it holds survives a reload (IndexedDB) or only this page (memory). */
  readonly durable: boolean;
  addScan(scan: QueuedScan): Promise<void>;
  /** Scans of an event still to send, earliest first. */
  pendingScans(eventId: string): Promise<QueuedScan[]>;
  /** Every scan still to send, of any event. */
  countPending(): Promise<number>;
  removeScans(clientScanIds: readonly string[]): Promise<void>;
  readSnapshot(): Promise<DeskSnapshot | null>;
  writeSnapshot(snapshot: DeskSnapshot): Promise<void>;
}

/** Earliest first; equal times keep a stable order by key. */
export function byScanTime(a: QueuedScan, b: QueuedScan): number {
  return a.scan.scannedAt.localeCompare(b.scan.scannedAt) || a.scan.clientScanId.localeCompare(b.scan.clientScanId);
}

/** A store that lives as long as the page: for tests, and where IndexedDB is refused. */
export function createMemoryStorage(): DeskStorage {
  const scans = new Map<string, QueuedScan>();
  let snapshot: DeskSnapshot | null = null;
  return {
    durable: false,
    addScan: (queued) => {
      // Adding the same scan twice keeps one: the key is its identity.
      scans.set(queued.scan.clientScanId, queued);
      return Promise.resolve();
    },
    pendingScans: (eventId) => Promise.resolve([...scans.values()].filter((s) => s.eventId === eventId).sort(byScanTime)),
    countPending: () => Promise.resolve(scans.size),
    removeScans: (ids) => {
      ids.forEach((id) => scans.delete(id));
      return Promise.resolve();
    },
    readSnapshot: () => Promise.resolve(snapshot),
    writeSnapshot: (next) => {
      snapshot = next;
      return Promise.resolve();
    },
  };
}
