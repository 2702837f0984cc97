/**
 * The Electron main process: lifecycle and wiring only. The decisions live in the modules it
 * imports (protocol, window options, web security, IPC), which are tested without Electron.
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session } from 'electron';
import { startHostCore, type HostCore } from '../core/api/host_core';
import { defaultAppHome } from '../core/home/app_home';
import { ensureLanCertificate } from '../core/devices/lan_certificate';
import { readNetworkSettings, writeNetworkSettings } from '../core/devices/network_settings';
import { startHttpServer, type HttpHost } from '../core/host/http_server';
import { APP_INDEX_URL, handleAppProtocol, registerAppScheme } from './app_protocol';
import { createShutdown, httpPortFromEnv, messageOf } from './app_lifecycle';
import { createElectronBadgeRenderer } from './badge_window';
import { registerIpcTransport, WindowRegistry } from './ipc_transport';
import { buildAppMenuTemplate, createProjectorWindows, type ProjectorWindows } from './projector_window';
import { installWebSecurity } from './web_security';
import { buildWindowOptions } from './window_options';

// The bundle sits next to this file once built: out/main/index.cjs, out/preload, out/renderer
// (inside app.asar when packaged).
const RENDERER_DIR = path.join(__dirname, '..', 'renderer');
const PRELOAD_PATH = path.join(__dirname, '..', 'preload', 'index.cjs');

let core: HostCore | null = null;
let http: HttpHost | null = null;
let mainWindow: BrowserWindow | null = null;
let stopIpc: (() => void) | null = null;
let projector: ProjectorWindows | null = null;
const registry = new WindowRegistry();

const shutdown = createShutdown([
  () => stopIpc?.(),
  () => http?.close(),
  // Last: the database must be closed whatever happened to the server.
  () => core?.close(),
]);

/** Tells the person why the app cannot start, then quits (a message, never a stack trace). */
function failToStart(message: string): void {
  process.stderr.write(`[delegate-desk] cannot start: ${message}\n`);
  dialog.showErrorBox('Delegate Desk cannot start', message);
  app.quit();
}

function createMainWindow(): BrowserWindow {
  const win = new BrowserWindow(buildWindowOptions(PRELOAD_PATH));
  registry.track(win.webContents);
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
    // The projector shows what this window drives: it goes with it (and the app quits).
    projector?.close();
  });
  win.loadURL(APP_INDEX_URL).catch((error: unknown) => {
    process.stderr.write(`[delegate-desk] the window could not load the app: ${messageOf(error)}\n`);
  });
  return win;
}

/**
 * The HTTP server serves LAN devices (when staff let them in on the devices screen, which
 * remembers the choice) and a browser on this machine; failing to listen is not fatal.
 */
async function startLocalServer(started: HostCore): Promise<void> {
  const port = httpPortFromEnv();
  const home = defaultAppHome();
  const network = readNetworkSettings(home);
  try {
    http = await startHttpServer({
      core: started,
      host: '127.0.0.1',
      port,
      staticDir: RENDERER_DIR,
      lan: network.lan ? { address: null } : null,
      https: network.https,
      onNetworkChange: (settings) => writeNetworkSettings(home, settings),
      tls: (addresses) => ensureLanCertificate(started.session.current?.layout.keys ?? path.join(home, 'keys'), addresses),
    });
    process.stdout.write(`Delegate Desk host: ${http.url}\n`);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const reason = typeof code === 'string' ? code : messageOf(error);
    process.stderr.write(`[delegate-desk] no local web server on 127.0.0.1:${port} (${reason}); the desktop window works without it.\n`);
    started.devices?.attachNetwork(null, `The web server could not start on port ${port} (${reason}), so devices cannot connect. Close what uses the port, then restart Delegate Desk.`);
  }
}

function onReady(): void {
  installWebSecurity(app, session.defaultSession);
  try {
    // Badges print from a hidden window of this app, through the same page the host serves.
    const badgeRenderer = createElectronBadgeRenderer({ createWindow: (o) => new BrowserWindow(o), registry, preloadPath: PRELOAD_PATH });
    const started = startHostCore({ homeDir: defaultAppHome(), build: { version: app.getVersion() }, badgeRenderer, backups: {} });
    if (!started.ok) {
      failToStart(started.error.message);
      return;
    }
    core = started.value;
  } catch (error) {
    failToStart(messageOf(error));
    return;
  }
  handleAppProtocol(protocol, RENDERER_DIR);
  stopIpc = registerIpcTransport({ ipcMain, core, registry });
  mainWindow = createMainWindow();
  // The results projector: View menu or Ctrl/Cmd+Shift+P, on a second display when there is one.
  projector = createProjectorWindows({
    createWindow: (o) => new BrowserWindow(o),
    screen,
    mainBounds: () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow.getBounds() : null),
    registry,
    preloadPath: PRELOAD_PATH,
    focusMain: () => {
      if (mainWindow && !mainWindow.isDestroyed()) mainWindow.focus();
    },
    log: (message) => process.stderr.write(`[delegate-desk] ${message}\n`),
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildAppMenuTemplate(process.platform, () => projector?.open(), !app.isPackaged)));
  void startLocalServer(core);
}

// Every renderer is sandboxed, whatever a future window's options say. Must precede 'ready'.
app.enableSandbox();
// Privileged schemes can only be registered before 'ready'.
registerAppScheme(protocol);

if (!app.requestSingleInstanceLock()) {
  // Another instance owns the event database; it gets focused instead (second-instance).
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  // One window is the app: closing it quits, on macOS too, so the database is closed.
  app.on('window-all-closed', () => app.quit());
  let shutdownDone = false;
  app.on('before-quit', (event) => {
    if (shutdownDone) return;
    // Hold the quit until the server and the database are closed, then quit for real.
    event.preventDefault();
    void shutdown().finally(() => {
      shutdownDone = true;
      app.quit();
    });
  });
  app
    .whenReady()
    .then(onReady)
    .catch((error: unknown) => failToStart(messageOf(error)));
}
