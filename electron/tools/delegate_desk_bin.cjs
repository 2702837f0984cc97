#!/usr/bin/env node
// The `delegate-desk` command. better-sqlite3 13 is a Node-API 10 addon that crashes older
// Node versions, so on an old system Node this re-runs itself with the Node 22 that
// `npm install` put in node_modules.
'use strict';
const path = require('node:path');
const fs = require('node:fs');
const { spawnSync } = require('node:child_process');

const cli = path.join(__dirname, '..', '..', 'out', 'cli', 'index.cjs');
if (Number(process.versions.napi) < 10) {
  let bundled;
  try {
    bundled = require.resolve('node/bin/node', { paths: [path.join(__dirname, '..', '..')] });
  } catch {
    process.stderr.write(`delegate-desk: needs Node 22 or newer (this is ${process.version}). Run "npm install" in the project first.\n`);
    process.exit(1);
  }
  const run = spawnSync(bundled, [__filename, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(run.status ?? 1);
}
if (!fs.existsSync(cli)) {
  process.stderr.write('delegate-desk: the app is not built yet. Run "npm install" (or "npm run build") in the project first.\n');
  process.exit(1);
}
require(cli);
