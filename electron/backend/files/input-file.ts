import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { ROLL_MAX_BYTES } from '../../../shared/domain/roll';

/**
 * Reading a file someone names (a roll, a cer/1 record, a sealed file, an election definition): only regular files,
 * only up to a size cap, and nothing of the content in any message. The file is opened with O_NONBLOCK and checked
 * with fstat on the open descriptor, so a FIFO cannot block the process and /dev/zero cannot grow memory.
 */

const MiB = 1024 * 1024;

export const FILE_LIMITS = {
  roll: ROLL_MAX_BYTES,
  /** cer/1 records and sealed files: every ballot of a round (100,000 ballots are about 10 MB). */
  record: 128 * MiB,
  sealed: 128 * MiB,
  /** The election definition of `station init`. */
  definition: 4 * MiB,
  /** The town's key registry (community → fingerprint) and its community list: a few thousand lines at most. */
  registry: 4 * MiB,
  communities: 4 * MiB,
  /** A system font for the certificates (a CJK collection is about 20–30 MB). */
  font: 64 * MiB,
} as const;

export type InputFileProblem = 'not-found' | 'not-regular' | 'too-large' | 'unreadable';

export class InputFileError extends Error {
  readonly problem: InputFileProblem;
  constructor(problem: InputFileProblem, path: string, detail: string) {
    super(`${path}: ${detail}`);
    this.name = 'InputFileError';
    this.problem = problem;
  }
}

const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

function mib(bytes: number): string {
  return `${Math.round((bytes / MiB) * 10) / 10} MB`;
}

function openError(path: string, e: unknown): InputFileError {
  const code = (e as NodeJS.ErrnoException).code ?? 'error';
  return new InputFileError(code === 'ENOENT' ? 'not-found' : 'unreadable', path, `cannot read (${code})`);
}

function checkStat(path: string, isFile: boolean, size: number, maxBytes: number): void {
  if (!isFile) throw new InputFileError('not-regular', path, 'not a regular file');
  if (size > maxBytes) throw new InputFileError('too-large', path, `larger than ${mib(maxBytes)} (${mib(size)})`);
}

function tooLarge(path: string, maxBytes: number): InputFileError {
  return new InputFileError('too-large', path, `larger than ${mib(maxBytes)}`);
}

/** For the command line. Reads at most maxBytes + 1 bytes, so a file growing while read is still refused. */
export function readInputFileSync(path: string, maxBytes: number): Buffer {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (e) {
    throw openError(path, e);
  }
  try {
    const st = fstatSync(fd);
    checkStat(path, st.isFile(), st.size, maxBytes);
    const buf = Buffer.alloc(Math.min(st.size, maxBytes) + 1);
    let done = 0;
    for (;;) {
      if (done === buf.length) throw tooLarge(path, maxBytes);
      const n = readSync(fd, buf, done, buf.length - done, null);
      if (n === 0) break;
      done += n;
    }
    return buf.subarray(0, done);
  } catch (e) {
    if (e instanceof InputFileError) throw e;
    throw new InputFileError('unreadable', path, `cannot read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  } finally {
    closeSync(fd);
  }
}

/** For servers: the same checks, asynchronous, so the event loop keeps answering while the file is read. */
export async function readInputFile(path: string, maxBytes: number): Promise<Buffer> {
  let handle;
  try {
    handle = await open(path, OPEN_FLAGS);
  } catch (e) {
    throw openError(path, e);
  }
  try {
    const st = await handle.stat();
    checkStat(path, st.isFile(), st.size, maxBytes);
    const buf = Buffer.alloc(Math.min(st.size, maxBytes) + 1);
    let done = 0;
    for (;;) {
      if (done === buf.length) throw tooLarge(path, maxBytes);
      const { bytesRead } = await handle.read(buf, done, buf.length - done, null);
      if (bytesRead === 0) break;
      done += bytesRead;
    }
    return buf.subarray(0, done);
  } catch (e) {
    if (e instanceof InputFileError) throw e;
    throw new InputFileError('unreadable', path, `cannot read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  } finally {
    await handle.close();
  }
}

/** Standard input (`station tally -`), with the same cap; a pipe or a file. */
export function readStdinSync(maxBytes: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  const chunk = Buffer.alloc(64 * 1024);
  for (;;) {
    let n: number;
    try {
      n = readSync(0, chunk, 0, chunk.length, null);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EAGAIN') continue;
      if ((e as NodeJS.ErrnoException).code === 'EOF') break;
      throw new InputFileError('unreadable', 'standard input', `cannot read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    if (n === 0) break;
    total += n;
    if (total > maxBytes) throw tooLarge('standard input', maxBytes);
    chunks.push(Buffer.from(chunk.subarray(0, n)));
  }
  return Buffer.concat(chunks);
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes UTF-8 text, refusing invalid bytes (instead of U+FFFD names); the message names the line and byte. */
export function decodeUtf8Text(bytes: Uint8Array, what: string): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    // The decoder does not say where; find the first bad byte by decoding growing prefixes line by line.
    let line = 1;
    let start = 0;
    for (let i = 0; i <= bytes.length; i++) {
      if (i === bytes.length || bytes[i] === 0x0a) {
        try {
          strictUtf8.decode(bytes.subarray(start, i));
        } catch {
          throw new InputFileError('unreadable', what, `line ${line} holds bytes that are not valid UTF-8`);
        }
        line++;
        start = i + 1;
      }
    }
    throw new InputFileError('unreadable', what, 'not valid UTF-8');
  }
}
