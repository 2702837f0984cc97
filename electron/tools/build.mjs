// Builds everything `npm start`, `npm run host`, the CLI, the benchmarks and the tests run:
// the renderer with Vite, and the Node/Electron entries with esbuild (dependencies stay in
// node_modules, so better-sqlite3's Node-API binary serves Node and Electron alike).
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const quiet = process.argv.includes('--quiet');
// DD_OUT_DIR lets parallel work build side by side (default: out/).
const outDir = process.env.DD_OUT_DIR ?? 'out';
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

const nodeEntries = [
  { entry: 'electron/main/index.ts', out: 'out/main/index.cjs', external: ['electron'] },
  // A sandboxed preload may require only 'electron': it is bundled whole.
  { entry: 'electron/preload/index.ts', out: 'out/preload/index.cjs', external: ['electron'], bundleAll: true },
  { entry: 'electron/core/host/host_main.ts', out: 'out/host/index.cjs' },
  { entry: 'electron/core/cli/cli_main.ts', out: 'out/cli/index.cjs' },
  { entry: 'tests/bench/bench_main.ts', out: 'out/bench/index.cjs' },
  // The import's writer thread, found next to the CLI and benchmark bundles (writer_thread_file.ts).
  { entry: 'electron/core/import/write_worker.ts', out: 'out/workers/import_write.cjs' },
];

const started = Date.now();
await viteBuild({
  configFile: path.join(root, 'renderer', 'vite.config.mts'),
  logLevel: quiet ? 'warn' : 'info',
});
await Promise.all(
  nodeEntries.map((e) =>
    esbuild({
      entryPoints: [path.join(root, e.entry)],
      outfile: path.join(root, e.out.replace(/^out\//u, `${outDir}/`)),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node22',
      sourcemap: true,
      packages: e.bundleAll ? undefined : 'external',
      external: e.external ?? [],
      define: { __APP_VERSION__: JSON.stringify(pkg.version) },
      logLevel: 'warning',
    }),
  ),
);
if (!quiet) console.log(`built in ${Date.now() - started} ms`);
