// The Electron shell's security decisions, proven without Electron: window options, the
// permission policy and the navigation guards. See also app_protocol.test.ts (the app://
// path guard and CSP), ipc_transport.test.ts (IPC sender validation), electron_preload.test.ts
// and electron_main.test.ts (the wiring).
import { afterAll, describe, expect, it, vi } from 'vitest';

// None of these modules needs Electron at run time, but a slip that made one import it must
// fail here with a clear error rather than reach the stub.
vi.mock('electron', () => {
  throw new Error('the shell modules under test must not import electron at run time');
});

import { buildWindowOptions } from '../../electron/main/window_options';
import {
  guardWebContents,
  installPermissionHandlers,
  installWebSecurity,
  isAllowedPermission,
  isAppUrl,
} from '../../electron/main/web_security';
import { createShutdown, httpPortFromEnv, messageOf } from '../../electron/main/app_lifecycle';

type Listener = (...args: unknown[]) => unknown;

describe('window options', () => {
  const options = buildWindowOptions('/app/out/preload/index.cjs');
  const prefs = options.webPreferences ?? {};

  it('turns on every isolation and turns off every risky feature, explicitly', () => {
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
  });

  it('opens hidden at a usable size with the app title', () => {
    expect(options).toMatchObject({ width: 1280, height: 800, minWidth: 1024, minHeight: 700, title: 'Delegate Desk', show: false });
    expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
  });
});

describe('isAppUrl', () => {
  it.each([
    ['app://bundle/index.html', true],
    ['app://bundle', true],
    ['app://bundle/assets/x.js?v=1#top', true],
    ['app://other/index.html', false],
    ['app://bundle.evil/index.html', false],
    ['app://bundle:8080/index.html', false],
    ['app://user@bundle/index.html', false],
    ['https://bundle/index.html', false],
    ['http://evil.example/', false],
    ['file:///etc/passwd', false],
    ['null', false],
    ['', false],
  ])('%s -> %s', (url, expected) => {
    expect(isAppUrl(url)).toBe(expected);
  });
});

describe('permission policy', () => {
  it('allows the camera for the main frame of app://bundle', () => {
    expect(isAllowedPermission('media', 'app://bundle/index.html', { mediaTypes: ['video'], isMainFrame: true })).toBe(true);
    // the check handler form: an origin and one media type
    expect(isAllowedPermission('media', 'app://bundle', { mediaType: 'video', isMainFrame: true })).toBe(true);
  });

  it('denies the microphone, even alongside the camera', () => {
    expect(isAllowedPermission('media', 'app://bundle/index.html', { mediaTypes: ['audio'] })).toBe(false);
    expect(isAllowedPermission('media', 'app://bundle/index.html', { mediaTypes: ['video', 'audio'] })).toBe(false);
    expect(isAllowedPermission('media', 'app://bundle/index.html', { mediaTypes: [] })).toBe(false);
    expect(isAllowedPermission('media', 'app://bundle', { mediaType: 'audio' })).toBe(false);
  });

  it('denies media to any other origin, to sub-frames and when any reported URL is foreign', () => {
    expect(isAllowedPermission('media', 'https://x', { mediaTypes: ['video'] })).toBe(false);
    expect(isAllowedPermission('media', 'http://localhost:4780/', { mediaTypes: ['video'] })).toBe(false);
    expect(isAllowedPermission('media', 'app://bundle/index.html', { mediaTypes: ['video'], isMainFrame: false })).toBe(false);
    expect(
      isAllowedPermission('media', 'app://bundle/index.html', { mediaTypes: ['video'], securityOrigin: 'https://x' }),
    ).toBe(false);
    expect(isAllowedPermission('media', 'app://bundle', { mediaType: 'video', embeddingOrigin: 'https://x' })).toBe(false);
  });

  it.each(['geolocation', 'notifications', 'clipboard-read', 'display-capture', 'openExternal', 'midi', 'hid', 'serial', 'usb', 'fullscreen', 'unknown'])(
    'denies %s even to app://bundle',
    (permission) => {
      expect(isAllowedPermission(permission, 'app://bundle/index.html', { isMainFrame: true })).toBe(false);
    },
  );

  it('wires the same policy into the session request and check handlers', () => {
    const handlers: Record<string, Listener> = {};
    const session = {
      setPermissionRequestHandler: vi.fn((h: Listener) => (handlers['request'] = h)),
      setPermissionCheckHandler: vi.fn((h: Listener) => (handlers['check'] = h)),
      setDevicePermissionHandler: vi.fn((h: Listener) => (handlers['device'] = h)),
    };
    installPermissionHandlers(session as never);
    const webContents = { getURL: () => 'app://bundle/index.html' };
    const decide = (permission: string, details: object) => {
      const callback = vi.fn();
      handlers['request']!(webContents, permission, callback, details);
      return callback.mock.calls[0]?.[0];
    };
    expect(decide('media', { requestingUrl: 'app://bundle/index.html', mediaTypes: ['video'], isMainFrame: true })).toBe(true);
    expect(decide('media', { requestingUrl: 'https://x/', mediaTypes: ['video'], isMainFrame: true })).toBe(false);
    expect(decide('geolocation', { requestingUrl: 'app://bundle/index.html', isMainFrame: true })).toBe(false);
    expect(decide('notifications', { requestingUrl: 'app://bundle/index.html', isMainFrame: true })).toBe(false);
    // An empty requestingUrl falls back to the page the webContents shows.
    expect(decide('media', { requestingUrl: '', mediaTypes: ['video'], isMainFrame: true })).toBe(true);

    expect(handlers['check']!(null, 'media', 'app://bundle', { mediaType: 'video', isMainFrame: true })).toBe(true);
    expect(handlers['check']!(null, 'media', 'https://x', { mediaType: 'video', isMainFrame: true })).toBe(false);
    expect(handlers['check']!(null, 'geolocation', 'app://bundle', { isMainFrame: true })).toBe(false);
    expect(handlers['device']!({ deviceType: 'hid', origin: 'app://bundle' })).toBe(false);
  });
});

/** A webContents stand-in that records its listeners and window-open handler. */
function fakeGuardedContents() {
  const listeners = new Map<string, Listener[]>();
  let openHandler: Listener | null = null;
  const contents = {
    on: vi.fn((name: string, fn: Listener) => {
      listeners.set(name, [...(listeners.get(name) ?? []), fn]);
      return contents;
    }),
    setWindowOpenHandler: vi.fn((fn: Listener) => {
      openHandler = fn;
    }),
  };
  const emit = (name: string, event: { url?: string; preventDefault: () => void }, ...rest: unknown[]) => {
    const fns = listeners.get(name) ?? [];
    expect(fns.length, `a ${name} listener`).toBeGreaterThan(0);
    for (const fn of fns) fn(event, ...rest);
  };
  return { contents, emit, openHandler: () => openHandler };
}

describe('navigation guards', () => {
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  afterAll(() => stderr.mockRestore());

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s to https://evil is prevented', (name) => {
    const { contents, emit } = fakeGuardedContents();
    guardWebContents(contents as never);
    const event = { url: 'https://evil.example/phish', preventDefault: vi.fn() };
    emit(name, event);
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s within app://bundle is allowed', (name) => {
    const { contents, emit } = fakeGuardedContents();
    guardWebContents(contents as never);
    const event = { url: 'app://bundle/index.html', preventDefault: vi.fn() };
    emit(name, event);
    expect(event.preventDefault).not.toHaveBeenCalled();
  });

  it('uses the positional URL when an older Electron gives no event.url', () => {
    const { contents, emit } = fakeGuardedContents();
    guardWebContents(contents as never);
    const event = { preventDefault: vi.fn() };
    emit('will-navigate', event, 'file:///etc/passwd');
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('denies window.open and refuses to attach a webview', () => {
    const { contents, emit, openHandler } = fakeGuardedContents();
    guardWebContents(contents as never);
    expect(openHandler()?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(openHandler()?.({ url: 'app://bundle/index.html' })).toEqual({ action: 'deny' });
    const event = { preventDefault: vi.fn() };
    emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('guards every webContents the app creates, not only the main window', () => {
    const appListeners: Record<string, Listener> = {};
    const fakeApp = { on: vi.fn((name: string, fn: Listener) => (appListeners[name] = fn)) };
    const session = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
    };
    installWebSecurity(fakeApp as never, session as never);
    expect(session.setPermissionRequestHandler).toHaveBeenCalledOnce();
    expect(session.setPermissionCheckHandler).toHaveBeenCalledOnce();
    const { contents, emit } = fakeGuardedContents();
    appListeners['web-contents-created']!({}, contents);
    const event = { url: 'https://evil.example/', preventDefault: vi.fn() };
    emit('will-navigate', event);
    expect(event.preventDefault).toHaveBeenCalled();
  });
});
describe('app lifecycle helpers', () => {
  it('reads the HTTP port from DELEGATE_DESK_PORT, defaulting to 4780', () => {
    expect(httpPortFromEnv({})).toBe(4780);
    expect(httpPortFromEnv({ DELEGATE_DESK_PORT: '5000' })).toBe(5000);
    expect(httpPortFromEnv({ DELEGATE_DESK_PORT: '0' })).toBe(0);
    expect(httpPortFromEnv({ DELEGATE_DESK_PORT: 'abc' })).toBe(4780);
    expect(httpPortFromEnv({ DELEGATE_DESK_PORT: '70000' })).toBe(4780);
  });

  it('shows messages, never stacks', () => {
    expect(messageOf(new Error('disk full'))).toBe('disk full');
    expect(messageOf({ weird: true })).toBe('An unexpected error occurred.');
  });

  it('runs the shutdown steps once, in order, past failures and hangs', async () => {
    const order: string[] = [];
    const shutdown = createShutdown(
      [
        () => {
          order.push('ipc');
          throw new Error('boom');
        },
        () => new Promise<void>(() => order.push('http (hangs)')),
        () => void order.push('db'),
      ],
      20,
    );
    await Promise.all([shutdown(), shutdown()]);
    await shutdown();
    expect(order).toEqual(['ipc', 'http (hangs)', 'db']);
  });
});
