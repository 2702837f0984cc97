import fs from 'node:fs';
import path from 'node:path';
import { eventFolderLayout, EventManifestSchema } from '../event_folder/layout';
import { latestGoodBackup } from './backup_service';

/**
 * For an event folder that failed to open as damaged: the newest backup of it that passes its
 * check, and the command that restores it. Offered, never done by itself: staff decide.
 */
export function recoveryOffer(dir: string): { backup: string; command: string } | null {
  const layout = eventFolderLayout(dir);
  let eventId: string | null;
  try {
    const manifest = EventManifestSchema.safeParse(JSON.parse(fs.readFileSync(layout.manifest, 'utf8')));
    eventId = manifest.success ? manifest.data.eventId : null;
  } catch {
    eventId = null;
  }
  if (!eventId) return null;
  const good = latestGoodBackup(layout.backups, eventId);
  if (!good) return null;
  const file = path.join(layout.backups, good.name);
  return { backup: file, command: `delegate-desk restore "${file}" --data-dir "${dir}" --force` };
}
