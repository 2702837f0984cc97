/**
 * The small decisions of starting and stopping the desktop app, kept out of index.ts so they
 * can be tested without Electron.
 */

/** The port the desktop app serves the local HTTP API on unless told otherwise. */
export const DEFAULT_HTTP_PORT = 4780;

/** The HTTP port from `DELEGATE_DESK_PORT`, or the default when it is unset or not a port. */
export function httpPortFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env['DELEGATE_DESK_PORT'];
  if (raw === undefined || raw.trim() === '') return DEFAULT_HTTP_PORT;
  const port = Number(raw);
  return Number.isInteger(port) && port >= 0 && port <= 65535 ? port : DEFAULT_HTTP_PORT;
}

/** The message of anything thrown, never its stack: people see this, not developers. */
export function messageOf(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return typeof error === 'string' && error ? error : 'An unexpected error occurred.';
}

/** One step of shutting down; may be async. */
export type ShutdownStep = () => void | Promise<void>;

/**
 * Builds the app's shutdown: the steps run once, in order, each bounded by `timeoutMs` so a
 * stuck socket can never keep the app from quitting, and a failing step never skips the rest
 * (closing the database matters most and comes last).
 */
export function createShutdown(steps: readonly ShutdownStep[], timeoutMs = 2000): () => Promise<void> {
  let running: Promise<void> | null = null;
  return () => {
    running ??= (async () => {
      for (const step of steps) {
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<void>((resolve) => {
          timer = setTimeout(resolve, timeoutMs);
        });
        try {
          await Promise.race([Promise.resolve().then(step), timeout]);
        } catch {
          // keep going: the remaining steps still release their resources
        } finally {
          clearTimeout(timer);
        }
      }
    })();
    return running;
  };
}
