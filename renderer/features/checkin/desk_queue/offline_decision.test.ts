import * as ed from '@noble/ed25519';
import { describe, expect, test } from 'vitest';
import { badgeSigningMessage, encodeBadgeCode, type DeskSnapshot } from '../../../../electron/contract';
import { verifyBadgeOffline } from './badge_signature';
import { decideOffline, snapshotCheckIns, type EarlierCheckIn, type SnapshotPerson } from './offline_decision';

// Made once with node:crypto (the host's signer), so the browser's verifier is proven to accept
// exactly what the host signs: event tag 1a2b3c4d, participant 7 serial 2, participant 1234 serial 1.
const HOST_SIGNED = {
  publicKeyBase64: 'VbM6BxRKgjIneArRma8FvE/K01Snp/avh/sCCEewqkE=',
  eventTagHex: '1a2b3c4d',
  p7s2: 'DD1AENCWPCNAAAAOAACJ45AJ4MLWRYPWED7R4QQRTRJF4BIUMOVZ7Q5M3YNWPF3ZHXIFSFMOVJDYXWKU5LFR3B7LPDYEZZANLA3RWROY5K34FHSAFYKSG6FWDI',
  p1234s1: 'DD1AENCWPCNAACNEAABONYNE6XWPVJNTZRL7UFLYRURQP5ZSSCPKXFOOK53X7WZHQDXJAIOM65QXW4OHUH3ODXE47NGC5Y3LL4TFXBDFENNKFLTLUF3CDIWGAQ',
};
const TAG = Uint8Array.from([0x1a, 0x2b, 0x3c, 0x4d]);

function person(participantId: number, more: Partial<SnapshotPerson> = {}): SnapshotPerson {
  return {
    participantId,
    title: '',
    displayName: `Person ${participantId}`,
    familyName: 'Person',
    nativeName: '',
    nativeNameLang: null,
    country: 'KR',
    delegationId: null,
    delegationName: null,
    isHeadOfDelegation: false,
    categoryCode: 'delegate',
    status: 'registered',
    flags: [],
    badgeSerial: 1,
    badgePrintedAt: '2026-11-30T10:00:00.000Z',
    ...more,
  };
}

function snapshot(people: SnapshotPerson[], key: { eventTagHex: string; publicKeyBase64: string } = HOST_SIGNED, checkedIn: DeskSnapshot['checkedIn'] = []): DeskSnapshot {
  return {
    eventId: '1a2b3c4d-0000-4000-8000-000000000000',
    eventName: 'Test',
    timezone: 'Asia/Seoul',
    eventTag: key.eventTagHex,
    codePrefix: 'DD1',
    publicKey: { algorithm: 'Ed25519', spkiPem: '', rawBase64: key.publicKeyBase64 },
    categories: [{ code: 'delegate', name: 'Delegate', colour: '#2563eb' }],
    people,
    checkedIn,
    takenAt: '2026-12-01T08:00:00.000Z',
  };
}

/** Flips one base32 character of the signature part, keeping the text well formed. */
function tamper(code: string): string {
  const i = code.length - 10;
  return code.slice(0, i) + (code[i] === 'A' ? 'B' : 'A') + code.slice(i + 1);
}

describe('badge signatures in the browser', () => {
  test('accepts codes node:crypto signed, with their participant and serial', () => {
    expect(verifyBadgeOffline(HOST_SIGNED.p7s2, HOST_SIGNED)).toEqual({ ok: true, value: { participantId: 7, serial: 2 } });
    expect(verifyBadgeOffline(` ${HOST_SIGNED.p1234s1.toLowerCase()}\n`, HOST_SIGNED)).toEqual({ ok: true, value: { participantId: 1234, serial: 1 } });
  });

  test('refuses an altered signature as forged, another key, another event, and junk', () => {
    expect(verifyBadgeOffline(tamper(HOST_SIGNED.p7s2), HOST_SIGNED)).toMatchObject({ ok: false, problem: 'bad_signature' });
    const otherKey = { ...HOST_SIGNED, publicKeyBase64: btoa(String.fromCharCode(...ed.getPublicKey(ed.utils.randomSecretKey()))) };
    expect(verifyBadgeOffline(HOST_SIGNED.p7s2, otherKey)).toMatchObject({ ok: false, problem: 'bad_signature' });
    expect(verifyBadgeOffline(HOST_SIGNED.p7s2, { ...HOST_SIGNED, eventTagHex: '00000000' })).toMatchObject({ ok: false, problem: 'wrong_event' });
    expect(verifyBadgeOffline('hello', HOST_SIGNED)).toMatchObject({ ok: false, problem: 'not_ours' });
    expect(verifyBadgeOffline(HOST_SIGNED.p7s2.slice(0, 60), HOST_SIGNED)).toMatchObject({ ok: false, problem: 'malformed' });
  });

  test('a damaged local key copy is an error, never a "forged" answer', () => {
    expect(() => verifyBadgeOffline(HOST_SIGNED.p7s2, { ...HOST_SIGNED, publicKeyBase64: 'AAAA' })).toThrow(/damaged/u);
  });
});

describe('deciding a scan from the desk copy', () => {
  const secret = ed.utils.randomSecretKey();
  const key = { eventTagHex: '1a2b3c4d', publicKeyBase64: btoa(String.fromCharCode(...ed.getPublicKey(secret))) };
  const codeOf = (participantId: number, serial: number) => {
    const fields = { eventTag: TAG, participantId, serial };
    return encodeBadgeCode(fields, ed.sign(badgeSigningMessage(fields), secret));
  };
  const here = (participantId: number, sessionId: number | null, at: string): EarlierCheckIn => ({ participantId, sessionId, at, where: null });

  test('welcome, then "already" with the time of the first offline scan, per door', () => {
    const snap = snapshot([person(3)], key);
    expect(decideOffline({ code: codeOf(3, 1) }, snap, [], null)).toMatchObject({ result: 'welcome', participantId: 3, person: { participantId: 3 } });
    const first = here(3, null, '2026-12-01T08:01:00.000Z');
    const later = here(3, null, '2026-12-01T08:05:00.000Z');
    expect(decideOffline({ code: codeOf(3, 1) }, snap, [later, first], null)).toMatchObject({ result: 'already', earlier: { at: '2026-12-01T08:01:00.000Z' } });
    // The same person at a session door is a different check-in.
    expect(decideOffline({ code: codeOf(3, 1) }, snap, [first], 9)).toMatchObject({ result: 'welcome' });
  });

  test('someone the host already had checked in is "already", with the desk it happened at', () => {
    const snap = snapshot([person(3)], key, [{ participantId: 3, at: '2026-12-01T07:00:00.000Z', deskName: 'Desk 2' }]);
    expect(decideOffline({ participantId: 3 }, snap, snapshotCheckIns(snap), null)).toMatchObject({ result: 'already', earlier: { at: '2026-12-01T07:00:00.000Z', where: 'Desk 2' } });
  });

  test('replaced, never issued, cancelled, unknown and forged badges are refused with the reason', () => {
    const snap = snapshot([person(3, { badgeSerial: 2 }), person(4, { status: 'cancelled' }), person(5, { badgeSerial: null })], key);
    expect(decideOffline({ code: codeOf(3, 1) }, snap, [], null)).toMatchObject({ result: 'replaced', badgeRefusal: 'replaced' });
    expect(decideOffline({ code: codeOf(3, 3) }, snap, [], null).result).toBe('not_issued');
    expect(decideOffline({ code: codeOf(3, 2) }, snap, [], null).result).toBe('welcome');
    expect(decideOffline({ code: codeOf(4, 1) }, snap, [], null)).toMatchObject({ result: 'cancelled', person: { participantId: 4 } });
    expect(decideOffline({ participantId: 4 }, snap, [], null)).toMatchObject({ result: 'cancelled', badgeRefusal: null });
    expect(decideOffline({ code: codeOf(5, 1) }, snap, [], null).result).toBe('not_issued');
    expect(decideOffline({ code: codeOf(6, 1) }, snap, [], null)).toMatchObject({ result: 'unknown', badgeRefusal: 'unknown_participant', participantId: 6, person: null });
    expect(decideOffline({ code: tamper(codeOf(3, 2)) }, snap, [], null)).toMatchObject({ result: 'forged', badgeRefusal: 'bad_signature', participantId: null });
    expect(decideOffline({ code: 'DD1XYZ' }, snap, [], null)).toMatchObject({ result: 'unknown', badgeRefusal: 'malformed' });
  });
});
