/**
 * The built host as a child process, for the crash harness and the soak: started on a free
 * loopback port, killed with SIGKILL (a power cut, as far as the database can tell).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Where the build put the host: DD_OUT_DIR when set (parallel builds), else out/. */
export function builtHostPath(root = path.resolve(__dirname, '..', '..')): string {
  const file = path.join(root, process.env['DD_OUT_DIR'] ?? 'out', 'host', 'index.cjs');
  if (!fs.existsSync(file)) throw new Error(`The built host is missing (${file}): run the build first (node electron/tools/build.mjs).`);
  return file;
}

export interface HostProcess {
  readonly child: ChildProcess;
  readonly url: string;
  /** SIGKILL, and wait until the process is really gone. */
  kill(): Promise<void>;
  /** SIGTERM (a normal quit), and wait. */
  stop(): Promise<void>;
}

/** Starts the host on the event folder and resolves once it prints its URL. */
export function startHost(hostJs: string, dataDir: string, homeDir: string, env: NodeJS.ProcessEnv = {}): Promise<HostProcess> {
  const child = spawn(process.execPath, [hostJs, '--data-dir', dataDir, '--home', homeDir, '--port', '0', '--local-only'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const wait = (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };
  return new Promise((resolve, reject) => {
    let out = '';
    let errText = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the host did not start in 30 s: ${errText.slice(0, 500)}`));
    }, 30_000);
    child.stderr?.on('data', (c: Buffer) => (errText += c.toString()));
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /Delegate Desk host: (http:\/\/[^\s]+)/u.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: m[1], kill: () => wait('SIGKILL'), stop: () => wait('SIGTERM') });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the host exited (${code}) before it was ready: ${errText.slice(0, 500)}`));
    });
  });
}

/** One API call over HTTP; resolves with the parsed Result, rejects when the connection fails. */
export async function callHost(url: string, method: string, input: unknown, token?: string): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }> {
  const res = await fetch(new URL(`api/${method}`, url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(input),
  });
  return (await res.json()) as { ok: boolean; value?: unknown; error?: { code: string; message: string } };
}
