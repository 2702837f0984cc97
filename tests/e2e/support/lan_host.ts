/**
 * A host of a spec's own, on fresh ports and a fresh demo event, so the shared e2e host is
 * left alone. Besides its admin port it opens a "LAN stand-in" port
 * (DELEGATE_DESK_E2E_LAN_STAND_IN_PORT): a browser test cannot come from a real LAN address, so
 * callers on that port count as LAN devices (desks, booths, projectors) although they come from
 * loopback. The build comes from DD_OUT_DIR (default `out`), like the rest of the e2e run.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface LanHost {
  /** The admin's address (this machine's loopback), ending in `/`. */
  readonly adminUrl: string;
  /** The LAN stand-in's address, ending in `/`. */
  readonly lanUrl: string;
  /** Stops the host (SIGTERM, waits for it) and removes its event folder. */
  stop(): Promise<void>;
}

/** A free loopback port, found by binding port 0 and letting it go. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Starts the built host on a fresh demo event; `label` names its temp folder and its failure. */
export async function startLanHost(label: string): Promise<LanHost> {
  const [adminPort, lanPort] = [await freePort(), await freePort()];
  const dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), `dd-e2e-${label}-`));
  const root = path.resolve(__dirname, '..', '..', '..');
  const hostJs = path.join(root, process.env['DD_OUT_DIR'] ?? 'out', 'host', 'index.cjs');
  const host = spawn(
    process.execPath,
    [hostJs, '--data-dir', path.join(dataRoot, 'demo'), '--home', path.join(dataRoot, 'home'), '--port', String(adminPort), '--local-only'],
    { cwd: root, env: { ...process.env, DELEGATE_DESK_E2E_LAN_STAND_IN_PORT: String(lanPort) }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const stop = async () => {
    if (host.exitCode === null && host.signalCode === null) {
      const exited = new Promise((r) => host.once('exit', r));
      host.kill('SIGTERM');
      await exited;
    }
    fs.rmSync(dataRoot, { recursive: true, force: true });
  };
  const adminUrl = `http://127.0.0.1:${adminPort}/`;
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(new URL('api/health', adminUrl))).ok) return { adminUrl, lanUrl: `http://127.0.0.1:${lanPort}/`, stop };
    } catch {
      // not listening yet
    }
    if (host.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`the ${label} host did not start (${hostJs})`);
}
