/**
 * A desk's offline scans arriving at the host. The batch is applied in one transaction (all or
 * nothing: a crash mid-batch leaves the desk's queue to be sent again) and in the order the
 * scans happened, so the log reads like the day did; answers come back in the desk's order.
 * Replays (a clientScanId already recorded) answer the stored outcome and write nothing.
 */
import { ok, type Result, type ScanOutcome } from '../../contract';
import type { Db } from '../db/connection';
import { recordScan, type ScanContext, type ScanRequest } from './scan_service';

/** Applies offline scans; a scan naming a session that no longer exists is logged at the event desk. */
export function syncOfflineScans(
  db: Db,
  scans: ReadonlyArray<Omit<ScanRequest, 'action'> & { scannedAt: string }>,
  ctx: ScanContext,
): Result<{ outcomes: ScanOutcome[]; recorded: number }, 'no_key'> {
  return db.transaction((): Result<{ outcomes: ScanOutcome[]; recorded: number }, 'no_key'> => {
    const order = scans.map((s, i) => ({ s, i })).sort((a, b) => (a.s.scannedAt < b.s.scannedAt ? -1 : a.s.scannedAt > b.s.scannedAt ? 1 : a.i - b.i));
    const outcomes: ScanOutcome[] = new Array<ScanOutcome>(scans.length);
    let recorded = 0;
    for (const { s, i } of order) {
      let result = recordScan(db, { ...s, action: 'checkin' }, ctx);
      // The session was deleted while the desk was offline: the scan still happened, so it is
      // kept as an arrival at the event rather than lost.
      if (!result.ok && result.error.code === 'not_found') result = recordScan(db, { ...s, sessionId: null, action: 'checkin' }, ctx);
      if (!result.ok) {
        if (result.error.code === 'no_key') return result as Result<never, 'no_key'>;
        throw new Error(result.error.message);
      }
      if (!result.value.replay) recorded++;
      outcomes[i] = result.value;
    }
    return ok({ outcomes, recorded });
  }).immediate();
}
