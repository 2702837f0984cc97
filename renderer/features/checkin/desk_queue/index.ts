/** The offline queue of a LAN desk: scans keep working while the host is unreachable. */
export { OfflineBanner } from './offline_banner';
export { submitThroughDeskQueue, deskQueueFor, useDeskQueueState } from './use_desk_queue';
export { isOfflineOutcome, type DeskQueueState } from './desk_queue';
