// `delegate-desk export attendance`: a session's attendance as CSV (formulas neutralised) and
// XLSX; bad options are refused with what to do, and write nothing.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { recordScan } from '../checkin';
import { addSession, createCheckinTestEvent, scanOf } from '../checkin/checkin_test_helpers';
import { makeTempDir } from '../testing/temp_dir_test_helpers';
import { runCli } from './run_cli';

let home: string;
let dataDir: string;

async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const exit = await runCli([...args, '--home', home, '--data-dir', dataDir], { out: (t) => (out += t), err: (t) => (err += t), env: {} });
  return { exit, out, err };
}

beforeAll(() => {
  home = makeTempDir();
  const ev = createCheckinTestEvent();
  dataDir = ev.ws.layout.dir;
  const plenary = addSession(ev.ws, 'Plenary: opening');
  ev.ws.db.prepare(`UPDATE participant SET display_name = '@SUM(A1:A9)' WHERE id = 2`).run();
  for (const id of [1, 2]) recordScan(ev.ws.db, scanOf({ participantId: id }, { sessionId: plenary }), ev.ctx('Door 1'));
  ev.close();
});

test('exports a session by title as CSV and by id as XLSX', async () => {
  const csv = path.join(makeTempDir(), 'plenary.csv');
  const first = await cli('export', 'attendance', '--session', 'plenary', '--format', 'csv', '--out', csv, '--json');
  expect(first.err).toBe('');
  expect(first.exit).toBe(0);
  expect(JSON.parse(first.out)).toMatchObject({ file: csv, rows: 2, session: { title: 'Plenary: opening' } });
  const text = fs.readFileSync(csv, 'utf8');
  expect(text).toContain("'@SUM(A1:A9)");
  expect(text).toContain('Door 1');
  const xlsx = path.join(makeTempDir(), 'plenary.xlsx');
  const second = await cli('export', 'attendance', '--session', '1', '--format', 'xlsx', '--out', xlsx, '--report', 'no_shows');
  expect(second.exit).toBe(0);
  expect(second.out).toMatch(/^7 row\(s\) of no_shows for "Plenary: opening"/u);
  expect(fs.readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
});

test('bad options say what to do and write nothing', async () => {
  const dir = makeTempDir();
  const out = path.join(dir, 'x.csv');
  for (const args of [
    ['export', 'attendance', '--format', 'doc', '--out', out],
    ['export', 'attendance', '--format', 'csv'],
    ['export', 'attendance', '--session', 'nonexistent', '--format', 'csv', '--out', out],
    ['export', 'attendance', '--report', 'everything', '--format', 'csv', '--out', out],
    ['export', 'participants', '--format', 'csv', '--out', out],
    ['export', 'attendance', '--format', 'csv', '--out', path.join(dir, 'missing', 'x.csv')],
  ]) {
    const r = await cli(...args);
    expect(r.exit).toBe(1);
    expect(r.err).toMatch(/^delegate-desk: /u);
  }
  expect(fs.readdirSync(dir)).toEqual([]);
});
