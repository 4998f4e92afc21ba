/**
 * `npm run bench:screens`: the screens at the size of a real community, measured in Chromium. Runs every
 * tests/bench/screens/*.screen.ts (each exports `run()` returning its figures) and prints them with their targets.
 * Drill elections are made once and kept (drill-app.ts); `npm run bench:screens -- certs` runs only matching files.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromiumMissing } from '../../e2e/renderer/harness';

const dir = import.meta.dirname;
const only = process.argv.slice(2);
const missing = chromiumMissing();
if (missing) {
  console.log(`screen benchmarks not run: ${missing}`);
  process.exit(0);
}
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.screen.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

for (const file of files) {
  const mod = (await import(pathToFileURL(join(dir, file)).href)) as { run: () => Promise<Record<string, number | string>> };
  console.log(`\n== ${file}`);
  const started = performance.now();
  const figures = await mod.run();
  for (const [k, v] of Object.entries(figures)) console.log(`  ${k.padEnd(52)} ${typeof v === 'number' ? v.toFixed(3) : v}`);
  console.log(`  (${((performance.now() - started) / 1000).toFixed(1)} s in all)`);
}
