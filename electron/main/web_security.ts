/**
 * What any web content in the app may do. Policy (Electron security checklist 5, 12, 13, 14):
 * - pages may only ever be `app://bundle/…`: every navigation, frame navigation or redirect
 *   elsewhere is cancelled, `window.open` is denied, and `<webview>` never attaches;
 * - permissions are denied, except `media` for the camera (badge scanning) asked by the
 *   main frame of `app://bundle`; audio is never granted: nothing in the app records sound;
 * - the guards are installed on every webContents the app creates, not only the main
 *   window, so a future window or devtools-opened page cannot escape them.
 * The decisions are pure functions so the tests can prove them without Electron.
 */
import type { App, Session, WebContents } from 'electron';
import { APP_HOST, APP_SCHEME } from './app_protocol';

/** Whether a URL (or an origin such as `app://bundle`) belongs to the bundled renderer. */
export function isAppUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // `origin` is "null" for non-special schemes in WHATWG URL, so compare the parts instead.
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && !parsed.username && !parsed.password;
}

/** The parts of Electron's permission details that the decision reads. */
export interface PermissionDetails {
  readonly requestingUrl?: string;
  readonly securityOrigin?: string;
  readonly embeddingOrigin?: string;
  readonly isMainFrame?: boolean;
  /** Request handler: what getUserMedia asked for. */
  readonly mediaTypes?: ReadonlyArray<string>;
  /** Check handler: the kind of device being checked. */
  readonly mediaType?: string;
}

/** Whether the media part of a permission asks for the camera only. */
function isVideoOnly(details: PermissionDetails): boolean {
  if (details.mediaTypes !== undefined) {
    return details.mediaTypes.length > 0 && details.mediaTypes.every((t) => t === 'video');
  }
  if (details.mediaType !== undefined) return details.mediaType === 'video';
  return true; // Electron gave no media type: the origin checks alone decide
}

/**
 * The permission policy: `media` (camera only) for the main frame of `app://bundle`;
 * everything else, from anywhere, is denied.
 */
export function isAllowedPermission(permission: string, requestingUrl: string, details: PermissionDetails = {}): boolean {
  if (permission !== 'media') return false;
  if (details.isMainFrame === false) return false;
  if (!isAppUrl(requestingUrl)) return false;
  // Every other URL Electron tells us about must be ours too, not just the positional one.
  const others = [details.requestingUrl, details.securityOrigin, details.embeddingOrigin];
  if (others.some((u) => u !== undefined && u !== '' && !isAppUrl(u))) return false;
  return isVideoOnly(details);
}

/** Logs a blocked navigation without the URL's query, which could carry data. */
function reportBlocked(kind: string, url: string): void {
  let shown: string;
  try {
    const parsed = new URL(url);
    shown = `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  } catch {
    shown = url.slice(0, 80);
  }
  process.stderr.write(`[delegate-desk] blocked ${kind} to ${shown}\n`);
}

/** Installs the navigation, new-window and webview guards on one webContents. */
export function guardWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, legacyUrl) => {
    const url = event.url ?? legacyUrl;
    if (!isAppUrl(url)) {
      event.preventDefault();
      reportBlocked('navigation', url);
    }
  });
  // Fires for sub-frames too (will-navigate is main frame only).
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) {
      event.preventDefault();
      reportBlocked('frame navigation', event.url);
    }
  });
  contents.on('will-redirect', (event, legacyUrl) => {
    const url = event.url ?? legacyUrl;
    if (!isAppUrl(url)) {
      event.preventDefault();
      reportBlocked('redirect', url);
    }
  });
  // The app opens no windows from the renderer; links to the outside world are not followed.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
}

/** Installs the session's permission handlers (request and check, both are needed). */
export function installPermissionHandlers(session: Session): void {
  session.setPermissionRequestHandler((webContents, permission, callback, details) => {
    const requestingUrl = details.requestingUrl || webContents.getURL();
    callback(isAllowedPermission(permission, requestingUrl, details as PermissionDetails));
  });
  session.setPermissionCheckHandler((_webContents, permission, requestingOrigin, details) =>
    isAllowedPermission(permission, requestingOrigin, details as PermissionDetails),
  );
  // HID, serial and USB devices: never (a keyboard-wedge scanner needs none of them).
  session.setDevicePermissionHandler(() => false);
}

/** Applies the policy to the session and to every webContents the app will create. */
export function installWebSecurity(app: Pick<App, 'on'>, session: Session): void {
  installPermissionHandlers(session);
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
}
