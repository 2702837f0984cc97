import { expect, test } from 'vitest';
import type { BuiltRow } from './build_rows';
import { importCategories } from './import_service';
import { encoded, newEvent } from './import_test_helpers';
import { prepareImport, type PreparedImport } from './prepare_import';
import { openTable, readTable } from './read_table';

/** An export with title rows above the header, blank lines, quoted notes with line breaks and a sparse column. */
function secretariatExport(count: number, tail = ''): Buffer {
  const lines = ['2026 International Election Forum', 'Participants, as of 1 March', 'No.,Family name,Given name,Organisation,Country,Email,Notes,Dietary'];
  for (let i = 1; i <= count; i++) {
    const notes = i % 4 === 0 ? '"arrives late,\nneeds ""ramp"""' : '';
    const id = i % 500 === 0 ? 'R-7' : `R-${i}`; // a repeated id now and then: an error on its row
    lines.push([id, `Núñez${i}`, '김민준', `Commission ${i % 9}`, i % 2 ? 'KR' : 'Spain', `p${i}@example.org`, notes, i > 1500 && i % 100 === 0 ? 'halal' : ''].join(','));
    if (i % 37 === 0) lines.push('');
  }
  return encoded(`${lines.join('\n')}\n${tail}`, 'utf-8'); // written with CRLF, as Excel does
}

/** What prepareImport made, without the table it read from (a streamed table carries its reader). */
function outcome(prepared: PreparedImport) {
  const { table: _table, ...rest } = prepared;
  return rest;
}

async function both(bytes: Buffer, fileName: string) {
  const db = newEvent().db;
  const categories = importCategories(db);
  const whole = await prepareImport(await readTable(bytes, fileName, {}), fileName, { categories });
  const handed: BuiltRow[][] = [];
  const streamedTable = await openTable(bytes, fileName, {}, 4096);
  const firstSlice = streamedTable.rows.length;
  const streamed = await prepareImport(streamedTable, fileName, { categories }, undefined, (rows) => handed.push([...rows]));
  return { whole, streamed, handed, firstSlice, table: streamedTable };
}

test('a file read a slice at a time prepares exactly the rows, mapping and problems of the file read whole', async () => {
  const { whole, streamed, handed, firstSlice, table } = await both(secretariatExport(3000), 'forum.csv');
  expect(firstSlice).toBeLessThan(200); // the first slice really was a small part of the file
  expect(table.rows.length).toBeGreaterThan(3000);
  expect(outcome(streamed)).toEqual(outcome(whole));
  expect(streamed.headerRow).toBe(3);
  expect(streamed.rows).toHaveLength(3000);
  expect(streamed.rows.filter((r) => r.problems.some((p) => p.code === 'duplicate_id'))).toHaveLength(6);
  // Each chunk went on as soon as it was checked, in order, and together they are every row.
  expect(handed.length).toBe(2);
  expect(handed.flat()).toEqual(streamed.rows);
});

test('a quote never closed near the end of a big file refuses it as the whole read does, after rows were handed on', async () => {
  const { whole, streamed, handed } = await both(secretariatExport(3000, 'R-x,"Unclosed,KR\nR-y,Later,KR\n'), 'forum.csv');
  expect(whole.blocking[0]).toMatchObject({ code: 'unclosed_quote', row: 3085 });
  expect(outcome(streamed)).toEqual(outcome(whole));
  // The caller refuses the file: rows already handed on are rolled back (import_writer_thread.test).
  expect(handed.length).toBe(1);
});

test('a small file with a quote never closed hands on no rows at all', async () => {
  const { whole, streamed, handed } = await both(secretariatExport(20, 'R-x,"Unclosed,KR\n'), 'small.csv');
  expect(whole.blocking[0]?.code).toBe('unclosed_quote');
  expect(outcome(streamed)).toEqual(outcome(whole));
  expect(handed).toEqual([]);
});

test.each([
  ['a header, then a lone quote', 'Name,Email\n"', {}],
  ['a header row given below a quote never closed', 'Name,Email\nA,a@x\n"B,b@x\n', { headerRow: 4 }],
])('a quote never closed found while looking for the header or the first rows is the reason given (%s)', async (_, csv, options) => {
  const bytes = encoded(csv, 'utf-8');
  const categories = importCategories(newEvent().db);
  const whole = await prepareImport(await readTable(bytes, 'q.csv', {}), 'q.csv', { categories, ...options });
  const streamed = await prepareImport(await openTable(bytes, 'q.csv', {}, 64), 'q.csv', { categories, ...options });
  expect(whole.blocking[0]?.code).toBe('unclosed_quote');
  expect(outcome(streamed)).toEqual(outcome(whole));
});
