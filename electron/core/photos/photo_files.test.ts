import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addPeople, openTestEvent, testPerson } from '../participants/participants_test_helpers';
import type { Db } from '../db/connection';
import { importPhotoFile, matchPhotoName, readPhoto, removePhoto, sniffPhoto, storePhoto } from './photo_files';

// A real 1×1 PNG and the first bytes of a JPEG and a WebP: what the sniffer must recognise.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0]);
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0, 0, 0, 0]), Buffer.from('WEBPVP8 ')]);
const NOW = '2026-11-23T09:00:00.000Z';

let event: ReturnType<typeof openTestEvent>;
let db: Db;
let photos: string;
let ids: Map<string, number>;

beforeEach(() => {
  event = openTestEvent();
  db = event.db;
  photos = path.join(event.dir, 'photos');
  ids = addPeople(db, [
    testPerson({ displayName: 'Ana Núñez', externalId: 'REG-0042', email: 'ana@example.org' }),
    testPerson({ displayName: 'Kim Minjun', externalId: 'REG-0043', email: 'shared@example.org' }),
    testPerson({ displayName: 'Lee Seoyeon', externalId: 'REG-0044', email: 'shared@example.org' }),
  ]);
});
afterEach(() => event.close());

describe('photo files', () => {
  it('knows an image by its bytes, not by its name', () => {
    expect(sniffPhoto(PNG)).toBe('image/png');
    expect(sniffPhoto(JPEG)).toBe('image/jpeg');
    expect(sniffPhoto(WEBP)).toBe('image/webp');
    expect(sniffPhoto(Buffer.from('%PDF-1.7'))).toBeNull();
    expect(sniffPhoto(new Uint8Array())).toBeNull();
  });

  it('matches a file to its person by registration id, e-mail or row id, ignoring case and extension', () => {
    const ana = ids.get('Ana Núñez');
    expect(matchPhotoName(db, 'reg-0042.JPG')).toMatchObject({ ok: true, value: { participantId: ana, by: 'external_id' } });
    expect(matchPhotoName(db, 'photos/ANA@example.org.png')).toMatchObject({ ok: true, value: { participantId: ana, by: 'email' } });
    expect(matchPhotoName(db, `${ana}.webp`)).toMatchObject({ ok: true, value: { participantId: ana, by: 'id' } });
    expect(matchPhotoName(db, 'shared@example.org.jpg')).toMatchObject({ ok: false, error: { code: 'ambiguous' } });
    expect(matchPhotoName(db, 'nobody.jpg')).toMatchObject({ ok: false, error: { code: 'no_match' } });
    expect(matchPhotoName(db, '.jpg')).toMatchObject({ ok: false, error: { code: 'no_match' } });
  });

  it('stores a photo durably, replaces the old file, reads it back and removes it', () => {
    const ana = ids.get('Ana Núñez')!;
    const first = storePhoto(db, photos, ana, PNG, NOW);
    expect(first.ok).toBe(true);
    const firstFile = first.ok ? first.value.photoFile : '';
    expect(fs.existsSync(path.join(photos, firstFile))).toBe(true);
    const second = storePhoto(db, photos, ana, JPEG, NOW);
    expect(second).toMatchObject({ ok: true, value: { mimeType: 'image/jpeg' } });
    expect(fs.existsSync(path.join(photos, firstFile))).toBe(false);
    expect(fs.readdirSync(photos)).toHaveLength(1);
    const read = readPhoto(db, photos, ana);
    expect(read.ok && read.value.bytes.equals(JPEG)).toBe(true);
    expect(removePhoto(db, photos, ana, NOW)).toEqual({ ok: true, value: { removed: true } });
    expect(fs.readdirSync(photos)).toHaveLength(0);
    expect(readPhoto(db, photos, ana)).toMatchObject({ ok: false, error: { code: 'no_photo' } });
  });

  it('refuses what is not a photo or too big, and changes nothing', () => {
    const ana = ids.get('Ana Núñez')!;
    expect(storePhoto(db, photos, ana, Buffer.from('%PDF-1.7 hello'), NOW)).toMatchObject({ ok: false, error: { code: 'not_an_image' } });
    const huge = Buffer.concat([JPEG, Buffer.alloc(2 * 1024 * 1024)]);
    expect(storePhoto(db, photos, ana, huge, NOW)).toMatchObject({ ok: false, error: { code: 'too_large' } });
    expect(storePhoto(db, photos, 999_999, PNG, NOW)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(fs.existsSync(photos) ? fs.readdirSync(photos) : []).toHaveLength(0);
    expect(db.prepare('SELECT count(*) AS n FROM participant WHERE photo_file IS NOT NULL').get()).toEqual({ n: 0 });
  });

  it('never reads a stored name that points outside the photos folder', () => {
    const ana = ids.get('Ana Núñez')!;
    fs.writeFileSync(path.join(event.dir, 'secret.png'), PNG);
    db.prepare('UPDATE participant SET photo_file = ? WHERE id = ?').run('../secret.png', ana);
    expect(readPhoto(db, photos, ana)).toMatchObject({ ok: false, error: { code: 'no_photo' } });
  });

  it('reports each file of a folder import on its own', () => {
    const outcomes = [
      importPhotoFile(db, photos, 'REG-0043.png', PNG, NOW),
      importPhotoFile(db, photos, 'unknown.png', PNG, NOW),
      importPhotoFile(db, photos, 'REG-0044.png', Buffer.from('not an image'), NOW),
    ];
    expect(outcomes.map((o) => o.result)).toEqual(['stored', 'no_match', 'not_an_image']);
    expect(outcomes[0]).toMatchObject({ displayName: 'Kim Minjun', participantId: ids.get('Kim Minjun') });
    expect(outcomes[2]!.message).toMatch(/JPEG, PNG or WebP/u);
  });
});
