import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Election, Result } from '../../contract';
import type { Caller } from '../api/caller';
import { startHostCore, type HostCore } from '../api/host_core';
import { makeTempDir } from '../testing/temp_dir_test_helpers';

let core: HostCore;
const presenter: Caller = { role: 'presenter', transport: 'test', deviceId: 'p1' };
const desk: Caller = { role: 'desk', transport: 'test', deviceId: 'd1' };
const api = async <T>(method: string, input: unknown, caller = presenter) => (await core.dispatch(caller, method, input)) as Result<T>;

beforeAll(() => {
  const tmp = makeTempDir('dd-elections-');
  const started = startHostCore({ homeDir: path.join(tmp, 'home'), dataDir: path.join(tmp, 'event'), build: { version: 't' }, log: { error: () => undefined } });
  if (!started.ok) throw new Error(started.error.message);
  core = started.value;
});
afterAll(() => core.close());

test('the demo event keeps its election; templates create new ones; the editor saves only what validates', async () => {
  const listed = await api<Election[]>('elections.list', {});
  expect(listed.ok && listed.value.map((e) => e.definition.template)).toEqual(['kr-presidential']);
  const templates = await api<Array<{ id: string }>>('elections.templates', {});
  expect(templates.ok && templates.value).toHaveLength(5);
  const created = await api<Election>('elections.createFromTemplate', { templateId: 'kr-national-assembly' });
  if (!created.ok) throw new Error(created.error.message);
  expect(created.value.definition.contests).toHaveLength(2);
  expect(await api('elections.createFromTemplate', { templateId: 'nope' })).toMatchObject({ ok: false, error: { code: 'not_found' } });

  const broken = structuredClone(created.value.definition);
  broken.contests[0]!.options[1]!.symbol = 1;
  const refused = await api<{ saved: boolean; problems: Array<{ severity: string }> }>('elections.save', { electionId: created.value.id, definition: broken });
  expect(refused.ok && refused.value.saved).toBe(false);
  expect(refused.ok && refused.value.problems[0]?.severity).toBe('error');
  const unchanged = await api<{ election: Election }>('elections.get', { electionId: created.value.id });
  expect(unchanged.ok && unchanged.value.election.fingerprint).toBe(created.value.fingerprint);

  const edited = structuredClone(created.value.definition);
  edited.contests[0]!.options[0]!.name = { en: 'Jung Min-ho', ko: '정민호', fr: 'Jung Min-ho' };
  const saved = await api<{ saved: boolean; election: Election }>('elections.save', { electionId: created.value.id, definition: edited });
  expect(saved.ok && saved.value.saved).toBe(true);
  expect(saved.ok && saved.value.election.fingerprint).not.toBe(created.value.fingerprint);
  const validated = await api<{ fingerprint: string }>('elections.validate', { definition: edited });
  expect(validated.ok && saved.ok && validated.value.fingerprint).toBe(saved.ok && saved.value.election.fingerprint);
  // Desks read elections but do not edit them.
  expect(await api('elections.save', { electionId: null, definition: edited }, desk)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
});

test('an election in an open round cannot change, and one used by a round cannot be removed', async () => {
  const created = await api<Election>('elections.createFromTemplate', { templateId: 'referendum' });
  if (!created.ok) throw new Error(created.error.message);
  const round = await api<{ round: { id: number } }>('voting.rounds.create', { electionId: created.value.id, label: 'Referendum, 16:00' });
  if (!round.ok) throw new Error(round.error.message);
  expect(await api('elections.remove', { electionId: created.value.id })).toMatchObject({ ok: false, error: { code: 'in_use' } });
  await api('voting.rounds.open', { roundId: round.value.round.id });
  expect(await api('elections.save', { electionId: created.value.id, definition: created.value.definition })).toMatchObject({ ok: false, error: { code: 'in_use' } });
  await api('voting.rounds.close', { roundId: round.value.round.id });
  const other = await api<Election>('elections.createFromTemplate', { templateId: 'ranked-mayor' });
  expect(other.ok && (await api('elections.remove', { electionId: other.value.id })).ok).toBe(true);
});
