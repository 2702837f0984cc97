// The main process wiring (electron/main/index.ts) against a mocked Electron: what happens
// before ready, on ready, when the core or the HTTP server fails, and on quit.
import { beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { defaultAppHome } from '../../electron/core/home/app_home';

type Listener = (...args: unknown[]) => unknown;

const h = vi.hoisted(() => {
  const state = {
    order: [] as string[],
    appListeners: new Map<string, Listener[]>(),
    windows: [] as Array<{ options: unknown; loadURL: ReturnType<typeof vi.fn>; show: ReturnType<typeof vi.fn> }>,
    lock: true,
  };
  const emitApp = (name: string, ...args: unknown[]) => {
    for (const fn of state.appListeners.get(name) ?? []) fn(...args);
  };
  const app = {
    enableSandbox: vi.fn(() => void state.order.push('enableSandbox')),
    requestSingleInstanceLock: vi.fn(() => state.lock),
    on: vi.fn((name: string, fn: Listener) => {
      state.order.push(`app.on:${name}`);
      state.appListeners.set(name, [...(state.appListeners.get(name) ?? []), fn]);
      return app;
    }),
    whenReady: vi.fn(() => {
      state.order.push('whenReady');
      return Promise.resolve();
    }),
    getVersion: vi.fn(() => '9.9.9'),
    quit: vi.fn(),
  };
  const BrowserWindow = vi.fn(function (this: Record<string, unknown>, options: unknown) {
    state.order.push('new BrowserWindow');
    const listeners = new Map<string, Listener>();
    this['options'] = options;
    this['webContents'] = {
      id: state.windows.length + 1,
      mainFrame: { url: 'app://bundle/index.html', parent: null, frameTreeNodeId: 1 },
      isDestroyed: () => false,
      getURL: () => 'app://bundle/index.html',
      send: vi.fn(),
      once: vi.fn(),
    };
    this['loadURL'] = vi.fn(async () => undefined);
    this['show'] = vi.fn();
    this['once'] = vi.fn((name: string, fn: Listener) => listeners.set(name, fn));
    this['on'] = vi.fn((name: string, fn: Listener) => listeners.set(name, fn));
    this['emit'] = (name: string) => listeners.get(name)?.();
    state.windows.push(this as never);
  });
  const electron = {
    app,
    BrowserWindow,
    dialog: { showErrorBox: vi.fn() },
    // The application menu with the projector window's item (projector_window.test.ts tests it).
    Menu: { buildFromTemplate: vi.fn((template: unknown) => ({ template })), setApplicationMenu: vi.fn() },
    screen: { getAllDisplays: vi.fn(() => []), getPrimaryDisplay: vi.fn(), getDisplayMatching: vi.fn() },
    ipcMain: { handle: vi.fn(), removeHandler: vi.fn() },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(() => void state.order.push('registerSchemesAsPrivileged')),
      handle: vi.fn(() => void state.order.push('protocol.handle')),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: vi.fn(() => void state.order.push('setPermissionRequestHandler')),
        setPermissionCheckHandler: vi.fn(),
        setDevicePermissionHandler: vi.fn(),
      },
    },
  };
  const core = {
    dispatch: vi.fn(async () => ({ ok: true, value: 1 })),
    bus: { subscribe: vi.fn(() => () => undefined) },
    close: vi.fn(() => void state.order.push('core.close')),
  };
  const http = { url: 'http://127.0.0.1:4780/', close: vi.fn(async () => void state.order.push('http.close')) };
  const startHostCore = vi.fn((): unknown => ({ ok: true, value: core }));
  const startHttpServer = vi.fn(async (): Promise<unknown> => http);
  return { state, emitApp, electron, core, http, startHostCore, startHttpServer };
});

vi.mock('electron', () => h.electron);
vi.mock('../../electron/core/api/host_core', () => ({ startHostCore: h.startHostCore }));
vi.mock('../../electron/core/host/http_server', () => ({ startHttpServer: h.startHttpServer }));

/** Imports the main process afresh and lets its whenReady continuation run. */
async function startMain(): Promise<void> {
  vi.resetModules();
  await import('../../electron/main/index');
  await new Promise((resolve) => setTimeout(resolve, 0));
}

let stdout: MockInstance<typeof process.stdout.write>;
let stderr: MockInstance<typeof process.stderr.write>;

beforeEach(() => {
  vi.clearAllMocks();
  h.state.order.length = 0;
  h.state.appListeners.clear();
  h.state.windows.length = 0;
  h.state.lock = true;
  h.startHostCore.mockImplementation(() => ({ ok: true, value: h.core }));
  h.startHttpServer.mockImplementation(async () => h.http);
  stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  return () => {
    stdout.mockRestore();
    stderr.mockRestore();
  };
});

describe('main process wiring', () => {
  it('sandboxes and registers the app scheme before ready, then wires everything on ready', async () => {
    await startMain();
    const { order } = h.state;
    expect(order.indexOf('enableSandbox')).toBeLessThan(order.indexOf('whenReady'));
    expect(order.indexOf('registerSchemesAsPrivileged')).toBeLessThan(order.indexOf('whenReady'));
    // the guards exist before the first webContents does
    expect(order.indexOf('app.on:web-contents-created')).toBeLessThan(order.indexOf('new BrowserWindow'));
    expect(order.indexOf('setPermissionRequestHandler')).toBeLessThan(order.indexOf('new BrowserWindow'));
    expect(order.indexOf('protocol.handle')).toBeLessThan(order.indexOf('new BrowserWindow'));

    expect(h.startHostCore).toHaveBeenCalledExactlyOnceWith({
      homeDir: defaultAppHome(),
      build: { version: '9.9.9' },
      // badges print through a hidden window, opened only when a batch runs
      badgeRenderer: expect.objectContaining({ open: expect.any(Function), availability: expect.any(Function) }),
      // automatic backups on, with the defaults (every few minutes while there are changes, and on close)
      backups: {},
    });
    expect(h.electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(h.electron.ipcMain.handle).toHaveBeenCalledExactlyOnceWith('api:call', expect.any(Function));
    expect(h.core.bus.subscribe).toHaveBeenCalledOnce();

    expect(h.state.windows).toHaveLength(1);
    const win = h.state.windows[0]!;
    expect(win.options).toMatchObject({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false } });
    expect((win.options as { webPreferences: { preload: string } }).webPreferences.preload).toMatch(/preload[/\\]index\.cjs$/);
    expect(win.loadURL).toHaveBeenCalledExactlyOnceWith('app://bundle/index.html');
    // every URL the app loads is an app:// URL
    for (const w of h.state.windows) for (const [url] of w.loadURL.mock.calls) expect(String(url)).toMatch(/^app:\/\/bundle\//);

    expect(h.startHttpServer).toHaveBeenCalledExactlyOnceWith(
      expect.objectContaining({ core: h.core, host: '127.0.0.1', port: 4780 }),
    );
    expect(h.electron.dialog.showErrorBox).not.toHaveBeenCalled();
    expect(h.electron.app.quit).not.toHaveBeenCalled();
  });

  it('shows the window only when it is ready to show', async () => {
    await startMain();
    const win = h.state.windows[0]! as unknown as { show: ReturnType<typeof vi.fn>; emit(name: string): void };
    expect(win.show).not.toHaveBeenCalled();
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalledOnce();
  });

  it('uses DELEGATE_DESK_PORT for the HTTP server', async () => {
    vi.stubEnv('DELEGATE_DESK_PORT', '5123');
    try {
      await startMain();
    } finally {
      vi.unstubAllEnvs();
    }
    expect(h.startHttpServer).toHaveBeenCalledWith(expect.objectContaining({ port: 5123 }));
  });

  it('explains a core failure in a dialog (the message only) and quits without a window', async () => {
    h.startHostCore.mockImplementation(() => ({
      ok: false,
      error: { code: 'locked', message: 'The event folder is open in another Delegate Desk.' },
    }));
    await startMain();
    expect(h.electron.dialog.showErrorBox).toHaveBeenCalledExactlyOnceWith(
      'Delegate Desk cannot start',
      'The event folder is open in another Delegate Desk.',
    );
    expect(h.electron.app.quit).toHaveBeenCalled();
    expect(h.electron.BrowserWindow).not.toHaveBeenCalled();
    expect(h.electron.ipcMain.handle).not.toHaveBeenCalled();
  });

  it('shows the message, not the stack, when starting the core throws', async () => {
    h.startHostCore.mockImplementation(() => {
      throw new Error('SQLITE_CANTOPEN: unable to open database file');
    });
    await startMain();
    const [, message] = h.electron.dialog.showErrorBox.mock.calls[0]!;
    expect(message).toBe('SQLITE_CANTOPEN: unable to open database file');
    expect(message).not.toMatch(/\n\s+at /);
    expect(h.electron.app.quit).toHaveBeenCalled();
  });

  it('keeps the window when the HTTP server cannot listen, and says so in one line', async () => {
    h.startHttpServer.mockImplementation(async () => {
      throw Object.assign(new Error('listen EADDRINUSE: address already in use 127.0.0.1:4780'), { code: 'EADDRINUSE' });
    });
    await startMain();
    expect(h.state.windows).toHaveLength(1);
    expect(h.electron.app.quit).not.toHaveBeenCalled();
    const lines = stderr.mock.calls.map(([text]) => String(text)).filter((t) => t.includes('web server'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('EADDRINUSE');
    expect(lines[0]!.trim().split('\n')).toHaveLength(1);
  });

  it('quits at once when another instance holds the lock', async () => {
    h.state.lock = false;
    await startMain();
    expect(h.electron.app.quit).toHaveBeenCalled();
    expect(h.electron.app.whenReady).not.toHaveBeenCalled();
    expect(h.startHostCore).not.toHaveBeenCalled();
  });

  it('closes the HTTP server, then the core, before quitting; closing the last window quits', async () => {
    await startMain();
    h.emitApp('window-all-closed');
    expect(h.electron.app.quit).toHaveBeenCalledOnce();
    const event = { preventDefault: vi.fn() };
    h.emitApp('before-quit', event);
    expect(event.preventDefault).toHaveBeenCalledOnce();
    await vi.waitFor(() => expect(h.electron.app.quit).toHaveBeenCalledTimes(2));
    expect(h.state.order.filter((s) => s.endsWith('.close'))).toEqual(['http.close', 'core.close']);
    expect(h.electron.ipcMain.removeHandler).toHaveBeenCalledWith('api:call');
    // the second before-quit (from that app.quit) lets the app go
    const again = { preventDefault: vi.fn() };
    h.emitApp('before-quit', again);
    expect(again.preventDefault).not.toHaveBeenCalled();
  });
});
