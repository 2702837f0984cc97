import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { cruise, type ICruiseResult, type IConfiguration } from 'dependency-cruiser';

const require = createRequire(import.meta.url);
const config = require('../../.dependency-cruiser.cjs') as IConfiguration;

let tmp: string;

/** Writes a small tree with the same layout as ours, then cruises it with our real rules. */
async function cruiseTree(files: Record<string, string>): Promise<string[]> {
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(tmp, file)), { recursive: true });
    fs.writeFileSync(path.join(tmp, file), text);
  }
  const result = await cruise(Object.keys(files), {
    baseDir: tmp,
    validate: true,
    ruleSet: { forbidden: config.forbidden ?? [] },
    tsPreCompilationDeps: true,
  });
  const output = result.output as ICruiseResult;
  return output.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`);
}

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-layering-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

test('a core file that imports electron fails the layering check', async () => {
  const violations = await cruiseTree({
    'electron/core/bad/uses_electron.ts': "import { app } from 'electron';\nexport const name = app.getName();\n",
  });
  expect(violations.some((v) => v.startsWith('core-never-imports-electron'))).toBe(true);
});

test('the renderer may not import the core, and features go through their index', async () => {
  const violations = await cruiseTree({
    'electron/core/api/thing.ts': 'export const thing = 1;\n',
    'renderer/features/a/page.ts': "import { thing } from '../../../electron/core/api/thing';\nimport { inner } from '../b/inner';\nexport const x = thing + inner;\n",
    'renderer/features/b/inner.ts': 'export const inner = 2;\n',
  });
  expect(violations.some((v) => v.startsWith('renderer-imports-only-the-contract'))).toBe(true);
  expect(violations.some((v) => v.startsWith('renderer-features-through-their-index'))).toBe(true);
});

test('the contract imports nothing but zod', async () => {
  const violations = await cruiseTree({
    'electron/contract/bad.ts': "import fs from 'node:fs';\nexport const f = fs;\n",
  });
  expect(violations.some((v) => v.startsWith('contract-imports-only-zod'))).toBe(true);
});

test('the real tree passes', async () => {
  const root = path.resolve(import.meta.dirname, '..', '..');
  const result = await cruise(['electron', 'renderer'], { ...config.options, baseDir: root, validate: true, ruleSet: { forbidden: config.forbidden ?? [] }, exclude: { path: ['^out/', '^node_modules/', 'electron/tools/'] } });
  expect((result.output as ICruiseResult).summary.violations).toEqual([]);
});
