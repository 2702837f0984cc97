import { err, ok, type CreateEventInput, type EventInfo, type Result } from '../../contract';
import type { Db } from '../db/connection';
import { type EventHome } from '../home/event_home';
import { inspectFolder } from '../event_folder/inspect_folder';
import { createEventFolder, openEventFolder, type EventWorkspace, type OpenEventError } from '../workspace/event_workspace';
import type { PushBus } from './push_bus';

export interface HostSessionOptions {
  readonly home: EventHome;
  readonly bus: PushBus;
  /** Fills a new demo event; injected so that the session does not depend on demo content. */
  readonly seedDemo: (db: Db, now: string) => void;
  readonly demoEventInput: CreateEventInput;
  readonly now?: () => Date;
}

/** Hooks around an event's life in the session; they must not throw. */
export interface SessionLifecycle {
  opened?(ws: EventWorkspace): void;
  closing?(ws: EventWorkspace): void;
}

/**
 * The host's state: which event is open. Exactly one event is open at a time; switching
 * opens the new one first and closes the old one only when that succeeded.
 */
export class HostSession {
  private workspace: EventWorkspace | null = null;
  private readonly lifecycle: SessionLifecycle[] = [];

  constructor(private readonly options: HostSessionOptions) {}

  get home(): EventHome {
    return this.options.home;
  }

  /** The push bus, for handlers that report progress (a long import) to every screen. */
  get bus(): PushBus {
    return this.options.bus;
  }

  /** The open event, or null before one is opened. */
  get current(): EventWorkspace | null {
    return this.workspace;
  }

  /**
   * Opens the event at `dir`, creating it (with demo data unless told otherwise) when the
   * folder is missing or empty. Without `dir`, reopens the last event, or creates the demo.
   */
  start(dir?: string, options: { demoIfNew?: boolean } = {}): Result<EventInfo, OpenEventError> {
    const target = dir ?? this.home.readState().lastFolder ?? this.home.listEvents()[0]?.dir;
    if (target) {
      const state = inspectFolder(target);
      if (state.kind === 'missing' || state.kind === 'empty') {
        const input = options.demoIfNew === false ? { ...this.options.demoEventInput, name: 'New event', withDemoData: false } : this.options.demoEventInput;
        return this.createIn(target, input);
      }
      return this.adopt(openEventFolder(target));
    }
    return this.createIn(this.home.newFolderFor(this.options.demoEventInput.name), this.options.demoEventInput);
  }

  /** Creates an event in a new folder of the home's events folder and switches to it. */
  create(input: CreateEventInput): Result<EventInfo, OpenEventError> {
    return this.createIn(this.home.newFolderFor(input.name), input);
  }

  /** Switches to a known event by id. */
  open(id: string): Result<EventInfo, OpenEventError> {
    const known = this.home.listEvents().find((e) => e.id === id);
    if (!known) return err('not_found', 'That event is not on this computer any more. Refresh the list of events.');
    if (this.workspace?.manifest.eventId === id) return ok(this.workspace.info());
    return this.adopt(openEventFolder(known.dir));
  }

  /** Tells `hooks` when an event opened and just before one closes (backups hook in here). */
  onLifecycle(hooks: SessionLifecycle): void {
    this.lifecycle.push(hooks);
  }

  private closeCurrent(): void {
    const ws = this.workspace;
    if (!ws) return;
    for (const h of this.lifecycle) h.closing?.(ws);
    ws.close();
  }

  /** Closes the open event (on quit). */
  close(): void {
    this.closeCurrent();
    this.workspace = null;
  }

  private createIn(dir: string, input: CreateEventInput): Result<EventInfo, OpenEventError> {
    const seed = input.withDemoData ? this.options.seedDemo : undefined;
    return this.adopt(createEventFolder(dir, input, { now: this.options.now, seed }));
  }

  private adopt(opened: Result<EventWorkspace, OpenEventError>): Result<EventInfo, OpenEventError> {
    if (!opened.ok) return opened;
    this.closeCurrent();
    this.workspace = opened.value;
    for (const h of this.lifecycle) h.opened?.(opened.value);
    this.home.remember(opened.value.layout.dir);
    const info = opened.value.info();
    this.options.bus.publish('event.changed', { eventId: info.id });
    return ok(info);
  }
}
