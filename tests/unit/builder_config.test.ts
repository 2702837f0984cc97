// The packaging config (electron-builder.yml): the fuses and the native-module settings are
// security and correctness decisions that nothing else would catch before a release.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);
// js-yaml is what electron-builder itself parses its YAML config with.
const yaml = require('js-yaml') as { load(text: string): unknown };

interface BuilderConfig {
  [key: string]: unknown;
  electronFuses: Record<string, boolean>;
  files: string[];
  asarUnpack: string[];
  mac: { target: string[]; extendInfo: Record<string, string>; icon: string };
  win: { target: string[]; icon: string };
  linux: { target: string[]; category: string; icon: string };
  directories: { output: string; buildResources: string };
}

const config = yaml.load(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const schema = JSON.parse(fs.readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as {
  properties: Record<string, unknown>;
  definitions: { FuseOptionsV1: { properties: Record<string, unknown> } };
};

describe('electron-builder.yml', () => {
  it('flips every fuse the security review decided on', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('uses only keys electron-builder knows (a misspelt fuse would be silently ignored)', () => {
    for (const key of Object.keys(config)) expect(schema.properties, key).toHaveProperty([key]);
    for (const key of Object.keys(config.electronFuses)) {
      expect(schema.definitions.FuseOptionsV1.properties, key).toHaveProperty([key]);
    }
  });

  it('ships the Node-API better-sqlite3 as is: no rebuild, unpacked from the asar', () => {
    expect(config['npmRebuild']).toBe(false);
    expect(config['asar']).toBe(true);
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**');
  });

  it('packs the built app only', () => {
    expect(config['appId']).toBe('org.delegatedesk.app');
    expect(config['productName']).toBe('Delegate Desk');
    expect(config.directories.output).toBe('dist');
    expect(config.files).toEqual(expect.arrayContaining(['out/main/**', 'out/preload/**', 'out/renderer/**', 'package.json']));
    expect(config.files.filter((f) => !f.startsWith('!') && !f.startsWith('out/') && f !== 'package.json')).toEqual([]);
  });

  it('targets every desktop platform, asks for the camera on macOS, has its icons', () => {
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.mac.extendInfo['NSCameraUsageDescription']).toMatch(/camera/i);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('Office');
    for (const icon of [config.mac.icon, config.win.icon, config.linux.icon]) {
      expect(fs.existsSync(path.join(root, icon)), icon).toBe(true);
    }
  });
});
