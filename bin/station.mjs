#!/usr/bin/env node
// The `station` command. Runs the bundle in dist/cli (built by npm ci's postinstall, npm start and npm test) while it
// is fresh, so it starts at once; when any source is newer, or there is no bundle, it runs the TypeScript sources
// through tsx instead: never older code than the sources. STATION_CLI_TRACE=1 says on stderr which one ran;
// STATION_CLI_SOURCES=1 runs the sources even when the bundle is fresh (to compare, e.g. in npm run bench).
import { fileURLToPath, pathToFileURL } from 'node:url';
import { freshCliBundle } from './cli-bundle.mjs';

const bundle = process.env.STATION_CLI_SOURCES === '1' ? null : freshCliBundle(fileURLToPath(new URL('..', import.meta.url)));
if (process.env.STATION_CLI_TRACE === '1') process.stderr.write(`station: ${bundle ? 'bundle' : 'sources (tsx)'}\n`);
let main;
if (bundle) {
  ({ main } = await import(pathToFileURL(bundle).href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../electron/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
