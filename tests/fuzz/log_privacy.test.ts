import path from 'node:path';
import { expect, test } from 'vitest';
import { startHostCore } from '../../electron/core/api/host_core';
import { makeTempDir } from '../../electron/core/testing/temp_dir_test_helpers';

const PERSON = { externalId: 'REG-LOGCHECK-1', title: '', familyName: 'Logsecret', givenName: 'Priya', nativeName: 'प्रिया', nativeNameLang: 'hi', displayName: '', organisation: 'Secret Org 77', position: '', country: 'IN', delegationId: null, categoryCode: 'speaker', languages: [], email: 'priya.logsecret@example.org', phone: '+91 98 7654 3210', notes: 'allergic to peanuts', protocolOrder: 0 };

test('what the host logs when a handler fails holds the method and an incident number, never the request', async () => {
  const lines: string[] = [];
  const tmp = makeTempDir();
  const started = startHostCore({
    homeDir: path.join(tmp, 'home'),
    dataDir: path.join(tmp, 'event'),
    build: { version: 'log' },
    log: { error: (message, d) => lines.push(`${message} ${d.method} ${d.incident} ${d.error instanceof Error ? `${d.error.message}\n${d.error.stack}` : JSON.stringify(d.error)}`) },
  });
  if (!started.ok) throw new Error(started.error.message);
  const core = started.value;
  const admin = { role: 'admin', transport: 'test' } as const;
  // Refused input is answered to the caller and not logged at all.
  const refused = await core.dispatch(admin, 'participants.create', { fields: { ...PERSON, email: 'not an e-mail priya.logsecret' } });
  expect(refused.ok).toBe(false);
  expect(lines).toEqual([]);
  // A handler that fails inside (here: the database went away under it) is logged, without the person.
  const created = await core.dispatch(admin, 'participants.create', { fields: PERSON });
  expect(created.ok).toBe(true);
  core.session.current?.db.close();
  const failed = await core.dispatch(admin, 'participants.create', { fields: { ...PERSON, externalId: 'REG-LOGCHECK-2' } });
  expect(failed).toMatchObject({ ok: false, error: { code: 'internal' } });
  expect(lines.length).toBeGreaterThan(0);
  const log = lines.join('\n');
  expect(log).toContain('participants.create');
  for (const secret of ['Logsecret', 'Priya', 'प्रिया', 'Secret Org', 'logsecret@', '7654', 'peanuts', 'REG-LOGCHECK']) expect(log).not.toContain(secret);
  expect(JSON.stringify(failed)).not.toContain('Logsecret');
  core.session.close();
});
