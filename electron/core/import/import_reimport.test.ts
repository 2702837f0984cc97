import { expect, test } from 'vitest';
import { cancelMissing } from './import_results';
import { importFile } from './import_file';
import { encoded, newEvent, storedPeople } from './import_test_helpers';

const V1 = `Registration ID,Family name,Given name,Organisation,Email,Country
R-1,Núñez,María,Junta Electoral Central,maria@example.es,ES
R-2,Kovačević,Ana,State Election Commission,ana@example.hr,HR
R-3,Okafor,Chidi,INEC,chidi@example.ng,NG
R-4,Silva,João,TSE,joao@example.br,BR
`;

// R-1 unchanged; R-2 moved organisation; R-3 left the list; R-4 now without an id but the same
// e-mail; a newcomer; and a second "Ana Kovacevic" under a new id: a likely duplicate.
const V2 = `Registration ID,Family name,Given name,Organisation,Email,Country
R-1,Núñez,María,Junta Electoral Central,maria@example.es,ES
R-2,Kovačević,Ana,Ministry of Justice,ana@example.hr,HR
,Silva,João,TSE,joao@example.br,BR
R-5,Tan,Wei Ling,Elections Department,weiling@example.sg,SG
R-6,KOVACEVIC,Ana,,,HR
`;

async function run(db: Parameters<typeof importFile>[0], csv: string, source = 'registration system') {
  const outcome = await importFile(db, encoded(csv, 'utf-8'), 'export.csv', { source, now: '2026-03-02T10:00:00.000Z' });
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.report;
}

test('re-importing an updated export reports added, updated, unchanged and missing, and deletes nobody', async () => {
  const ws = newEvent();
  expect(await run(ws.db, V1)).toMatchObject({ added: 4, updated: 0, unchanged: 0, missingTotal: 0 });
  const byId = new Map(storedPeople(ws.db).map((p) => [p.externalId, p]));
  const report = await run(ws.db, V2);
  expect(report).toMatchObject({ rowsRead: 5, added: 2, updated: 1, unchanged: 2, skipped: 0, missingTotal: 1 });
  expect(report.missing).toEqual([{ id: byId.get('R-3')!.id, externalId: 'R-3', displayName: 'Chidi Okafor', organisation: 'INEC' }]);
  const newAna = storedPeople(ws.db).find((p) => p.externalId === 'R-6')!;
  expect(report.likelyDuplicates).toEqual([
    { reason: 'same_name', participantIds: [byId.get('R-2')!.id, newAna.id], rows: [6], names: ['Ana Kovačević', 'Ana KOVACEVIC'] },
  ]);
  const people = storedPeople(ws.db);
  expect(people).toHaveLength(6);
  expect(people.find((p) => p.externalId === 'R-2')).toMatchObject({ organisation: 'Ministry of Justice', status: 'registered' });
  // Matched by e-mail: the stored id stays (an empty cell never erases).
  expect(people.find((p) => p.email === 'joao@example.br')).toMatchObject({ externalId: 'R-4', id: byId.get('R-4')!.id });
  expect(people.find((p) => p.externalId === 'R-3')).toMatchObject({ status: 'registered' });

  // Cancelling the missing is a separate, explicit step; the person stays on file.
  expect(cancelMissing(ws.db, [byId.get('R-3')!.id], '2026-03-02T10:05:00.000Z')).toBe(1);
  expect(storedPeople(ws.db).find((p) => p.externalId === 'R-3')).toMatchObject({ status: 'cancelled', displayName: 'Chidi Okafor' });

  // Back in the next export: restored, counted as updated.
  const again = await run(ws.db, V1);
  expect(again).toMatchObject({ restored: 1, updated: 2, unchanged: 2, added: 0, missingTotal: 2 });
  expect(storedPeople(ws.db).find((p) => p.externalId === 'R-3')?.status).toBe('registered');
});

test("another source's file never reports the first source's people as missing", async () => {
  const ws = newEvent();
  await run(ws.db, V1, 'secretariat');
  const partner = `Name,Email,Organisation\nAna Kovačević,ana@example.hr,State Election Commission\nLars Ek,lars@example.se,Valmyndigheten\n`;
  const report = await run(ws.db, partner, 'partner');
  expect(report).toMatchObject({ added: 1, unchanged: 1, missingTotal: 0 });
});

test('rows are matched by name and organisation when there is no id and no e-mail', async () => {
  const ws = newEvent();
  await run(ws.db, `Name,Organisation\nMaría Núñez,Junta Electoral Central\n`);
  const report = await run(ws.db, `Name,Organisation,Phone\nNUÑEZ María,Junta Electoral Central,+34 600 000 000\n`);
  expect(report).toMatchObject({ added: 0, updated: 1 });
  expect(storedPeople(ws.db)).toHaveLength(1);
  expect(storedPeople(ws.db)[0]).toMatchObject({ phone: '+34 600 000 000', familyName: 'NUÑEZ', givenName: 'María' });
});

test('two rows for the same person already in the event: the second is an error', async () => {
  const ws = newEvent();
  await run(ws.db, V1);
  const outcome = await importFile(ws.db, encoded('Email,Name\nana@example.hr,Ana K\nANA@example.hr,Ana Kovačević\n', 'utf-8'), 'twice.csv');
  expect(outcome.ok).toBe(false);
  expect(!outcome.ok && outcome.message).toContain('twice.csv, row 3: this row and row 2 are the same person already in the event (same e-mail)');
});

test('a dry run reports exactly what the import would do and writes nothing', async () => {
  const ws = newEvent();
  await run(ws.db, V1);
  const before = storedPeople(ws.db);
  const outcome = await importFile(ws.db, encoded(V2, 'utf-8'), 'export.csv', { source: 'registration system', dryRun: true });
  expect(outcome.ok && outcome.report).toMatchObject({ dryRun: true, added: 2, updated: 1, unchanged: 2, missingTotal: 1 });
  expect(storedPeople(ws.db)).toEqual(before);
  expect((ws.db.prepare('SELECT count(*) AS n FROM import_batch').get() as { n: number }).n).toBe(1);
});

test('hostile text is stored verbatim', async () => {
  const ws = newEvent();
  const long = 'Ω'.repeat(600);
  const rows = [
    ['<img src=x onerror=alert(1)>', '<script>alert(1)</script>'],
    ["=cmd|' /C calc'!A0", '+SUM(1,2)'],
    ['\u202eevil\u202c Name', 'Org\u200b\u200dZero'],
    ['Zoe\u0301 Cafe\u0301', '👩🏽‍⚖️ Justice 🗳️'],
    [long, '@import'],
  ];
  const csv = `Name,Organisation\n${rows.map((r) => r.map((v) => `"${v.replace(/"/gu, '""')}"`).join(',')).join('\n')}\n`;
  await run(ws.db, csv);
  const stored = storedPeople(ws.db);
  expect(stored.map((p) => [p.displayName, p.organisation])).toEqual(rows);
  expect(stored[4]!.displayName).toHaveLength(600);
});

test('delegations built from the country column on request, in order of first appearance; a head set by a re-import', async () => {
  const ws = newEvent();
  const csv = 'ID,Name,Country\nD-1,Ana Kovačević,Croatia\nD-2,Lars Ek,Sweden\nD-3,Ivo Marić,HR\n';
  const { readTable } = await import('./read_table');
  const { prepareImport } = await import('./prepare_import');
  const { commitImport } = await import('./import_results');
  const { DEFAULT_CATEGORIES } = await import('../participants/default_categories');
  const table = await readTable(encoded(csv, 'utf-8'), 'c.csv', {});
  const suggested = await prepareImport(table, 'c.csv', { categories: DEFAULT_CATEGORIES });
  const mapping = { ...suggested.mapping, delegationFromCountry: true };
  const prepared = await prepareImport(table, 'c.csv', { mapping, categories: DEFAULT_CATEGORIES });
  const first = commitImport(ws.db, prepared, { source: 'c', skipRowsWithErrors: false, dryRun: false, now: '2026-03-02T10:00:00.000Z' });
  expect(first.ok && first.value.delegationsCreated).toEqual(['Croatia', 'Sweden']);
  expect(storedPeople(ws.db).map((p) => p.delegation)).toEqual(['Croatia', 'Sweden', 'Croatia']);

  await run(ws.db, 'ID,Name,Head of delegation\nD-3,Ivo Marić,yes\n', 'heads');
  const { listDelegations } = await import('../participants');
  const croatia = listDelegations(ws.db).find((d) => d.name === 'Croatia');
  expect(croatia?.headName).toBe('Ivo Marić');
  expect(croatia?.protocolOrder).toBe(1);
});
