import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { ParticipantFieldsSchema } from '../../contract';
import { connect, type Db } from '../db/connection';
import { eventSearch, listParticipants, refreshSearchIndex, warmSearchIndex } from './participant_search';
import { readRowImage } from './participant_rows';
import { createParticipant, setParticipantStatus, updateParticipant } from './participant_writes';
import { lastChange, undoChange } from './participant_undo';
import { addPeople, openTestEvent, testFields, testPerson } from './participants_test_helpers';
import { getDelegation } from './participant_store';

let event: ReturnType<typeof openTestEvent>;
let db: Db;
let ids: Map<string, number>;
const desk = { actor: 'desk-1', now: '2026-12-01T08:00:00.000Z' };
const later = (minutes: number) => ({ ...desk, now: new Date(Date.parse(desk.now) + minutes * 60_000).toISOString() });

beforeEach(() => {
  event = openTestEvent();
  db = event.db;
  ids = addPeople(db, [
    testPerson({ displayName: 'Marija Kovačević', familyName: 'Kovačević', givenName: 'Marija', country: 'RS', email: 'marija@example.org', externalId: 'R-1', delegation: 'Serbia', protocolOrder: 1 }),
    testPerson({ displayName: 'Petar Jović', familyName: 'Jović', givenName: 'Petar', country: 'RS', delegation: 'Serbia', protocolOrder: 2 }),
  ]);
  db.prepare('UPDATE delegation SET head_participant_id = ?').run(ids.get('Marija Kovačević'));
});
afterEach(() => event.close());

const names = (query: string) => listParticipants(db, { query, limit: 500, offset: 0 }).items.map((p) => p.displayName);
const id = (name: string) => ids.get(name) as number;
const updatedAt = (pid: number) => readRowImage(db, pid)?.updated_at as string;
const fieldsOf = (pid: number) => {
  const p = listParticipants(db, { query: '', limit: 500, offset: 0 }).items.find((x) => x.id === pid);
  if (!p) throw new Error('missing');
  return testFields({ ...p, displayName: p.displayName });
};

describe('edit validation (the contract both the panel and the host use)', () => {
  test('refuses what a registration must not hold, accepts hostile text verbatim', () => {
    const bad = (f: Record<string, unknown>) => ParticipantFieldsSchema.safeParse({ ...testFields({ familyName: 'X' }), ...f }).success;
    expect(bad({ email: 'not-an-email' })).toBe(false);
    expect(bad({ country: 'ZZ' })).toBe(false);
    expect(bad({ country: 'kr' })).toBe(false);
    expect(bad({ familyName: '', givenName: '', nativeName: '', displayName: '' })).toBe(false);
    expect(bad({ familyName: 'Line\nbreak' })).toBe(false);
    expect(bad({ familyName: 'Bell\u0007' })).toBe(false);
    expect(bad({ languages: ['en', 'en'] })).toBe(false);
    expect(bad({ categoryCode: 'Press Corps' })).toBe(false);
    for (const hostile of ['=HYPERLINK("http://x")', '<img src=x onerror=alert(1)>', '\u202eevil', 'Z\u0351\u0351\u0351algo', '😀👨‍👩‍👧', 'N'.repeat(600)]) {
      const parsed = ParticipantFieldsSchema.parse({ ...testFields({ familyName: hostile }) });
      expect(parsed.familyName).toBe(hostile);
    }
  });
});

describe('walk-ins', () => {
  test('are added with their source, found by search at once, and undone by removal', () => {
    const created = createParticipant(db, testFields({ familyName: 'Okonkwo', givenName: 'Chinonso', country: 'NG', categoryCode: 'speaker' }), desk);
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    expect(created.value.participant).toMatchObject({ displayName: 'Chinonso Okonkwo', registrationSource: 'walk_in', status: 'registered' });
    expect(names('okonkwo')).toEqual(['Chinonso Okonkwo']);
    expect(lastChange(db, desk.actor)?.kind).toBe('create');
    const undone = undoChange(db, created.value.change?.id ?? 0, desk.actor, later(1).now);
    expect(undone.ok && undone.value.participant).toBe(null);
    expect(names('okonkwo')).toEqual([]);
  });

  test('join the end of their delegation, and a taken registration number is refused', () => {
    const serbia = listParticipants(db, { query: '', limit: 9, offset: 0 }).items[0]?.delegationId ?? null;
    const created = createParticipant(db, testFields({ familyName: 'Ilić', delegationId: serbia }), desk);
    expect(created.ok && created.value.participant.protocolOrder).toBe(3);
    const dup = createParticipant(db, testFields({ familyName: 'Other', externalId: 'R-1' }), desk);
    expect(dup.ok ? null : dup.error.code).toBe('duplicate_external_id');
    const noCategory = createParticipant(db, testFields({ familyName: 'Other', categoryCode: 'nobody' }), desk);
    expect(noCategory.ok ? null : noCategory.error.code).toBe('invalid_reference');
  });
});

describe('edits, cancel and restore, undo', () => {
  test('an edit is saved, searched under the new name at once, and undone exactly', () => {
    const pid = id('Marija Kovačević');
    const before = readRowImage(db, pid);
    const saved = updateParticipant(db, pid, updatedAt(pid), { ...fieldsOf(pid), familyName: 'Kovač', displayName: 'Marija Kovač', email: 'mk@example.org' }, desk);
    expect(saved.ok).toBe(true);
    expect(names('kovac')).toEqual(['Marija Kovač']);
    expect(names('kovacevic')).toEqual([]);
    const change = lastChange(db, desk.actor);
    expect(change).toMatchObject({ kind: 'update', participantId: pid, participantName: 'Marija Kovač' });
    const undone = undoChange(db, change?.id ?? 0, desk.actor, later(5).now);
    expect(undone.ok).toBe(true);
    const after = readRowImage(db, pid);
    // Every column is back as it was; only updated_at moves on, so other screens see the change.
    expect({ ...after, updated_at: '' }).toEqual({ ...before, updated_at: '' });
    expect((after?.updated_at ?? '') > (before?.updated_at ?? '')).toBe(true);
    expect(names('kovacevic')).toEqual(['Marija Kovačević']);
    // Once undone, it cannot be undone again.
    const again = undoChange(db, change?.id ?? 0, desk.actor, later(6).now);
    expect(again.ok ? null : again.error.code).toBe('nothing_to_undo');
  });

  test('a save based on stale data is refused, changing nothing', () => {
    const pid = id('Petar Jović');
    const stale = updatedAt(pid);
    expect(updateParticipant(db, pid, stale, { ...fieldsOf(pid), phone: '+381 11 111' }, desk).ok).toBe(true);
    const second = updateParticipant(db, pid, stale, { ...fieldsOf(pid), phone: '+381 22 222' }, { ...desk, actor: 'desk-2' });
    expect(second.ok ? null : second.error.code).toBe('conflict');
    expect(readRowImage(db, pid)?.phone).toBe('+381 11 111');
  });

  test('an edit that changes nothing is not a change', () => {
    const pid = id('Petar Jović');
    const saved = updateParticipant(db, pid, updatedAt(pid), fieldsOf(pid), desk);
    expect(saved.ok && saved.value.change).toBe(null);
    expect(lastChange(db, desk.actor)).toBe(null);
  });

  test('cancel and restore keep the person; the list filters by status', () => {
    const pid = id('Petar Jović');
    const cancelled = setParticipantStatus(db, pid, updatedAt(pid), 'cancelled', desk);
    expect(cancelled.ok && cancelled.value.change?.kind).toBe('cancel');
    expect(listParticipants(db, { query: '', limit: 9, offset: 0, status: 'cancelled' }).items.map((p) => p.id)).toEqual([pid]);
    expect(names('jovic')).toEqual(['Petar Jović']); // still findable: a cancelled person may turn up
    const restored = setParticipantStatus(db, pid, updatedAt(pid), 'registered', desk);
    expect(restored.ok && restored.value.participant.status).toBe('registered');
    const undo = undoChange(db, lastChange(db, desk.actor)?.id ?? 0, desk.actor, later(2).now);
    expect(undo.ok && undo.value.participant?.status).toBe('cancelled');
  });

  test('undo is refused if the person was changed again since, and each device undoes only its own', () => {
    const pid = id('Petar Jović');
    expect(updateParticipant(db, pid, updatedAt(pid), { ...fieldsOf(pid), phone: '1' }, desk).ok).toBe(true);
    const mine = lastChange(db, desk.actor);
    expect(lastChange(db, 'desk-2')).toBe(null);
    expect(undoChange(db, mine?.id ?? 0, 'desk-2', later(1).now).ok).toBe(false);
    expect(updateParticipant(db, pid, updatedAt(pid), { ...fieldsOf(pid), phone: '2' }, { ...desk, actor: 'desk-2' }).ok).toBe(true);
    const undo = undoChange(db, mine?.id ?? 0, desk.actor, later(2).now);
    expect(undo.ok ? null : undo.error.code).toBe('conflict');
    expect(readRowImage(db, pid)?.phone).toBe('2');
  });

  test('a head who leaves the delegation stops being head, and undo restores both', () => {
    const pid = id('Marija Kovačević');
    const serbia = readRowImage(db, pid)?.delegation_id as number;
    expect(updateParticipant(db, pid, updatedAt(pid), { ...fieldsOf(pid), delegationId: null }, desk).ok).toBe(true);
    expect(getDelegation(db, serbia)?.headParticipantId).toBe(null);
    expect(undoChange(db, lastChange(db, desk.actor)?.id ?? 0, desk.actor, later(1).now).ok).toBe(true);
    expect(getDelegation(db, serbia)?.headParticipantId).toBe(pid);
  });
});

describe('keeping the search current after writes it did not make', () => {
  test('refreshSearchIndex picks up a bulk write on the same connection', () => {
    expect(names('zzyzx')).toEqual([]);
    db.prepare(`INSERT INTO participant (display_name, family_name, category_code, created_at, updated_at) VALUES ('Ada Zzyzx', 'Zzyzx', 'delegate', 'x', 'x')`).run();
    expect(names('zzyzx')).toEqual([]); // not told yet: the index answers from what it knows
    refreshSearchIndex(db);
    expect(names('zzyzx')).toEqual(['Ada Zzyzx']);
    const newId = (db.prepare(`SELECT id FROM participant WHERE family_name = 'Zzyzx'`).get() as { id: number }).id;
    db.prepare(`UPDATE participant SET family_name = 'Quokka', display_name = 'Ada Quokka' WHERE id = ?`).run(newId);
    refreshSearchIndex(db, [newId]);
    expect(names('quokka')).toEqual(['Ada Quokka']);
    db.prepare('DELETE FROM participant WHERE id = ?').run(newId);
    refreshSearchIndex(db, [newId]);
    expect(names('quokka')).toEqual([]);
  });

  test('a write from another connection (the CLI, another process) is noticed on the next search', () => {
    expect(names('jović')).toEqual(['Petar Jović']);
    const other = connect(path.join(event.dir, 'event.sqlite'));
    other.prepare(`UPDATE participant SET display_name = 'Petar Jovanović', family_name = 'Jovanović' WHERE id = ?`).run(id('Petar Jović'));
    other.close();
    expect(names('jovanovic')).toEqual(['Petar Jovanović']);
  });

  test('the warm-up builds in the background, and a search or an edit meanwhile finishes it first', async () => {
    const other = openTestEvent();
    try {
      addPeople(other.db, Array.from({ length: 4500 }, (_, i) => testPerson({ displayName: `Person ${i}`, familyName: `Family${i}` })));
      warmSearchIndex(other.db);
      const pid = (other.db.prepare(`SELECT id FROM participant WHERE family_name = 'Family4499'`).get() as { id: number }).id;
      // An edit while warming: the index is finished, then the edit applied.
      expect(updateParticipant(other.db, pid, updatedAt2(other.db, pid), testFields({ familyName: 'Renamed', displayName: 'Renamed Person' }), desk).ok).toBe(true);
      const find = (q: string) => listParticipants(other.db, { query: q, limit: 10, offset: 0 }).items.map((p) => p.displayName);
      expect(find('renamed')).toEqual(['Renamed Person']);
      expect(find('family4498')[0]).toBe('Person 4498');
      warmSearchIndex(other.db); // already built: nothing to do
      await new Promise((r) => setTimeout(r, 20));
      expect(eventSearch(other.db).index.docCount).toBe(4500);
    } finally {
      other.close();
    }
  });
});

function updatedAt2(other: Db, pid: number): string {
  return readRowImage(other, pid)?.updated_at as string;
}

