import { rmSync } from 'node:fs';
import { appendAudit } from '../audit';
import type { BackendContext } from '../context';
import { inTransaction } from '../db';
import { sha256Hex } from '../files/durable-write';
import { InputFileError, readInputFileSync } from '../files/input-file';
import { markRoundsSealedTx } from './seal-state';

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
  /** The round numbers the file seals (absent in attempts recorded before rounds became 'sealed'). */
  rounds?: number[];
}

/** The whole file if it is a regular file of exactly `size` bytes (so a huge file is never read), else null. */
function readIfSize(path: string, size: number): Buffer | null {
  try {
    const bytes = readInputFileSync(path, size);
    return bytes.length === size ? bytes : null;
  } catch (e) {
    if (e instanceof InputFileError) return null;
    throw e;
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
  // The partial index audit_event_seal_attempt (migration 5) holds exactly these rows: no scan of the whole log.
  const rows = db
    .prepare(
      `SELECT seq, type, outcome, detail_json FROM audit_event
       WHERE type IN ('seal.started', 'seal.written', 'seal.abandoned') ORDER BY seq`,
    )
    .all() as { seq: number; type: string; outcome: string; detail_json: string }[];
  const started = rows.filter((r) => r.type === 'seal.started' && r.outcome === 'ok');
  if (started.length === 0) return [];
  const settled = new Set(
    rows
      .filter((r) => r.type !== 'seal.started' && r.seq > started[0]!.seq)
      .map((r) => (JSON.parse(r.detail_json) as { payloadHash?: unknown }).payloadHash),
  );
  const out: Array<{ file: string; outcome: 'written' | 'abandoned' }> = [];
  for (const row of started) {
    const a = JSON.parse(row.detail_json) as SealAttempt;
    if (settled.has(a.payloadHash)) continue;
    rmSync(a.partial, { force: true });
    const onDisk = readIfSize(a.path, a.bytes);
    const written = onDisk !== null && sha256Hex(onDisk) === a.fileHash;
    inTransaction(db, () => {
      appendAudit(db, {
        type: written ? 'seal.written' : 'seal.abandoned',
        at: ctx.now(),
        actor: ctx.actor,
        subject: 'seal',
        detail: written
          ? { file: a.file, payloadHash: a.payloadHash, bytes: a.bytes, recovered: true }
          : { file: a.file, payloadHash: a.payloadHash, reason: 'interrupted: the app stopped before the file was complete' },
      });
      if (written) markRoundsSealedTx(ctx, a.rounds ?? []);
    });
    out.push({ file: a.file, outcome: written ? 'written' : 'abandoned' });
  }
  return out;
}
