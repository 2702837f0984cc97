import fs from 'node:fs';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { IMPORT_CHUNK_BYTES, type ImportAnalysis, type ImportReport } from '../../contract';
import type { Caller } from '../api/caller';
import { startHostCore, type HostCore } from '../api/host_core';
import type { PushMessage } from '../api/push_bus';
import { makeTempDir } from '../testing/temp_dir_test_helpers';
import { encoded, storedPeople, tableCounts } from './import_test_helpers';
import { UPLOAD_FOLDER } from './upload_store';

const cores: HostCore[] = [];
afterEach(() => cores.splice(0).forEach((c) => c.close()));
const admin: Caller = { role: 'admin', transport: 'test' };

function start(): { core: HostCore; pushes: PushMessage[] } {
  const tmp = makeTempDir();
  const started = startHostCore({ homeDir: path.join(tmp, 'home'), dataDir: path.join(tmp, 'event'), build: { version: 't' }, log: { error: () => undefined } });
  if (!started.ok) throw new Error(started.error.message);
  cores.push(started.value);
  const pushes: PushMessage[] = [];
  started.value.bus.subscribe((m) => pushes.push(m));
  return { core: started.value, pushes };
}

async function call<T>(core: HostCore, method: string, input: unknown, caller: Caller = admin): Promise<T> {
  const result = await core.dispatch(caller, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

/** Uploads bytes in chunks, as the screen does. */
async function upload(core: HostCore, bytes: Buffer, fileName: string): Promise<string> {
  const { uploadId } = await call<{ uploadId: string }>(core, 'import.begin', { fileName, size: bytes.length });
  for (let offset = 0; offset < bytes.length; offset += IMPORT_CHUNK_BYTES) {
    const dataBase64 = bytes.subarray(offset, offset + IMPORT_CHUNK_BYTES).toString('base64');
    await call(core, 'import.chunk', { uploadId, offset, dataBase64 });
  }
  return uploadId;
}

/** A file of a few hundred KiB, so that it takes several chunks. */
function bigCsv(rows: number): Buffer {
  const lines = ['Registration ID;Nom;Prénom;Organisation;Courriel;Pays;Passport No.'];
  for (let i = 1; i <= rows; i++) lines.push(`X-${i};Lefèvre${i};Zoé;Commission électorale ${i % 7};zoe${i}@example.fr;France;P${String(i).padStart(8, '0')}`);
  return encoded(`${lines.join('\n')}\n`, 'windows-1252');
}

test('a file travels in chunks over the API, is analysed, committed, and its upload removed', async () => {
  const { core, pushes } = start();
  const eventDir = core.session.current!.layout.dir;
  const bytes = bigCsv(5000);
  expect(bytes.length).toBeGreaterThan(2 * IMPORT_CHUNK_BYTES);
  const uploadId = await upload(core, bytes, 'inscriptions.csv');
  expect(fs.readdirSync(path.join(eventDir, UPLOAD_FOLDER))).toEqual([`${uploadId}.part`]);

  const analysis = await call<ImportAnalysis>(core, 'import.analyse', { uploadId });
  expect(analysis).toMatchObject({ format: 'csv', encoding: 'windows-1252', delimiter: ';', headerRow: 1, plan: { rows: 5000, add: 5000, skip: 0 } });
  expect(analysis.columns.map((c) => [c.header, c.suggested, c.reason])).toEqual([
    ['Registration ID', 'externalId', 'header'],
    ['Nom', 'familyName', 'header'],
    ['Prénom', 'givenName', 'header'],
    ['Organisation', 'organisation', 'header'],
    ['Courriel', 'email', 'header'],
    ['Pays', 'country', 'header'],
    ['Passport No.', 'ignore', 'sensitive'],
  ]);
  expect(analysis.preview[0]).toMatchObject({ row: 2, outcome: 'add', values: { familyName: 'Lefèvre1', givenName: 'Zoé', country: 'FR' } });
  expect(pushes.some((m) => m.topic === 'import.progress' && (m.payload as { phase: string }).phase === 'checking')).toBe(true);

  const before = storedPeople(core.session.current!.db).length;
  const report = await call<ImportReport>(core, 'import.commit', { uploadId, mapping: analysis.mapping, source: analysis.suggestedSource });
  expect(report).toMatchObject({ added: 5000, rowsRead: 5000, source: 'inscriptions' });
  const people = storedPeople(core.session.current!.db);
  expect(people).toHaveLength(before + 5000);
  // The unmapped passport column was never stored anywhere in the event.
  const dump = JSON.stringify(core.session.current!.db.prepare('SELECT * FROM participant').all());
  expect(dump).not.toContain('P00000001');
  expect(fs.readdirSync(path.join(eventDir, UPLOAD_FOLDER))).toEqual([]);
  expect(pushes.map((m) => m.topic)).toContain('data.changed');
  expect(await core.dispatch(admin, 'import.analyse', { uploadId })).toMatchObject({ ok: false, error: { code: 'upload_not_found' } });
});

test('only the admin may import', async () => {
  const { core } = start();
  for (const role of ['desk', 'presenter', 'booth', 'projector', 'unpaired'] as const) {
    const result = await core.dispatch({ role, transport: 'test' }, 'import.begin', { fileName: 'a.csv', size: 10 });
    expect(result, role).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  }
});

test('chunks out of order and incomplete uploads are refused with what to do', async () => {
  const { core } = start();
  const { uploadId } = await call<{ uploadId: string }>(core, 'import.begin', { fileName: 'a.csv', size: 20 });
  const wrong = await core.dispatch(admin, 'import.chunk', { uploadId, offset: 5, dataBase64: Buffer.from('abc').toString('base64') });
  expect(wrong).toMatchObject({ ok: false, error: { code: 'bad_chunk', message: 'Chunk at byte 5 of a.csv arrived, but 0 bytes were received so far. Send the chunk that starts at byte 0.' } });
  await call(core, 'import.chunk', { uploadId, offset: 0, dataBase64: Buffer.from('Name\nAna\n').toString('base64') });
  expect(await core.dispatch(admin, 'import.analyse', { uploadId })).toMatchObject({ ok: false, error: { code: 'upload_incomplete' } });
});

test('cancel stops a running analysis, removes the upload, and changes nothing', async () => {
  const { core } = start();
  const db = core.session.current!.db;
  const before = tableCounts(db);
  const uploadId = await upload(core, bigCsv(20000), 'big.csv');
  const analysing = core.dispatch(admin, 'import.analyse', { uploadId });
  // Let reading start, then cancel while rows are being checked.
  await new Promise((resolve) => setImmediate(resolve));
  expect(await call(core, 'import.cancel', { uploadId })).toEqual({ cancelled: true });
  expect(await analysing).toMatchObject({ ok: false, error: { code: 'cancelled' } });
  expect(tableCounts(db)).toEqual(before);
  expect(fs.readdirSync(path.join(core.session.current!.layout.dir, UPLOAD_FOLDER))).toEqual([]);
});

test('presets are saved by header text and applied to the next file', async () => {
  const { core } = start();
  const saved = await call(core, 'import.presets.save', {
    name: 'Partner CSV',
    columns: [
      { header: 'Surname', target: 'familyName' },
      { header: 'First', target: 'givenName' },
      { header: 'Kind', target: 'category' },
    ],
    categoryValues: { Journo: 'press' },
    delegationFromCountry: false,
    nameOrder: 'auto',
  });
  expect(saved).toMatchObject({ name: 'Partner CSV' });
  const uploadId = await upload(core, encoded('Kind,First,Surname\nJourno,Lars,Ek\n', 'utf-8'), 'partner.csv');
  const analysis = await call<ImportAnalysis>(core, 'import.analyse', { uploadId, preset: 'Partner CSV' });
  expect(analysis.mapping.columns).toEqual([
    { index: 0, target: 'category' },
    { index: 1, target: 'givenName' },
    { index: 2, target: 'familyName' },
  ]);
  expect(analysis.preview[0]?.values).toMatchObject({ category: 'press', displayName: 'Lars Ek' });
  expect(analysis.suggestedSource).toBe('Partner CSV');
  expect(await call(core, 'import.presets.list', {})).toHaveLength(1);
  expect(await call(core, 'import.presets.delete', { name: 'Partner CSV' })).toEqual({ deleted: true });
  expect(await call(core, 'import.presets.list', {})).toEqual([]);
});

test('people missing from a re-import are cancelled only when asked', async () => {
  const { core } = start();
  const first = await upload(core, encoded('ID,Name\nM-1,Ana Lee\nM-2,Bo Kim\n', 'utf-8'), 'list.csv');
  const a = await call<ImportAnalysis>(core, 'import.analyse', { uploadId: first });
  await call(core, 'import.commit', { uploadId: first, mapping: a.mapping, source: 'list' });
  const second = await upload(core, encoded('ID,Name\nM-1,Ana Lee\n', 'utf-8'), 'list.csv');
  const b = await call<ImportAnalysis>(core, 'import.analyse', { uploadId: second, source: 'list' });
  expect(b.plan).toMatchObject({ unchanged: 1, missing: 1 });
  const report = await call<ImportReport>(core, 'import.commit', { uploadId: second, mapping: b.mapping, source: 'list' });
  expect(report.missing.map((m) => m.externalId)).toEqual(['M-2']);
  expect(storedPeople(core.session.current!.db).find((p) => p.externalId === 'M-2')?.status).toBe('registered');
  expect(await call(core, 'import.cancelMissing', { ids: report.missing.map((m) => m.id) })).toEqual({ cancelled: 1 });
  expect(storedPeople(core.session.current!.db).find((p) => p.externalId === 'M-2')?.status).toBe('cancelled');
});

test('uploads a crash left behind are removed the next time the event imports', async () => {
  const { core } = start();
  const dir = path.join(core.session.current!.layout.dir, UPLOAD_FOLDER);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'deadbeef.part'), 'Name\nLeft Over\n');
  await call(core, 'import.begin', { fileName: 'new.csv', size: 10 });
  expect(fs.readdirSync(dir)).toHaveLength(1);
  expect(fs.existsSync(path.join(dir, 'deadbeef.part'))).toBe(false);
});
