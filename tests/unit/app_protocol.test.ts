// The app:// protocol: the path guard that keeps requests inside the bundle, the privileges
// of the scheme, and the headers (strict CSP, nosniff, content types) of every response.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// None of these modules needs Electron at run time, but a slip that made one import it must
// fail here with a clear error rather than reach the stub.
vi.mock('electron', () => {
  throw new Error('the shell modules under test must not import electron at run time');
});

import {
  APP_CSP,
  APP_INDEX_URL,
  contentTypeFor,
  createAppProtocolHandler,
  registerAppScheme,
  resolveAppUrl,
} from '../../electron/main/app_protocol';

describe('resolveAppUrl', () => {
  const root = path.resolve('/srv/bundle');

  it('maps bundle URLs to files inside the root', () => {
    expect(resolveAppUrl('app://bundle/index.html', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppUrl('app://bundle/', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppUrl('app://bundle', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppUrl('app://bundle/assets/index-abc.js?v=2#x', root)).toBe(path.join(root, 'assets', 'index-abc.js'));
    expect(resolveAppUrl('app://bundle/fonts/noto%20sans.woff2', root)).toBe(path.join(root, 'fonts', 'noto sans.woff2'));
  });

  it.each([
    'app://bundle/../secret.txt',
    'app://bundle/assets/../../secret.txt',
    'app://bundle/%2e%2e/secret.txt',
    'app://bundle/%2E%2E/secret.txt',
    'app://bundle/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://bundle/..%2fsecret.txt',
    'app://bundle/..%5csecret.txt',
    'app://bundle/assets%2f..%2f..%2fsecret.txt',
    'app://bundle/assets%5c..%5c..%5csecret.txt',
    'app://bundle/..\\secret.txt',
    'app://bundle/%2e/index.html',
    'app://bundle//etc/passwd',
    'app://bundle/%2fetc%2fpasswd',
    'app://bundle/C:/Windows/win.ini',
    'app://bundle/C%3a%5cWindows%5cwin.ini',
    'app://bundle/index.html%00.png',
    'app://bundle/%zz',
    'app://bundle/assets/',
    'app://other/index.html',
    'app://bundle.evil/index.html',
    'app://bundle:8080/index.html',
    'app://bundle@evil/index.html',
    'app://user@bundle/index.html',
    'https://bundle/index.html',
    'file:///etc/passwd',
    '/etc/passwd',
    '',
  ])('refuses %s', (url) => {
    expect(resolveAppUrl(url, root)).toBeNull();
  });
});

describe('app:// protocol', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-bundle-'));
    fs.mkdirSync(path.join(dir, 'assets'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>x</title>');
    for (const f of ['a.js', 'a.css', 'f.woff2', 'f.woff', 'z.wasm', 'i.svg', 'i.png', 'd.json']) {
      fs.writeFileSync(path.join(dir, 'assets', f), 'x');
    }
    fs.writeFileSync(path.join(path.dirname(dir), 'dd-secret.txt'), 'secret');
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(path.join(path.dirname(dir), 'dd-secret.txt'), { force: true });
  });

  it('registers app as a standard, secure, fetch- and CORS-capable scheme, nothing more', () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn() };
    registerAppScheme(protocol);
    const [schemes] = protocol.registerSchemesAsPrivileged.mock.calls[0]!;
    expect(schemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true } },
    ]);
    expect(APP_INDEX_URL).toBe('app://bundle/index.html');
  });

  it('serves files with the strict CSP, nosniff and the right content type', async () => {
    const handler = createAppProtocolHandler(dir);
    const response = await handler(new Request('app://bundle/index.html'));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>x</title>');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toBe(APP_CSP);
    expect(APP_CSP).toBe(
      "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; " +
        "connect-src 'self'; media-src 'self' blob:; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; " +
        "form-action 'none'; frame-ancestors 'none'",
    );
    const types: Record<string, string> = {
      'a.js': 'text/javascript; charset=utf-8',
      'a.css': 'text/css; charset=utf-8',
      'f.woff2': 'font/woff2',
      'f.woff': 'font/woff',
      'z.wasm': 'application/wasm',
      'i.svg': 'image/svg+xml',
      'i.png': 'image/png',
      'd.json': 'application/json; charset=utf-8',
    };
    for (const [file, type] of Object.entries(types)) {
      const r = await handler(new Request(`app://bundle/assets/${file}`));
      expect(r.status, file).toBe(200);
      expect(r.headers.get('content-type'), file).toBe(type);
      expect(r.headers.get('content-security-policy'), file).toBe(APP_CSP);
    }
    expect(contentTypeFor('x.unknown')).toBe('application/octet-stream');
  });

  it('answers 404 (with the same headers) for traversal, missing files and folders, 405 for writes', async () => {
    const handler = createAppProtocolHandler(dir);
    const secret = `app://bundle/%2e%2e/${path.basename(path.dirname(dir))}/dd-secret.txt`;
    for (const url of [secret, 'app://bundle/..%2fdd-secret.txt', 'app://bundle/missing.js', 'app://bundle/assets']) {
      const r = await handler(new Request(url));
      expect(r.status, url).toBe(404);
      expect(await r.text()).not.toContain('secret');
      expect(r.headers.get('content-security-policy')).toBe(APP_CSP);
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    }
    const post = await handler(new Request('app://bundle/index.html', { method: 'POST', body: 'x' }));
    expect(post.status).toBe(405);
  });
});
