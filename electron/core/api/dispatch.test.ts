import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { API, type CallerRole } from '../../contract';
import { makeTempDir } from '../testing/temp_dir_test_helpers';
import type { Caller } from './caller';
import { createDispatcher, type ApiHandlers } from './dispatch';
import { buildHandlers } from './handlers';
import { startHostCore, type HostCore } from './host_core';

const cores: HostCore[] = [];
afterEach(() => cores.splice(0).forEach((c) => c.close()));

const admin: Caller = { role: 'admin', transport: 'test' };
const silentLog = { error: () => undefined };

function startDemo(): HostCore {
  const tmp = makeTempDir();
  const started = startHostCore({ homeDir: path.join(tmp, 'home'), dataDir: path.join(tmp, 'event'), build: { version: '9.9.9' }, log: silentLog });
  if (!started.ok) throw new Error(started.error.message);
  cores.push(started.value);
  return started.value;
}

test('every contract method has a handler and answers on the demo event', async () => {
  const core = startDemo();
  const inputs: Record<string, unknown> = {
    'event.create': undefined,
    'event.open': undefined,
    // Pairing is for unpaired callers only, and these need a device or a network (devices tests cover them).
    'devices.pair': undefined,
    'devices.pairingStart': undefined,
    'devices.update': undefined,
    'devices.revoke': undefined,
    'devices.setNetwork': undefined,
    // The import needs an uploaded file or real ids (import_service.test.ts covers every one).
    'import.begin': undefined,
    'import.chunk': undefined,
    'import.analyse': undefined,
    'import.commit': undefined,
    'import.cancel': undefined,
    'import.cancelMissing': undefined,
    'import.presets.save': undefined,
    'import.presets.delete': undefined,
    // Edits need a person, a change or an export to name (participant_handlers.test.ts covers every one).
    'participants.get': undefined,
    'participants.create': undefined,
    'participants.update': undefined,
    'participants.setStatus': undefined,
    'participants.merge': undefined,
    'participants.undo': undefined,
    'participants.export': undefined,
    'participants.exportChunk': undefined,
    'delegations.save': undefined,
    'delegations.setHead': undefined,
    'delegations.reorder': undefined,
    'delegations.delete': undefined,
    'categories.save': undefined,
    'categories.delete': undefined,
    // Badges: a design, people, a batch or a code to name (badge_api.test.ts covers every one).
    'badges.saveDesign': undefined,
    'badges.preview': undefined,
    'badges.printStart': undefined,
    'badges.printStatus': undefined,
    'badges.printCancel': undefined,
    'badges.printPdf': undefined,
    'badges.printSheet': undefined,
    'badges.printReport': undefined,
    'badges.verify': undefined,
    // Check-in and programme edits name a person, code, visit, session or export (electron/core/checkin/*.test.ts).
    'checkin.scan': undefined,
    'checkin.undo': undefined,
    'checkin.checkout': undefined,
    'checkin.status': undefined,
    'checkin.rollCall': undefined,
    'checkin.sync': undefined,
    'checkin.export': undefined,
    'checkin.exportChunk': undefined,
    'sessions.create': undefined,
    'sessions.update': undefined,
    'sessions.delete': undefined,
    // Elections and the experience room name an election, round, person, ballot or booth, and the
    // booth's own methods are booth-only (electron/core/elections/*.test.ts, electron/core/voting/*.test.ts).
    'elections.get': undefined,
    'elections.createFromTemplate': undefined,
    'elections.validate': undefined,
    'elections.save': undefined,
    'elections.remove': undefined,
    'voting.rounds.get': undefined,
    'voting.rounds.create': undefined,
    'voting.rounds.open': undefined,
    'voting.rounds.close': undefined,
    'voting.rounds.archive': undefined,
    'voting.rounds.remove': undefined,
    'voting.voters.lookup': undefined,
    'voting.voters.search': undefined,
    'voting.issue': undefined,
    'voting.issuances.list': undefined,
    'voting.cancel': undefined,
    'voting.booths.assign': undefined,
    'voting.booths.release': undefined,
    'voting.booth.current': undefined,
    'voting.booth.claim': undefined,
    'voting.booth.cast': undefined,
    // Backups name a file or a backup, erasure a person (electron/core/backup/backup_api.test.ts).
    'backup.toPath': undefined,
    'backup.preview': undefined,
    'backup.restore': undefined,
    'backup.previewFile': undefined,
    'backup.restoreFile': undefined,
    'privacy.eraseParticipant': undefined,
    // Photos name a person and carry an image (electron/core/photos/photo_files.test.ts).
    'photos.importFile': undefined,
    'photos.set': undefined,
    'photos.remove': undefined,
    'photos.get': undefined,
    // The count names a closed round (electron/core/count/*.test.ts, tests/e2e/count.spec.ts).
    'count.start': undefined,
    'count.view': undefined,
    'count.control': undefined,
    'count.judge': undefined,
    'count.signOff': undefined,
    'count.announce': undefined,
    'count.recount': undefined,
    'count.loadBallots': undefined,
    'count.archive': undefined,
    'count.report': undefined,
    'count.reportChunk': undefined,
  };
  for (const method of Object.keys(API)) {
    if (method in inputs) continue;
    const result = await core.dispatch(admin, method, {});
    expect(result.ok, `${method}: ${JSON.stringify(result)}`).toBe(true);
  }
});

test('unknown methods, wrong types and missing fields are refused with clear codes', async () => {
  const core = startDemo();
  expect(await core.dispatch(admin, 'drop.tables', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  expect(await core.dispatch(admin, '__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  expect(await core.dispatch(admin, 'toString', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  const typed = await core.dispatch(admin, 'participants.list', { limit: 'all' });
  expect(typed).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  expect(!typed.ok && typed.error.message).toMatch(/limit/u);
  expect(await core.dispatch(admin, 'participants.list', 'not an object')).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  expect(await core.dispatch(admin, 'event.open', { id: 'not-a-uuid' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  expect(await core.dispatch(admin, 'participants.list', { query: 'a\u0000b' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
});

test('roles are enforced by the dispatcher on every method', async () => {
  const core = startDemo();
  const roles: CallerRole[] = ['admin', 'desk', 'booth', 'projector', 'presenter', 'unpaired'];
  for (const [method, spec] of Object.entries(API)) {
    for (const role of roles) {
      const result = await core.dispatch({ role, transport: 'test' }, method, {});
      const refused = !result.ok && result.error.code === 'forbidden';
      expect(refused, `${role} calling ${method}`).toBe(!spec.roles.includes(role));
    }
  }
  // Unpaired callers reach only health and pairing.
  const open = Object.entries(API).filter(([, s]) => s.roles.includes('unpaired')).map(([m]) => m);
  expect(open.sort()).toEqual(['devices.pair', 'devices.whoami', 'health']);
});

test('a handler that throws becomes an internal error without internals', async () => {
  const core = startDemo();
  const logged: unknown[] = [];
  const handlers = buildHandlers(core.session, { version: 'x' });
  const broken: ApiHandlers = {
    ...handlers,
    'event.summary': () => {
      throw new Error('SQLITE_CORRUPT at /secret/path/event.sqlite');
    },
  };
  const dispatch = createDispatcher(broken, { error: (_m, d) => logged.push(d) });
  const result = await dispatch(admin, 'event.summary', {});
  expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
  expect(JSON.stringify(result)).not.toMatch(/secret|SQLITE/u);
  expect(logged).toHaveLength(1);
});

test('an answer that breaks the contract is caught, not sent', async () => {
  const core = startDemo();
  const handlers = buildHandlers(core.session, { version: 'x' });
  const drifting = { ...handlers, 'event.summary': () => ({ ok: true, value: { participants: -1 } }) } as unknown as ApiHandlers;
  const dispatch = createDispatcher(drifting, silentLog);
  expect(await dispatch(admin, 'event.summary', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
});

test('events are created, listed and switched, and a switch is pushed', async () => {
  const core = startDemo();
  const pushed: string[] = [];
  core.bus.subscribe((m) => pushed.push(m.topic));
  const created = await core.dispatch(admin, 'event.create', { name: 'Seminar on voter lists', startDate: '2027-03-02', endDate: '2027-03-03' });
  expect(created).toMatchObject({ ok: true, value: { name: 'Seminar on voter lists', isDemo: false } });
  expect(pushed).toEqual(['event.changed']);
  const list = await core.dispatch(admin, 'event.list', {});
  if (!list.ok) throw new Error('list failed');
  const events = list.value as Array<{ id: string; current: boolean; name: string }>;
  expect(events.map((e) => e.name).sort()).toEqual(['Global Election Visitor Programme 2026 (demo)', 'Seminar on voter lists']);
  const demo = events.find((e) => !e.current);
  const summaryEmpty = await core.dispatch(admin, 'event.summary', {});
  expect(summaryEmpty).toMatchObject({ ok: true, value: { participants: 0 } });
  expect(await core.dispatch(admin, 'event.open', { id: demo?.id })).toMatchObject({ ok: true, value: { id: demo?.id } });
  expect(await core.dispatch(admin, 'event.summary', {})).toMatchObject({ ok: true, value: { participants: 64 } });
  expect(await core.dispatch(admin, 'event.open', { id: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  const backwards = await core.dispatch(admin, 'event.create', { name: 'X', startDate: '2027-03-05', endDate: '2027-03-01' });
  expect(backwards).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
});

test('search finds people by any script, ignores case and treats wildcards literally', async () => {
  const core = startDemo();
  const find = async (query: string) => {
    const r = await core.dispatch(admin, 'participants.list', { query });
    if (!r.ok) throw new Error(r.error.message);
    return (r.value as { total: number }).total;
  };
  expect(await find('김민준')).toBe(1);
  expect(await find('KIM MIN')).toBeGreaterThanOrEqual(1);
  expect(await find('%')).toBe(0);
  expect(await find('_')).toBe(0);
  // Injection-shaped text is just words to match (none of these are anyone's), and changes nothing.
  expect(await find("'; DROP TABLE participant; --")).toBe(0);
  expect(await find('김민준')).toBe(1);
});
