// The desktop app's projector window (electron/main/projector_window.ts) against fake displays and
// windows (Electron cannot be launched here): the external display's bounds, fullscreen there,
// one window at a time, the main window's hardened preferences, the results route in projector
// mode, tracked by the registry, closed with the app, and the menu item with its shortcut.
import { describe, expect, test, vi } from 'vitest';
import type { MenuItemConstructorOptions, Rectangle } from 'electron';
import { isAppUrl } from '../../electron/main/web_security';
import { buildWindowOptions } from '../../electron/main/window_options';
import {
  PROJECTOR_ACCELERATOR,
  PROJECTOR_URL,
  buildAppMenuTemplate,
  buildProjectorWindowOptions,
  createProjectorWindows,
  pickProjectorDisplay,
  type DisplayLike,
  type ProjectorWindowLike,
  type ScreenLike,
} from '../../electron/main/projector_window';

const LAPTOP: DisplayLike = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } };
const PROJECTOR: DisplayLike = { id: 2, bounds: { x: 1920, y: -120, width: 1280, height: 800 } };

function fakeScreen(displays: DisplayLike[]): ScreenLike {
  return {
    getAllDisplays: () => displays,
    getPrimaryDisplay: () => displays[0]!,
    // The display that holds the rectangle's top-left corner, as Electron decides it for a window.
    getDisplayMatching: (r: Rectangle) => displays.find((d) => r.x >= d.bounds.x && r.x < d.bounds.x + d.bounds.width) ?? displays[0]!,
  };
}

function fakeWindows() {
  const made: Array<{ options: Electron.BrowserWindowConstructorOptions; win: ProjectorWindowLike & Record<string, ReturnType<typeof vi.fn>>; emit: (e: string) => void }> = [];
  const createWindow = (options: Electron.BrowserWindowConstructorOptions) => {
    const listeners = new Map<string, () => void>();
    let destroyed = false;
    const win = {
      webContents: { id: made.length + 10, mainFrame: { url: '', parent: null, frameTreeNodeId: 1 }, isDestroyed: () => destroyed, getURL: () => '', send: vi.fn(), once: vi.fn() },
      loadURL: vi.fn(async () => undefined),
      isDestroyed: () => destroyed,
      isMinimized: vi.fn(() => true),
      restore: vi.fn(),
      show: vi.fn(),
      focus: vi.fn(),
      close: vi.fn(() => {
        destroyed = true;
        listeners.get('closed')?.();
      }),
      once: vi.fn((e: string, fn: () => void) => void listeners.set(e, fn)),
      on: vi.fn((e: string, fn: () => void) => void listeners.set(e, fn)),
    };
    made.push({ options, win: win as never, emit: (e) => listeners.get(e)?.() });
    return win as unknown as ProjectorWindowLike;
  };
  return { made, createWindow };
}

function setup(displays: DisplayLike[], mainBounds: Rectangle | null = { x: 100, y: 100, width: 1280, height: 800 }) {
  const windows = fakeWindows();
  const track = vi.fn();
  const projector = createProjectorWindows({ createWindow: windows.createWindow, screen: fakeScreen(displays), mainBounds: () => mainBounds, registry: { track }, preloadPath: '/app/out/preload/index.cjs' });
  return { ...windows, track, projector };
}

describe('the projector window', () => {
  test('goes fullscreen on the display the main window is not on, with that display\'s bounds', () => {
    expect(pickProjectorDisplay(fakeScreen([LAPTOP, PROJECTOR]), { x: 100, y: 100, width: 1280, height: 800 })).toEqual({ display: PROJECTOR, external: true });
    // The main window dragged onto the projector: the laptop's screen becomes the other one.
    expect(pickProjectorDisplay(fakeScreen([LAPTOP, PROJECTOR]), { x: 2000, y: 0, width: 800, height: 600 })).toEqual({ display: LAPTOP, external: true });
    const { made, projector } = setup([LAPTOP, PROJECTOR]);
    projector.open();
    expect(made).toHaveLength(1);
    expect(made[0]!.options).toMatchObject({ x: 1920, y: -120, width: 1280, height: 800, fullscreen: true, show: false, title: 'Delegate Desk — Projector' });
  });

  test('with one display it is a normal window centred on the primary one', () => {
    const { made, projector } = setup([LAPTOP]);
    projector.open();
    expect(made[0]!.options).toMatchObject({ x: 320, y: 180, width: 1280, height: 720, fullscreen: false });
  });

  test("keeps every hardened preference of the main window and the preload", () => {
    const options = buildProjectorWindowOptions('/app/out/preload/index.cjs', PROJECTOR, true);
    expect(options.webPreferences).toEqual(buildWindowOptions('/app/out/preload/index.cjs').webPreferences);
    expect(options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false, preload: '/app/out/preload/index.cjs' });
  });

  test('loads the results route in projector mode from the bundle, is tracked for API calls and shows when ready', () => {
    const { made, track, projector } = setup([LAPTOP, PROJECTOR]);
    projector.open();
    const { win, emit } = made[0]!;
    expect(PROJECTOR_URL).toBe('app://bundle/index.html#/results/projector');
    expect(isAppUrl(PROJECTOR_URL)).toBe(true);
    expect(win['loadURL']).toHaveBeenCalledWith(PROJECTOR_URL);
    expect(track).toHaveBeenCalledWith(win.webContents);
    expect(win['show']).not.toHaveBeenCalled();
    emit('ready-to-show');
    expect(win['show']).toHaveBeenCalledTimes(1);
  });

  test('one at a time: opening again restores and focuses the open window; after it closed, a new one opens', () => {
    const { made, projector } = setup([LAPTOP, PROJECTOR]);
    const first = projector.open();
    expect(projector.open()).toBe(first);
    expect(made).toHaveLength(1);
    expect(made[0]!.win['restore']).toHaveBeenCalled();
    expect(made[0]!.win['focus']).toHaveBeenCalled();
    made[0]!.win.close();
    expect(projector.isOpen()).toBe(false);
    projector.open();
    expect(made).toHaveLength(2);
  });

  test('closes with the app (the main window closing closes it)', () => {
    const { made, projector } = setup([LAPTOP, PROJECTOR]);
    projector.open();
    projector.close();
    expect(made[0]!.win['close']).toHaveBeenCalled();
    expect(projector.isOpen()).toBe(false);
    projector.close(); // nothing open: nothing happens
    expect(made[0]!.win['close']).toHaveBeenCalledTimes(1);
  });
});

describe('the application menu', () => {
  const items = (template: MenuItemConstructorOptions[]) => template.flatMap((m) => [m, ...((m.submenu as MenuItemConstructorOptions[] | undefined) ?? [])]);

  test('View has "Open projector window" on Ctrl/Cmd+Shift+P; edit shortcuts stay; dev tools only when asked', () => {
    const open = vi.fn();
    const template = buildAppMenuTemplate('linux', open, false);
    const item = items(template).find((i) => i.label === 'Open projector window')!;
    expect(item.accelerator).toBe(PROJECTOR_ACCELERATOR);
    (item.click as () => void)();
    expect(open).toHaveBeenCalledTimes(1);
    expect(template.map((m) => m.role ?? m.label)).toEqual(['fileMenu', 'editMenu', 'View', 'windowMenu']);
    expect(items(template).some((i) => i.role === 'toggleDevTools')).toBe(false);
    expect(items(buildAppMenuTemplate('linux', open, true)).some((i) => i.role === 'toggleDevTools')).toBe(true);
    expect(buildAppMenuTemplate('darwin', open, false)[0]).toEqual({ role: 'appMenu' });
  });
});
