import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { ApiError } from '../../shared/api/envelope';

export interface WrittenFile {
  path: string;
  bytes: number;
  sha256: string;
}

const sha256 = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');

/**
 * Writes `data` to `target` so that a pulled USB stick or a power cut leaves either the old file or the whole new one:
 * a temp file beside it, fsync, rename over the target, fsync the folder; then reads the file back from the disk and
 * compares hashes. Throws ApiError (and leaves no temp file) when any step fails.
 */
export function writeFileAtomicVerified(target: string, data: Uint8Array): WrittenFile {
  const dir = dirname(target);
  const tmp = join(dir, `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const expected = sha256(data);
  try {
    const fd = openSync(tmp, 'wx');
    try {
      let off = 0;
      while (off < data.length) off += writeSync(fd, data, off, data.length - off);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, target);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw new ApiError('refused', `无法写入文件 / cannot write the file ${target}: ${(err as Error).message}`);
  }
  syncFolder(dir);
  const back = readFileSync(target);
  const actual = sha256(back);
  if (actual !== expected || back.length !== data.length) {
    throw new ApiError(
      'refused',
      `写入后校验失败,请换一个U盘或文件夹重试 / the file read back from ${target} differs from what was written; try another drive or folder`,
    );
  }
  return { path: target, bytes: back.length, sha256: actual };
}

function syncFolder(dir: string): void {
  if (process.platform === 'win32') return; // folders cannot be opened for fsync there; rename is already durable
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // some file systems (e.g. FAT on a USB stick under some kernels) refuse a folder fsync; the read-back still checks
  }
}

/**
 * The path for `name` inside `folder`, allowed only when the user chose that folder in a dialog (`chosen`), and `name`
 * is a plain file name (the contract checks that too).
 */
export function pathInChosenFolder(chosen: ReadonlySet<string>, folder: string, name: string): string {
  const dir = resolve(folder);
  if (!chosen.has(dir)) {
    throw new ApiError('refused', `只能写入本次在对话框中选择的文件夹 / only a folder chosen in a dialog can be written to: ${folder}`, {
      path: 'to.folder',
    });
  }
  if (name !== basename(name) || name === '.' || name === '..') {
    throw new ApiError('invalid-input', `文件名不能含文件夹 / the file name must not contain a folder: ${name}`, { path: 'to.name' });
  }
  return join(dir, name);
}
