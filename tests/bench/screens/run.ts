/**
 * `npm run bench:screens`: the screens at the size of a real community, measured in Chromium. Runs every
 * tests/bench/screens/*.screen.ts (each exports `run()` returning its figures) and prints them with their targets.
 * Drill elections are made once and kept (drill-app.ts); `npm run bench:screens -- certs` runs only matching files.
 */
import { chromiumMissing } from '../../e2e/renderer/harness';
import { printBenchFigures } from '../figures';

const missing = chromiumMissing();
if (missing) console.log(`screen benchmarks not run: ${missing}`);
else await printBenchFigures(import.meta.dirname, '.screen.ts', process.argv.slice(2), 52);
