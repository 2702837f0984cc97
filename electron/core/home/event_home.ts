import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { connect } from '../db/connection';
import { getEventInfo } from '../events/event_store';
import { inspectFolder } from '../event_folder/inspect_folder';
import { eventFolderLayout } from '../event_folder/layout';

const HomeStateSchema = z.object({
  lastFolder: z.string().nullable(),
  recentFolders: z.array(z.string()).max(50),
});
type HomeState = z.infer<typeof HomeStateSchema>;

/** An event this machine knows, with the folder it lives in (the folder stays on the host). */
export interface KnownEvent {
  id: string;
  dir: string;
  name: string;
  startDate: string;
  endDate: string;
  isDemo: boolean;
}

/**
 * The app's home folder: `events/` holds the events created from the app, and `state.json`
 * remembers the last event and others opened from elsewhere.
 */
export class EventHome {
  readonly eventsDir: string;
  private readonly stateFile: string;

  constructor(readonly dir: string) {
    this.eventsDir = path.join(dir, 'events');
    this.stateFile = path.join(dir, 'state.json');
  }

  /** Reads the remembered state; a missing or damaged file means "nothing remembered". */
  readState(): HomeState {
    try {
      const parsed = HomeStateSchema.safeParse(JSON.parse(fs.readFileSync(this.stateFile, 'utf8')));
      if (parsed.success) return parsed.data;
    } catch {
      // fall through: first start, or a damaged file that we simply rewrite later
    }
    return { lastFolder: null, recentFolders: [] };
  }

  /** Remembers a folder as the last one opened; written atomically (temp file + rename). */
  remember(dir: string): void {
    const state = this.readState();
    const resolved = path.resolve(dir);
    const next: HomeState = {
      lastFolder: resolved,
      recentFolders: [resolved, ...state.recentFolders.filter((d) => d !== resolved)].slice(0, 50),
    };
    fs.mkdirSync(this.dir, { recursive: true });
    const tmp = `${this.stateFile}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(next, null, 2));
    fs.renameSync(tmp, this.stateFile);
  }

  /** A new folder under events/ named after the event, never one that exists already. */
  newFolderFor(name: string): string {
    const slug =
      name
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/gu, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/gu, '-')
        .replace(/^-+|-+$/gu, '')
        .slice(0, 48) || 'event';
    let candidate = path.join(this.eventsDir, slug);
    for (let i = 2; fs.existsSync(candidate); i++) candidate = path.join(this.eventsDir, `${slug}-${i}`);
    return candidate;
  }

  /** Every event folder under events/ and every remembered one that still holds an event. */
  listEvents(): KnownEvent[] {
    const dirs = new Set<string>();
    if (fs.existsSync(this.eventsDir)) {
      for (const entry of fs.readdirSync(this.eventsDir, { withFileTypes: true })) {
        if (entry.isDirectory()) dirs.add(path.join(this.eventsDir, entry.name));
      }
    }
    for (const d of this.readState().recentFolders) dirs.add(d);
    const events: KnownEvent[] = [];
    for (const dir of dirs) {
      const known = readKnownEvent(dir);
      if (known && !events.some((e) => e.id === known.id)) events.push(known);
    }
    return events.sort((a, b) => b.startDate.localeCompare(a.startDate) || a.name.localeCompare(b.name));
  }
}

/** Reads an event's name and dates read-only; anything unreadable is simply not listed. */
function readKnownEvent(dir: string): KnownEvent | null {
  const state = inspectFolder(dir);
  if (state.kind !== 'event') return null;
  try {
    const db = connect(eventFolderLayout(dir).database, { readonly: true });
    try {
      const info = getEventInfo(db, dir);
      if (!info || info.id !== state.manifest.eventId) return null;
      return { id: info.id, dir, name: info.name, startDate: info.startDate, endDate: info.endDate, isDemo: info.isDemo };
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}
