import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = path.resolve(import.meta.dirname, '..');

export default defineConfig({
  root,
  define: { __APP_VERSION__: JSON.stringify('0.0.0-test') },
  resolve: {
    // The real 'electron' module downloads its binary on first import: no test may reach it.
    alias: { electron: path.join(root, 'tests/support/electron_stub.ts') },
  },
  test: {
    include: ['electron/**/*.test.ts', 'tests/unit/**/*.test.ts', 'renderer/**/*.test.ts', 'tests/crash/**/*.test.ts', 'tests/fuzz/**/*.test.ts'],
    environment: 'node',
    setupFiles: [path.join(root, 'tests/support/node_guard.ts')],
    pool: 'forks',
    testTimeout: 20000,
  },
});
