/**
 * Soak: the built host as a child process, 50 paired devices holding push WebSockets (20 desks,
 * booths, projectors, presenters) and the 20 desks working for minutes (DD_SOAK_SECONDS,
 * default 150): searches, check-in scans, person lookups and walk-ins. Reports requests,
 * errors, p50/p99 latency, the host's RSS at start and end, and lost push events: every
 * walk-in publishes exactly one `data.changed`, which every desk, presenter and projector must
 * receive (booths must not).
 */
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import WebSocket from 'ws';
import { PUSH_WS_PROTOCOL, type PairedRole } from '../../electron/contract';
import { builtHostPath, startHost, type HostProcess } from '../crash/host_process';
import { percentile, report } from './stats';

const DEVICES = 50;
const DESKS = 20;
const QUERIES = ['kim', 'müller', '김', 'ali', 'rossi', 'nguyen', 'a', 'jun', 'garcia', 'ol'];

function roleOf(i: number): PairedRole {
  if (i < DESKS) return 'desk';
  return (['booth', 'booth', 'booth', 'projector', 'presenter'] as const)[i % 5] ?? 'booth';
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** The host's resident memory, from /proc (Linux); NaN elsewhere. */
function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/u.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m?.[1] ? Number(m[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

interface Answer { ok: boolean; value?: unknown; error?: { code: string } }

function call(agent: http.Agent, port: number, method: string, input: unknown, token?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path: `/api/${method}`, method: 'POST', agent, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => {
          try {
            resolve(JSON.parse(body) as Answer);
          } catch {
            reject(new Error(`status ${res.statusCode}: not JSON`));
          }
        });
      },
    );
    req.setTimeout(30_000, () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(JSON.stringify(input));
  });
}

/** Runs the soak against a fresh demo event; `seconds` of load after pairing and warm-up. */
export async function benchSoak(tmp: string, seconds = Number(process.env['DD_SOAK_SECONDS'] ?? 150)): Promise<void> {
  const lanPort = await freePort();
  const host: HostProcess = await startHost(builtHostPath(), path.join(tmp, 'soak-event'), path.join(tmp, 'soak-home'), { DELEGATE_DESK_E2E_LAN_STAND_IN_PORT: String(lanPort) });
  const adminPort = Number(new URL(host.url).port);
  // Idle kept-alive sockets are closed here after 20 s, before the server's idle timeout can
  // close one just as it is reused (a reset browsers retry by themselves; a bench must not race).
  const agent = new http.Agent({ keepAlive: true, maxSockets: DESKS + 5, timeout: 20_000 });
  const sockets: WebSocket[] = [];
  try {
    const tokens: string[] = [];
    for (let i = 0; i < DEVICES; i++) {
      const offer = await call(agent, adminPort, 'devices.pairingStart', { role: roleOf(i), name: `Soak ${i + 1}` });
      const paired = await call(agent, lanPort, 'devices.pair', { code: (offer.value as { code: string }).code });
      if (!paired.ok) throw new Error(`pairing failed: ${paired.error?.code}`);
      tokens.push((paired.value as { token: string }).token);
    }
    const heard = new Array<number>(DEVICES).fill(0);
    let disconnects = 0;
    await Promise.all(
      tokens.map(
        (token, i) =>
          new Promise<void>((resolve, reject) => {
            const ws = new WebSocket(`ws://127.0.0.1:${lanPort}/api/events`, [PUSH_WS_PROTOCOL, `bearer.${token}`]);
            ws.once('open', () => resolve());
            ws.once('error', reject);
            ws.on('close', () => disconnects++);
            ws.on('message', (data: Buffer) => {
              const m = JSON.parse(data.toString()) as { topic?: string; payload?: { scope?: string } };
              if (m.topic === 'data.changed' && m.payload?.scope === 'participants') heard[i] = (heard[i] ?? 0) + 1;
            });
            sockets.push(ws);
          }),
      ),
    );
    const people = ((await call(agent, adminPort, 'participants.list', { query: '', limit: 64 })).value as { items: Array<{ id: number }> }).items.map((p) => p.id);
    const canScan = (await call(agent, lanPort, 'checkin.status', { participantId: people[0] ?? 1 }, tokens[0])).error?.code !== 'unknown_method';
    await new Promise((r) => setTimeout(r, 500));
    const rssStart = rssMb(host.child.pid ?? 0);

    const latencies: number[] = [];
    let requests = 0;
    let errors = 0;
    let walkIns = 0;
    const errorCodes = new Map<string, number>();
    const end = performance.now() + seconds * 1000;
    const desk = async (d: number) => {
      const token = tokens[d] ?? '';
      for (let n = 0; performance.now() < end; n++) {
        const kind = n % 10;
        const person = people[(d * 7 + n) % people.length] ?? 1;
        const [method, input] =
          kind === 9
            ? ['participants.create', { fields: { externalId: null, title: '', familyName: `SOAK${d}X${n}`, givenName: 'Walk', nativeName: '', nativeNameLang: null, displayName: '', organisation: '', position: '', country: 'KR', delegationId: null, categoryCode: 'speaker', languages: [], email: '', phone: '', notes: '', protocolOrder: 0 } }]
            : kind % 3 === 0 && canScan
              ? ['checkin.scan', { participantId: person, sessionId: null, source: 'search', operator: `desk ${d}`, clientScanId: `soak-${d}-${n}-${Date.now().toString(36)}` }]
              : kind === 4
                ? ['participants.get', { id: person }]
                : ['participants.list', { query: QUERIES[(d + n) % QUERIES.length], limit: 20 }];
        const t0 = performance.now();
        try {
          const r = await call(agent, lanPort, method as string, input, token);
          latencies.push(performance.now() - t0);
          requests++;
          if (!r.ok) {
            errors++;
            errorCodes.set(`${method}:${r.error?.code}`, (errorCodes.get(`${method}:${r.error?.code}`) ?? 0) + 1);
          } else if (method === 'participants.create') walkIns++;
        } catch (e) {
          requests++;
          errors++;
          const key = `${method}:transport ${(e as Error).message}`;
          errorCodes.set(key, (errorCodes.get(key) ?? 0) + 1);
        }
        // A desk is a person with a queue: a request every ~100 ms, not a tight loop.
        await new Promise((r) => setTimeout(r, 60 + ((d * 13 + n * 7) % 80)));
      }
    };
    const t0 = performance.now();
    await Promise.all(Array.from({ length: DESKS }, (_, d) => desk(d)));
    const elapsed = (performance.now() - t0) / 1000;
    await new Promise((r) => setTimeout(r, 1500)); // the last pushes in flight arrive
    const rssEnd = rssMb(host.child.pid ?? 0);
    let lost = 0;
    let leaked = 0;
    heard.forEach((n, i) => {
      if (roleOf(i) === 'booth') leaked += n;
      else lost += Math.max(0, walkIns - n);
    });
    report('soak_duration', elapsed, 's');
    report('soak_devices_connected', DEVICES, 'devices');
    report('soak_desks_working', DESKS, 'desks');
    report('soak_requests', requests, 'requests');
    report('soak_requests_per_second', requests / elapsed, 'req/s');
    report('soak_errors', errors, 'errors');
    report('soak_latency_p50', percentile(latencies, 50), 'ms');
    report('soak_latency_p99', percentile(latencies, 99), 'ms');
    report('soak_host_rss_start', rssStart, 'MB');
    report('soak_host_rss_end', rssEnd, 'MB');
    report('soak_walkins_pushed', walkIns, 'events');
    report('soak_push_deliveries_expected', walkIns * heard.filter((_, i) => roleOf(i) !== 'booth').length, 'pushes');
    report('soak_push_lost', lost, 'pushes');
    report('soak_push_leaked_to_booths', leaked, 'pushes');
    report('soak_websocket_disconnects', disconnects, 'sockets');
    report('soak_checkin_scans_included', canScan ? 1 : 0, 'bool');
    for (const [code, n] of errorCodes) process.stderr.write(`soak error ${code}: ${n}\n`);
  } finally {
    for (const ws of sockets) ws.close();
    agent.destroy();
    await host.stop();
  }
}
