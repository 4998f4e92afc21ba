// Whether the bundled `station` (dist/cli, built by scripts/build.mjs) may run: only while none of the files it was
// built from changed since its build started. Plain JavaScript: it runs before anything is compiled.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const MAX_LIST_BYTES = 1024 * 1024;

/** The bundle's entry file under `root` when it is fresh, else null (missing, unreadable, or older than a source). */
export function freshCliBundle(root) {
  const dir = join(root, 'dist', 'cli');
  try {
    const listFile = join(dir, 'inputs.json');
    if (statSync(listFile).size > MAX_LIST_BYTES) return null;
    const { startedMs, inputs } = JSON.parse(readFileSync(listFile, 'utf8'));
    if (typeof startedMs !== 'number' || !Array.isArray(inputs) || inputs.length === 0) return null;
    for (const input of inputs) {
      if (typeof input !== 'string' || statSync(join(root, input)).mtimeMs >= startedMs) return null;
    }
    const entry = join(dir, 'station.mjs');
    statSync(entry);
    return entry;
  } catch {
    return null;
  }
}
