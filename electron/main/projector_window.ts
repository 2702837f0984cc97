/**
 * The results projector in the desktop app: a second window that shows the count's stage alone
 * (`#/results/projector`: no controls, no menu) while the presenter drives the show from the main
 * window. Policy:
 * - fullscreen on a display other than the main window's when there is one (the projector), else
 *   a normal window on the primary display that the presenter can drag there;
 * - the main window's hardened preferences and preload, tracked by the window registry so its
 *   API calls pass the same sender checks; the web-security guards apply to it as to every window;
 * - never takes focus: it opens (and re-opens) inactive and the presenter's main window keeps
 *   the keyboard, so the next Alt+digit or scanner burst goes where the presenter is looking;
 * - pinned to the stage: any in-page (hash) or cross-page navigation away from PROJECTOR_URL is
 *   turned back, so the public screen cannot become an admin screen (the renderer also drops
 *   the frame and its shortcuts in projector mode: two independent locks);
 * - one at a time: opening again brings the open one back; it closes with the main window;
 * - opened from the View menu or Ctrl/Cmd+Shift+P: no IPC channel, so no page (and no LAN device)
 *   can open windows.
 */
import type { BrowserWindowConstructorOptions, MenuItemConstructorOptions, Rectangle } from 'electron';
import { APP_INDEX_URL } from './app_protocol';
import type { WebContentsLike } from './ipc_transport';
import { buildWindowOptions } from './window_options';

/** The projector's page: the results route in its projector mode. */
export const PROJECTOR_URL = `${APP_INDEX_URL}#/results/projector`;

/** The keyboard shortcut that opens (or focuses) the projector window. */
export const PROJECTOR_ACCELERATOR = 'CmdOrCtrl+Shift+P';

/** The results screen's background, so the projector never flashes white. */
const PROJECTOR_BACKGROUND = '#0b0f16';

/** The part of an Electron Display this module reads. */
export interface DisplayLike {
  readonly id: number;
  readonly bounds: Rectangle;
}

/** The part of Electron's `screen` this module reads. */
export interface ScreenLike {
  getAllDisplays(): DisplayLike[];
  getPrimaryDisplay(): DisplayLike;
  getDisplayMatching(rect: Rectangle): DisplayLike;
}

/** The navigation events of a webContents this module listens to. */
export interface ProjectorContentsLike extends WebContentsLike {
  on(event: 'did-navigate-in-page', listener: (event: unknown, url: string, isMainFrame: boolean) => void): unknown;
  on(event: 'will-navigate', listener: (event: { readonly url?: string; preventDefault(): void }, url: string) => void): unknown;
}

/** The part of a BrowserWindow this module uses. */
export interface ProjectorWindowLike {
  readonly webContents: ProjectorContentsLike;
  loadURL(url: string): Promise<void>;
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  showInactive(): void;
  close(): void;
  once(event: 'ready-to-show', listener: () => void): unknown;
  on(event: 'closed', listener: () => void): unknown;
}

export interface ProjectorOptions {
  /** Makes a window (new BrowserWindow in the app; a fake in tests). */
  readonly createWindow: (options: BrowserWindowConstructorOptions) => ProjectorWindowLike;
  readonly screen: ScreenLike;
  /** The main window's bounds, to put the projector on another display; null when it is gone. */
  readonly mainBounds: () => Rectangle | null;
  /** The registry whose windows may call the core. */
  readonly registry: { track(webContents: WebContentsLike): void };
  readonly preloadPath: string;
  /** Gives the keyboard back to the main window (restoring a minimized window may activate it). */
  readonly focusMain: () => void;
  readonly log?: (message: string) => void;
}

/** The display for the projector: one other than the main window's, else the primary. */
export function pickProjectorDisplay(screen: ScreenLike, mainBounds: Rectangle | null): { display: DisplayLike; external: boolean } {
  const primary = screen.getPrimaryDisplay();
  const home = mainBounds ? screen.getDisplayMatching(mainBounds) : primary;
  const other = screen.getAllDisplays().find((d) => d.id !== home.id);
  return other ? { display: other, external: true } : { display: primary, external: false };
}

/** The projector window's options: the main window's security preferences, placed on its display. */
export function buildProjectorWindowOptions(preloadPath: string, display: DisplayLike, external: boolean): BrowserWindowConstructorOptions {
  const main = buildWindowOptions(preloadPath);
  const { x, y, width, height } = display.bounds;
  const size = external ? { width, height } : { width: Math.min(1280, width), height: Math.min(720, height) };
  return {
    ...main,
    ...size,
    // Inside the chosen display (centred on the primary), so fullscreen happens on that display.
    x: x + Math.round((width - size.width) / 2),
    y: y + Math.round((height - size.height) / 2),
    minWidth: 640,
    minHeight: 360,
    title: 'Delegate Desk — Projector',
    backgroundColor: PROJECTOR_BACKGROUND,
    fullscreen: external,
    autoHideMenuBar: true,
    show: false,
    webPreferences: { ...main.webPreferences },
  };
}

/** Opens, brings back and closes the one projector window. */
export interface ProjectorWindows {
  /** Opens the projector window, or brings the open one back into view; never takes focus. */
  open(): ProjectorWindowLike;
  /** Closes it, if open (the main window closed: the app is ending). */
  close(): void;
  /** Whether it is open. */
  isOpen(): boolean;
}

/** The desktop app's projector window, one at a time. */
export function createProjectorWindows(options: ProjectorOptions): ProjectorWindows {
  let current: ProjectorWindowLike | null = null;
  const alive = () => (current && !current.isDestroyed() ? current : null);
  return {
    open() {
      const open = alive();
      if (open) {
        // Asked for again (minimised, or hidden behind something): back into view, but the
        // presenter keeps typing in the main window; clicking the projector is how to focus it.
        if (open.isMinimized()) open.restore();
        open.showInactive();
        options.focusMain();
        return open;
      }
      const { display, external } = pickProjectorDisplay(options.screen, options.mainBounds());
      const win = options.createWindow(buildProjectorWindowOptions(options.preloadPath, display, external));
      current = win;
      options.registry.track(win.webContents);
      pinToStage(win, options.log);
      win.once('ready-to-show', () => win.showInactive());
      win.on('closed', () => {
        if (current === win) current = null;
      });
      win.loadURL(PROJECTOR_URL).catch((error: unknown) => options.log?.(`the projector window could not load the results: ${error instanceof Error ? error.message : String(error)}`));
      return win;
    },
    close() {
      alive()?.close();
      current = null;
    },
    isOpen: () => alive() !== null,
  };
}

/**
 * Keeps the window on PROJECTOR_URL. Hash changes are in-page navigations, which never emit
 * `will-navigate`, only `did-navigate-in-page` afterwards: those are turned back by loading the
 * stage again (a same-document navigation whose own event carries PROJECTOR_URL, so it stops
 * there). Cross-document navigations are refused before they happen.
 */
function pinToStage(win: ProjectorWindowLike, log: ((message: string) => void) | undefined): void {
  win.webContents.on('did-navigate-in-page', (_event, url, isMainFrame) => {
    if (!isMainFrame || url === PROJECTOR_URL || win.isDestroyed()) return;
    log?.(`the projector window stays on the results stage (it was sent to ${url})`);
    win.loadURL(PROJECTOR_URL).catch((error: unknown) => log?.(`the projector window could not go back to the results: ${error instanceof Error ? error.message : String(error)}`));
  });
  win.webContents.on('will-navigate', (event, legacyUrl) => {
    const url = event.url ?? legacyUrl;
    if (url !== PROJECTOR_URL) event.preventDefault();
  });
}

/**
 * The application menu: the platform's usual menus (so copy, paste and zoom keep working) with
 * "Open projector window" in View. Developer tools only outside a packaged app.
 */
export function buildAppMenuTemplate(platform: NodeJS.Platform, openProjector: () => void, devTools: boolean): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      { label: 'Open projector window', accelerator: PROJECTOR_ACCELERATOR, click: () => openProjector() },
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(devTools ? [{ type: 'separator' } as const, { role: 'reload' } as const, { role: 'toggleDevTools' } as const] : []),
    ],
  };
  return [...(platform === 'darwin' ? [{ role: 'appMenu' } as const] : []), { role: 'fileMenu' }, { role: 'editMenu' }, view, { role: 'windowMenu' }];
}
