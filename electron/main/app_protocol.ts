/**
 * The `app://bundle/…` protocol: how the window loads the built renderer instead of
 * `file://` (Electron security checklist item 18). Policy:
 * - one scheme, one host (`bundle`), files from one folder; every other URL is a 404;
 * - the URL is checked before it is resolved, so `..`, `%2e%2e`, encoded slashes or
 *   backslashes, drive letters and absolute paths are refused rather than normalised away;
 * - every response carries the strict CSP as a header (a `<meta>` cannot set
 *   `frame-ancestors`) and `nosniff`, so a file is only ever used as its declared type.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Protocol } from 'electron';

/** The scheme the renderer is served under. */
export const APP_SCHEME = 'app';
/** The only host the scheme answers for. */
export const APP_HOST = 'bundle';
/** The page the window opens. */
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** The policy of the renderer; the same one as the `<meta>` fallback in index.html. */
export const APP_CSP = [
  "default-src 'none'",
  // zxing-wasm compiles WebAssembly: 'wasm-unsafe-eval' allows that and nothing else.
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "media-src 'self' blob:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** The Content-Type for a file name; unknown kinds are opaque bytes (with nosniff). */
export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** The headers every `app://` response carries, whatever its status. */
export function appResponseHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': APP_CSP,
    'X-Content-Type-Options': 'nosniff',
    // The bundle changes with every build of the app; a stale cached chunk would be a bug.
    'Cache-Control': 'no-cache',
  };
}

/**
 * Registers `app` as a privileged scheme. Must run before the app is ready.
 * standard: real origin and relative URLs; secure: a secure context (camera, crypto.subtle);
 * supportFetchAPI: fetch() of the wasm and JSON; corsEnabled: module scripts, fonts and
 * `WebAssembly.instantiateStreaming` are CORS-mode requests; codeCache: faster start.
 * Deliberately not bypassCSP, allowServiceWorkers or stream.
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
    },
  ]);
}

/** A path segment that must never reach the file system, raw or percent-decoded. */
function isUnsafeSegment(segment: string): boolean {
  return (
    segment === '' ||
    segment === '.' ||
    segment === '..' ||
    /[/\\:]/.test(segment) ||
    // control characters (NUL above all) have no business in a bundle file name
    [...segment].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)
  );
}

/**
 * Maps an `app://bundle/<path>` URL to a file inside `rootDir`, or null when the URL is
 * not ours or tries to leave the folder. Pure: it never touches the disk.
 */
export function resolveAppUrl(url: string, rootDir: string): string | null {
  const prefix = `${APP_SCHEME}://${APP_HOST}`;
  // Checked on the raw text: URL parsing would silently fold `..` and `%2e%2e` away, and a
  // request that tries it is refused outright rather than served something else.
  if (!url.startsWith(prefix)) return null;
  const rest = url.slice(prefix.length);
  if (rest !== '' && !/^[/?#]/.test(rest)) return null; // app://bundle.evil, app://bundle:80, app://bundle@x
  if (rest.includes('\\')) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST || parsed.username || parsed.password) {
    return null;
  }
  const rawPath = rest.split(/[?#]/, 1)[0] ?? '';
  if (rawPath === '' || rawPath === '/') return path.join(path.resolve(rootDir), 'index.html');
  const rawSegments = rawPath.slice(1).split('/');
  const segments: string[] = [];
  for (const raw of rawSegments) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(raw);
    } catch {
      return null; // malformed percent-encoding
    }
    if (isUnsafeSegment(raw) || isUnsafeSegment(decoded)) return null;
    segments.push(decoded);
  }
  const root = path.resolve(rootDir);
  const filePath = path.resolve(root, ...segments);
  // Belt and braces: whatever the checks above missed, the result must stay inside root.
  const relative = path.relative(root, filePath);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return filePath;
}

/** Reads a file; injectable so the handler is testable without a bundle on disk. */
export type ReadFile = (filePath: string) => Promise<Uint8Array>;

function textResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: appResponseHeaders('text/plain; charset=utf-8') });
}

/** Builds the `app://` request handler serving files from `rootDir`. */
export function createAppProtocolHandler(
  rootDir: string,
  readFile: ReadFile = (p) => fs.readFile(p),
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed');
    const filePath = resolveAppUrl(request.url, rootDir);
    if (!filePath) return textResponse(404, 'Not found');
    let body: Uint8Array;
    try {
      body = await readFile(filePath);
    } catch {
      // Missing files and directories alike: the renderer only asks for what the build made.
      return textResponse(404, 'Not found');
    }
    const headers = appResponseHeaders(contentTypeFor(filePath));
    return new Response(request.method === 'HEAD' ? null : (body as Uint8Array<ArrayBuffer>), { status: 200, headers });
  };
}

/** Serves the built renderer on `app://bundle/`. Must run after the app is ready. */
export function handleAppProtocol(protocol: Pick<Protocol, 'handle'>, rootDir: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rootDir));
}
