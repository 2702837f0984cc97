import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, expect, test } from 'vitest';
import { ParticipantFilterSchema } from '../../electron/contract';
import { startHostCore } from '../../electron/core/api/host_core';
import { cleanLine } from '../../electron/core/import/clean_cell';
import { importFile } from '../../electron/core/import/import_file';
import { buildExport, restoreCell } from '../../electron/core/participants/participant_export';
import { refreshSearchIndex } from '../../electron/core/participants';
import { makeTempDir } from '../../electron/core/testing/temp_dir_test_helpers';
import { HOSTILE_STRINGS } from './hostile_strings';

const tmp = makeTempDir();
const started = startHostCore({ homeDir: path.join(tmp, 'home'), dataDir: path.join(tmp, 'event'), build: { version: 'fuzz' }, log: { error: () => undefined } });
if (!started.ok) throw new Error(started.error.message);
const core = started.value;
const db = core.session.current!.db;
afterAll(() => core.close());

const quote = (s: string) => `"${s.replace(/"/gu, '""')}"`;
const DANGEROUS = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/u;

test('hostile strings go through import verbatim, search as plain text, and leave the export inert', async () => {
  const csv = ['Registration number,Full name,Organisation,Position', ...HOSTILE_STRINGS.map((s, i) => [`HX${i}`, `Hostile${i} ${s}`, s, s].map(quote).join(','))].join('\r\n');
  const imported = await importFile(db, Buffer.from(csv), 'hostile.csv', { skipRowsWithErrors: true });
  if (!imported.ok) throw new Error(imported.message);
  expect(imported.report.added).toBe(HOSTILE_STRINGS.length);
  // importFile is the CLI's path (another process, noticed by data_version); in-process, the
  // writer refreshes the index as the import screen's service does.
  refreshSearchIndex(db);
  const stored = db.prepare(`SELECT external_id AS id, organisation, position, display_name AS name FROM participant WHERE external_id LIKE 'HX%'`).all() as Array<{ id: string; organisation: string; position: string; name: string }>;
  const byId = new Map(stored.map((r) => [r.id, r]));
  HOSTILE_STRINGS.forEach((s, i) => {
    const row = byId.get(`HX${i}`);
    // Stored as written: only control characters and edge spaces go (what cleanLine does to any cell).
    expect(row?.organisation, JSON.stringify(s)).toBe(cleanLine(s));
    expect(row?.position).toBe(cleanLine(s));
  });

  const total = db.prepare('SELECT count(*) AS n FROM participant').get() as { n: number };
  for (const s of HOSTILE_STRINGS) {
    const r = await core.dispatch({ role: 'admin', transport: 'test' }, 'participants.list', { query: s.slice(0, 200), limit: 5 });
    expect(r.ok || r.error.code, JSON.stringify(s)).not.toBe('internal');
    if (r.ok) expect((r.value as { total: number }).total).toBeLessThanOrEqual(total.n);
  }
  // LIKE metacharacters are text: "%_%" does not match everyone.
  const pct = await core.dispatch({ role: 'admin', transport: 'test' }, 'participants.list', { query: '%_%', limit: 5 });
  expect(pct.ok && (pct.value as { total: number }).total).toBeLessThan(total.n);
  expect((db.prepare('SELECT count(*) AS n FROM participant').get() as { n: number }).n).toBe(total.n);

  const exported = await buildExport(db, ParticipantFilterSchema.parse({}), 'csv', '2026-12-01');
  const parsed = Papa.parse<string[]>(exported.bytes.toString('utf8').replace(/^\uFEFF/u, ''), { skipEmptyLines: true });
  const header = parsed.data[0] ?? [];
  const orgAt = header.indexOf('Organisation');
  const idAt = header.indexOf('Registration number');
  let neutralised = 0;
  let checkedRows = 0;
  for (const row of parsed.data.slice(1)) {
    const id = row[idAt] ?? '';
    const org = row[orgAt] ?? '';
    const expected = byId.get(restoreCell(id))?.organisation;
    if (expected === undefined) continue;
    // Every cell that a spreadsheet would run starts with an apostrophe; the text is otherwise intact.
    for (const cell of row) expect(DANGEROUS.test(cell.replace(/^ +/u, '')), `cell ${JSON.stringify(cell)} would run as a formula`).toBe(false);
    expect(restoreCell(org)).toBe(expected);
    if (org !== expected) neutralised++;
    checkedRows++;
  }
  expect(checkedRows).toBe(HOSTILE_STRINGS.length);
  expect(neutralised).toBeGreaterThanOrEqual(8);
});
