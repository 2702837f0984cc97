import type { CallerRole } from '../../contract';

/** Who made a call and how; handlers see it, the dispatcher checks its role. */
export interface Caller {
  readonly role: CallerRole;
  readonly transport: 'ipc' | 'http' | 'cli' | 'test';
  readonly deviceId?: string;
  /** The network address an HTTP call came from (pairing attempts are rate-limited by it). */
  readonly address?: string;
}
