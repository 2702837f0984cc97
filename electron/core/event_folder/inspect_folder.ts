import fs from 'node:fs';
import { EventManifestSchema, eventFolderLayout, type EventManifest } from './layout';

export type FolderState =
  | { kind: 'missing' }
  | { kind: 'empty' }
  | { kind: 'event'; manifest: EventManifest }
  | { kind: 'damaged_manifest' }
  | { kind: 'foreign'; reason: string };

// Files an OS or a file manager drops into any folder; they do not make a folder "someone else's".
const HARMLESS_ENTRIES = new Set(['.DS_Store', 'Thumbs.db', 'desktop.ini']);

/** Looks at a folder without changing it and says what it holds. */
export function inspectFolder(dir: string): FolderState {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(dir);
  } catch {
    return { kind: 'missing' };
  }
  if (!stat.isDirectory()) return { kind: 'foreign', reason: 'it is a file, not a folder' };
  const layout = eventFolderLayout(dir);
  if (fs.existsSync(layout.manifest)) {
    try {
      const parsed = EventManifestSchema.safeParse(JSON.parse(fs.readFileSync(layout.manifest, 'utf8')));
      return parsed.success ? { kind: 'event', manifest: parsed.data } : { kind: 'damaged_manifest' };
    } catch {
      return { kind: 'damaged_manifest' };
    }
  }
  const entries = fs.readdirSync(dir).filter((e) => !HARMLESS_ENTRIES.has(e));
  return entries.length === 0 ? { kind: 'empty' } : { kind: 'foreign', reason: 'it holds other files' };
}

/**
 * Whether we can write in the folder. A real probe rather than access(2): root passes
 * access checks on read-only mounts and immutable folders, but cannot create a file there.
 */
export function isFolderWritable(dir: string): boolean {
  const probe = `${dir}/.delegate-desk-write-probe-${process.pid}`;
  try {
    fs.writeFileSync(probe, '');
    fs.rmSync(probe);
    return true;
  } catch {
    return false;
  }
}
