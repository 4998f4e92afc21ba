import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ApiError } from '../../../shared/api/envelope';
import { crashPoint } from './crash-point';

/** Temp files of durable writes end in this, beside their target, visible (not dot-files), so a person sees what they are. */
export const PARTIAL_SUFFIX = '.partial';

export const sha256Hex = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');

/**
 * Makes a rename or link in `dir` durable. Windows cannot open a folder for fsync (there a rename is durable once it
 * returns); some file systems (FAT on a USB stick under some kernels) refuse it — the read-back still checks the bytes.
 */
export function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return;
  let fd: number;
  try {
    fd = openSync(dir, 'r');
  } catch {
    return;
  }
  try {
    fsyncSync(fd);
  } catch {
    // see above
  } finally {
    closeSync(fd);
  }
}

/** `result.json` → `result.json.3f9a…partial`: the temp name a durable write of `target` uses, in the same folder. */
export function partialPathFor(target: string, nonce = randomBytes(6).toString('hex')): string {
  return join(dirname(target), `${basename(target)}.${nonce}${PARTIAL_SUFFIX}`);
}

/** Writes every byte through `fd` and flushes it to the disk (`crashAt` names the kill tests' point halfway). */
export function writeAllAndSync(fd: number, data: Uint8Array, crashAt = 'write:partial'): void {
  let off = 0;
  while (off < data.length) {
    // A crash halfway through a write leaves a partial temp file: the kill tests stop here.
    if (off === 0 && data.length > 1) {
      off += writeSync(fd, data, 0, Math.ceil(data.length / 2));
      crashPoint(crashAt);
      continue;
    }
    off += writeSync(fd, data, off, data.length - off);
  }
  fsyncSync(fd);
}

export interface WrittenFile {
  path: string;
  bytes: number;
  sha256: string;
}

export interface DurableWriteOptions {
  /** The temp file to use (default partialPathFor(target)); the seal service records it before writing. */
  partial?: string;
  /** Checks the bytes read back from the temp file before it takes the target's name; throw to refuse. */
  check?: (back: Buffer) => void;
}

/**
 * Writes `data` to `target` so that a crash, a pulled USB stick or a power cut leaves either the old file or the whole
 * new one: a temp file beside it (created exclusively), written and fsynced, read back and checked, renamed over the
 * target, the folder fsynced. Any failure removes the temp file and throws (ApiError 'refused' naming the folder,
 * or what `check` threw); a crash leaves at most the temp file, which the start-up clean-up removes.
 */
export function writeFileDurably(target: string, data: Uint8Array, opts: DurableWriteOptions = {}): WrittenFile {
  const dir = dirname(target);
  const partial = opts.partial ?? partialPathFor(target);
  const expected = sha256Hex(data);
  try {
    let fd: number;
    try {
      fd = openSync(partial, 'wx', 0o644);
    } catch (e) {
      throw new ApiError('refused', `无法在 ${dir} 中写入文件 / cannot write a file in ${dir}: ${(e as Error).message}`, { path: target });
    }
    try {
      writeAllAndSync(fd, data);
    } finally {
      closeSync(fd);
    }
    crashPoint('write:synced');
    const back = readFileSync(partial);
    if (back.length !== data.length || sha256Hex(back) !== expected) {
      throw new ApiError('refused', `写入后读回的内容不一致,请换一个U盘或文件夹重试 / the bytes read back from ${partial} differ from what was written; try another drive or folder`);
    }
    opts.check?.(back);
    renameSync(partial, target);
  } catch (e) {
    rmSync(partial, { force: true });
    if (e instanceof ApiError) throw e;
    throw new ApiError('refused', `无法写入文件 / cannot write the file ${target}: ${(e as Error).message}`, { path: target });
  }
  crashPoint('write:renamed');
  fsyncDir(dir);
  return { path: target, bytes: data.length, sha256: expected };
}
