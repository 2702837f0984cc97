import { expect } from 'vitest';
import type { Db } from '../db/connection';
import { insertDevice } from '../devices/device_store';
import { createBadgeTestEvent } from '../badges/badges_test_helpers';
import { badgeKeysFor, recordBadgeIssues, type BadgeKeys } from '../badges';
import { insertElection } from '../elections/election_store';
import { templateDefinition } from '../elections/election_templates';
import type { EventWorkspace } from '../workspace/event_workspace';
import { createRound, getRoundRow, openRound, roundDetail } from './round_store';

/** An event with people, printed badges, an election from a template and paired booths. */
export interface RoomFixture {
  readonly ws: EventWorkspace;
  readonly db: Db;
  readonly keys: BadgeKeys;
  readonly tz: string;
  readonly electionId: number;
  readonly booths: readonly string[];
  readonly people: readonly number[];
  /** A badge code for a participant (printed, so it verifies). */
  badge(participantId: number): string;
  /** Opens a new round of the fixture's election and returns its id. */
  openNewRound(label?: string, options?: { eligibility?: 'registered' | 'checked_in'; delegationIds?: number[] }): number;
}

/** A fixed clock, one second further at each call: ordered, deterministic times. */
export function testClock(start = '2026-12-02T05:00:00.000Z'): () => string {
  let t = Date.parse(start);
  return () => new Date((t += 1000)).toISOString();
}

/** Builds the room: `extra` more people beyond the nine script people, `booths` booth tablets. */
export function createRoomFixture(options: { extra?: number; template?: string; booths?: number } = {}): RoomFixture {
  const ws = createBadgeTestEvent({ extra: options.extra ?? 0 });
  const db = ws.db;
  const keys = badgeKeysFor(ws);
  if (!keys.ok) throw new Error(keys.error.message);
  const definition = templateDefinition(options.template ?? 'kr-presidential');
  if (!definition) throw new Error('no template');
  const electionId = insertElection(db, definition, '2026-11-02T00:00:00.000Z');
  const booths: string[] = [];
  for (let i = 0; i < (options.booths ?? 2); i++) {
    const id = `booth-${i + 1}`;
    insertDevice(db, { id, name: `Booth ${String.fromCharCode(65 + i)}`, role: 'booth', tokenSha256: `${i}`.padStart(64, 'f'), pairedAt: '2026-11-02T00:00:00.000Z', pairedFrom: '127.0.0.1' });
    booths.push(id);
  }
  const people = (db.prepare('SELECT id FROM participant ORDER BY id').all() as Array<{ id: number }>).map((r) => r.id);
  const codes = new Map<number, string>();
  for (const id of people) {
    const code = keys.value.sign({ participantId: id, serial: 1 });
    if (!code.ok) throw new Error('cannot sign');
    codes.set(id, code.value);
  }
  recordBadgeIssues(db, people.map((participantId) => ({ participantId, serial: 1 })), 'a6', '2026-11-03T00:00:00.000Z');
  return {
    ws,
    db,
    keys: keys.value,
    tz: 'Asia/Seoul',
    electionId,
    booths,
    people,
    badge: (id) => codes.get(id) ?? '',
    openNewRound(label = 'Test group, 14:00', more = {}) {
      const created = createRound(db, { electionId, label, eligibility: more.eligibility ?? 'registered', delegationIds: more.delegationIds ?? [] }, '2026-12-02T04:59:00.000Z');
      if (!created.ok) throw new Error(created.error.message);
      const opened = openRound(db, created.value.round.id, '2026-12-02T05:00:00.000Z');
      if (!opened.ok) throw new Error(opened.error.message);
      return created.value.round.id;
    },
  };
}

/** The integrity equation, asserted: issued = cast + outstanding + cancelled, and the box agrees. */
export function expectBalanced(db: Db): void {
  const rounds = db.prepare('SELECT id FROM voting_round').all() as Array<{ id: number }>;
  for (const { id } of rounds) {
    const row = getRoundRow(db, id);
    if (!row) continue;
    const { integrity } = roundDetail(db, row);
    expect(integrity.alarm, `round ${id}`).toBeNull();
    expect(integrity.balanced).toBe(true);
    expect(integrity.issued).toBe(integrity.cast + integrity.outstanding + integrity.cancelled);
    for (const b of integrity.box) expect(b.papers).toBe(integrity.cast);
  }
}
