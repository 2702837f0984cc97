import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { DeskSnapshot } from '../../../../electron/contract';
import { byScanTime, type DeskStorage, type QueuedScan } from './desk_storage';

const DB_NAME = 'delegate-desk.desk-queue';
const DB_VERSION = 1;

interface QueueRow extends QueuedScan {
  /** The key path: the scan's idempotency key. */
  readonly id: string;
}

interface DeskDb extends DBSchema {
  scans: { key: string; value: QueueRow; indexes: { byEvent: string } };
  snapshot: { key: string; value: { key: 'current'; snapshot: DeskSnapshot } };
}

/**
 * The desk's store in IndexedDB: queued scans keyed by their idempotency key (re-adding is
 * harmless) and indexed by event, and one record holding the copy of the event. Writes use
 * 'strict' durability: the browser reports them done only once they are flushed to disk, so a
 * scan the desk has answered survives a crash or a pulled plug.
 */
export async function openIdbStorage(): Promise<DeskStorage> {
  const db: IDBPDatabase<DeskDb> = await openDB<DeskDb>(DB_NAME, DB_VERSION, {
    upgrade(database) {
      const scans = database.createObjectStore('scans', { keyPath: 'id' });
      scans.createIndex('byEvent', 'eventId');
      database.createObjectStore('snapshot', { keyPath: 'key' });
    },
  });
  return {
    durable: true,
    async addScan(queued) {
      const tx = db.transaction('scans', 'readwrite', { durability: 'strict' });
      await Promise.all([tx.store.put({ ...queued, id: queued.scan.clientScanId }), tx.done]);
    },
    async pendingScans(eventId) {
      const rows = await db.getAllFromIndex('scans', 'byEvent', eventId);
      return rows.map(({ id: _id, ...queued }) => queued).sort(byScanTime);
    },
    countPending: () => db.count('scans'),
    async removeScans(ids) {
      const tx = db.transaction('scans', 'readwrite', { durability: 'strict' });
      await Promise.all([...ids.map((id) => tx.store.delete(id)), tx.done]);
    },
    async readSnapshot() {
      const row = await db.get('snapshot', 'current');
      return row?.snapshot ?? null;
    },
    async writeSnapshot(snapshot) {
      const tx = db.transaction('snapshot', 'readwrite');
      await Promise.all([tx.store.put({ key: 'current', snapshot }), tx.done]);
    },
  };
}
