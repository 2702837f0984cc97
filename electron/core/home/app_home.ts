import os from 'node:os';
import path from 'node:path';

/**
 * Where Delegate Desk keeps its events when no folder is named. Computed here rather than
 * asked of Electron so that the desktop app, the host mode and the CLI share one place.
 */
export function defaultAppHome(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const explicit = env['DELEGATE_DESK_HOME'];
  if (explicit) return path.resolve(explicit);
  const home = os.homedir();
  switch (platform) {
    case 'win32':
      return path.join(env['APPDATA'] ?? path.join(home, 'AppData', 'Roaming'), 'Delegate Desk');
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', 'Delegate Desk');
    default:
      return path.join(env['XDG_DATA_HOME'] ?? path.join(home, '.local', 'share'), 'delegate-desk');
  }
}
