import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

const root = path.resolve(__dirname, '..');
const port = Number(process.env['E2E_PORT'] ?? 4799);
// The build to test (DD_OUT_DIR lets parallel work build side by side).
const outDir = process.env['DD_OUT_DIR'] ?? 'out';
// A fresh event folder per run: the tests see the demo event exactly as a first start makes it.
const dataRoot = process.env['E2E_DATA_ROOT'] ?? fs.mkdtempSync(path.join(os.tmpdir(), 'dd-e2e-'));
process.env['E2E_DATA_ROOT'] = dataRoot;

export default defineConfig({
  testDir: path.join(root, 'tests', 'e2e'),
  outputDir: path.join(root, outDir, 'e2e', 'results'),
  fullyParallel: false,
  workers: 1,
  // One retry in CI only: a rare timing flake under load is reported as flaky, not hidden (see the list reporter).
  retries: process.env['CI'] ? 1 : 0,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    // Debian's Chromium, never a downloaded browser; the flags keep it from calling home.
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-dev-shm-usage',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
    viewport: { width: 1366, height: 820 },
    trace: 'off',
  },
  projects: [{ name: 'debian-chromium', use: { browserName: 'chromium' } }],
  webServer: {
    command: `node ${outDir}/host/index.cjs --data-dir "${path.join(dataRoot, 'demo')}" --home "${path.join(dataRoot, 'home')}" --port ${port}`,
    cwd: root,
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
  },
});
