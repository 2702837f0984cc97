import { BADGE_CODE_PREFIX, err, ok, type BadgeFilter, type BadgeTemplate, type Result } from '../../../contract';
import {
  badgeBatchFileName,
  badgeKeysFor,
  BadgePrintJobs,
  buildBadgeItems,
  getBadgeDesign,
  listBadgeStatus,
  recordBadgeIssues,
  saveBadgeDesign,
  selectBadgeRows,
  verifyBadge,
  type BadgeKeys,
  type BadgeRenderer,
  type BadgeRow,
} from '../../badges';
import type { EventWorkspace } from '../../workspace/event_workspace';
import type { HostSession } from '../host_session';
import { withEvent, type FeatureHandlers, type HandlerContext } from './handler_kit';

type BadgeMethod =
  | 'badges.design'
  | 'badges.saveDesign'
  | 'badges.list'
  | 'badges.preview'
  | 'badges.printStart'
  | 'badges.printStatus'
  | 'badges.printCancel'
  | 'badges.printPdf'
  | 'badges.printSheet'
  | 'badges.printReport'
  | 'badges.verify'
  | 'badges.publicKey';

const NO_EVENT = 'No event is open. Open or create an event first.';

/** The open event with its badge keys, or the reason there are none. */
function withKeys(session: HostSession): Result<{ ws: EventWorkspace; keys: BadgeKeys }, 'no_event' | 'no_key'> {
  const ws = session.current;
  if (!ws) return err('no_event', NO_EVENT);
  const keys = badgeKeysFor(ws);
  return keys.ok ? ok({ ws, keys: keys.value }) : keys;
}

/** The heading badges print for the event. */
function badgeEvent(ws: EventWorkspace) {
  const info = ws.info();
  return { name: info.name, startDate: info.startDate, endDate: info.endDate, city: info.city };
}

/** What a batch is called in its file name: the one person, the delegation, the category, or all. */
function batchLabel(filter: BadgeFilter, rows: readonly BadgeRow[]): string {
  const first = rows[0];
  if (filter.participantIds?.length === 1 && first) return first.displayName;
  if (filter.delegationId !== undefined && first?.delegationName) return first.delegationName;
  if (filter.categoryCode !== undefined) return filter.categoryCode;
  return filter.notPrinted ? 'new' : 'all';
}

/** Why a batch is empty, in words that say what to change. */
function emptyMessage(filter: BadgeFilter): string {
  return filter.notPrinted
    ? 'Everyone in this selection already has a printed badge. To reprint, turn off "not yet printed".'
    : 'Nobody registered matches this selection: choose another delegation, category or person.';
}

/**
 * Badge design, batches, verification and the public key. The batches share one job list per
 * host, and print through the renderer this runtime was given (none: PDFs are unavailable).
 */
export function badgeHandlers({ session }: HandlerContext, renderer: BadgeRenderer | null): FeatureHandlers<BadgeMethod> {
  const jobs = new BadgePrintJobs({ renderer });

  return {
    'badges.design': () => withEvent(session, (db) => ({ design: getBadgeDesign(db), outputs: jobs.outputs() })),
    'badges.saveDesign': (design) => withEvent(session, (db) => saveBadgeDesign(db, design, new Date().toISOString())),
    'badges.list': ({ filter, limit, offset }) => withEvent(session, (db) => listBadgeStatus(db, filter, { limit, offset })),
    'badges.preview': ({ participantIds }) => {
      const open = withKeys(session);
      if (!open.ok) return open;
      const { ws, keys } = open.value;
      const rows = selectBadgeRows(ws.db, { participantIds, notPrinted: false });
      const items = buildBadgeItems(ws.db, keys, rows);
      return items.ok ? ok({ event: badgeEvent(ws), items: items.value }) : items;
    },
    'badges.printStart': ({ filter, template, output }) => {
      const open = withKeys(session);
      if (!open.ok) return open;
      const { ws, keys } = open.value;
      const rows = selectBadgeRows(ws.db, filter);
      if (rows.length === 0) return err('empty_selection', emptyMessage(filter));
      const items = buildBadgeItems(ws.db, keys, rows);
      if (!items.ok) return items;
      const design = getBadgeDesign(ws.db);
      const format: BadgeTemplate = template ?? design.template;
      const issues = items.value.map(({ participantId, serial }) => ({ participantId, serial }));
      return jobs.start({
        sheet: { event: badgeEvent(ws), design: { ...design, template: format }, items: items.value },
        template: format,
        output,
        fileName: badgeBatchFileName(batchLabel(filter, rows), format, new Date()),
        reprints: rows.filter((r) => r.serial !== null).length,
        commit: (printedAt) => {
          // The batch belongs to the event it was started in; if the host switched events
          // meanwhile, recording into the new one would be wrong.
          if (session.current !== ws) return false;
          recordBadgeIssues(ws.db, issues, format, printedAt);
          return true;
        },
      });
    },
    'badges.printStatus': ({ jobId }) => jobs.status(jobId),
    'badges.printCancel': ({ jobId }) => jobs.cancel(jobId),
    'badges.printPdf': ({ jobId, offset }) => jobs.pdfChunk(jobId, offset),
    'badges.printSheet': ({ jobId }) => jobs.sheet(jobId),
    'badges.printReport': (input) => jobs.report(input),
    'badges.verify': ({ code }) => {
      const open = withKeys(session);
      if (!open.ok) return open;
      const { ws, keys } = open.value;
      return ok(verifyBadge(ws.db, keys, code, ws.info().timezone));
    },
    'badges.publicKey': () => {
      const open = withKeys(session);
      if (!open.ok) return open;
      const { keys } = open.value;
      return ok({
        algorithm: 'Ed25519' as const,
        eventId: keys.eventId,
        eventTag: Buffer.from(keys.eventTag).toString('hex'),
        codePrefix: BADGE_CODE_PREFIX,
        ...keys.publicKeyExport(),
      });
    },
  };
}
