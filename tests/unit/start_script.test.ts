// `npm start` on a machine without the Electron binary: one clear line, then the host mode;
// never the downloader's output or a stack trace.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');
const hostBuilt = fs.existsSync(path.join(root, 'out', 'host', 'index.cjs'));

/** Runs start.mjs with Electron pointed at an empty folder: no binary, and no download either. */
function start(args: string[]) {
  const emptyDist = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-no-electron-'));
  try {
    return spawnSync(process.execPath, [path.join(root, 'electron', 'tools', 'start.mjs'), ...args], {
      cwd: root,
      encoding: 'utf8',
      timeout: 30_000,
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: emptyDist },
    });
  } finally {
    fs.rmSync(emptyDist, { recursive: true, force: true });
  }
}

describe('electron/tools/start.mjs without Electron', () => {
  it.skipIf(!hostBuilt)('says so in one line and runs the headless host with the given arguments', () => {
    const run = start(['--help']);
    expect(run.status).toBe(0);
    const errLines = run.stderr.trim().split('\n');
    expect(errLines).toEqual([
      'Electron is not available on this machine (it is downloaded on first start and this machine is offline): starting Delegate Desk in host mode instead.',
    ]);
    // the host's own usage text: the arguments reached it
    expect(run.stdout).toMatch(/--data-dir/);
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/\n\s+at |Downloading Electron|Error:/);
  });
});
