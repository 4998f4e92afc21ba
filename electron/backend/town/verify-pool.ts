import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Examined } from './examine';

export interface PoolJob {
  index: number;
  path: string;
}

/** A file read and checked by a worker, or the reason it could not be read. */
export type PoolAnswer = { index: number; unreadable: string } | { index: number; bytes: Uint8Array; examined: Examined };

/**
 * A worker thread: from the bundle scripts/build.mjs writes beside the CLI (dist/cli, whose command chunks sit one
 * folder down) and beside the Electron main bundle; when this module runs from source, the TypeScript worker through
 * tsx, registered in the worker itself (bin/station.mjs registers tsx by its API, which workers do not inherit).
 */
function startWorker(): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(bundledWorkerFile(here));
  const source = new URL('./verify-worker.ts', here).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  return new Worker(`import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`, { eval: true });
}

function bundledWorkerFile(here: string): URL {
  const candidates = ['./town-verify-worker.mjs', '../town-verify-worker.mjs', './town-verify-worker.cjs'].map((p) => new URL(p, here));
  const found = candidates.find((u) => existsSync(u));
  if (found === undefined) throw new Error(`the town verification worker is not built beside ${here} (node scripts/build.mjs)`);
  return found;
}

/** Threads for the pool: the cores this process may use, at least one, never more than there are files. */
export function poolSize(files: number, wanted?: number): number {
  return Math.max(1, Math.min(wanted ?? availableParallelism(), files));
}

/**
 * Reads and checks `paths` in a pool of worker threads and hands each answer to `file` in the order of `paths`, on
 * this thread (where the database writes happen). At most two files per thread are in flight or waiting, so memory
 * stays bounded however many files there are. A throw from `file` or a worker stops the pool and rejects.
 */
export async function examineInOrder(paths: readonly string[], file: (answer: PoolAnswer) => void, threads?: number): Promise<void> {
  if (paths.length === 0) return;
  const size = poolSize(paths.length, threads);
  const window = size * 2;
  const workers = Array.from({ length: size }, startWorker);
  const waiting = new Map<number, PoolAnswer>();
  let sent = 0;
  let filed = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      const idle: Worker[] = [];
      const dispatch = (): void => {
        while (idle.length > 0 && sent < paths.length && sent - filed < window) {
          idle.pop()!.postMessage({ index: sent, path: paths[sent]! } satisfies PoolJob);
          sent++;
        }
      };
      for (const w of workers) {
        w.on('message', (a: PoolAnswer) => {
          waiting.set(a.index, a);
          idle.push(w);
          try {
            for (let next = waiting.get(filed); next !== undefined; next = waiting.get(filed)) {
              waiting.delete(filed);
              filed++;
              file(next);
            }
          } catch (e) {
            reject(e);
            return;
          }
          if (filed === paths.length) resolve();
          else dispatch();
        });
        w.on('error', reject);
        w.on('exit', (code) => {
          if (filed < paths.length) reject(new Error(`a town verification worker stopped (exit ${code})`));
        });
        idle.push(w);
      }
      dispatch();
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
