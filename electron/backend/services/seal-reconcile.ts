import { closeSync, fstatSync, openSync, readSync, rmSync } from 'node:fs';
import { appendAudit } from '../audit';
import type { BackendContext } from '../context';
import { inTransaction } from '../db';
import { sha256Hex } from '../files/durable-write';

/** What `seal.started` records before the file is written: enough to settle the attempt after a crash. */
export interface SealAttempt {
  file: string;
  /** Absolute path of the sealed file. */
  path: string;
  /** The temp file written first (renamed to `path` when complete). */
  partial: string;
  /** SHA-256 of the whole file's bytes. */
  fileHash: string;
  payloadHash: string;
  bytes: number;
}

/** The whole file if it exists and has exactly `size` bytes (so a huge file is never read), else null. */
function readIfSize(path: string, size: number): Buffer | null {
  try {
    const fd = openSync(path, 'r');
    try {
      const st = fstatSync(fd);
      if (!st.isFile() || st.size !== size) return null;
      const buf = Buffer.alloc(size);
      let off = 0;
      while (off < size) {
        const n = readSync(fd, buf, off, size - off, off);
        if (n === 0) return null;
        off += n;
      }
      return buf;
    } finally {
      closeSync(fd);
    }
  } catch {
    return null;
  }
}

/**
 * Settles every sealing that a crash left between `seal.started` and its `seal.written`/`seal.abandoned`: the temp
 * file is removed; the file at its path with exactly the recorded hash is confirmed (`seal.written`, recovered), anything
 * else is recorded as `seal.abandoned` (interrupted). Run at start-up, each time an election file is opened for writing.
 * Returns what it settled.
 */
export function reconcileInterruptedSeals(ctx: BackendContext): Array<{ file: string; outcome: 'written' | 'abandoned' }> {
  const db = ctx.db;
  const started = db
    .prepare("SELECT seq, detail_json FROM audit_event WHERE type = 'seal.started' AND outcome = 'ok' ORDER BY seq")
    .all() as { seq: number; detail_json: string }[];
  if (started.length === 0) return [];
  const settled = new Set(
    (db.prepare("SELECT detail_json FROM audit_event WHERE type IN ('seal.written', 'seal.abandoned') AND seq > ?").pluck().all(started[0]!.seq) as string[]).map(
      (d) => (JSON.parse(d) as { payloadHash?: unknown }).payloadHash,
    ),
  );
  const out: Array<{ file: string; outcome: 'written' | 'abandoned' }> = [];
  for (const row of started) {
    const a = JSON.parse(row.detail_json) as SealAttempt;
    if (settled.has(a.payloadHash)) continue;
    rmSync(a.partial, { force: true });
    const onDisk = readIfSize(a.path, a.bytes);
    const written = onDisk !== null && sha256Hex(onDisk) === a.fileHash;
    inTransaction(db, () =>
      appendAudit(db, {
        type: written ? 'seal.written' : 'seal.abandoned',
        at: ctx.now(),
        actor: ctx.actor,
        subject: 'seal',
        detail: written
          ? { file: a.file, payloadHash: a.payloadHash, bytes: a.bytes, recovered: true }
          : { file: a.file, payloadHash: a.payloadHash, reason: 'interrupted: the app stopped before the file was complete' },
      }),
    );
    out.push({ file: a.file, outcome: written ? 'written' : 'abandoned' });
  }
  return out;
}
