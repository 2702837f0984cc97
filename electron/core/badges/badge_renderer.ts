/**
 * How badge pages become paper. The core never draws badges itself: the renderer's print page
 * (`badge_print.html`) lays them out in Chromium, which shapes every script (Arabic joining and
 * right-to-left, Thai and Tamil clusters, Hangul, CJK) and writes a PDF with vector text and
 * subset fonts. Where that Chromium lives depends on the runtime, so it is injected:
 * - the desktop app: a hidden, sandboxed BrowserWindow (electron/main/badge_window.ts);
 * - the host and the CLI: a system Chromium driven by playwright-core (chromium_renderer.ts).
 * Both open the very same page, so the same badges come out of all three.
 */

/** The print page, open in a Chromium. */
export interface BadgePage {
  /** The page as a PDF; every badge format carries its own CSS page size. */
  pdf(): Promise<Uint8Array>;
  /** Opens the system print dialog; true when the badges went to a printer. */
  print(): Promise<boolean>;
  /** Closes the page (and its browser, if it was started for it). Never throws. */
  close(): Promise<void>;
}

/** What this runtime can do with badges, and if nothing, why and what to do. */
export interface BadgeRendererAvailability {
  readonly pdf: boolean;
  readonly printDialog: boolean;
  readonly problem: string | null;
}

/** A Chromium that can open the print page. */
export interface BadgeRenderer {
  availability(): BadgeRendererAvailability;
  /**
   * Opens the print page; `pagePath` is relative to the renderer bundle, e.g.
   * `badge_print.html#job=<id>`. Rejects with a message a person can act on. `onProblem`
   * hears of failures later on (a script that did not load, a crashed page), so a batch
   * fails at once with the reason instead of waiting for a timeout.
   */
  open(pagePath: string, signal: AbortSignal, onProblem: (message: string) => void): Promise<BadgePage>;
}

/** The page of the renderer bundle that lays out a print job. */
export function printPagePath(jobId: string): string {
  return `badge_print.html#job=${encodeURIComponent(jobId)}`;
}
