import { closeSync, fsyncSync, openSync } from 'node:fs';

/** Makes a rename or link in `dir` durable. Windows cannot open a directory for fsync; there it is a no-op. */
export function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
