/**
 * A host core on a fresh demo event in a temp folder, for tests that go through the API as a
 * screen does; automatic backups are effectively off (hourly) so a test decides when they run.
 */
import path from 'node:path';
import { afterEach } from 'vitest';
import { makeTempDir } from '../testing/temp_dir_test_helpers';
import type { Caller } from './caller';
import { startHostCore, type HostCore } from './host_core';

/** The host's own admin (its window, or a browser on the host machine). */
export const ADMIN_CALLER: Caller = { role: 'admin', transport: 'test' };

/** Starts hosts for this test file's tests and closes each after its test. */
export function useTestHosts(): { start: () => HostCore; forget: (core: HostCore) => void } {
  const cores: HostCore[] = [];
  afterEach(() => cores.splice(0).forEach((c) => c.close()));
  return {
    start: () => {
      const tmp = makeTempDir();
      const started = startHostCore({ homeDir: path.join(tmp, 'home'), dataDir: path.join(tmp, 'event'), build: { version: 't' }, backups: { intervalMs: 3_600_000 }, log: { error: () => undefined } });
      if (!started.ok) throw new Error(started.error.message);
      cores.push(started.value);
      return started.value;
    },
    /** For a test that closed its host itself (to check what closing does). */
    forget: (core) => {
      const at = cores.indexOf(core);
      if (at >= 0) cores.splice(at, 1);
    },
  };
}

/** Calls a method and returns its value; an error result is thrown with its code (the test fails on it). */
export async function callValue<T>(core: HostCore, method: string, input: unknown, caller: Caller = ADMIN_CALLER): Promise<T> {
  const r = await core.dispatch(caller, method, input);
  if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
  return r.value as T;
}
