import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { expect, test } from 'vitest';
import { makeTempDir } from '../testing/temp_dir_test_helpers';
import { runCli } from './run_cli';
import { parseEncoding } from './import_commands';

async function cli(args: string[], home: string) {
  let out = '';
  let err = '';
  const code = await runCli([...args, '--home', home], { out: (t) => (out += t), err: (t) => (err += t), env: {} });
  return { code, out, err };
}

async function newEvent(home: string): Promise<string> {
  const dir = path.join(makeTempDir(), 'forum');
  const created = await cli(['event', 'create', '--name', 'Forum', '--start', '2027-03-02', '--data-dir', dir], home);
  expect(created.code).toBe(0);
  return dir;
}

function writeFile(name: string, content: Buffer | string): string {
  const file = path.join(makeTempDir(), name);
  fs.writeFileSync(file, content);
  return file;
}

test('import FILE --json prints the report; a dry run writes nothing; a re-run finds everyone unchanged', async () => {
  const home = makeTempDir();
  const dir = await newEvent(home);
  const file = writeFile('명단.csv', iconv.encode('성명,영문 성명,소속,이메일\n김민준,KIM Minjun,중앙선거관리위원회,mj@example.kr\n이서연,LEE Seoyeon,선거연수원,bad-address\n', 'cp949'));

  const dry = await cli(['import', file, '--data-dir', dir, '--dry-run', '--json'], home);
  expect(dry.code).toBe(0);
  expect(JSON.parse(dry.out)).toMatchObject({ dryRun: true, added: 2 });

  const real = await cli(['import', file, '--data-dir', dir, '--json'], home);
  expect(real.code, real.err).toBe(0);
  const report = JSON.parse(real.out);
  expect(report).toMatchObject({ fileName: '명단.csv', dryRun: false, rowsRead: 2, added: 2, updated: 0, unchanged: 0, skipped: 0, problemTotal: 1 });
  expect(report.problems[0]).toMatchObject({ code: 'bad_email', row: 3, column: '이메일', value: 'bad-address' });

  const again = await cli(['import', file, '--data-dir', dir], home);
  expect(again.code).toBe(0);
  expect(again.out).toContain('Imported 명단.csv into "Forum"');
  expect(again.out).toMatch(/unchanged\s+2/u);
  expect(again.out).toContain('명단.csv, row 3, column “이메일”: “bad-address” is not an e-mail address.');
});

test('exits non-zero when nothing could be imported, and says why on stderr', async () => {
  const home = makeTempDir();
  const dir = await newEvent(home);
  const empty = await cli(['import', writeFile('empty.csv', ''), '--data-dir', dir, '--json'], home);
  expect(empty.code).toBe(1);
  expect(empty.err).toContain('empty.csv: the file is empty.');
  expect(JSON.parse(empty.out)).toMatchObject({ imported: false, problems: [{ code: 'empty_file' }] });

  const dupes = writeFile('dupes.csv', 'ID,Name\n1,Ana\n1,Bo\n');
  const strict = await cli(['import', dupes, '--data-dir', dir, '--strict'], home);
  expect(strict.code).toBe(1);
  expect(strict.err).toContain('dupes.csv, row 3, column “ID”: the id “1” is also on row 2.');
  const lenient = await cli(['import', dupes, '--data-dir', dir, '--json'], home);
  expect(JSON.parse(lenient.out)).toMatchObject({ added: 1, skipped: 1 });

  expect((await cli(['import', dupes, '--data-dir', dir, '--encoding', 'klingon'], home)).err).toContain('unknown encoding "klingon"');
  expect((await cli(['import', dupes, '--data-dir', dir, '--mapping', 'Nope'], home)).err).toContain('There is no saved mapping called "Nope"');
  expect((await cli(['import', '/no/such/file.csv', '--data-dir', dir], home)).err).toContain('there is no such file');
});

test('encodings are accepted under the names people type', () => {
  expect(parseEncoding('EUC-KR')).toBe('cp949');
  expect(parseEncoding('latin1')).toBe('windows-1252');
  expect(parseEncoding('Shift_JIS')).toBe('shift_jis');
  expect(parseEncoding('UTF8')).toBe('utf-8');
  expect(parseEncoding('ebcdic')).toBeNull();
});
