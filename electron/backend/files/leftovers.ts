import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes from `dir` the temp files that a process killed midway left: names matching `pattern`, whose first capture
 * group is the writing process's id, when that process is gone (another live process's file is left alone).
 * Returns the names removed; a missing folder has nothing to clean.
 */
export function removeLeftoversOfDeadProcesses(dir: string, pattern: RegExp): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const gone = names.filter((n) => {
    const m = pattern.exec(n);
    return m !== null && !processAlive(Number(m[1]));
  });
  for (const n of gone) rmSync(join(dir, n), { force: true });
  return gone;
}
