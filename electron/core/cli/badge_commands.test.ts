import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { badgeKeysFor } from '../badges';
import { createBadgeTestEvent } from '../badges/badges_test_helpers';
import { makeTempDir } from '../testing/temp_dir_test_helpers';
import { parseBadgeFilters } from './badge_commands';
import { runCli } from './run_cli';

let home: string;
let dataDir: string;
let code: string;

async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const exit = await runCli([...args, '--home', home, '--data-dir', dataDir], { out: (t) => (out += t), err: (t) => (err += t), env: {} });
  return { exit, out, err };
}

beforeAll(() => {
  home = makeTempDir();
  dataDir = path.join(makeTempDir(), 'forum');
  const ws = createBadgeTestEvent({ dir: dataDir });
  const keys = badgeKeysFor(ws);
  if (!keys.ok) throw new Error(keys.error.message);
  const signed = keys.value.sign({ participantId: 3, serial: 1 });
  if (!signed.ok) throw new Error(signed.error.message);
  code = signed.value;
  ws.close();
});

describe('delegate-desk badges', { timeout: 120_000 }, () => {
  test('writes a PDF of a delegation, then the scanned code verifies; a reprint replaces it', async () => {
    const out = path.join(makeTempDir(), 'friends.pdf');
    const first = await cli('badges', '--filter', 'delegation=friends of the forum', '--template', 'cr80', '--out', out, '--json');
    expect(first.err).not.toMatch(/delegate-desk badges: /u);
    expect(first.exit).toBe(0);
    expect(JSON.parse(first.out)).toMatchObject({ file: out, template: 'cr80', badges: 4, reprints: 0 });
    expect(fs.readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    expect(execFileSync('pdfinfo', [out], { encoding: 'utf8' })).toMatch(/Pages:\s+4\b/u);
    // Progress went to stderr, the result to stdout.
    expect(first.err).toMatch(/laying out badges/u);

    const valid = await cli('verify-badge', code, '--json');
    expect(valid.exit).toBe(0);
    expect(JSON.parse(valid.out)).toMatchObject({ valid: true, participantId: 3, holder: { nativeName: '김민준' } });
    expect((await cli('verify-badge', code)).out).toMatch(/^VALID {4}Kim Min-jun \(김민준\), Friends of the Forum: badge #1, printed /u);

    const again = await cli('badges', '--filter', 'participant=3', '--out', out);
    expect(again.exit).toBe(0);
    expect(again.out).toMatch(/1 badge\(s\), a6, written to .*friends\.pdf/u);
    expect(again.out).toMatch(/1 of them replace earlier badges/u);
    const replaced = await cli('verify-badge', code, '--json');
    expect(replaced.exit).toBe(1);
    expect(JSON.parse(replaced.out)).toMatchObject({ valid: false, reason: 'replaced', holder: { displayName: 'Kim Min-jun' } });
    expect((await cli('verify-badge', code)).out).toMatch(/^REFUSED {2}replaced: Replaced by a newer badge printed at /u);
  });

  test('refuses bad requests with a message and a usage exit code, and writes nothing', async () => {
    const dir = makeTempDir();
    const cases: Array<[string[], RegExp]> = [
      [['badges'], /--out FILE\.pdf/u],
      [['badges', '--out', path.join(dir, 'x.pdf'), '--template', 'a5'], /no template "a5"\. Templates: a6, in4x3, cr80, a4x4, a4x8/u],
      [['badges', '--out', path.join(dir, 'x.pdf'), '--filter', 'delegation=Atlantis'], /no delegation "Atlantis"\. Delegations: Friends of the Forum/u],
      [['badges', '--out', path.join(dir, 'x.pdf'), '--filter', 'colour=blue'], /cannot read the filter "colour=blue"/u],
      [['badges', '--out', path.join(dir, 'missing', 'x.pdf')], /does not exist/u],
      [['verify-badge'], /give the scanned code/u],
    ];
    for (const [args, message] of cases) {
      const r = await cli(...args);
      expect(r.exit, args.join(' ')).toBe(2);
      expect(r.err).toMatch(message);
    }
    expect(fs.readdirSync(dir)).toEqual([]);
    const nothing = await cli('badges', '--out', path.join(dir, 'x.pdf'), '--filter', 'not-printed', '--filter', 'participant=3');
    expect(nothing.exit).toBe(1);
    expect(nothing.err).toMatch(/already has a printed badge/u);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  test('verify-badge refuses what is not a badge of this event, with the reason', async () => {
    const r = await cli('verify-badge', 'HTTPS://EXAMPLE.ORG', '--json');
    expect(r.exit).toBe(1);
    expect(JSON.parse(r.out)).toMatchObject({ valid: false, reason: 'not_ours' });
    const damaged = await cli('verify-badge', `${code.slice(0, 40)}${code[40] === 'A' ? 'B' : 'A'}${code.slice(41)}`);
    expect(damaged.exit).toBe(1);
    expect(damaged.out).toMatch(/^REFUSED {2}(bad_signature|malformed)/u);
  });
});

test('filters read the way people name things', () => {
  const known = {
    delegations: [{ id: 7, name: 'Mongolia', country: 'MN', headParticipantId: null, headName: null, protocolOrder: 1, memberCount: 3 }],
    categories: [{ code: 'press', name: 'Press', colour: '#c8262f', sortOrder: 1 }],
  };
  expect(parseBadgeFilters(['delegation=mongolia', 'category=Press', 'not-printed'], known)).toEqual({
    ok: true,
    filter: { delegationId: 7, categoryCode: 'press', notPrinted: true },
  });
  expect(parseBadgeFilters(['delegation=7', 'participant=12', 'person=13'], known)).toEqual({
    ok: true,
    filter: { delegationId: 7, participantIds: [12, 13], notPrinted: false },
  });
  expect(parseBadgeFilters(['all'], known)).toEqual({ ok: true, filter: { notPrinted: false } });
  expect(parseBadgeFilters(['participant=me'], known)).toMatchObject({ ok: false });
});
