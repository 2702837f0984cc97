import type { CreateEventInput, EventInfo, Result } from '../../contract';
import type { Db } from '../db/connection';
import { DEMO_EVENT_INPUT, seedDemoEvent } from '../demo/seed_demo_event';
import { EventHome } from '../home/event_home';
import type { OpenEventError } from '../workspace/event_workspace';
import { createDispatcher, type Dispatch, type DispatchLog } from './dispatch';
import { buildHandlers, type BuildInfo } from './handlers';
import { HostSession } from './host_session';
import { DeviceService } from '../devices/device_service';
import { PushBus } from './push_bus';
import type { BadgeRenderer } from '../badges';
import { backupServiceFor } from './handlers/backup_handlers';

export interface HostCoreOptions {
  /** The app home (events folder and remembered state). */
  readonly homeDir: string;
  /** An event folder to open, or to create when it is missing or empty. */
  readonly dataDir?: string;
  /** Whether a newly created event gets the demo data (default true). */
  readonly demoIfNew?: boolean;
  readonly build: BuildInfo;
  /** Overrides the demo content (tests use a smaller one). */
  readonly seedDemo?: (db: Db, now: string) => void;
  readonly demoEventInput?: CreateEventInput;
  readonly log?: DispatchLog;
  readonly now?: () => Date;
  /** The Chromium that prints badges in this runtime (desktop window, or a system Chromium). */
  readonly badgeRenderer?: BadgeRenderer | null;
  /** Automatic backups (every few minutes while there are changes, and at close); off unless given. */
  readonly backups?: { readonly intervalMs?: number };
}

/** Everything a transport needs: the dispatcher, the push bus, and the open event. */
export interface HostCore {
  readonly dispatch: Dispatch;
  readonly bus: PushBus;
  readonly session: HostSession;
  /** LAN devices of the open event: pairing, tokens, presence, revocation. */
  readonly devices: DeviceService;
  readonly event: EventInfo;
  close(): void;
}

/** Logs to stderr with ids only: requests and errors never carry personal data into logs. */
export const stderrLog: DispatchLog = {
  error(message, { method, incident, error }) {
    const detail = error instanceof Error ? (error.stack ?? error.message) : JSON.stringify(error);
    process.stderr.write(`[delegate-desk] ${message}: method=${method} incident=${incident}\n${detail}\n`);
  },
};

/**
 * Starts the core: opens (or creates) the event and wires the dispatcher. Used alike by the
 * Electron main process, the headless host and the tests.
 */
export function startHostCore(options: HostCoreOptions): Result<HostCore, OpenEventError> {
  const bus = new PushBus();
  const session = new HostSession({
    home: new EventHome(options.homeDir),
    bus,
    seedDemo: options.seedDemo ?? seedDemoEvent,
    demoEventInput: options.demoEventInput ?? DEMO_EVENT_INPUT,
    now: options.now,
  });
  const started = session.start(options.dataDir, { demoIfNew: options.demoIfNew });
  if (!started.ok) return started;
  const devices = new DeviceService({
    db: () => session.current?.db ?? null,
    publish: (deviceId) => bus.publish('devices.changed', { deviceId }),
    now: options.now,
  });
  // Devices are paired to an event: when the host switches events, the old event's devices go.
  bus.subscribe((message) => {
    if (message.topic === 'event.changed') devices.eventChanged();
  });
  const backups = options.backups ? backupServiceFor(session, { intervalMs: options.backups.intervalMs, log: (line) => process.stderr.write(`[delegate-desk] ${line}\n`) }) : null;
  backups?.start();
  const dispatch = createDispatcher(buildHandlers(session, options.build, devices, options.badgeRenderer ?? null), options.log ?? stderrLog);
  return {
    ok: true,
    value: { dispatch, bus, session, devices, event: started.value, close: () => (backups?.stop(), session.close()) },
  };
}
