/**
 * The headless host: `npm run host -- --data-dir DIR --port N`. It opens (or creates) the
 * event, serves the UI and the API, and prints its URL. For a mini PC in the demo room or
 * any machine without a desktop.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startHostCore } from '../api/host_core';
import { defaultAppHome } from '../home/app_home';
import { startHttpServer } from './http_server';

const USAGE = `Usage: npm run host -- [--data-dir DIR] [--port N] [--home DIR] [--no-demo]
  --data-dir DIR  the event folder to open; a new or empty folder gets a new event
  --port N        the port to serve on (default 4780; 0 picks a free one)
  --home DIR      where events are kept when no --data-dir is given
  --no-demo       a newly created event starts empty instead of with demo data`;

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

  const started = startHostCore({
    homeDir: args.home ? path.resolve(args.home) : defaultAppHome(),
    dataDir: args['data-dir'] ? path.resolve(args['data-dir']) : undefined,
    demoIfNew: !args['no-demo'],
    build: { version: __APP_VERSION__ },
  });
  if (!started.ok) fail(started.error.message);
  const core = started.value;

  let http;
  try {
    http = await startHttpServer({ core, host: '127.0.0.1', port, staticDir: path.join(__dirname, '..', 'renderer') });
  } catch (e) {
    core.close();
    const code = (e as { code?: string }).code;
    fail(code === 'EADDRINUSE' ? `port ${port} is already in use: choose another with --port.` : `could not start the server (${code ?? 'unknown error'}).`);
  }
  process.stdout.write(`Delegate Desk host: ${http.url}\nEvent: ${core.event.name} (${core.event.folderName})\n`);

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
