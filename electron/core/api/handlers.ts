import type { ApiHandlers } from './dispatch';
import { eventHandlers } from './handlers/event_handlers';
import type { HandlerContext } from './handlers/handler_kit';
import { participantHandlers } from './handlers/participant_handlers';
import { programmeHandlers } from './handlers/programme_handlers';
import { deviceHandlers } from './handlers/device_handlers';
import { badgeHandlers } from './handlers/badge_handlers';
import { importHandlers } from './handlers/import_handlers';
import { checkinHandlers } from './handlers/checkin_handlers';
import { votingHandlers } from './handlers/voting_handlers';
import { backupHandlers } from './handlers/backup_handlers';
import { photoHandlers } from './handlers/photo_handlers';
import { countHandlers } from './handlers/count_handlers';
import type { BadgeRenderer } from '../badges';
import { DeviceService } from '../devices/device_service';
import type { HostSession } from './host_session';

/** The running build's version, shown by `health` and the about box. */
export interface BuildInfo {
  readonly version: string;
}

/**
 * Builds every method's implementation over the host session. Each feature contributes its
 * slice; `satisfies ApiHandlers` makes a missing method, or one drifting from the contract,
 * a type error. A new feature adds one line here.
 */
export function buildHandlers(
  session: HostSession,
  build: BuildInfo,
  devices = new DeviceService({ db: () => session.current?.db ?? null, publish: () => undefined }),
  /** The Chromium badge batches print through; none means PDFs are unavailable here. */
  badgeRenderer: BadgeRenderer | null = null,
): ApiHandlers {
  const context: HandlerContext = { session, build };
  return {
    ...eventHandlers(context),
    ...participantHandlers(context),
    ...programmeHandlers(context),
    ...deviceHandlers(devices),
    ...badgeHandlers(context, badgeRenderer),
    ...importHandlers(context),
    ...checkinHandlers(context),
    ...votingHandlers(context, (id) => devices.presence.count(id) > 0),
    ...backupHandlers(context),
    ...photoHandlers(context),
    ...countHandlers(context),
  } satisfies ApiHandlers;
}
