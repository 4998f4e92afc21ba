import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  CERTIFICATE_LENGTH,
  checkCertificateNumber,
  dammDigit,
  formatCertificateNumber,
  makeCertificateNumber,
} from '../../../shared/domain/certificate';

test('made numbers have 8 digits and pass their own check', () => {
  for (const serial of [0, 1, 9, 10, 12345, 9_999_999]) {
    const n = makeCertificateNumber(serial);
    assert.equal(n.length, CERTIFICATE_LENGTH);
    assert.deepEqual(checkCertificateNumber(n), { ok: true, number: n });
  }
  assert.equal(makeCertificateNumber(572, '0'), '00005724'); // Damm of 0000572 is 4
  assert.equal(makeCertificateNumber(42, '12').slice(0, 2), '12');
});

test('serial and prefix out of range are programming errors', () => {
  assert.throws(() => makeCertificateNumber(-1), RangeError);
  assert.throws(() => makeCertificateNumber(10_000_000), RangeError);
  assert.throws(() => makeCertificateNumber(100_000, '12'), RangeError);
  assert.throws(() => makeCertificateNumber(1, 'AB'), RangeError);
  assert.throws(() => makeCertificateNumber(1, '1234'), RangeError);
  assert.throws(() => makeCertificateNumber(1.5), RangeError);
});

test('every single-digit error is caught', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 9_999_999 }), fc.integer({ min: 0, max: 7 }), fc.integer({ min: 1, max: 9 }), (serial, pos, delta) => {
      const n = makeCertificateNumber(serial);
      const wrong = n.slice(0, pos) + String((Number(n[pos]) + delta) % 10) + n.slice(pos + 1);
      const r = checkCertificateNumber(wrong);
      return !r.ok && r.reason === 'bad-check-digit';
    }),
    { numRuns: 2000 },
  );
});

test('every adjacent transposition of two different digits is caught', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 9_999_999 }), fc.integer({ min: 0, max: 6 }), (serial, pos) => {
      const n = makeCertificateNumber(serial);
      fc.pre(n[pos] !== n[pos + 1]);
      const swapped = n.slice(0, pos) + n[pos + 1] + n[pos] + n.slice(pos + 2);
      return !checkCertificateNumber(swapped).ok;
    }),
    { numRuns: 2000 },
  );
  // Exhaustively for the digit pairs Luhn misses (09 ↔ 90).
  for (let a = 0; a <= 9; a++) {
    for (let b = 0; b <= 9; b++) {
      if (a === b) continue;
      assert.notEqual(dammDigit(`12${a}${b}`), dammDigit(`12${b}${a}`), `transposition ${a}${b}`);
    }
  }
});

test('typed input is normalised: full-width digits, spaces, hyphens', () => {
  const n = makeCertificateNumber(4711);
  const fullWidth = [...n].map((d) => String.fromCharCode(0xff10 + Number(d))).join('');
  for (const typed of [fullWidth, `${n.slice(0, 4)} ${n.slice(4)}`, `${n.slice(0, 4)}-${n.slice(4)}`, ` ${n.slice(0, 3)}－${n.slice(3)} `, formatCertificateNumber(n)]) {
    assert.deepEqual(checkCertificateNumber(typed), { ok: true, number: n }, typed);
  }
});

test('bad input says what is wrong, in Chinese and English', () => {
  const empty = checkCertificateNumber('  ');
  assert.equal(empty.ok, false);
  assert.equal(!empty.ok && empty.reason, 'empty');
  const letters = checkCertificateNumber('1234abcd');
  assert.equal(!letters.ok && letters.reason, 'not-digits');
  const short = checkCertificateNumber('1234567');
  assert.equal(!short.ok && short.reason, 'wrong-length');
  assert.match(!short.ok ? short.en : '', /8 digits, got 7/);
  assert.match(!short.ok ? short.zh : '', /8 位/);
  const long = checkCertificateNumber('123456789');
  assert.equal(!long.ok && long.reason, 'wrong-length');
  const n = makeCertificateNumber(99);
  const bad = checkCertificateNumber(n.slice(0, 7) + String((Number(n[7]) + 1) % 10));
  assert.equal(!bad.ok && bad.reason, 'bad-check-digit');
  assert.match(!bad.ok ? bad.zh : '', /校验位/);
});
