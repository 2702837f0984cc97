// The desktop app's projector window (electron/main/projector_window.ts) against fake displays and
// windows (Electron cannot be launched here): the external display's bounds, fullscreen there,
// one window at a time, the main window's hardened preferences, the results route in projector
// mode, tracked by the registry, closed with the app, and the menu item with its shortcut. It never
// takes the presenter's focus, and it cannot be navigated off the stage (hash or page).
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
  const made: Array<{
    options: Electron.BrowserWindowConstructorOptions;
    win: ProjectorWindowLike & Record<string, ReturnType<typeof vi.fn>>;
    emit: (e: string) => void;
    /** Emits a webContents event, as Electron would, with its arguments. */
    emitContents: (e: string, ...args: unknown[]) => void;
  }> = [];
  const createWindow = (options: Electron.BrowserWindowConstructorOptions) => {
    const listeners = new Map<string, () => void>();
    const contentsListeners = new Map<string, (...args: unknown[]) => void>();
    let destroyed = false;
    const win = {
      webContents: {
        id: made.length + 10,
        mainFrame: { url: '', parent: null, frameTreeNodeId: 1 },
        isDestroyed: () => destroyed,
        getURL: () => '',
        send: vi.fn(),
        once: vi.fn(),
        on: vi.fn((e: string, fn: (...args: unknown[]) => void) => void contentsListeners.set(e, fn)),
      },
      loadURL: vi.fn(async () => undefined),
      isDestroyed: () => destroyed,
      isMinimized: vi.fn(() => true),
      restore: vi.fn(),
      show: vi.fn(),
      showInactive: vi.fn(),
      focus: vi.fn(),
      close: vi.fn(() => {
        destroyed = true;
        listeners.get('closed')?.();
      }),
      once: vi.fn((e: string, fn: () => void) => void listeners.set(e, fn)),
      on: vi.fn((e: string, fn: () => void) => void listeners.set(e, fn)),
    };
    made.push({ options, win: win as never, emit: (e) => listeners.get(e)?.(), emitContents: (e, ...args) => contentsListeners.get(e)?.(...args) });
    return win as unknown as ProjectorWindowLike;
  };
  return { made, createWindow };
}

function setup(displays: DisplayLike[], mainBounds: Rectangle | null = { x: 100, y: 100, width: 1280, height: 800 }) {
  const windows = fakeWindows();
  const track = vi.fn();
  const focusMain = vi.fn();
  const log = vi.fn();
  const projector = createProjectorWindows({ createWindow: windows.createWindow, screen: fakeScreen(displays), mainBounds: () => mainBounds, registry: { track }, preloadPath: '/app/out/preload/index.cjs', focusMain, log });
  return { ...windows, track, focusMain, log, projector };
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
    expect(win['showInactive']).not.toHaveBeenCalled();
    emit('ready-to-show');
    // Shown without taking focus: the presenter's next keystroke still goes to the main window.
    expect(win['showInactive']).toHaveBeenCalledTimes(1);
    expect(win['show']).not.toHaveBeenCalled();
    expect(win['focus']).not.toHaveBeenCalled();
  });

  test('one at a time: opening again restores the open window into view, focus back on the main window; after it closed, a new one opens', () => {
    const { made, focusMain, projector } = setup([LAPTOP, PROJECTOR]);
    const first = projector.open();
    expect(focusMain).not.toHaveBeenCalled();
    expect(projector.open()).toBe(first);
    expect(made).toHaveLength(1);
    expect(made[0]!.win['restore']).toHaveBeenCalled();
    expect(made[0]!.win['showInactive']).toHaveBeenCalledTimes(1);
    expect(made[0]!.win['show']).not.toHaveBeenCalled();
    expect(made[0]!.win['focus']).not.toHaveBeenCalled();
    // restore() may activate the window on some desktops: the keyboard goes back to the presenter.
    expect(focusMain).toHaveBeenCalledTimes(1);
    const restore = made[0]!.win['restore'] as unknown as ReturnType<typeof vi.fn>;
    expect(focusMain.mock.invocationCallOrder[0]).toBeGreaterThan(restore.mock.invocationCallOrder[0]!);
    made[0]!.win.close();
    expect(projector.isOpen()).toBe(false);
    projector.open();
    expect(made).toHaveLength(2);
  });

  test('a hash change away from the stage (Alt+2, a link) is turned back at once, without a loop', () => {
    const { made, log, projector } = setup([LAPTOP, PROJECTOR]);
    projector.open();
    const { win, emitContents } = made[0]!;
    expect(win['loadURL']).toHaveBeenCalledTimes(1);
    emitContents('did-navigate-in-page', {}, 'app://bundle/index.html#/participants', true);
    expect(win['loadURL']).toHaveBeenCalledTimes(2);
    expect(win['loadURL']).toHaveBeenLastCalledWith(PROJECTOR_URL);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('#/participants'));
    // Going back is itself an in-page navigation, to the stage: nothing more happens.
    emitContents('did-navigate-in-page', {}, PROJECTOR_URL, true);
    expect(win['loadURL']).toHaveBeenCalledTimes(2);
    // The console mode of the same screen is no stage either.
    emitContents('did-navigate-in-page', {}, 'app://bundle/index.html#/results', true);
    expect(win['loadURL']).toHaveBeenCalledTimes(3);
    // A sub-frame's own in-page navigation is not the window's URL.
    emitContents('did-navigate-in-page', {}, 'app://bundle/frame.html#x', false);
    expect(win['loadURL']).toHaveBeenCalledTimes(3);
    // A closed window is left alone.
    win.close();
    emitContents('did-navigate-in-page', {}, 'app://bundle/index.html#/settings', true);
    expect(win['loadURL']).toHaveBeenCalledTimes(3);
  });

  test('a navigation to another page is refused before it happens; the stage itself is allowed', () => {
    const { made, projector } = setup([LAPTOP, PROJECTOR]);
    projector.open();
    const navigate = (url: string, legacy = false) => {
      const event = { ...(legacy ? {} : { url }), preventDefault: vi.fn() };
      made[0]!.emitContents('will-navigate', event, url);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(navigate('app://bundle/index.html#/settings')).toBe(true);
    expect(navigate('app://bundle/other.html')).toBe(true);
    expect(navigate('app://bundle/index.html#/participants', true)).toBe(true);
    expect(navigate(PROJECTOR_URL)).toBe(false);
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
