// The desktop app's badge printing (electron/main/badge_window.ts) against a fake window:
// hidden and sandboxed like the main window, only ever the bundled print page, sender-checked
// through the registry, and the page's own @page size for the PDF.
import { describe, expect, test, vi } from 'vitest';
import { buildPrintWindowOptions, createElectronBadgeRenderer, type PrintWindowLike } from '../../electron/main/badge_window';
import { senderProblem, WindowRegistry } from '../../electron/main/ipc_transport';

type Listener = (...args: unknown[]) => void;

function fakeWindow(load: () => Promise<void> = async () => undefined) {
  const listeners = new Map<string, Listener>();
  let destroyed = false;
  let url = '';
  const mainFrame = { get url() { return url; }, parent: null, frameTreeNodeId: 7 };
  const webContents = {
    id: 42,
    mainFrame,
    isDestroyed: () => destroyed,
    getURL: () => url,
    send: vi.fn(),
    once: vi.fn(),
    on: vi.fn((event: string, listener: Listener) => void listeners.set(event, listener)),
    printToPDF: vi.fn(async () => new Uint8Array([37, 80, 68, 70])),
    print: vi.fn((_options: unknown, callback: (success: boolean, reason: string) => void) => callback(true, '')),
  };
  const win = {
    webContents,
    loadURL: vi.fn(async (u: string) => {
      url = u;
      await load();
    }),
    isDestroyed: () => destroyed,
    destroy: vi.fn(() => {
      destroyed = true;
    }),
  };
  return { win, webContents, emit: (event: string, ...args: unknown[]) => listeners.get(event)?.(...args) };
}

function setup(load?: () => Promise<void>) {
  const fake = fakeWindow(load);
  const created: unknown[] = [];
  const registry = new WindowRegistry();
  const renderer = createElectronBadgeRenderer({
    createWindow: (options) => {
      created.push(options);
      return fake.win as unknown as PrintWindowLike;
    },
    registry,
    preloadPath: '/app/out/preload/index.cjs',
  });
  return { ...fake, created, registry, renderer };
}

describe('the print window', () => {
  test('is hidden, sandboxed and isolated like the main window, with the preload, and never throttled', () => {
    const options = buildPrintWindowOptions('/app/out/preload/index.cjs');
    expect(options).toMatchObject({
      show: false,
      webPreferences: {
        preload: '/app/out/preload/index.cjs',
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        webSecurity: true,
        webviewTag: false,
        backgroundThrottling: false,
      },
    });
  });

  test('opens only the bundled print page, and its API calls pass the sender checks', async () => {
    const { renderer, created, win, webContents, registry } = setup();
    expect(renderer.availability()).toEqual({ pdf: true, printDialog: true, problem: null });
    expect(created).toHaveLength(0); // nothing is created until a batch runs
    await renderer.open('badge_print.html#job=abc', new AbortController().signal, () => undefined);
    expect(created).toHaveLength(1);
    expect(win.loadURL).toHaveBeenCalledExactlyOnceWith('app://bundle/badge_print.html#job=abc');
    expect(senderProblem({ sender: webContents, senderFrame: webContents.mainFrame }, registry)).toBeNull();
  });

  test('makes the PDF at the page\'s own CSS page size, with backgrounds', async () => {
    const { renderer, webContents } = setup();
    const page = await renderer.open('badge_print.html#job=abc', new AbortController().signal, () => undefined);
    expect(await page.pdf()).toEqual(new Uint8Array([37, 80, 68, 70]));
    expect(webContents.printToPDF).toHaveBeenCalledExactlyOnceWith({ preferCSSPageSize: true, printBackground: true, generateTaggedPDF: false });
  });

  test('prints through the system dialog, and reports whether it printed', async () => {
    const { renderer, webContents } = setup();
    const page = await renderer.open('badge_print.html#job=abc', new AbortController().signal, () => undefined);
    expect(await page.print()).toBe(true);
    expect(webContents.print).toHaveBeenCalledWith({ silent: false, printBackground: true }, expect.any(Function));
    webContents.print.mockImplementationOnce((_o: unknown, callback: (s: boolean, r: string) => void) => callback(false, 'cancelled'));
    expect(await page.print()).toBe(false);
  });

  test('is destroyed when the batch ends or is cancelled', async () => {
    const { renderer, win } = setup();
    const page = await renderer.open('badge_print.html#job=abc', new AbortController().signal, () => undefined);
    await page.close();
    expect(win.destroy).toHaveBeenCalledOnce();
    await page.close();
    expect(win.destroy).toHaveBeenCalledOnce();

    const other = setup();
    const abort = new AbortController();
    await other.renderer.open('badge_print.html#job=x', abort.signal, () => undefined);
    abort.abort();
    expect(other.win.destroy).toHaveBeenCalledOnce();

    // Cancelled before the window even existed: it is closed at once, never loaded.
    const late = setup();
    const cancelled = new AbortController();
    cancelled.abort();
    await expect(late.renderer.open('badge_print.html#job=y', cancelled.signal, () => undefined)).rejects.toThrow(/cancelled/u);
    expect(late.win.destroy).toHaveBeenCalledOnce();
    expect(late.win.loadURL).not.toHaveBeenCalled();
  });

  test('a page that fails to load or crashes is reported at once; a failed load closes the window', async () => {
    const { renderer, emit } = setup();
    const problems: string[] = [];
    await renderer.open('badge_print.html#job=abc', new AbortController().signal, (m) => problems.push(m));
    emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND');
    emit('render-process-gone', {}, { reason: 'oom' });
    emit('console-message', { level: 'info', message: 'fine' });
    emit('console-message', { level: 'error', message: 'Failed to load module script' });
    expect(problems).toEqual([
      expect.stringContaining('ERR_FILE_NOT_FOUND'),
      expect.stringContaining('oom'),
      expect.stringContaining('Failed to load module script'),
    ]);

    const failing = setup(async () => Promise.reject(new Error('ERR_ABORTED')));
    await expect(failing.renderer.open('badge_print.html#job=abc', new AbortController().signal, () => undefined)).rejects.toThrow(/could not be opened: ERR_ABORTED/u);
    expect(failing.win.destroy).toHaveBeenCalledOnce();
  });
});
