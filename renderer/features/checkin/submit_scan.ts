import type { MethodResult, ScanSource } from '../../../electron/contract';
import type { ApiClient } from '../../api/client';
import { submitThroughDeskQueue } from './desk_queue';

/** One scan as the desk screen hands it over: a badge code or a person picked by name. */
export interface ScanRequest {
  /** What the scanner or camera read; or give participantId (name search, the check-out button). */
  readonly code?: string;
  readonly participantId?: number;
  /** null: the event desk; otherwise the session whose door this desk keeps. */
  readonly sessionId: number | null;
  readonly source: ScanSource;
  readonly operator: string;
  readonly action: 'checkin' | 'checkout';
}

const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * A fresh idempotency key for one scan: 22 random characters (132 bits). crypto.getRandomValues
 * works on plain-http LAN pages too, where crypto.randomUUID does not exist.
 */
export function newClientScanId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(22));
  return Array.from(bytes, (b) => ID_CHARS[b & 63]).join('');
}

/**
 * The one way the desk records a scan. Every source (scanner, camera, name search, the
 * check-out button) comes through here, so the offline queue for LAN desks can take over
 * this single function without the screen noticing.
 */
export function submitScan(api: ApiClient, request: ScanRequest): Promise<MethodResult<'checkin.scan'>> {
  const target = request.code !== undefined ? { code: request.code } : { participantId: request.participantId };
  // On a LAN desk the queue answers from its own copy while the host is unreachable (desk_queue).
  return submitThroughDeskQueue(api, {
    ...target,
    sessionId: request.sessionId,
    source: request.source,
    operator: request.operator,
    action: request.action,
    clientScanId: newClientScanId(),
  });
}
