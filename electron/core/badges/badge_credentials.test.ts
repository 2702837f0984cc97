import crypto from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  BADGE_CODE_LENGTH,
  BADGE_CODE_PREFIX,
  base32Decode,
  base32Encode,
  parseBadgeCode,
  type BadgeVerification,
} from '../../contract';
import type { EventWorkspace } from '../workspace/event_workspace';
import { badgeKeysFor, type BadgeKeys } from './badge_keys';
import { buildBadgeItems, verifyBadge } from './badge_credentials';
import { recordBadgeIssues, selectBadgeRows } from './badge_store';
import { createBadgeTestEvent, SCRIPT_PEOPLE } from './badges_test_helpers';

let ours: EventWorkspace;
let other: EventWorkspace;
let keys: BadgeKeys;
let otherKeys: BadgeKeys;
/** A current badge of participant 1 (serial 1, recorded as printed). */
let code: string;

function keysOf(ws: EventWorkspace): BadgeKeys {
  const k = badgeKeysFor(ws);
  if (!k.ok) throw new Error(k.error.message);
  return k.value;
}

function sign(k: BadgeKeys, participantId: number, serial: number): string {
  const signed = k.sign({ participantId, serial });
  if (!signed.ok) throw new Error(signed.error.message);
  return signed.value;
}

function check(text: string): BadgeVerification {
  return verifyBadge(ours.db, keys, text, 'Asia/Seoul');
}

beforeAll(() => {
  ours = createBadgeTestEvent();
  other = createBadgeTestEvent();
  keys = keysOf(ours);
  otherKeys = keysOf(other);
  recordBadgeIssues(ours.db, [{ participantId: 1, serial: 1 }], 'a6', '2026-12-01T01:00:00.000Z');
  code = sign(keys, 1, 1);
});

afterAll(() => {
  ours.close();
  other.close();
});

describe('the code', () => {
  test('is DD1 + upper-case base32, 122 characters: QR alphanumeric mode', () => {
    expect(code).toHaveLength(BADGE_CODE_LENGTH);
    expect(BADGE_CODE_LENGTH).toBe(122);
    expect(code.startsWith(BADGE_CODE_PREFIX)).toBe(true);
    expect(code).toMatch(/^DD1[A-Z2-7]+$/u);
  });

  test('base32 round-trips any bytes and refuses non-canonical text', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        const text = base32Encode(bytes);
        expect(text).toMatch(/^[A-Z2-7]*$/u);
        expect(base32Decode(text)).toEqual(bytes);
      }),
    );
    // One byte is 8 bits: two characters carry 10, and the 2 spare bits must be zero.
    expect(base32Decode('AA')).toEqual(new Uint8Array([0]));
    expect(base32Decode('AB')).toBeNull();
    expect(base32Decode('A')).toBeNull();
    expect(base32Decode('a')).toBeNull();
  });

  test('carries the participant and serial, and no name', () => {
    const parsed = parseBadgeCode(code);
    expect(parsed.ok && parsed.value.participantId).toBe(1);
    expect(parsed.ok && parsed.value.serial).toBe(1);
  });
});

describe('verification', () => {
  test('a current badge is valid, and says whose it is', () => {
    const result = check(code);
    expect(result).toMatchObject({ valid: true, participantId: 1, serial: 1, printedAt: '2026-12-01T01:00:00.000Z' });
    expect(result.valid && result.holder.nativeName).toBe(SCRIPT_PEOPLE[0]!.nativeName);
  });

  test('a USB scanner may add whitespace and CapsLock may flip the case', () => {
    expect(check(`  ${code}\r\n`).valid).toBe(true);
    expect(check(code.toLowerCase()).valid).toBe(true);
    expect(check(`\t${code.slice(0, 50).toLowerCase()}${code.slice(50)}\n`).valid).toBe(true);
  });

  test('property: any change of any byte of the signed payload is refused', () => {
    const bytes = base32Decode(code.slice(3))!;
    fc.assert(
      fc.property(fc.nat({ max: bytes.length - 1 }), fc.integer({ min: 1, max: 255 }), (index, flip) => {
        const altered = bytes.slice();
        altered[index] = altered[index]! ^ flip;
        const result = check(`${BADGE_CODE_PREFIX}${base32Encode(altered)}`);
        expect(result.valid).toBe(false);
        // Only the event tag bytes may read as "another event"; everything else is damage or forgery.
        expect(['malformed', 'wrong_event', 'bad_signature', 'unknown_participant']).toContain(!result.valid && result.reason);
      }),
      { numRuns: 2000 },
    );
  });

  test('property: any change of any character of the code is refused', () => {
    const anyChar = fc.oneof(
      fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', ...'0189=+/-_ .:'),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
    );
    fc.assert(
      fc.property(fc.nat({ max: code.length - 1 }), anyChar, (index, replacement) => {
        // Case is deliberately ignored (CapsLock): a change means another character.
        fc.pre(replacement !== code[index] && replacement !== code[index]!.toLowerCase());
        const altered = `${code.slice(0, index)}${replacement}${code.slice(index + 1)}`;
        expect(check(altered).valid).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });

  test('property: a truncated or extended code is refused as malformed', () => {
    fc.assert(
      fc.property(fc.nat({ max: code.length - 4 }), (cut) => {
        const truncated = code.slice(0, 3 + cut);
        expect(check(truncated)).toMatchObject({ valid: false, reason: 'malformed' });
      }),
    );
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 10 }).filter((s) => s.trim() === s && s.length > 0), (tail) => {
        expect(check(`${code}${tail}`).valid).toBe(false);
      }),
    );
  });

  test('property: codes of another event are refused, whatever they carry', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 0xffffff }), fc.integer({ min: 1, max: 0xffff }), (participantId, serial) => {
        expect(check(sign(otherKeys, participantId, serial))).toMatchObject({ valid: false, reason: 'wrong_event' });
      }),
      { numRuns: 300 },
    );
  });

  test('a code with our event tag but signed by another key is refused as forged', () => {
    const { privateKey } = crypto.generateKeyPairSync('ed25519');
    const forger: BadgeKeys = {
      ...keys,
      sign: (f) => {
        // The forger knows our public event tag but not our private key.
        const genuine = keys.sign(f);
        if (!genuine.ok) return genuine;
        const bytes = base32Decode(genuine.value.slice(3))!;
        const parsed = parseBadgeCode(genuine.value);
        if (!parsed.ok) throw new Error('unexpected');
        bytes.set(crypto.sign(null, parsed.value.signedMessage, privateKey), 10);
        return { ok: true, value: `${BADGE_CODE_PREFIX}${base32Encode(bytes)}` };
      },
    };
    expect(check(sign(forger, 1, 1))).toMatchObject({ valid: false, reason: 'bad_signature', holder: null });
  });

  test('property: after a reprint, every older badge is refused as replaced, with the time', () => {
    const { db } = ours;
    recordBadgeIssues(db, [{ participantId: 2, serial: 1 }], 'a6', '2026-12-01T02:00:00.000Z');
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 6 }), (reprints) => {
        const issued = db.prepare('SELECT max(serial) AS s FROM badge_issue WHERE participant_id = 2').get() as { s: number };
        const printedAt = `2026-12-02T0${reprints}:30:00.000Z`;
        recordBadgeIssues(db, [{ participantId: 2, serial: issued.s + 1 }], 'a6', printedAt);
        for (let old = 1; old <= issued.s; old++) {
          const result = check(sign(keys, 2, old));
          expect(result).toMatchObject({ valid: false, reason: 'replaced', replacedAt: printedAt, participantId: 2 });
          expect(!result.valid && result.message).toMatch(/^Replaced by a newer badge printed at \d+ Dec 2026, \d\d:30\.$/u);
        }
        expect(check(sign(keys, 2, issued.s + 1)).valid).toBe(true);
      }),
      { numRuns: 5 },
    );
  });

  test('a badge whose print never finished, a cancelled person, and an unknown person are refused', () => {
    expect(check(sign(keys, 3, 1))).toMatchObject({ valid: false, reason: 'not_issued', participantId: 3 });
    recordBadgeIssues(ours.db, [{ participantId: 4, serial: 1 }], 'a6', '2026-12-01T03:00:00.000Z');
    ours.db.prepare(`UPDATE participant SET status = 'cancelled' WHERE id = 4`).run();
    expect(check(sign(keys, 4, 1))).toMatchObject({ valid: false, reason: 'cancelled', participantId: 4 });
    expect(check(sign(keys, 9999, 1))).toMatchObject({ valid: false, reason: 'unknown_participant', holder: null });
  });

  test('what is not ours, or not a badge at all, says so', () => {
    for (const text of ['', '   ', 'https://example.org/ticket/123', 'PRETIX-abcdef', '4006381333931']) {
      expect(check(text)).toMatchObject({ valid: false, reason: 'not_ours' });
    }
    expect(check(`DD2${code.slice(3)}`)).toMatchObject({ valid: false, reason: 'malformed' });
    expect(check(code.slice(0, 60))).toMatchObject({ valid: false, reason: 'malformed' });
    expect(check(`${code.slice(0, 60)} ${code.slice(61)}`)).toMatchObject({ valid: false, reason: 'malformed' });
  });
});

describe('keys', () => {
  test('the exported raw public key verifies badges elsewhere (WebCrypto)', async () => {
    const { rawBase64, spkiPem } = keys.publicKeyExport();
    expect(spkiPem).toContain('BEGIN PUBLIC KEY');
    const raw = Buffer.from(rawBase64, 'base64');
    expect(raw).toHaveLength(32);
    const key = await crypto.subtle.importKey('raw', raw, { name: 'Ed25519' }, false, ['verify']);
    const parsed = parseBadgeCode(code);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(await crypto.subtle.verify('Ed25519', key, parsed.value.signature, parsed.value.signedMessage)).toBe(true);
  });

  test('a copy of the event without its private key verifies but cannot sign', async () => {
    const fs = await import('node:fs');
    const copy = createBadgeTestEvent();
    fs.rmSync(copy.layout.badgePrivateKey);
    const k = badgeKeysFor(copy);
    expect(k.ok).toBe(true);
    if (!k.ok) return;
    expect(k.value.sign({ participantId: 1, serial: 1 })).toMatchObject({ ok: false, error: { code: 'no_key' } });
    fs.rmSync(copy.layout.badgePublicKey);
    const fresh = createBadgeTestEvent();
    fs.writeFileSync(fresh.layout.badgePublicKey, 'not a key');
    expect(badgeKeysFor(fresh)).toMatchObject({ ok: false, error: { code: 'no_key' } });
    copy.close();
    fresh.close();
  });

  test('the next print gets the next serial; nothing is recorded until then', () => {
    const rows = selectBadgeRows(ours.db, { participantIds: [1, 5], notPrinted: false });
    const items = buildBadgeItems(ours.db, keys, rows);
    expect(items.ok && items.value.map((i) => [i.participantId, i.serial])).toEqual([[1, 2], [5, 1]]);
    expect(check(sign(keys, 1, 1)).valid).toBe(true);
    expect(check(sign(keys, 5, 1))).toMatchObject({ valid: false, reason: 'not_issued' });
  });
});

describe('a removed person\'s badge never becomes someone else\'s', () => {
  test('when SQLite reuses the id of a deleted record, the old badge is refused, then reads as replaced', () => {
    const ws = createBadgeTestEvent();
    const k = keysOf(ws);
    const db = ws.db;
    const insert = (name: string, now: string) =>
      Number(
        db
          .prepare(`INSERT INTO participant (display_name, category_code, created_at, updated_at) VALUES (?, 'delegate', ?, ?)`)
          .run(name, now, now).lastInsertRowid,
      );
    // A walk-in is added and printed, then removed (an undone walk-in, a merged-away record).
    const walkIn = insert('Walk-in A', '2026-12-02T01:00:00.000Z');
    recordBadgeIssues(db, [{ participantId: walkIn, serial: 1 }], 'a6', '2026-12-02T01:05:00.000Z');
    const oldCode = sign(k, walkIn, 1);
    db.prepare('DELETE FROM participant WHERE id = ?').run(walkIn);
    // The next person gets the same id.
    const next = insert('Walk-in B', '2026-12-02T02:00:00.000Z');
    expect(next).toBe(walkIn);
    const before = verifyBadge(db, k, oldCode);
    expect(before.valid).toBe(false);
    expect(!before.valid && before.reason).toBe('not_issued');
    // Once B is printed, B's serial continues past A's, and A's code reads as replaced.
    const rows = selectBadgeRows(db, { participantIds: [next] } as never);
    const items = buildBadgeItems(db, k, rows);
    if (!items.ok) throw new Error(items.error.message);
    const serial = items.value[0]?.serial ?? 0;
    expect(serial).toBe(2);
    recordBadgeIssues(db, [{ participantId: next, serial }], 'a6', '2026-12-02T02:05:00.000Z');
    const after = verifyBadge(db, k, oldCode);
    expect(!after.valid && after.reason).toBe('replaced');
    expect(verifyBadge(db, k, sign(k, next, serial)).valid).toBe(true);
    ws.close();
  });
});
