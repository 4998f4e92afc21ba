// Whether the bundled `station` (dist/cli, built by scripts/build.mjs) may run: only while none of the files it was
// built from changed since its build started. Plain JavaScript: it runs before anything is compiled.
import { readFileSync, statSync } from 'node:fs';
import { sep } from 'node:path';

const MAX_LIST_BYTES = 1024 * 1024;

/** The bundle's entry file under `root` when it is fresh, else null (missing, unreadable, or older than a source). */
export function freshCliBundle(root) {
  // Every `station` run checks some three hundred files: paths are joined by hand, as path.join costs more than the
  // checks themselves in a process that has just started. The inputs are relative paths written by the build.
  const base = root.endsWith('/') || root.endsWith(sep) ? root : root + sep;
  const dir = `${base}dist${sep}cli${sep}`;
  try {
    const listFile = `${dir}inputs.json`;
    if (statSync(listFile).size > MAX_LIST_BYTES) return null;
    const { startedMs, inputs } = JSON.parse(readFileSync(listFile, 'utf8'));
    if (typeof startedMs !== 'number' || !Array.isArray(inputs) || inputs.length === 0) return null;
    for (const input of inputs) {
      if (typeof input !== 'string' || statSync(base + input).mtimeMs >= startedMs) return null;
    }
    const entry = `${dir}station.mjs`;
    statSync(entry);
    return entry;
  } catch {
    return null;
  }
}
