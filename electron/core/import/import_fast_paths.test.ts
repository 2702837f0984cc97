import { expect, test } from 'vitest';
import { cleanLine, cleanMultiline } from './clean_cell';
import { importFile } from './import_file';
import { encoded, newEvent, storedPeople } from './import_test_helpers';
import { scriptOf, scriptOfPair } from './person_names';

test('the script of a family and a given name read apart is the script of the two joined', () => {
  const parts = ['', 'Kim', 'Minjun', 'Núñez', 'KOVAČEVIĆ', '김', '민준', '山田', 'たろう', 'Иванов', 'Παπαδόπουλος', 'سارة', 'สมชาย', 'כהן', 'O’Brien-3', '123', 'ǅ', '\u{20000}', '\ud840', '\udc00'];
  for (const a of parts) for (const b of parts) expect(scriptOfPair(a, b), `${a} + ${b}`).toBe(scriptOf(a + b));
  // A supplementary-plane character split across the two halves is read as one character.
  expect(scriptOfPair('\ud840', '\udc00')).toBe('han');
});

test('cells that need no cleaning come back as they are; the others are cleaned as before', () => {
  for (const clean of ['María José', 'KIM Min-jun', '<b>x</b>', '=cmd|calc', 'a\u200bb', '👩🏽‍⚕️', 'tab\tinside']) {
    expect(cleanMultiline(clean)).toBe(clean);
  }
  expect(cleanMultiline(' \tneeds wheelchair\r\naccess\n')).toBe('needs wheelchair\naccess');
  expect(cleanMultiline('vegan\u0007\rhalal')).toBe('vegan\nhalal');
  expect(cleanMultiline('\u00a0kosher')).toBe('kosher');
  expect(cleanLine('  Núñez\u3000')).toBe('Núñez');
  expect(cleanLine('two\r\nlines\tand\u0001bell')).toBe('two lines andbell');
});

test('likely duplicates by e-mail: within the file and with someone already here, in the order found', async () => {
  const ws = newEvent();
  const first = await importFile(ws.db, encoded('ID,Name,Email\nR-1,Ana Silva,shared@example.org\n', 'utf-8'), 'first.csv');
  expect(first.ok).toBe(true);
  const csv = [
    'ID,Name,Email',
    'R-10,Bruno Costa,SHARED@example.org',
    'R-11,Chen Wei,twice@example.org',
    'R-12,Dara Khan,Twice@Example.org',
    'R-13,Eli Novak,unique@example.org',
    'R-14,Femi Ade,',
  ].join('\n');
  const outcome = await importFile(ws.db, encoded(csv, 'utf-8'), 'second.csv');
  if (!outcome.ok) throw new Error(outcome.message);
  const id = new Map(storedPeople(ws.db).map((p) => [p.externalId, p.id]));
  expect(outcome.report.added).toBe(5);
  expect(outcome.report.likelyDuplicates).toEqual([
    { reason: 'same_email', participantIds: [id.get('R-1'), id.get('R-10')], rows: [2], names: ['Ana Silva', 'Bruno Costa'] },
    { reason: 'same_email', participantIds: [id.get('R-11'), id.get('R-12')], rows: [3, 4], names: ['Chen Wei', 'Dara Khan'] },
  ]);
  ws.close();
});

test('likely duplicates by name: only groups where someone has no e-mail, with people already here, in the order found', async () => {
  const ws = newEvent();
  const first = await importFile(ws.db, encoded('ID,Name,Email\nR-1,Ana Silva,\n', 'utf-8'), 'first.csv');
  expect(first.ok).toBe(true);
  const csv = [
    'ID,Name,Email',
    'R-20,Kim Minjun,kim1@example.org',
    'R-21,Minjun KIM,kim2@example.org',
    'R-22,ana silva,ana@example.org',
    'R-23,Lee Jiwoo,',
    'R-24,Jiwoo Lee,lee@example.org',
  ].join('\n');
  const outcome = await importFile(ws.db, encoded(csv, 'utf-8'), 'second.csv');
  if (!outcome.ok) throw new Error(outcome.message);
  const id = new Map(storedPeople(ws.db).map((p) => [p.externalId, p.id]));
  // Two Kim Minjuns with two addresses are two people; the others share a name with someone without one.
  expect(outcome.report.likelyDuplicates).toEqual([
    { reason: 'same_name', participantIds: [id.get('R-1'), id.get('R-22')], rows: [4], names: ['Ana Silva', 'ana silva'] },
    { reason: 'same_name', participantIds: [id.get('R-23'), id.get('R-24')], rows: [5, 6], names: ['Lee Jiwoo', 'Jiwoo Lee'] },
  ]);
  ws.close();
});

test('problems found after a row is built (a repeated id, a second head) land on that row only', async () => {
  const ws = newEvent();
  const csv = ['ID,Name,Delegation,Head of delegation', 'R-1,Ana Silva,Brazil,yes', 'R-2,Bruno Costa,Brazil,yes', 'R-3,Chen Wei,Singapore,', 'R-1,Dara Khan,Brazil,'].join('\n');
  const outcome = await importFile(ws.db, encoded(csv, 'utf-8'), 'heads.csv', { skipRowsWithErrors: true });
  if (!outcome.ok) throw new Error(outcome.message);
  expect(outcome.report.problems.map((p) => [p.code, p.row, p.otherRow])).toEqual([
    ['second_head', 3, 2],
    ['duplicate_id', 5, 2],
  ]);
  expect(outcome.report).toMatchObject({ added: 3, skipped: 1 });
  const head = ws.db.prepare("SELECT p.external_id AS id FROM delegation d JOIN participant p ON p.id = d.head_participant_id WHERE d.name = 'Brazil'").get();
  expect(head).toEqual({ id: 'R-1' });
  ws.close();
});
