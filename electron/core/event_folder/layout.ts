import path from 'node:path';
import { z } from 'zod';

/** The files of one event folder; everything an event is lives under it. */
export function eventFolderLayout(dir: string) {
  return {
    dir,
    manifest: path.join(dir, MANIFEST_FILE),
    database: path.join(dir, 'event.sqlite'),
    keys: path.join(dir, 'keys'),
    badgePrivateKey: path.join(dir, 'keys', 'badge-signing-key.pem'),
    badgePublicKey: path.join(dir, 'keys', 'badge-signing-key.pub.pem'),
    backups: path.join(dir, 'backups'),
    photos: path.join(dir, 'photos'),
  };
}
export type EventFolderLayout = ReturnType<typeof eventFolderLayout>;

export const MANIFEST_FILE = 'delegate-desk-event.json';

/**
 * The manifest says "this folder is a Delegate Desk event". It is written last when an
 * event is created, so a folder with a manifest is complete.
 */
export const EventManifestSchema = z.object({
  format: z.literal('delegate-desk-event'),
  formatVersion: z.literal(1),
  eventId: z.string().uuid(),
  createdAt: z.string(),
});
export type EventManifest = z.infer<typeof EventManifestSchema>;
