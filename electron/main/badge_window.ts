/**
 * Badge printing in the desktop app: the print page opens in a hidden BrowserWindow with the
 * same sandboxed, context-isolated preferences and preload as the main window, and Chromium's
 * own print pipeline makes the PDF (printToPDF) or shows the system print dialog (print).
 * Policy:
 * - the window loads only `app://bundle/badge_print.html#job=…` and is tracked by the window
 *   registry, so its API calls pass the same sender checks as the main window's;
 * - it is never shown, and is destroyed when the batch ends or is cancelled;
 * - the page size comes from the page's own @page rule (preferCSSPageSize), never from here:
 *   Chromium turns an API size upright when a CSS size exists (ecosystem §9).
 */
import type { BrowserWindowConstructorOptions } from 'electron';
import type { BadgePage, BadgeRenderer } from '../core/badges';
import { APP_HOST, APP_SCHEME } from './app_protocol';
import type { WebContentsLike } from './ipc_transport';
import { buildWindowOptions } from './window_options';

/** The part of a print window's webContents this module uses. */
export interface PrintContentsLike extends WebContentsLike {
  printToPDF(options: { preferCSSPageSize: boolean; printBackground: boolean; generateTaggedPDF: boolean }): Promise<Uint8Array>;
  print(options: { silent: boolean; printBackground: boolean }, callback: (success: boolean, failureReason: string) => void): void;
  on(event: 'did-fail-load', listener: (event: unknown, code: number, description: string) => void): unknown;
  on(event: 'render-process-gone', listener: (event: unknown, details: { reason: string }) => void): unknown;
  on(event: 'console-message', listener: (event: { level: string; message: string }) => void): unknown;
}

/** The part of a BrowserWindow this module uses. */
export interface PrintWindowLike {
  readonly webContents: PrintContentsLike;
  loadURL(url: string): Promise<void>;
  isDestroyed(): boolean;
  destroy(): void;
}

export interface BadgeWindowOptions {
  /** Makes a window (new BrowserWindow in the app; a fake in tests). */
  readonly createWindow: (options: BrowserWindowConstructorOptions) => PrintWindowLike;
  /** The registry whose windows may call the core. */
  readonly registry: { track(webContents: WebContentsLike): void };
  readonly preloadPath: string;
}

/** The print window's options: the main window's security preferences, never shown, never throttled. */
export function buildPrintWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  const main = buildWindowOptions(preloadPath);
  return {
    ...main,
    width: 900,
    height: 1200,
    show: false,
    skipTaskbar: true,
    title: 'Delegate Desk badges',
    // A hidden window's timers are throttled by default; the page's layout must not crawl.
    webPreferences: { ...main.webPreferences, backgroundThrottling: false },
  };
}

/** The desktop app's badge renderer: PDFs and the system print dialog, from a hidden window. */
export function createElectronBadgeRenderer(options: BadgeWindowOptions): BadgeRenderer {
  return {
    availability: () => ({ pdf: true, printDialog: true, problem: null }),
    async open(pagePath, signal, onProblem) {
      const win = options.createWindow(buildPrintWindowOptions(options.preloadPath));
      const close = async () => {
        if (!win.isDestroyed()) win.destroy();
      };
      if (signal.aborted) {
        await close();
        throw new Error('The batch was cancelled.');
      }
      signal.addEventListener('abort', () => void close(), { once: true });
      const contents = win.webContents;
      options.registry.track(contents);
      contents.on('did-fail-load', (_event, code, description) => onProblem(`The badge page did not load (${description || code}).`));
      contents.on('render-process-gone', (_event, details) => onProblem(`The badge page stopped (${details.reason}). Try a smaller batch.`));
      // A script that never ran (a damaged bundle) only shows in the console.
      contents.on('console-message', (event) => {
        if (event.level === 'error') onProblem(`The badge page failed: ${event.message.slice(0, 300)}`);
      });
      try {
        await win.loadURL(`${APP_SCHEME}://${APP_HOST}/${pagePath}`);
      } catch (error) {
        await close();
        throw new Error(`The badge page could not be opened: ${(error as Error).message}`, { cause: error });
      }
      const page: BadgePage = {
        pdf: () => contents.printToPDF({ preferCSSPageSize: true, printBackground: true, generateTaggedPDF: false }),
        print: () =>
          new Promise<boolean>((resolve) => {
            contents.print({ silent: false, printBackground: true }, (success) => resolve(success));
          }),
        close,
      };
      return page;
    },
  };
}
