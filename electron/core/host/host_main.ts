/**
 * The headless host: `npm run host -- --data-dir DIR --port N`. It opens (or creates) the
 * event, serves the UI and the API, and prints its URL. For a mini PC in the demo room or
 * any machine without a desktop.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startHostCore } from '../api/host_core';
import { defaultAppHome } from '../home/app_home';
import { ensureLanCertificate } from '../devices/lan_certificate';
import { readNetworkSettings, writeNetworkSettings } from '../devices/network_settings';
import { startHttpServer } from './http_server';
import { createChromiumBadgeRenderer } from '../badges';
import { renderAddressQr } from './address_qr';
import { recoveryOffer } from '../backup';

const USAGE = `Usage: npm run host -- [--data-dir DIR] [--port N] [--home DIR] [--no-demo] [--lan | --local-only] [--lan-address IP] [--https]
  --data-dir DIR    the event folder to open; a new or empty folder gets a new event
  --port N          the port to serve on (default 4780; 0 picks a free one)
  --home DIR        where events are kept when no --data-dir is given
  --no-demo         a newly created event starts empty instead of with demo data
  --lan             let paired devices on the local network reach this host (every network)
  --lan-address IP  the same, on one network address of this machine only
  --local-only      this machine only, whatever was chosen on the devices screen
  --https           serve LAN devices over HTTPS with the event's own certificate (tablet cameras)
Without --lan or --local-only, the choice last made on the devices screen applies.`;

/** Prints one clear line and exits: the host never answers bad input with a stack trace. */
function fail(message: string): never {
  process.stderr.write(`delegate-desk host: ${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      options: {
        'data-dir': { type: 'string' },
        port: { type: 'string', default: process.env['DELEGATE_DESK_PORT'] ?? '4780' },
        home: { type: 'string' },
        'no-demo': { type: 'boolean', default: false },
        lan: { type: 'boolean', default: false },
        'lan-address': { type: 'string' },
        'local-only': { type: 'boolean', default: false },
        https: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }).values;
  } catch (e) {
    fail(`${(e as Error).message}\n${USAGE}`);
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const port = Number(args.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a number from 0 to 65535, not "${args.port}".`);

  if (args.lan && args['local-only']) fail('--lan and --local-only contradict each other: choose one.');
  const homeDir = args.home ? path.resolve(args.home) : defaultAppHome();
  const saved = readNetworkSettings(homeDir);
  const lanOn = !args['local-only'] && (args.lan || args['lan-address'] !== undefined || saved.lan);
  const useHttps = args.https || saved.https;
  // Tests only: a second loopback port whose callers count as LAN devices (see tests/e2e/devices.spec.ts).
  const standIn = process.env['DELEGATE_DESK_E2E_LAN_STAND_IN_PORT'];

  let pageOrigin: string | null = null;
  const started = startHostCore({
    homeDir,
    dataDir: args['data-dir'] ? path.resolve(args['data-dir']) : undefined,
    demoIfNew: !args['no-demo'],
    build: { version: __APP_VERSION__ },
    // Badge PDFs: a system Chromium opens the print page on this host's own loopback address.
    badgeRenderer: createChromiumBadgeRenderer({ origin: () => pageOrigin }),
    // DELEGATE_DESK_BACKUP_SECONDS shortens the interval (the crash harness); default five minutes.
    backups: { intervalMs: process.env['DELEGATE_DESK_BACKUP_SECONDS'] ? Number(process.env['DELEGATE_DESK_BACKUP_SECONDS']) * 1000 : undefined },
  });
  if (!started.ok) {
    const offer = started.error.code === 'damaged' && args['data-dir'] ? recoveryOffer(path.resolve(args['data-dir'])) : null;
    fail(offer ? `${started.error.message}\nThe newest good backup is ${offer.backup}. To restore it (the damaged database is kept aside):\n  ${offer.command}` : started.error.message);
  }
  const core = started.value;

  let http;
  try {
    http = await startHttpServer({
      core,
      host: '127.0.0.1',
      port,
      staticDir: path.join(__dirname, '..', 'renderer'),
      lan: lanOn ? { address: args['lan-address'] ?? null } : null,
      https: useHttps,
      onNetworkChange: (settings) => writeNetworkSettings(homeDir, settings),
      tls: (addresses) => ensureLanCertificate(core.session.current?.layout.keys ?? path.join(homeDir, 'keys'), addresses),
      lanStandInPort: standIn ? Number(standIn) : undefined,
    });
  } catch (e) {
    core.close();
    const code = (e as { code?: string }).code;
    if (code === 'EADDRINUSE') fail(`port ${port} is already in use: choose another with --port.`);
    if (code === 'EADDRNOTAVAIL') fail(`${args['lan-address'] ?? 'that address'} is not an address of this computer: leave out --lan-address, or pick one of its addresses.`);
    fail(`could not start the server (${code ?? 'unknown error'}).`);
  }
  pageOrigin = http.url;
  process.stdout.write(`Delegate Desk host: ${http.url}\nEvent: ${core.event.name} (${core.event.folderName})\n`);
  const network = http.info();
  if (network.lan) {
    for (const a of network.addresses.filter((x) => x.kind === 'lan')) {
      process.stdout.write(`LAN (${a.interface}): ${a.url}\n`);
    }
    const first = network.addresses.find((x) => x.kind === 'lan' && x.interface !== 'test stand-in');
    if (first && process.stdout.isTTY) process.stdout.write(`${await renderAddressQr(first.url)}\n`);
    if (network.certificateFingerprint) process.stdout.write(`Certificate SHA-256: ${network.certificateFingerprint}\n`);
    process.stdout.write('Pair devices on the devices screen of the admin console above.\n');
  } else if (network.problem) {
    process.stdout.write(`LAN: ${network.problem}\n`);
  }

  const stop = () => {
    void http.close().finally(() => {
      core.close();
      process.exit(0);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
