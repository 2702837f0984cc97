/**
 * Check-in test events: the badge tests' event (nine people in nine scripts, a real key pair
 * and SQLite file), with badges printed, a programme, and a scan context per desk.
 */
import path from 'node:path';
import { recordBadgeIssues, badgeKeysFor, type BadgeKeys } from '../badges';
import { createBadgeTestEvent } from '../badges/badges_test_helpers';
import { insertSession } from '../programme';
import { makeTempDir } from '../testing/temp_dir_test_helpers';
import type { EventWorkspace } from '../workspace/event_workspace';
import type { ScanContext, ScanRequest } from './scan_service';

/** The people of the test event: ids 1–4 are the delegation "Friends of the Forum"; 3, 6, 9 are VIPs. */
export const PEOPLE = { kim: 3, wang: 4, mohammed: 5, olga: 6, somchai: 7, tamil: 8 } as const;

/** A test event with everyone's badge printed once (serial 1). */
export interface CheckinTestEvent {
  ws: EventWorkspace;
  keys: BadgeKeys;
  /** Signs a badge of a person (serial 1 unless given). */
  code(participantId: number, serial?: number): string;
  ctx(deskName?: string, now?: string): ScanContext;
  close(): void;
}

/** Creates the event, prints everyone's first badge, returns helpers. */
export function createCheckinTestEvent(): CheckinTestEvent {
  const ws = createBadgeTestEvent({ dir: path.join(makeTempDir('dd-checkin-'), 'event') });
  const keys = badgeKeysFor(ws);
  if (!keys.ok) throw new Error(keys.error.message);
  const ids = (ws.db.prepare('SELECT id FROM participant ORDER BY id').all() as Array<{ id: number }>).map((r) => r.id);
  recordBadgeIssues(ws.db, ids.map((participantId) => ({ participantId, serial: 1 })), 'a6', '2026-11-10T00:00:00.000Z');
  return {
    ws,
    keys: keys.value,
    code(participantId, serial = 1) {
      const signed = keys.value.sign({ participantId, serial });
      if (!signed.ok) throw new Error(signed.error.message);
      return signed.value;
    },
    ctx(deskName = 'Desk 1', now = new Date().toISOString()) {
      return { desk: { deskId: deskName.toLowerCase().replace(/\s+/gu, '-'), deskName }, now, keys: keys.value, timezone: 'Asia/Seoul', eventLanguages: ['en', 'ko'] };
    },
    close: () => ws.close(),
  };
}

let counter = 0;

/** A scan request with a fresh clientScanId. */
export function scanOf(target: { code: string } | { participantId: number }, more: Partial<ScanRequest> = {}): ScanRequest {
  counter += 1;
  return { sessionId: null, source: 'scanner', operator: 'Ana', clientScanId: `test-scan-${counter.toString().padStart(6, '0')}`, action: 'checkin', ...target, ...more };
}

/** Adds a session on the event's first day. */
export function addSession(ws: EventWorkspace, title: string, more: Partial<Parameters<typeof insertSession>[1]> = {}): number {
  return insertSession(ws.db, { title, type: 'lecture', day: '2026-12-01', startsAt: '09:00', endsAt: '10:00', venue: 'Hall A', expected: { kind: 'all' }, ...more });
}
