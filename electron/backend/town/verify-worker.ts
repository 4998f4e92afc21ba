/**
 * A worker thread of the town's verification pool (verify-pool.ts): reads one file at a time, checks it completely
 * and answers with the file's bytes (moved, not copied) and what the check found. Touches no database.
 */
import { parentPort } from 'node:worker_threads';
import { FILE_LIMITS, InputFileError, readInputFileSync } from '../files/input-file';
import { examineSealedFile } from './examine';
import type { PoolAnswer, PoolJob } from './verify-pool';

/** The bytes in an ArrayBuffer of their own, so moving it to the main thread detaches nothing else. */
function ownBuffer(bytes: Buffer): Uint8Array {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength) return bytes;
  return new Uint8Array(bytes);
}

function answer(job: PoolJob): PoolAnswer {
  let bytes: Uint8Array;
  try {
    bytes = ownBuffer(readInputFileSync(job.path, FILE_LIMITS.sealed));
  } catch (e) {
    if (!(e instanceof InputFileError)) throw e;
    return { index: job.index, unreadable: e.message };
  }
  return { index: job.index, bytes, examined: examineSealedFile(bytes) };
}

const port = parentPort;
if (port === null) throw new Error('verify-worker.ts runs only as a worker thread');
port.on('message', (job: PoolJob) => {
  const a = answer(job);
  port.postMessage(a, 'bytes' in a ? [a.bytes.buffer as ArrayBuffer] : []);
});
