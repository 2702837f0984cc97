import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { err, ok, type Result } from '../../contract';
import { connect, type Db } from '../db/connection';
import { inspectFolder } from '../event_folder/inspect_folder';
import { eventFolderLayout, EventManifestSchema } from '../event_folder/layout';
import { copyDatabase } from '../backup/backup_take';
import { fsyncAndRename, fsyncDir } from '../backup/backup_files';
import { inspectDatabaseFile } from '../backup/backup_inspect';
import {
  DEFAULT_LOG_N,
  END_MARKER,
  EXPORT_MAGIC,
  ExportHeaderSchema,
  MIN_PASSPHRASE_LENGTH,
  decodeEntries,
  deriveKey,
  encodeEntry,
  encodeHeader,
  passphraseCheck,
  type ExportHeader,
} from './export_format';

export type ExportError = 'not_found' | 'exists' | 'weak_passphrase' | 'export_failed';
export type ImportError = 'not_found' | 'not_an_export' | 'wrong_passphrase' | 'tampered' | 'exists' | 'not_ours' | 'import_failed';

function filesIn(dir: string): string[] {
  try {
    return fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name).sort();
  } catch {
    return [];
  }
}

/**
 * Exports a whole event (database, manifest, badge keys, LAN certificate, photos) as one file
 * encrypted with AES-256-GCM under a key derived from the passphrase with scrypt. The database
 * is copied with the online backup API, so the event may stay open and in use. Backups and
 * import uploads stay behind: the file is for setting up a second laptop or archiving.
 */
export async function exportEvent(
  dir: string,
  outFile: string,
  passphrase: string,
  options: { db?: Db; force?: boolean; logN?: number; now?: Date } = {},
): Promise<Result<{ file: string; sizeBytes: number; files: number }, ExportError>> {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
    return err('weak_passphrase', `The passphrase must be at least ${MIN_PASSPHRASE_LENGTH} characters: this file holds personal data and the badge signing key. Use a few words.`);
  }
  const state = inspectFolder(dir);
  if (state.kind !== 'event') return err('not_found', `${dir} is not an event folder; there is nothing to export.`);
  const dest = path.resolve(outFile);
  if (fs.existsSync(dest) && !options.force) return err('exists', `${dest} exists already. Choose another name (or --force to replace it); nothing was written.`);
  const layout = eventFolderLayout(dir);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-export-'));
  const tmpOut = path.join(path.dirname(dest), `.${path.basename(dest)}.${process.pid}.partial`);
  let fd: number | undefined;
  try {
    const dbCopy = path.join(scratch, 'event.sqlite');
    const own = options.db ? null : connect(layout.database);
    try {
      await copyDatabase(options.db ?? (own as Db), dbCopy);
    } finally {
      own?.close();
    }
    const kdf = { name: 'scrypt' as const, logN: options.logN ?? DEFAULT_LOG_N, r: 8 as const, p: 1, salt: crypto.randomBytes(16).toString('base64') };
    const key = deriveKey(passphrase, kdf);
    const iv = crypto.randomBytes(12);
    const header: ExportHeader = {
      format: 'delegate-desk-event-export',
      version: 1,
      kdf,
      cipher: 'aes-256-gcm',
      iv: iv.toString('base64'),
      check: passphraseCheck(key),
      createdAt: (options.now ?? new Date()).toISOString(),
    };
    const headerBytes = encodeHeader(header);
    const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(headerBytes);
    fd = fs.openSync(tmpOut, 'w', 0o600);
    fs.writeSync(fd, headerBytes);
    let count = 0;
    const add = (rel: string, bytes: Buffer) => {
      fs.writeSync(fd as number, cipher.update(encodeEntry(rel, bytes)));
      count++;
    };
    add('delegate-desk-event.json', fs.readFileSync(layout.manifest));
    add('event.sqlite', fs.readFileSync(dbCopy));
    for (const name of filesIn(layout.keys)) add(`keys/${name}`, fs.readFileSync(path.join(layout.keys, name)));
    for (const name of filesIn(layout.photos)) add(`photos/${name}`, fs.readFileSync(path.join(layout.photos, name)));
    fs.writeSync(fd, cipher.update(END_MARKER));
    fs.writeSync(fd, cipher.final());
    fs.writeSync(fd, cipher.getAuthTag());
    fs.closeSync(fd);
    fd = undefined;
    fsyncAndRename(tmpOut, dest);
    return ok({ file: dest, sizeBytes: fs.statSync(dest).size, files: count });
  } catch (e) {
    return err('export_failed', `The event could not be exported (${(e as Error).message}). Nothing was written to ${dest}.`);
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(tmpOut, { force: true });
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/** Reads and authenticates an export; nothing is written anywhere. */
export function decryptExport(file: string, passphrase: string): Result<Array<{ path: string; bytes: Buffer }>, Exclude<ImportError, 'exists' | 'not_ours' | 'import_failed'>> {
  let data: Buffer;
  try {
    data = fs.readFileSync(file);
  } catch {
    return err('not_found', `Cannot read ${file}: there is no such file.`);
  }
  const notExport = err('not_an_export', `${path.basename(file)} is not a Delegate Desk event export.`);
  if (data.length < EXPORT_MAGIC.length + 4 || !data.subarray(0, EXPORT_MAGIC.length).equals(EXPORT_MAGIC)) return notExport;
  const headerLen = data.readUInt32BE(EXPORT_MAGIC.length);
  const headerEnd = EXPORT_MAGIC.length + 4 + headerLen;
  if (headerLen > 4096 || headerEnd + 16 > data.length) return notExport;
  let header: ExportHeader;
  try {
    const parsed = ExportHeaderSchema.safeParse(JSON.parse(data.toString('utf8', EXPORT_MAGIC.length + 4, headerEnd)));
    if (!parsed.success) return err('not_an_export', `${path.basename(file)} is an export of a version or kind this app does not read (or its header was changed).`);
    header = parsed.data;
  } catch {
    return notExport;
  }
  const key = deriveKey(passphrase, header.kdf);
  if (!crypto.timingSafeEqual(Buffer.from(passphraseCheck(key)), Buffer.from(header.check))) {
    return err('wrong_passphrase', 'The passphrase is wrong. Type it exactly as it was set when the event was exported; nothing was imported.');
  }
  const tampered = err('tampered', `${path.basename(file)} is damaged or was changed after it was exported; nothing was imported. Export the event again.`);
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(header.iv, 'base64'));
    decipher.setAAD(data.subarray(0, headerEnd));
    decipher.setAuthTag(data.subarray(data.length - 16));
    const plain = Buffer.concat([decipher.update(data.subarray(headerEnd, data.length - 16)), decipher.final()]);
    const entries = decodeEntries(plain);
    return entries ? ok(entries) : tampered;
  } catch {
    return tampered;
  }
}

/**
 * Imports an exported event into `dir`. Everything is decrypted and authenticated before a byte
 * is written; the files are written to a staging folder beside `dir`, checked (manifest, a
 * database that passes integrity_check and belongs to that manifest), then renamed into place.
 * An existing event is replaced only with `force`, and then kept aside, never deleted.
 */
export function importEvent(
  file: string,
  dir: string,
  passphrase: string,
  options: { force?: boolean; now?: Date } = {},
): Result<{ dir: string; eventId: string; eventName: string; replacedKeptAt: string | null }, ImportError> {
  const target = path.resolve(dir);
  const state = inspectFolder(target);
  if (state.kind === 'foreign') return err('not_ours', `${target} holds other files (${state.reason}). Choose an empty or new folder; nothing was written.`);
  if ((state.kind === 'event' || state.kind === 'damaged_manifest') && !options.force) {
    return err('exists', `${target} holds an event already. Choose a new folder, or replace it with --force (it is kept aside); nothing was written.`);
  }
  const decrypted = decryptExport(file, passphrase);
  if (!decrypted.ok) return decrypted;
  const entries = decrypted.value;
  const manifestEntry = entries.find((e) => e.path === 'delegate-desk-event.json');
  const dbEntry = entries.find((e) => e.path === 'event.sqlite');
  const manifest = manifestEntry ? EventManifestSchema.safeParse(JSON.parse(manifestEntry.bytes.toString('utf8'))) : null;
  if (!manifest?.success || !dbEntry) return err('tampered', 'The export is incomplete (no event description or database). Export the event again.');
  const staging = `${target}.importing-${process.pid}`;
  let replacedKeptAt: string | null = null;
  try {
    fs.rmSync(staging, { recursive: true, force: true });
    for (const sub of ['', 'keys', 'photos', 'backups']) fs.mkdirSync(path.join(staging, sub), { recursive: true });
    fs.chmodSync(path.join(staging, 'keys'), 0o700);
    // The manifest last, like a new event: a staging folder without it is never mistaken for an event.
    for (const e of [...entries.filter((x) => x !== manifestEntry), manifestEntry as { path: string; bytes: Buffer }]) {
      const out = path.join(staging, ...e.path.split('/'));
      fs.writeFileSync(out, e.bytes, { mode: e.path.startsWith('keys/') && !e.path.endsWith('.pub.pem') && !e.path.endsWith('cert.pem') ? 0o600 : 0o644 });
    }
    const checked = inspectDatabaseFile(path.join(staging, 'event.sqlite'), { full: true });
    if (!checked.ok || checked.value.eventId !== manifest.data.eventId) {
      fs.rmSync(staging, { recursive: true, force: true });
      return err('tampered', 'The database inside the export does not read back or does not match its event. Export the event again.');
    }
    if (state.kind === 'event' || state.kind === 'damaged_manifest') {
      replacedKeptAt = `${target}.replaced-${(options.now ?? new Date()).toISOString().replace(/[:.]/gu, '-')}`;
      fs.renameSync(target, replacedKeptAt);
    } else if (state.kind === 'empty') {
      fs.rmSync(target, { recursive: true, force: true });
    }
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.renameSync(staging, target);
    fsyncDir(path.dirname(target));
    return ok({ dir: target, eventId: manifest.data.eventId, eventName: checked.value.eventName, replacedKeptAt });
  } catch (e) {
    fs.rmSync(staging, { recursive: true, force: true });
    if (replacedKeptAt && !fs.existsSync(target) && fs.existsSync(replacedKeptAt)) fs.renameSync(replacedKeptAt, target);
    return err('import_failed', `The event could not be written to ${target} (${(e as Error).message}). Nothing was changed there.`);
  }
}
