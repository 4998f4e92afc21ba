/** Child process of town.bench.ts: imports one folder into a town file and prints its time and peak memory as JSON. */
import { openTownFile } from '../../electron/backend/town/context';
import { importPaths } from '../../electron/backend/town/office';

const [dbFile, folder] = process.argv.slice(2) as [string, string];
const ctx = openTownFile(dbFile);
const started = performance.now();
const report = await importPaths(ctx, [folder]);
const ms = performance.now() - started;
ctx.db.close();
const outcomes = new Map<string, number>();
for (const f of report.files) outcomes.set(f.outcome, (outcomes.get(f.outcome) ?? 0) + 1);
process.stdout.write(JSON.stringify({ ms, maxRssMB: process.resourceUsage().maxRSS / 1024, outcomes: Object.fromEntries(outcomes) }));
