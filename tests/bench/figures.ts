import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Runs every `*<suffix>` file of `dir` (each exports `run()` returning its figures; `only` keeps the files whose
 * name contains one of its words) and prints the figures, file by file.
 */
export async function printBenchFigures(dir: string, suffix: string, only: readonly string[], keyWidth = 44): Promise<void> {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(suffix))
    .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
    .sort();
  for (const file of files) {
    const mod = (await import(pathToFileURL(join(dir, file)).href)) as { run: () => Promise<Record<string, number | string>> };
    console.log(`\n== ${file}`);
    const started = performance.now();
    const figures = await mod.run();
    for (const [k, v] of Object.entries(figures)) console.log(`  ${k.padEnd(keyWidth)} ${typeof v === 'number' ? v.toFixed(3) : v}`);
    console.log(`  (${((performance.now() - started) / 1000).toFixed(1)} s in all)`);
  }
}
