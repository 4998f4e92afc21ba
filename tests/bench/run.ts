/**
 * `npm run bench`: runs every tests/bench/*.bench.ts (each exports `run()` returning its figures) and prints them.
 * Targets are printed beside the figures; a missed target is reported, not failed, since timing depends on the machine.
 */
import { printBenchFigures } from './figures';

await printBenchFigures(import.meta.dirname, '.bench.ts', process.argv.slice(2));
