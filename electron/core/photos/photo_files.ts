import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { err, ok, type Result } from '../../contract';
import type { Db } from '../db/connection';

/** The largest photo we keep: a badge or desk photo needs far less, a camera original is refused. */
export const MAX_PHOTO_BYTES = 2 * 1024 * 1024;

/** Image types a photo may be; anything else is refused by its bytes, whatever its name says. */
export type PhotoMime = 'image/jpeg' | 'image/png' | 'image/webp';

const EXTENSION: Record<PhotoMime, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };

/** What an image file really is, from its first bytes (a renamed PDF is not a photo). */
export function sniffPhoto(bytes: Uint8Array): PhotoMime | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 8 && png.every((b, i) => bytes[i] === b)) return 'image/png';
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  return null;
}

/** A photo file matched to its person. */
export interface PhotoMatch {
  readonly participantId: number;
  readonly displayName: string;
  /** What matched: the registration id, the e-mail, or our own row id. */
  readonly by: 'external_id' | 'email' | 'id';
}

/**
 * Finds whose photo a file is from its name: "A-0042.jpg" by registration id, "ana@x.org.png"
 * by e-mail, "17.jpg" by our own id. Case, surrounding spaces and the extension do not matter.
 */
export function matchPhotoName(db: Db, fileName: string): Result<PhotoMatch, 'no_match' | 'ambiguous'> {
  const base = path.basename(fileName.replaceAll('\\', '/'));
  const stem = base.replace(/\.[A-Za-z0-9]{1,5}$/u, '').trim();
  if (stem === '') return err('no_match', `"${base}" has no name to match.`);
  type Row = { id: number; displayName: string };
  const byExternal = db
    .prepare<[string], Row>('SELECT id, display_name AS displayName FROM participant WHERE lower(external_id) = lower(?)')
    .all(stem);
  if (byExternal.length === 1) return ok({ participantId: byExternal[0]!.id, displayName: byExternal[0]!.displayName, by: 'external_id' });
  if (stem.includes('@')) {
    const byEmail = db
      .prepare<[string], Row>("SELECT id, display_name AS displayName FROM participant WHERE email <> '' AND lower(email) = lower(?)")
      .all(stem);
    if (byEmail.length === 1) return ok({ participantId: byEmail[0]!.id, displayName: byEmail[0]!.displayName, by: 'email' });
    if (byEmail.length > 1) return err('ambiguous', `${byEmail.length} people share the e-mail in "${base}"; name the file by registration id instead.`);
  }
  if (/^\d{1,9}$/u.test(stem)) {
    const byId = db.prepare<[number], Row>('SELECT id, display_name AS displayName FROM participant WHERE id = ?').get(Number(stem));
    if (byId) return ok({ participantId: byId.id, displayName: byId.displayName, by: 'id' });
  }
  return err('no_match', `Nobody has the registration id or e-mail "${stem}". Name photo files by registration id or e-mail.`);
}

/** Writes a file so that it is either whole on disk or not there at all. */
function writeFileDurably(target: string, bytes: Uint8Array): void {
  const temp = `${target}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  const fd = fs.openSync(temp, 'w', 0o600);
  try {
    fs.writeSync(fd, bytes);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, target);
}

/** A stored photo's name is safe when it is a bare file name we could have written. */
function isOurFileName(name: string): boolean {
  return /^\d+-[0-9a-f]{12}\.(jpg|png|webp)$/u.test(name);
}

/**
 * Stores a person's photo in the event's photos folder and points their record at it. The file is
 * on disk (fsynced) before the record changes, and the old file goes only after the commit, so a
 * power cut leaves either the old photo or the new one, never a record pointing at nothing.
 */
export function storePhoto(
  db: Db,
  photosDir: string,
  participantId: number,
  bytes: Uint8Array,
  now: string,
): Result<{ photoFile: string; mimeType: PhotoMime }, 'not_an_image' | 'too_large' | 'not_found'> {
  if (bytes.length > MAX_PHOTO_BYTES) {
    return err('too_large', `The photo is ${(bytes.length / 1048576).toFixed(1)} MB; the limit is 2 MB. Resize it and try again.`);
  }
  const mimeType = sniffPhoto(bytes);
  if (!mimeType) return err('not_an_image', 'This file is not a JPEG, PNG or WebP image.');
  const row = db.prepare<[number], { photoFile: string | null }>('SELECT photo_file AS photoFile FROM participant WHERE id = ?').get(participantId);
  if (!row) return err('not_found', 'This person is no longer on the list.');
  const hash = crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 12);
  const photoFile = `${participantId}-${hash}.${EXTENSION[mimeType]}`;
  fs.mkdirSync(photosDir, { recursive: true });
  writeFileDurably(path.join(photosDir, photoFile), bytes);
  db.prepare('UPDATE participant SET photo_file = ?, updated_at = ? WHERE id = ?').run(photoFile, now, participantId);
  if (row.photoFile && row.photoFile !== photoFile && isOurFileName(row.photoFile)) {
    fs.rmSync(path.join(photosDir, row.photoFile), { force: true });
  }
  return ok({ photoFile, mimeType });
}

/** Takes a person's photo away (the record first, then the file). */
export function removePhoto(db: Db, photosDir: string, participantId: number, now: string): Result<{ removed: boolean }, 'not_found'> {
  const row = db.prepare<[number], { photoFile: string | null }>('SELECT photo_file AS photoFile FROM participant WHERE id = ?').get(participantId);
  if (!row) return err('not_found', 'This person is no longer on the list.');
  if (!row.photoFile) return ok({ removed: false });
  db.prepare('UPDATE participant SET photo_file = NULL, updated_at = ? WHERE id = ?').run(now, participantId);
  if (isOurFileName(row.photoFile)) fs.rmSync(path.join(photosDir, row.photoFile), { force: true });
  return ok({ removed: true });
}

/** Reads a person's photo back, refusing any stored name that is not a plain file of ours. */
export function readPhoto(db: Db, photosDir: string, participantId: number): Result<{ bytes: Buffer; mimeType: PhotoMime }, 'no_photo'> {
  const row = db.prepare<[number], { photoFile: string | null }>('SELECT photo_file AS photoFile FROM participant WHERE id = ?').get(participantId);
  if (!row?.photoFile || !isOurFileName(row.photoFile)) return err('no_photo', 'No photo for this person.');
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(path.join(photosDir, row.photoFile));
  } catch {
    return err('no_photo', 'The photo file is missing from the event folder.');
  }
  const mimeType = sniffPhoto(bytes);
  return mimeType ? ok({ bytes, mimeType }) : err('no_photo', 'The photo file is damaged.');
}

/** One file's fate in a folder import. */
export interface PhotoFileOutcome {
  readonly fileName: string;
  readonly result: 'stored' | 'no_match' | 'ambiguous' | 'not_an_image' | 'too_large';
  readonly participantId: number | null;
  readonly displayName: string | null;
  readonly message: string;
}

/** Matches one named file to its person and stores it; every file stands or fails alone. */
export function importPhotoFile(db: Db, photosDir: string, fileName: string, bytes: Uint8Array, now: string): PhotoFileOutcome {
  const match = matchPhotoName(db, fileName);
  if (!match.ok) return { fileName, result: match.error.code, participantId: null, displayName: null, message: match.error.message };
  const stored = storePhoto(db, photosDir, match.value.participantId, bytes, now);
  const who = { participantId: match.value.participantId, displayName: match.value.displayName };
  if (!stored.ok) {
    const result = stored.error.code === 'not_found' ? 'no_match' : stored.error.code;
    return { fileName, result, ...who, message: stored.error.message };
  }
  return { fileName, result: 'stored', ...who, message: '' };
}
