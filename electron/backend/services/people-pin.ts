import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

// scrypt cost: about 50 ms per check on a laptop, slow enough against guessing a short PIN from a copied file.
const N = 1 << 14;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;

export interface PinHash {
  salt: string;
  hash: string;
}

export function hashPin(pin: string, salt: Buffer = randomBytes(16)): PinHash {
  const key = scryptSync(pin, salt, KEY_LENGTH, { N, r: R, p: P });
  return { salt: salt.toString('hex'), hash: `scrypt:${N}:${R}:${P}:${key.toString('hex')}` };
}

/** Constant-time comparison of a PIN against its stored hash. */
export function pinMatches(pin: string, stored: PinHash): boolean {
  const parts = stored.hash.split(':');
  if (parts.length !== 5 || parts[0] !== 'scrypt') return false;
  const [, n, r, p, hex] = parts as [string, string, string, string, string];
  const expected = Buffer.from(hex, 'hex');
  const key = scryptSync(pin, Buffer.from(stored.salt, 'hex'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}
