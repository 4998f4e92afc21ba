/**
 * `npm run bench`: runs every tests/bench/*.bench.ts (each exports `run()` returning its figures) and prints them.
 * Targets are printed beside the figures; a missed target is reported, not failed, since timing depends on the machine.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = import.meta.dirname;
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

for (const file of files) {
  const mod = (await import(pathToFileURL(join(dir, file)).href)) as { run: () => Promise<Record<string, number | string>> };
  console.log(`\n== ${file}`);
  const started = performance.now();
  const figures = await mod.run();
  for (const [k, v] of Object.entries(figures)) console.log(`  ${k.padEnd(44)} ${typeof v === 'number' ? v.toFixed(3) : v}`);
  console.log(`  (${((performance.now() - started) / 1000).toFixed(1)} s in all)`);
}
