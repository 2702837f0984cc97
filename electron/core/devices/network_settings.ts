import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const NetworkSettingsSchema = z.object({
  /** Whether LAN devices may reach the host (listen on every network). */
  lan: z.boolean(),
  /** Whether LAN devices get HTTPS with the event's own certificate (camera on tablets). */
  https: z.boolean(),
});
export type NetworkSettings = z.infer<typeof NetworkSettingsSchema>;

const DEFAULTS: NetworkSettings = { lan: false, https: false };

/** The remembered network choice, shared by the desktop app and host mode (in the app home). */
export function readNetworkSettings(homeDir: string): NetworkSettings {
  try {
    const parsed = NetworkSettingsSchema.partial().safeParse(JSON.parse(fs.readFileSync(path.join(homeDir, 'network.json'), 'utf8')));
    if (parsed.success) return { ...DEFAULTS, ...parsed.data };
  } catch {
    // first start or a damaged file: this machine only, the safe default
  }
  return { ...DEFAULTS };
}

/** Remembers the network choice; written atomically (temp file + rename). */
export function writeNetworkSettings(homeDir: string, changes: Partial<NetworkSettings>): NetworkSettings {
  const next = { ...readNetworkSettings(homeDir), ...changes };
  fs.mkdirSync(homeDir, { recursive: true });
  const file = path.join(homeDir, 'network.json');
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(next, null, 2));
  fs.renameSync(tmp, file);
  return next;
}
