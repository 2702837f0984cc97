import path from 'node:path';
import fs from 'node:fs';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = import.meta.dirname;
const pkg = JSON.parse(fs.readFileSync(path.join(here, '..', 'package.json'), 'utf8')) as { version: string };

export default defineConfig({
  root: here,
  // Relative asset URLs: the same build is served from app://bundle/ and from the host's HTTP.
  base: './',
  plugins: [react()],
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  build: {
    outDir: path.join(here, '..', process.env['DD_OUT_DIR'] ?? 'out', 'renderer'),
    emptyOutDir: true,
    sourcemap: true,
    target: 'chrome130',
    // Fonts and WebAssembly stay files: the CSP allows font-src/script-src 'self', not data:.
    assetsInlineLimit: (file) => (/\.(woff2?|wasm)$/u.test(file) ? false : undefined),
    chunkSizeWarningLimit: 1500,
    // Two pages: the staff app, and the badge print page that Chromium turns into PDFs.
    rolldownOptions: {
      input: { index: path.join(here, 'index.html'), badge_print: path.join(here, 'badge_print.html') },
    },
  },
});
