// What `npm start` runs after the build: the desktop app when Electron can run here, else the
// headless host (the same core and UI, served to a browser on http://127.0.0.1).
//
// Electron >= 42 has no postinstall: its binary is downloaded on the first require('electron'),
// through a spawnSync with inherited output that prints progress and, offline, a stack trace.
// So the lookup runs in a child process whose output we capture and throw away: the person
// sees one clear line, never the downloader's noise.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
// A download on a connected machine can take a while; say so if it does.
const SLOW_LOOKUP_MS = 3000;
const LOOKUP_TIMEOUT_MS = 10 * 60 * 1000;

/** The Electron binary's path, downloading it if it is missing; null when that fails. */
function findElectron() {
  return new Promise((resolve) => {
    const probe = spawn(process.execPath, ['-e', "process.stdout.write(String(require('electron')))"], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: withoutRunAsNode(process.env),
      windowsHide: true,
    });
    let out = '';
    probe.stdout.on('data', (chunk) => (out += chunk));
    probe.stderr.resume(); // drained and discarded: the downloader's progress and stack
    const slow = setTimeout(() => console.log('Downloading Electron for the first start (this happens once)…'), SLOW_LOOKUP_MS);
    const timeout = setTimeout(() => probe.kill(), LOOKUP_TIMEOUT_MS);
    const done = (binary) => {
      clearTimeout(slow);
      clearTimeout(timeout);
      resolve(binary);
    };
    probe.on('error', () => done(null));
    probe.on('close', (code) => {
      const binary = out.trim();
      done(code === 0 && binary && fs.existsSync(binary) ? binary : null);
    });
  });
}

/** The environment for children: ELECTRON_RUN_AS_NODE would make Electron a plain Node. */
function withoutRunAsNode(env) {
  const copy = { ...env };
  delete copy.ELECTRON_RUN_AS_NODE;
  return copy;
}

/** Runs a child with our terminal and exits with its status. */
function runAndExit(command, commandArgs) {
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit', env: withoutRunAsNode(process.env) });
  // Ctrl+C reaches the child directly (same process group); only a targeted SIGTERM needs
  // forwarding, and forwarding SIGINT too would make the child see it twice.
  process.on('SIGINT', () => {});
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  child.on('error', (error) => {
    console.error(`Delegate Desk could not start ${path.basename(command)}: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

const electron = await findElectron();
if (electron) {
  runAndExit(electron, ['.', ...args]);
} else {
  console.error(
    'Electron is not available on this machine (it is downloaded on first start and this machine is offline): starting Delegate Desk in host mode instead.',
  );
  const host = path.join(root, 'out', 'host', 'index.cjs');
  if (!fs.existsSync(host)) {
    console.error('The host mode is not built yet: run "npm run build" first.');
    process.exit(1);
  }
  runAndExit(process.execPath, [host, ...args]);
}
