/**
 * Badge PDFs without a desktop: a Chromium already on the computer (Debian's chromium, Google
 * Chrome or Microsoft Edge), started headless by playwright-core against the host's own HTTP
 * server. Nothing is downloaded: playwright-core ships no browser, and the page may reach only
 * the host's own origin (every other request is aborted before it leaves the machine).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import type { BadgePage, BadgeRenderer, BadgeRendererAvailability } from './badge_renderer';

// The same quiet flags as the tests' Chromium: no background traffic, no first-run work.
const CHROMIUM_ARGS = [
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--font-render-hinting=none',
];

/** Where a Chromium-family browser usually lives, most specific first. */
export function chromiumCandidates(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string[] {
  if (platform === 'win32') {
    const roots = [env['PROGRAMFILES'], env['PROGRAMFILES(X86)'], env['LOCALAPPDATA']].filter((r): r is string => Boolean(r));
    return roots.flatMap((root) => [
      path.win32.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      path.win32.join(root, 'Chromium', 'Application', 'chrome.exe'),
      path.win32.join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
    ]);
  }
  if (platform === 'darwin') {
    return [
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
    '/usr/bin/microsoft-edge',
  ];
}

/** The Chromium to use: `CHROMIUM_PATH` if set, else the first one installed; or why there is none. */
export function findChromium(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  exists: (file: string) => boolean = fs.existsSync,
): { path: string } | { problem: string } {
  const configured = env['CHROMIUM_PATH']?.trim();
  if (configured) {
    return exists(configured)
      ? { path: configured }
      : { problem: `CHROMIUM_PATH is set to ${configured}, but there is no program there. Correct it, or unset it to use an installed Chromium, Chrome or Edge.` };
  }
  const found = chromiumCandidates(env, platform).find((file) => exists(file));
  if (found) return { path: found };
  const install = platform === 'linux' ? ' (on Debian or Ubuntu: sudo apt install chromium)' : '';
  return {
    problem: `Badge PDFs need Chromium, Google Chrome or Microsoft Edge on this computer, and none was found. Install one${install}, or set CHROMIUM_PATH to its program file.`,
  };
}

export interface ChromiumRendererOptions {
  /** The host's own address (http://127.0.0.1:port/), known once its server listens. */
  readonly origin: () => string | null;
  readonly env?: NodeJS.ProcessEnv;
}

/** Renders the print page in a headless system Chromium, one browser per batch. */
export function createChromiumBadgeRenderer(options: ChromiumRendererOptions): BadgeRenderer {
  const env = options.env ?? process.env;
  return {
    availability(): BadgeRendererAvailability {
      const found = findChromium(env);
      if ('problem' in found) return { pdf: false, printDialog: false, problem: found.problem };
      if (!options.origin()) return { pdf: false, printDialog: false, problem: 'The host is not serving its pages yet; try again in a moment.' };
      return { pdf: true, printDialog: false, problem: null };
    },
    async open(pagePath, signal, onProblem) {
      const found = findChromium(env);
      if ('problem' in found) throw new Error(found.problem);
      const origin = options.origin();
      if (!origin) throw new Error('The host is not serving its pages yet; try again in a moment.');
      let browser: Browser;
      try {
        // Loaded on first print: playwright-core costs 0.4 s to load, which a host start should not pay.
        const { chromium } = await import('playwright-core');
        browser = await chromium.launch({ executablePath: found.path, args: CHROMIUM_ARGS, headless: true });
      } catch (error) {
        throw new Error(`Chromium at ${found.path} could not be started: ${(error as Error).message.split('\n')[0]}`, { cause: error });
      }
      const close = async () => {
        await browser.close().catch(() => undefined);
      };
      // A batch cancelled while Chromium was starting must not leave the browser running.
      if (signal.aborted) {
        await close();
        throw new Error('The batch was cancelled.');
      }
      signal.addEventListener('abort', () => void close(), { once: true });
      try {
        const page = await browser.newPage();
        const own = new URL(origin).origin;
        page.on('pageerror', (error) => onProblem(`The badge page failed: ${error.message}`));
        // A script that never ran (a stale or half-rebuilt bundle) only shows in the console.
        page.on('console', (message) => {
          if (message.type() === 'error') onProblem(`The badge page failed: ${message.text().slice(0, 300)}`);
        });
        page.on('crash', () => onProblem('The badge page crashed (out of memory?). Try a smaller batch.'));
        page.on('response', (response) => {
          // The page's own files (API answers carry their errors as results instead).
          if (response.status() >= 400 && response.request().method() === 'GET' && new URL(response.url()).origin === own) {
            onProblem(`The badge page could not load ${new URL(response.url()).pathname} (${response.status()}). Rebuild Delegate Desk (npm run build) and try again.`);
          }
        });
        await page.route('**/*', (route) =>
          new URL(route.request().url()).origin === own || route.request().url().startsWith('data:') ? route.continue() : route.abort('blockedbyclient'),
        );
        const response = await page.goto(new URL(pagePath, origin).href, { waitUntil: 'domcontentloaded' });
        if (!response?.ok()) {
          throw new Error('The badge print page is missing from this build of Delegate Desk. Rebuild it (npm run build).');
        }
        const badgePage: BadgePage = {
          pdf: async () => page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: false, outline: false }),
          // A headless browser has no print dialog; the desktop app offers it.
          print: async () => false,
          close,
        };
        return badgePage;
      } catch (error) {
        await close();
        throw error;
      }
    },
  };
}
