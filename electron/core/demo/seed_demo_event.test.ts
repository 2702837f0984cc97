import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  CategorySchema,
  DelegationSchema,
  ParticipantSchema,
  ProgrammeSessionSchema,
  type Participant,
} from '../../contract';
import { connect, type Db } from '../db/connection';
import { migrate } from '../db/migrate';
import { listElections } from '../elections/election_store';
import { insertEvent } from '../events/event_store';
import { listCategories, listDelegations, listParticipants } from '../participants/participant_store';
import { listSessions } from '../programme/session_store';
import { DEMO_EVENT_INPUT, seedDemoEvent } from './seed_demo_event';

const NOW = '2026-11-20T09:00:00.000Z';
let dir: string;
let db: Db;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'delegate-desk-demo-'));
  db = connect(path.join(dir, 'event.sqlite'));
  const migrated = migrate(db);
  expect(migrated.ok).toBe(true);
  // The same shape as event creation: the event row and the demo in one transaction.
  db.transaction(() => {
    insertEvent(db, crypto.randomUUID(), DEMO_EVENT_INPUT, NOW);
    seedDemoEvent(db, NOW);
  }).immediate();
});

afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function search(query: string, extra: { delegationId?: number } = {}): Participant[] {
  return listParticipants(db, { query, limit: 500, offset: 0, ...extra }).items;
}

test('seeds about sixty participants from many countries, valid against the contract', () => {
  const { total, items } = listParticipants(db, { query: '', limit: 500, offset: 0 });
  expect(total).toBeGreaterThanOrEqual(55);
  expect(total).toBeLessThanOrEqual(70);
  expect(items).toHaveLength(total);
  for (const p of items) ParticipantSchema.parse(p);
  expect(new Set(items.map((p) => p.country)).size).toBeGreaterThanOrEqual(18);
  expect(items.every((p) => p.status === 'registered')).toBe(true);
  expect(items.every((p) => /@example\.(org|com)$/u.test(p.email))).toBe(true);
});

test('native names cover Hangul, Arabic, Cyrillic, CJK, Thai and accented Latin', () => {
  const natives = search('').map((p) => p.nativeName);
  const has = (re: RegExp) => natives.some((n) => re.test(n));
  expect(has(/\p{Script=Hangul}/u)).toBe(true);
  expect(has(/\p{Script=Arabic}/u)).toBe(true);
  expect(has(/\p{Script=Cyrillic}/u)).toBe(true);
  expect(has(/\p{Script=Han}/u)).toBe(true);
  expect(has(/\p{Script=Thai}/u)).toBe(true);
  expect(natives.some((n) => /\p{Script=Latin}/u.test(n) && /\p{M}/u.test(n.normalize('NFD')))).toBe(true);
});

test('has every category, with the expected mix of people', () => {
  const categories = listCategories(db);
  for (const c of categories) CategorySchema.parse(c);
  const codes = ['delegate', 'observer', 'speaker', 'staff', 'press', 'interpreter', 'vip', 'guest'];
  expect(categories.map((c) => c.code)).toEqual(codes);
  const count = (code: string) => listParticipants(db, { query: '', limit: 500, offset: 0, categoryCode: code }).total;
  expect(count('delegate')).toBeGreaterThan(count('observer'));
  expect(count('speaker')).toBeGreaterThanOrEqual(3);
  expect(count('staff')).toBeGreaterThanOrEqual(4);
  expect(count('press')).toBe(2);
  expect(count('interpreter')).toBe(2);
  expect(count('vip')).toBe(2);
  expect(count('guest')).toBeGreaterThanOrEqual(1);
});

test('every delegation has a head who is its member and comes first in protocol order', () => {
  const delegations = listDelegations(db);
  expect(delegations.length).toBeGreaterThanOrEqual(15);
  expect(delegations.map((d) => d.protocolOrder)).toEqual(delegations.map((_, i) => i + 1));
  for (const d of delegations) {
    DelegationSchema.parse(d);
    const members = search('', { delegationId: d.id });
    expect(d.memberCount).toBe(members.length);
    expect(d.headParticipantId).not.toBeNull();
    expect(members[0]?.id).toBe(d.headParticipantId);
    expect(members[0]?.displayName).toBe(d.headName);
  }
});

test('seeds four sessions; the polling station visit expects some delegations', () => {
  const sessions = listSessions(db);
  expect(sessions).toHaveLength(4);
  for (const s of sessions) ProgrammeSessionSchema.parse(s);
  expect(sessions.every((s) => s.day >= DEMO_EVENT_INPUT.startDate && s.day <= DEMO_EVENT_INPUT.endDate)).toBe(true);
  const total = listParticipants(db, { query: '', limit: 1, offset: 0 }).total;
  const visit = sessions.find((s) => s.type === 'polling_station_visit');
  expect(visit?.expected.kind).toBe('delegations');
  expect(visit?.expectedCount).toBeGreaterThan(0);
  expect(visit?.expectedCount).toBeLessThan(total);
  expect(sessions.find((s) => s.type === 'experience_room')?.expectedCount).toBe(total);
});

test('seeds one mock presidential election with unique symbol numbers in ballot order', () => {
  const elections = listElections(db);
  expect(elections).toHaveLength(1);
  const definition = elections[0]?.definition;
  expect(definition?.template).toBe('kr-presidential');
  const contest = definition?.contests[0];
  expect(contest?.id).toBe('president');
  expect(contest?.seats).toBe(1);
  const symbols = contest?.options.map((o) => o.symbol) ?? [];
  expect(symbols.length).toBeGreaterThanOrEqual(5);
  expect(symbols).toEqual(symbols.map((_, i) => i + 1));
  expect(new Set(contest?.options.map((o) => o.id)).size).toBe(symbols.length);
  expect(contest?.options.every((o) => typeof o.name['ko'] === 'string')).toBe(true);
});

test('search finds people by Latin name, native script and unaccented spelling', () => {
  expect(search('kim').map((p) => p.displayName)).toContain('Kim Min-jun');
  const byHangul = search('김민준');
  expect(byHangul).toHaveLength(1);
  expect(byHangul[0]?.categoryCode).toBe('staff');
  expect(search('wisniewska').map((p) => p.displayName)).toEqual(['Małgorzata Wiśniewska']);
  expect(search('ธนวัฒน์').map((p) => p.displayName)).toEqual(['Thanawat Srisuwan']);
});
