/**
 * Voter certificate numbers (选民证号): 8 decimal digits, the last one a Damm check digit.
 *
 * Why Damm: it is decimal-only (ISO 7064 mod 11-2 needs an "X", awkward on a numeric keypad and in barcodes), it
 * catches every single-digit error and every adjacent transposition (Luhn misses 09↔90), and it is one small table
 * lookup per digit (Verhoeff catches the same errors but needs three tables).
 *
 * Layout: [prefix digits][serial, zero-padded][check]. The prefix (0–3 digits) can tell communities or print runs
 * apart; the serial fills the rest of the 7 data digits.
 */

export const CERTIFICATE_LENGTH = 8;
const DATA_LENGTH = CERTIFICATE_LENGTH - 1;
const MAX_PREFIX_LENGTH = 3;

// A totally anti-symmetric quasigroup of order 10 (Damm, 2004): row = interim digit, column = next digit.
const DAMM: readonly (readonly number[])[] = [
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
];

/** The Damm interim digit of a digit string; appending it makes the whole string check to 0. */
export function dammDigit(digits: string): number {
  let interim = 0;
  for (let i = 0; i < digits.length; i++) {
    interim = DAMM[interim]![digits.charCodeAt(i) - 48]!;
  }
  return interim;
}

/** Builds the certificate number for `serial` (a non-negative integer) under an optional digit prefix. */
export function makeCertificateNumber(serial: number, prefix = ''): string {
  if (!/^\d*$/.test(prefix) || prefix.length > MAX_PREFIX_LENGTH) {
    throw new RangeError(`certificate prefix must be 0–${MAX_PREFIX_LENGTH} digits, got ${JSON.stringify(prefix)}`);
  }
  const width = DATA_LENGTH - prefix.length;
  if (!Number.isSafeInteger(serial) || serial < 0 || serial >= 10 ** width) {
    throw new RangeError(`certificate serial must be an integer from 0 to ${10 ** width - 1}, got ${serial}`);
  }
  const data = prefix + String(serial).padStart(width, '0');
  return data + String(dammDigit(data));
}

/**
 * What a desk or a file may contain for a certificate number: full-width digits, spaces and any kind of hyphen or
 * dash are accepted and removed.
 */
export function normalizeCertificateText(text: string): string {
  return text.normalize('NFKC').replace(/[\s\-‐‑‒–—―−ー_.]/gu, '');
}

export type CertificateProblem = 'empty' | 'not-digits' | 'wrong-length' | 'bad-check-digit';

export type CertificateCheck =
  | { ok: true; number: string }
  | { ok: false; reason: CertificateProblem; zh: string; en: string };

/** Normalises typed or scanned text and checks its length and check digit. */
export function checkCertificateNumber(text: string): CertificateCheck {
  const number = normalizeCertificateText(text);
  if (number.length === 0) {
    return { ok: false, reason: 'empty', zh: '选民证号为空', en: 'the certificate number is empty' };
  }
  if (!/^\d+$/.test(number)) {
    return {
      ok: false,
      reason: 'not-digits',
      zh: `选民证号只能由数字组成（收到“${text}”）`,
      en: `a certificate number has digits only (got "${text}")`,
    };
  }
  if (number.length !== CERTIFICATE_LENGTH) {
    return {
      ok: false,
      reason: 'wrong-length',
      zh: `选民证号应为 ${CERTIFICATE_LENGTH} 位数字，收到 ${number.length} 位`,
      en: `a certificate number has ${CERTIFICATE_LENGTH} digits, got ${number.length}`,
    };
  }
  if (dammDigit(number) !== 0) {
    return {
      ok: false,
      reason: 'bad-check-digit',
      zh: `选民证号 ${number} 校验位不符，请核对是否输错`,
      en: `certificate number ${number} fails its check digit; it was probably mistyped`,
    };
  }
  return { ok: true, number };
}

/** For printing: "1234 5678" reads back more reliably than eight digits in a row. */
export function formatCertificateNumber(number: string): string {
  return number.length === CERTIFICATE_LENGTH ? `${number.slice(0, 4)} ${number.slice(4)}` : number;
}
