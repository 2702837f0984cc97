import path from 'node:path';
import fc from 'fast-check';
import { afterAll, expect, test } from 'vitest';
import { API, type CallerRole } from '../../electron/contract';
import { startHostCore } from '../../electron/core/api/host_core';
import { makeTempDir } from '../../electron/core/testing/temp_dir_test_helpers';
import { HOSTILE_STRINGS } from './hostile_strings';

// Methods whose valid inputs reach outside the temp event: a file path anywhere on disk, a
// system Chromium, a new event folder or a switch of the open event. Their validation is
// still fuzzed through the same dispatcher by the invalid-only property below.
const SIDE_EFFECTS_OUTSIDE = new Set(['backup.toPath', 'badges.printStart', 'event.create', 'event.open', 'backup.restore']);

const errors: string[] = [];
const tmp = makeTempDir();
const started = startHostCore({
  homeDir: path.join(tmp, 'home'),
  dataDir: path.join(tmp, 'event'),
  build: { version: 'fuzz' },
  log: { error: (message, d) => errors.push(`${d.method}: ${message} ${d.error instanceof Error ? d.error.stack : JSON.stringify(d.error)}`) },
});
if (!started.ok) throw new Error(started.error.message);
const core = started.value;
afterAll(() => core.close());

const METHODS = Object.keys(API);
const FIELD_NAMES = ['id', 'participantId', 'sessionId', 'roundId', 'electionId', 'name', 'query', 'code', 'fields', 'limit', 'offset', 'expectedUpdatedAt', 'status', 'clientScanId', 'source', 'operator', 'scans', 'uploadId', 'index', 'base64', 'format', 'filter', 'deviceId', 'role', 'attendanceId', 'reason', 'confirmName', 'path', 'template', 'design', 'mapping', 'selection', 'boothId'];
const leaf = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.constantFrom(0, -1, 1, 2 ** 31, 2 ** 53, Number.MAX_SAFE_INTEGER, 1.5, Number.POSITIVE_INFINITY, -0),
  fc.boolean(),
  fc.constant(null),
);
const value = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('v'), { maxLength: 4 }), fc.dictionary(fc.constantFrom(...FIELD_NAMES), tie('v'), { maxKeys: 4 })),
})).v;
// Objects with the field names methods use, so inputs get past "not an object" to the deeper checks.
const input = fc.oneof(value, fc.dictionary(fc.constantFrom(...FIELD_NAMES), value, { maxKeys: 6 }), fc.jsonValue());

function expectClearRefusalOrSuccess(method: string, r: { ok: boolean; error?: { code: string; message: string } }) {
  if (r.ok) return;
  expect(r.error?.code, `${method} answered internal: ${errors.slice(-1)[0] ?? ''}`).not.toBe('internal');
  expect(r.error?.message.length, `${method} refused without a message`).toBeGreaterThan(5);
}

test('random JSON to every API method, as the admin: a clear refusal or an answer, never internal', async () => {
  const methods = METHODS.filter((m) => !SIDE_EFFECTS_OUTSIDE.has(m));
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...methods), input, async (method, body) => {
      const r = await core.dispatch({ role: 'admin', transport: 'test' }, method, body);
      expectClearRefusalOrSuccess(method, r);
    }),
    { numRuns: 1500 },
  );
  expect(errors).toEqual([]);
}, 60_000);

test('inputs that fail validation are refused as invalid_input for every method, the outside-reaching ones too', async () => {
  // A string or an array is never a valid input: every method takes one object.
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...METHODS), fc.oneof(fc.string(), fc.array(leaf), fc.integer()), async (method, body) => {
      const role = (API as Record<string, { roles: readonly CallerRole[] }>)[method]?.roles[0] ?? 'admin';
      const r = await core.dispatch({ role, transport: 'test', deviceId: 'fuzz' }, method, body);
      expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }),
    { numRuns: 300 },
  );
});

test('every role gets a clear answer: forbidden before anything is parsed or done', async () => {
  const roles: CallerRole[] = ['desk', 'booth', 'projector', 'presenter', 'unpaired'];
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...METHODS.filter((m) => !SIDE_EFFECTS_OUTSIDE.has(m))), fc.constantFrom(...roles), input, async (method, role, body) => {
      const r = await core.dispatch({ role, transport: 'test', deviceId: `fuzz-${role}` }, method, body);
      const allowed = (API as Record<string, { roles: readonly CallerRole[] }>)[method]?.roles.includes(role);
      if (!allowed) expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      else expectClearRefusalOrSuccess(method, r);
    }),
    { numRuns: 600 },
  );
  expect(errors).toEqual([]);
}, 60_000);

test('unknown methods and oversized names are refused by name', async () => {
  await fc.assert(
    fc.asyncProperty(fc.string({ maxLength: 300 }).filter((s) => !(s in API)), async (name) => {
      expect(await core.dispatch({ role: 'admin', transport: 'test' }, name, {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    }),
    { numRuns: 100 },
  );
});
