import { expect, test } from 'vitest';
import { AttemptLimiter } from './attempt_limiter';
import { MAX_OPEN_CODES, PAIRING_CODE_TTL_MS, PairingCodes } from './pairing_codes';

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

test('a code is six digits, works once, and is then refused as used', () => {
  const c = clock();
  const codes = new PairingCodes(c.now);
  const opened = codes.create('booth', 'Booth A');
  if (!opened.ok) throw new Error('not opened');
  expect(opened.value.code).toMatch(/^\d{6}$/u);
  expect(codes.redeem(opened.value.code)).toMatchObject({ ok: true, value: { role: 'booth', name: 'Booth A' } });
  const again = codes.redeem(opened.value.code);
  expect(again).toMatchObject({ ok: false, error: { code: 'code_used' } });
  expect(!again.ok && again.error.message).toMatch(/used already/u);
  expect(codes.list()).toEqual([]);
});

test('a code expires after two minutes and is then refused as expired, not unknown', () => {
  const c = clock();
  const codes = new PairingCodes(c.now);
  const opened = codes.create('desk', 'Desk 1');
  if (!opened.ok) throw new Error('not opened');
  c.advance(PAIRING_CODE_TTL_MS - 1);
  expect(codes.list()).toHaveLength(1);
  c.advance(1);
  expect(codes.list()).toEqual([]);
  const late = codes.redeem(opened.value.code);
  expect(late).toMatchObject({ ok: false, error: { code: 'code_expired' } });
  expect(!late.ok && late.error.message).toMatch(/new code/u);
});

test('a withdrawn code is refused; a code never issued is unknown', () => {
  const codes = new PairingCodes();
  const opened = codes.create('projector', 'Projector');
  if (!opened.ok) throw new Error('not opened');
  expect(codes.cancel(opened.value.code)).toBe(1);
  expect(codes.redeem(opened.value.code)).toMatchObject({ ok: false, error: { code: 'code_expired' } });
  const other = opened.value.code === '000000' ? '000001' : '000000';
  expect(codes.redeem(other)).toMatchObject({ ok: false, error: { code: 'code_unknown' } });
});

test('open codes are capped, distinct, and carry distinct names', () => {
  const codes = new PairingCodes();
  const seen = new Set<string>();
  for (let i = 0; i < MAX_OPEN_CODES; i++) {
    const r = codes.create('desk', `Desk ${i}`);
    if (!r.ok) throw new Error(r.error.message);
    seen.add(r.value.code);
  }
  expect(seen.size).toBe(MAX_OPEN_CODES);
  expect(codes.create('desk', 'One more')).toMatchObject({ ok: false, error: { code: 'too_many_codes' } });
  expect(codes.hasName('desk 3')).toBe(true);
  expect(codes.cancel()).toBe(MAX_OPEN_CODES);
  expect(codes.list()).toEqual([]);
});

test('the limiter blocks an address after 5 failures and everyone after 20, then lets them in again', () => {
  const c = clock();
  const limiter = new AttemptLimiter({ max: 5, windowMs: 600_000 }, { max: 20, windowMs: 60_000 }, c.now);
  for (let i = 0; i < 5; i++) {
    expect(limiter.check('10.0.0.9').allowed).toBe(true);
    limiter.fail('10.0.0.9');
  }
  const blocked = limiter.check('10.0.0.9');
  expect(blocked).toMatchObject({ allowed: false });
  expect(!blocked.allowed && blocked.retryAfterMs).toBe(600_000);
  expect(limiter.check('10.0.0.10').allowed).toBe(true);
  // Many addresses together hit the global ceiling: a stranger rotating addresses gains nothing.
  for (let i = 0; i < 15; i++) limiter.fail(`10.0.1.${i}`);
  expect(limiter.check('10.0.2.1')).toMatchObject({ allowed: false });
  c.advance(60_000);
  expect(limiter.check('10.0.2.1').allowed).toBe(true);
  expect(limiter.check('10.0.0.9').allowed).toBe(false);
  c.advance(540_000);
  expect(limiter.check('10.0.0.9').allowed).toBe(true);
});
