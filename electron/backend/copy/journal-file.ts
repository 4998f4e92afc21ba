import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A second copy is a folder `cer-copy-<id>` inside the folder the committee chose (docs/stations.md):
 * - `base-<seq>-<nonce>.sqlite` (`base.sqlite` in copies made before compaction): the whole election file at one
 *   moment (SQLite's own bytes), the one the journal's header names;
 * - `journal.ndjson`: a header line, then one line per write since that moment, appended before the write commits.
 * A line is `{"n":…,"at":…,"audit":[count,hash],"changes":[[table,op,key,row],…]}`: `n` counts the file's writes
 * (the base was taken at header.base.seq, so lines go on from seq + 1 without gaps), `audit` is the audit log's
 * head after the write, `changes` the rows it changed (electron/backend/copy/change-capture.ts).
 */
export const COPY_FORMAT = 'cer-second-copy/1';
export const BASE_FILE = 'base.sqlite';
export const JOURNAL_FILE = 'journal.ndjson';
/** What a restore reads at most: an election file of 100,000 voters with its day is well under 1 GB. */
export const COPY_MAX_BYTES = 1024 * 1024 * 1024;

export interface CopyHeader {
  format: typeof COPY_FORMAT;
  copy: string;
  createdAt: string;
  election: string | null;
  /** `file`: the base's name in the copy's folder (absent in older copies: base.sqlite). */
  base: { file?: string; sha256: string; bytes: number; seq: number; audit: [number, string] };
}

const BASE_NAME = /^base(-\d+-[0-9a-f]{8})?\.sqlite$/;

/** A name the copy's own bases take (anything else in the folder is not the copy's to remove or read). */
export function isBaseName(name: string): boolean {
  return BASE_NAME.test(name);
}

export function baseFileOf(header: CopyHeader): string {
  return header.base.file ?? BASE_FILE;
}

export interface JournalLine {
  n: number;
  at: string;
  audit: [number, string];
  changes: [string, 'i' | 'u' | 'd', unknown[] | null, unknown[] | null][];
}

export function copyDirIn(folder: string, copyId: string): string {
  return join(folder, `cer-copy-${copyId}`);
}

/** The last complete line of the journal (its header when no write followed), or null when unreadable. */
export function lastJournalLine(journal: string): string | null {
  let fd: number;
  try {
    fd = openSync(journal, 'r');
  } catch {
    return null;
  }
  try {
    const size = fstatSync(fd).size;
    for (let window = 64 * 1024; ; window *= 4) {
      const start = Math.max(0, size - window);
      const buf = Buffer.alloc(size - start);
      readSync(fd, buf, 0, buf.length, start);
      const text = buf.toString('utf8');
      const end = text.lastIndexOf('\n');
      if (end < 0) {
        if (start === 0) return null;
        continue;
      }
      const from = text.lastIndexOf('\n', end - 1);
      if (from >= 0 || start === 0) return text.slice(from + 1, end);
    }
  } finally {
    closeSync(fd);
  }
}

/** The write number a journal has reached: its last line's n, or the base's seq when only the header is there. */
export function journalReach(journal: string, copyId: string): number | null {
  const line = lastJournalLine(journal);
  if (line === null) return null;
  try {
    const parsed = JSON.parse(line) as Partial<JournalLine & CopyHeader>;
    if (parsed.format === COPY_FORMAT) return parsed.copy === copyId ? (parsed.base?.seq ?? null) : null;
    return typeof parsed.n === 'number' ? parsed.n : null;
  } catch {
    return null;
  }
}
