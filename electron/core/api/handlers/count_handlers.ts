import { err, ok, type COUNT_METHODS, type Result } from '../../../contract';
import { announce, buildCountReport, controlShow, countArchive, countView, judgePaper, listCounts, loadBallots, recount, signOff, startCount } from '../../count';
import type { Db } from '../../db/connection';
import { ExportChunks } from '../../participants';
import type { FeatureHandlers, HandlerContext } from './handler_kit';

type CountMethod = keyof typeof COUNT_METHODS;

const NO_EVENT = 'No event is open. Open or create an event first.';

/**
 * The count's methods. Every change pushes `count.changed` {roundId}: the projector and the
 * presenter's remote re-read the view and follow the show. Roles are in the contract.
 */
export function countHandlers({ session }: HandlerContext): FeatureHandlers<CountMethod> {
  const now = () => new Date().toISOString();
  // Built reports wait here for their chunks, like the participant and attendance exports.
  const reports = new ExportChunks();
  const withDb = <T, E extends string>(work: (db: Db) => Result<T, E>): Result<T, E | 'no_event'> => {
    const ws = session.current;
    return ws ? work(ws.db) : err('no_event', NO_EVENT);
  };
  const changing = <T, E extends string>(roundId: number, work: (db: Db) => Result<T, E>): Result<T, E | 'no_event'> => {
    const result = withDb(work);
    if (result.ok) session.bus.publish('count.changed', { roundId });
    return result;
  };
  return {
    'count.start': ({ roundId }) => changing(roundId, (db) => startCount(db, roundId, now())),
    'count.view': ({ roundId }) => withDb((db) => countView(db, roundId)),
    'count.control': ({ roundId, control }) => changing(roundId, (db) => controlShow(db, roundId, control, new Date())),
    'count.judge': ({ roundId, paperId, verdict }) => changing(roundId, (db) => judgePaper(db, roundId, paperId, verdict)),
    'count.signOff': ({ roundId, name }) => changing(roundId, (db) => signOff(db, roundId, name, now())),
    'count.announce': ({ roundId }) => changing(roundId, (db) => announce(db, roundId, now())),
    'count.recount': ({ roundId, contestId, method, seats, thresholdPercent }) =>
      changing(roundId, (db) => recount(db, roundId, contestId, method === null ? null : { method, seats, thresholdPercent })),
    'count.loadBallots': ({ roundId, title, csv, method, seats, thresholdPercent }) => changing(roundId, (db) => loadBallots(db, roundId, { title, csv, method, seats, thresholdPercent })),
    'count.list': () => withDb((db) => ({ ok: true as const, value: listCounts(db) })),
    'count.archive': ({ roundId }) => withDb((db) => countArchive(db, roundId)),
    'count.report': async ({ roundId, format }) => {
      const ws = session.current;
      if (!ws) return err('no_event', NO_EVENT);
      const built = await buildCountReport(ws.db, { roundId, format }, ws.info(), new Date());
      if (!built.ok) return built;
      const { exportId, chunkCount } = reports.put(built.value.bytes);
      const { fileName, mimeType, rowCount, bytes } = built.value;
      return ok({ exportId, chunkCount, fileName, mimeType, byteLength: bytes.length, rowCount });
    },
    'count.reportChunk': ({ exportId, index }) => reports.chunk(exportId, index),
  };
}
