import { afterEach, beforeEach, expect, test } from 'vitest';
import { ElectionDefinitionSchema, type ElectionDefinition } from '../../contract';
import { DEMO_ELECTION } from '../demo/demo_election';
import { openTestEvent } from '../participants/participants_test_helpers';
import type { Db } from '../db/connection';
import { electionFingerprint, getElection, listElections } from './election_store';
import { listTemplates, templateDefinition } from './election_templates';
import { validateDefinition, votesAllowed } from './election_validation';

let event: ReturnType<typeof openTestEvent>;
let db: Db;
beforeEach(() => {
  event = openTestEvent();
  db = event.db;
});
afterEach(() => event.close());

const parsed = (id: string): ElectionDefinition => ElectionDefinitionSchema.parse(templateDefinition(id));

test('every template is valid, has English and Korean everywhere, and covers each contest type', () => {
  const templates = listTemplates();
  expect(templates.map((t) => t.id)).toEqual(['kr-presidential', 'kr-national-assembly', 'kr-local', 'referendum', 'ranked-mayor']);
  const types = new Set<string>();
  for (const t of templates) {
    const checked = validateDefinition(templateDefinition(t.id));
    expect(checked.problems, t.id).toEqual([]);
    for (const c of checked.definition?.contests ?? []) types.add(c.type);
    expect(t.title['ko']).toBeTruthy();
  }
  expect([...types].sort()).toEqual(['party_list', 'plurality', 'ranked', 'sntv', 'yes_no']);
  const na = parsed('kr-national-assembly');
  expect(na.contests.map((c) => [c.type, c.ballotColour !== na.contests[0]?.ballotColour])).toEqual([['plurality', false], ['party_list', true]]);
  expect(na.contests[1]?.allocation).toEqual({ method: 'kr_semi_linked_mmp', thresholdPct: 3, thresholdDistrictSeats: 5, assemblySize: 300 });
  expect(parsed('kr-local').contests.length).toBeGreaterThanOrEqual(3);
  expect(votesAllowed(parsed('ranked-mayor').contests[0]!)).toBe(5);
});

test('a template copy is independent of the template', () => {
  const copy = templateDefinition('referendum')!;
  copy.contests[0]!.seats = 9;
  expect(templateDefinition('referendum')!.contests[0]!.seats).toBe(1);
});

test('validation lists every problem instead of throwing: duplicates, seats, rules, missing texts', () => {
  const d = parsed('kr-local');
  d.languages = ['en', 'ko', 'fr'];
  d.contests[0]!.options[1]!.symbol = 1;
  d.contests[0]!.seats = 2;
  d.contests[2]!.seats = 6;
  d.contests[3]!.allocation = null;
  const { problems, definition } = validateDefinition(d);
  expect(definition).toBeNull();
  const errors = problems.filter((p) => p.severity === 'error');
  expect(errors.map((p) => p.path)).toEqual(['contests.0.options.1.symbol', 'contests.0.seats', 'contests.2.seats', 'contests.3.allocation']);
  expect(errors[0]?.message).toBe('Contest "Metropolitan mayor": symbol number 1 is used twice (options 1 and 2). Each option needs its own number.');
  const warning = problems.find((p) => p.path === 'contests.0.options.0.name.fr');
  expect(warning).toMatchObject({ severity: 'warning' });
  expect(warning?.message).toContain('screens in French show the English "Park Ji-won"');
  // Warnings alone do not stop a save.
  const onlyWarnings = parsed('referendum');
  onlyWarnings.languages = ['en', 'ko', 'ar'];
  onlyWarnings.contests[0]!.title = { en: 'Question' };
  const w = validateDefinition(onlyWarnings);
  expect(w.definition).not.toBeNull();
  expect(w.problems.every((p) => p.severity === 'warning')).toBe(true);
  expect(w.problems.length).toBeGreaterThan(0);
});

test('rules per contest type: yes/no has two options, IRV one seat, party lists an allocation, and seats are at least one', () => {
  const r = parsed('referendum');
  r.contests[0]!.options.push({ ...r.contests[0]!.options[0]!, id: 'maybe', symbol: 3 });
  expect(validateDefinition(r).problems.map((p) => p.path)).toContain('contests.0.options');
  const m = parsed('ranked-mayor');
  m.contests[0]!.seats = 2;
  expect(validateDefinition(m).problems[0]?.message).toContain('instant runoff elects one');
  m.contests[0]!.rankedMethod = 'stv';
  expect(validateDefinition(m).definition).not.toBeNull();
  const zero = { ...parsed('kr-presidential') };
  zero.contests = [{ ...zero.contests[0]!, seats: 0 }];
  expect(validateDefinition(zero).problems).toEqual([expect.objectContaining({ severity: 'error', path: 'contests.0.seats' })]);
  expect(validateDefinition(undefined).problems[0]?.severity).toBe('error');
  expect(validateDefinition({ title: { ko: '제목' } }).problems.map((p) => p.path)).toContain('title');
});

test('an election stored before the new fields reads back with defaults, and keeps one fingerprint', () => {
  // The JSON as the first version stored it: no languages, no partyId/image, no contest rules.
  const legacy = JSON.parse(JSON.stringify(DEMO_ELECTION)) as Record<string, unknown>;
  db.prepare('INSERT INTO election (definition_json, created_at) VALUES (?, ?)').run(JSON.stringify(legacy), '2026-01-01T00:00:00Z');
  const [stored] = listElections(db);
  expect(stored?.definition.languages).toEqual(['en', 'ko']);
  expect(stored?.definition.contests[0]?.demonstrateInvalid).toBe(false);
  expect(stored?.definition.contests[0]?.options[0]).toMatchObject({ partyId: null, image: null });
  expect(stored?.fingerprint).toBe(electionFingerprint(ElectionDefinitionSchema.parse(DEMO_ELECTION)));
  expect(getElection(db, stored!.id)?.fingerprint).toBe(stored?.fingerprint);
  // Key order does not change the fingerprint; a changed name does.
  const reordered = Object.fromEntries(Object.entries(stored!.definition).reverse()) as ElectionDefinition;
  expect(electionFingerprint(reordered)).toBe(stored?.fingerprint);
  const renamed = structuredClone(stored!.definition);
  renamed.contests[0]!.options[0]!.name['en'] = 'Someone Else';
  expect(electionFingerprint(renamed)).not.toBe(stored?.fingerprint);
});
