import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readdirSync, readSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { crashPoint } from '../files/crash-point';
import { PARTIAL_SUFFIX, writeFileDurably } from '../files/durable-write';
import { baseFileOf, isBaseName, JOURNAL_FILE, type CopyHeader } from './journal-file';

/**
 * A new base for a second copy, and the journal started again after it: when the copy starts or comes back, and when
 * its journal has grown past a size (compaction). The base goes under a new name first and the journal naming it
 * replaces the old one by a rename, so whatever step a crash or a pulled stick stops at, the journal on the stick
 * names a base that is there whole: the old pair, or the new one. Only then are the older bases removed.
 */

/** About 16,000 issuances' lines: a day of a large community compacts a few times. */
export const COMPACT_AFTER_BYTES = 16 * 1024 * 1024;

/** The journal size that starts a compaction (STATION_COPY_COMPACT_BYTES sets it lower for the crash tests). */
export function compactAfterBytes(): number {
  const set = Number(process.env.STATION_COPY_COMPACT_BYTES);
  return Number.isSafeInteger(set) && set > 0 ? set : COMPACT_AFTER_BYTES;
}

export function writeBaseAndJournal(dir: string, bytes: Uint8Array, header: CopyHeader): void {
  const file = `base-${header.base.seq}-${randomBytes(4).toString('hex')}.sqlite`;
  writeFileDurably(join(dir, file), bytes);
  crashPoint('copy:base-written');
  const named: CopyHeader = { ...header, base: { file, ...header.base } };
  writeFileDurably(join(dir, JOURNAL_FILE), Buffer.from(`${JSON.stringify(named)}\n`, 'utf8'));
  crashPoint('copy:journal-replaced');
  removeOtherBases(dir, file);
}

function removeOtherBases(dir: string, keep: string): void {
  for (const name of readdirSync(dir)) {
    if (name !== keep && (isBaseName(name) || name.endsWith(PARTIAL_SUFFIX))) rmSync(join(dir, name), { force: true });
  }
}

/** A header is one short line: more than this is not a header. */
const HEADER_MAX_BYTES = 4096;

/**
 * What a compaction stopped halfway leaves (a base the journal does not name, a half-written file), removed when
 * the copy is found up to date at start. Nothing is removed unless the journal's header names its base.
 */
export function removeLeftovers(dir: string): void {
  const fd = openSync(join(dir, JOURNAL_FILE), 'r');
  const buf = Buffer.alloc(HEADER_MAX_BYTES);
  let read: number;
  try {
    read = readSync(fd, buf, 0, buf.length, 0);
  } finally {
    closeSync(fd);
  }
  const text = buf.subarray(0, read).toString('utf8');
  if (!text.includes('\n')) return;
  let keep: unknown;
  try {
    keep = baseFileOf(JSON.parse(text.slice(0, text.indexOf('\n'))) as CopyHeader);
  } catch {
    return;
  }
  if (typeof keep === 'string' && isBaseName(keep)) removeOtherBases(dir, keep);
}
