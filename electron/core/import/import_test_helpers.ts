/**
 * Test support for the import: fresh events on real SQLite, the stored participants read
 * back in full, table counts to prove a refusal changed nothing, and exports shaped like the
 * ones people really get (Korean Excel in CP949, European Excel with semicolons, Unicode Text).
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { DEMO_EVENT_INPUT, seedDemoEvent } from '../demo/seed_demo_event';
import type { Db } from '../db/connection';
import { makeTempDir } from '../testing/temp_dir_test_helpers';
import { createEventFolder, type EventWorkspace } from '../workspace/event_workspace';
import type { PersonFields } from '../participants/participant_store';

/** A new event in a temp folder, empty or with the demo people. */
export function newEvent(options: { demo?: boolean } = {}): EventWorkspace {
  const created = createEventFolder(path.join(makeTempDir('dd-import-'), 'event'), { ...DEMO_EVENT_INPUT, name: 'Import test', withDemoData: !!options.demo }, {
    seed: options.demo ? seedDemoEvent : undefined,
  });
  if (!created.ok) throw new Error(created.error.message);
  return created.value;
}

/** A stored participant with everything the import can set. */
export interface StoredPerson extends PersonFields {
  id: number;
  delegation: string | null;
  status: string;
}

/** Every participant, in id order, as stored. */
export function storedPeople(db: Db): StoredPerson[] {
  const rows = db
    .prepare(
      `SELECT p.id, p.external_id AS externalId, p.title, p.family_name AS familyName, p.given_name AS givenName,
         p.native_name AS nativeName, p.native_name_lang AS nativeNameLang, p.display_name AS displayName,
         p.organisation, p.position, p.country, d.name AS delegation, p.category_code AS categoryCode,
         p.languages_json AS languagesJson, p.email, p.phone, p.notes, p.status
       FROM participant p LEFT JOIN delegation d ON d.id = p.delegation_id ORDER BY p.id`,
    )
    .all() as Array<Omit<StoredPerson, 'languages'> & { languagesJson: string }>;
  return rows.map(({ languagesJson, ...r }) => ({ ...r, languages: JSON.parse(languagesJson) as string[] }));
}

/** What a stored person is compared on (ids differ from run to run). */
export function withoutId({ id: _id, ...rest }: StoredPerson): Omit<StoredPerson, 'id'> {
  return rest;
}

/** Row counts of every table the import writes, to prove a refusal wrote nothing. */
export function tableCounts(db: Db): Record<string, number> {
  const out: Record<string, number> = {};
  for (const table of ['participant', 'delegation', 'category', 'import_batch', 'import_preset']) {
    out[table] = (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  }
  out['linked'] = (db.prepare('SELECT count(*) AS n FROM participant WHERE import_batch_id IS NOT NULL').get() as { n: number }).n;
  out['changes'] = (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  return out;
}

/** Text as a legacy-encoded file, the way Excel's plain "CSV" writes it. */
export function encoded(text: string, encoding: string, bom = false): Buffer {
  const body = iconv.encode(text.replace(/\n/gu, '\r\n'), encoding);
  if (!bom) return body;
  const marks: Record<string, number[]> = { 'utf-8': [0xef, 0xbb, 0xbf], 'utf-16le': [0xff, 0xfe], 'utf-16be': [0xfe, 0xff] };
  return Buffer.concat([Buffer.from(marks[encoding] ?? []), body]);
}

/** A workbook built with exceljs: each sheet is rows of cells, with optional merged ranges. */
export async function workbook(sheets: Array<{ name: string; rows: unknown[][]; merges?: string[] }>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name);
    sheet.rows.forEach((row, i) => {
      row.forEach((value, j) => {
        if (value !== null && value !== undefined) ws.getCell(i + 1, j + 1).value = value as ExcelJS.CellValue;
      });
    });
    for (const range of sheet.merges ?? []) ws.mergeCells(range);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * A password-protected .xlsx as Excel writes it: not a ZIP but an OLE compound file whose
 * directory names an EncryptionInfo and an EncryptedPackage stream (names in UTF-16LE).
 */
export function encryptedWorkbook(): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  header.writeUInt16LE(0x003e, 24);
  header.writeUInt16LE(0x0003, 26);
  header.writeUInt16LE(0xfffe, 28);
  header.writeUInt16LE(9, 30);
  const directory = Buffer.alloc(512);
  ['Root Entry', 'EncryptionInfo', 'EncryptedPackage', '\u0006DataSpaces'].forEach((name, i) => {
    Buffer.from(name, 'utf16le').copy(directory, i * 128);
    directory.writeUInt16LE((name.length + 1) * 2, i * 128 + 64);
  });
  return Buffer.concat([header, directory, Buffer.alloc(2048, 0x5a)]);
}
