/**
 * `npm run bench`: host cold start, API round trips in-process and over loopback HTTP, and
 * our HTTP round trip against a bare node:http server answering the same payload, measured
 * in the same run so the ratio is fair on whatever machine runs it.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { startHostCore } from '../../electron/core/api/host_core';
import { startHttpServer } from '../../electron/core/host/http_server';
import { percentile, report, timeMany } from './stats';
import { benchDevices } from './devices_bench';
import { benchBadges } from './badges_bench';
import { benchImport } from './import_bench';
import { benchSearch } from './search_bench';
import { benchDurability } from './crash_bench';
import { benchTally } from './tally_bench';
import { benchCheckin } from './checkin_bench';
import { benchCount } from './count_bench';

const ROUNDS = 2000;
const WARMUP = 200;
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** POSTs JSON over a kept-alive connection and resolves with the body. */
function post(port: number, urlPath: string, body: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path: urlPath, method: 'POST', agent, headers: { 'content-type': 'application/json' } },
      (res) => {
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (data += c));
        res.on('end', () => resolve(data));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Starts the built host as a child and measures spawn → first answer to /api/health. */
async function coldStart(dataDir: string): Promise<number> {
  const hostJs = path.join(__dirname, '..', 'host', 'index.cjs');
  const t0 = performance.now();
  const child = spawn(process.execPath, [hostJs, '--data-dir', dataDir, '--port', '0', '--home', path.join(dataDir, '..', 'home')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /http:\/\/[^\s]+/u.exec(out);
      if (m) resolve(m[0]);
    });
    child.on('exit', () => reject(new Error('host exited before printing its URL')));
  });
  const res = await fetch(new URL('api/health', url));
  await res.json();
  const elapsed = performance.now() - t0;
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  return elapsed;
}

async function main(): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-bench-'));
  try {
    report('host_cold_start_new_event', await coldStart(path.join(tmp, 'cold')), 'ms');
    report('host_cold_start_existing_event', await coldStart(path.join(tmp, 'cold')), 'ms');

    const started = startHostCore({ homeDir: path.join(tmp, 'home'), dataDir: path.join(tmp, 'event'), build: { version: 'bench' } });
    if (!started.ok) throw new Error(started.error.message);
    const core = started.value;
    const caller = { role: 'admin', transport: 'test' } as const;
    const method = 'event.summary';

    const inProcess = await timeMany(ROUNDS, WARMUP, () => core.dispatch(caller, method, {}));
    report('api_roundtrip_inprocess_p50', percentile(inProcess, 50), 'ms');
    report('api_roundtrip_inprocess_p99', percentile(inProcess, 99), 'ms');

    const host = await startHttpServer({ core, host: '127.0.0.1', port: 0, staticDir: null });
    const ours = await timeMany(ROUNDS, WARMUP, () => post(host.port, `/api/${method}`, '{}'));
    report('api_roundtrip_http_p50', percentile(ours, 50), 'ms');
    report('api_roundtrip_http_p99', percentile(ours, 99), 'ms');

    // The baseline: a bare node:http server that answers the same bytes without any work.
    const payload = await post(host.port, `/api/${method}`, '{}');
    const bare = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(payload));
    });
    await new Promise<void>((r) => bare.listen(0, '127.0.0.1', r));
    const barePort = (bare.address() as { port: number }).port;
    const baseline = await timeMany(ROUNDS, WARMUP, () => post(barePort, `/api/${method}`, '{}'));
    report('bare_http_roundtrip_p50', percentile(baseline, 50), 'ms');
    report('bare_http_roundtrip_p99', percentile(baseline, 99), 'ms');
    report('http_roundtrip_ratio_vs_bare_p50', percentile(ours, 50) / percentile(baseline, 50), 'x');
    report('http_roundtrip_ratio_vs_bare_p99', percentile(ours, 99) / percentile(baseline, 99), 'x');

    agent.destroy();
    bare.close();
    await host.close();
    core.close();

    await benchDevices(tmp);
    await benchBadges(tmp);
    await benchImport(tmp);
    await benchSearch(tmp);
    await benchDurability(tmp);
    benchTally();
    await benchCheckin(tmp);
    await benchCount(tmp);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench failed: ${(e as Error).message}\n`);
  process.exit(1);
});
