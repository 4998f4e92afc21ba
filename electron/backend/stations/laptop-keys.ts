import { auditHead } from '../audit';
import type { Db } from '../db';

export interface LaptopKey {
  fingerprint: string;
  since: string;
  how: 'opened' | 'takeover';
}

/** Every key a station's file has been signed with, oldest first (the first laptop's, then each takeover's). */
export function laptopKeys(db: Db): LaptopKey[] {
  return db.prepare('SELECT fingerprint, since, how FROM station_laptop_key ORDER BY seq').all() as LaptopKey[];
}

/** Records the key this laptop signs with from now on (inside the caller's transaction). */
export function recordLaptopKey(db: Db, fingerprint: string, at: string, how: LaptopKey['how']): void {
  db.prepare('INSERT INTO station_laptop_key (seq, fingerprint, since, audit_count, how) VALUES ((SELECT coalesce(max(seq), 0) + 1 FROM station_laptop_key), ?, ?, ?, ?)').run(
    fingerprint, at, auditHead(db).count, how);
}

/** The takeovers a return lists: each key change, old and new key, in order. */
export function takeoversOf(keys: readonly LaptopKey[]): { at: string; from: string; to: string }[] {
  return keys.slice(1).map((k, i) => ({ at: k.since, from: keys[i]!.fingerprint, to: k.fingerprint }));
}
