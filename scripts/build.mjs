#!/usr/bin/env node
// Builds what the app runs from dist/:
//   dist/electron/main.cjs     the Electron main process (electron/main/main.ts, backend bundled in)
//   dist/electron/preload.cjs  the preload (electron/preload/preload.ts)
//   dist/electron/town-verify-worker.cjs, dist/cli/town-verify-worker.mjs  the town office's verification worker thread
//   dist/cli/station.mjs       the `station` command (electron/cli/main.ts), each command's code in a chunk beside it;
//                              bin/station.mjs runs it while no source it was built from is newer (dist/cli/inputs.json)
//   dist/renderer/             the screens, by `vite build` with renderer/vite.config.ts (skipped while it is absent)
// Usage: node scripts/build.mjs [--electron-only] [--outdir DIR (main and preload elsewhere, for tests)]
//        node scripts/build.mjs --cli-only [--if-possible (postinstall: say so and succeed when esbuild is not installed)]
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Bundles main and preload with esbuild (Node platform, CommonJS; electron and the native better-sqlite3 stay external). */
export async function buildElectron(outdir = join(root, 'dist', 'electron')) {
  const esbuild = await import('esbuild');
  mkdirSync(outdir, { recursive: true });
  const common = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    // Electron 45 runs Node 22.
    target: 'node22',
    external: ['electron', 'better-sqlite3'],
    sourcemap: 'linked',
    logLevel: 'warning',
    absWorkingDir: root,
    // Bundled ES modules that read import.meta.url get the bundle's own file URL.
    define: { 'import.meta.url': '__bundle_file_url' },
  };
  await Promise.all([
    esbuild.build({
      ...common,
      entryPoints: [join(root, 'electron/main/main.ts')],
      outfile: join(outdir, 'main.cjs'),
      banner: { js: 'const __bundle_file_url = require("url").pathToFileURL(__filename).href;' },
    }),
    esbuild.build({
      ...common,
      // A sandboxed preload may require only a few modules (electron among them); everything else is bundled in.
      entryPoints: [join(root, 'electron/preload/preload.ts')],
      outfile: join(outdir, 'preload.cjs'),
      define: {},
      sourcemap: false,
    }),
    // The town office's verification worker thread (electron/backend/town/verify-pool.ts finds it beside main.cjs).
    esbuild.build({
      ...common,
      entryPoints: [join(root, 'electron/backend/town/verify-worker.ts')],
      outfile: join(outdir, 'town-verify-worker.cjs'),
      banner: { js: 'const __bundle_file_url = require("url").pathToFileURL(__filename).href;' },
    }),
  ]);
}

export const CLI_DIR = join(root, 'dist', 'cli');
export const CLI_BUNDLE = join(CLI_DIR, 'station.mjs');
export const CLI_INPUTS = join(CLI_DIR, 'inputs.json');

/**
 * Bundles the `station` command (better-sqlite3, a native module, stays external): station.mjs holds the command
 * line and the help, and each command's code is a chunk beside it loaded when that command runs, so `station --help`
 * parses almost nothing. inputs.json lists the project files it was built from, with package-lock.json for the
 * dependencies, so bin/station.mjs can tell a stale bundle. Built in a temporary folder and swapped in with renames:
 * a `station` started meanwhile finds the old folder, the new one, or none (then it runs the sources through tsx).
 */
/**
 * zod bundles its messages in some sixty languages behind `z.locales`, which nothing here uses (its English default
 * is imported on its own, and the station says things in its own words): leaving them out spares every `station` run
 * from loading a third of a megabyte.
 */
const zodWithoutLocales = {
  name: 'zod-without-locales',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/](classic|core)[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'zod-without-locales' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'zod-without-locales' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

export async function buildCli() {
  const esbuild = await import('esbuild');
  // A source saved while esbuild reads it may or may not be in the bundle: it counts as newer than the build.
  const startedMs = Date.now();
  const tmp = `${CLI_DIR}.${process.pid}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  const result = await esbuild.build({
    // The town office's verification worker thread is an entry of its own beside station.mjs, sharing its chunks.
    entryPoints: { station: join(root, 'electron/cli/main.ts'), 'town-verify-worker': join(root, 'electron/backend/town/verify-worker.ts') },
    outdir: tmp,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3'],
    logLevel: 'warning',
    absWorkingDir: root,
    metafile: true,
    // Every run parses the chunks it loads: without comments and whitespace there is a third less to read, and ASCII
    // text stays one byte a character in V8. Names are kept (exceljs tells its classes apart by constructor.name).
    charset: 'ascii',
    minifyWhitespace: true,
    minifySyntax: true,
    plugins: [zodWithoutLocales],
    // Some bundled dependencies are CommonJS and call require() for Node's own modules.
    banner: { js: "import { createRequire as __stationRequire } from 'node:module'; const require = __stationRequire(import.meta.url);" },
  });
  const inputs = Object.keys(result.metafile.inputs)
    .filter((f) => !f.includes('node_modules/') && !f.startsWith('zod-without-locales:'))
    .concat('package-lock.json')
    .sort();
  writeFileSync(join(tmp, 'inputs.json'), `${JSON.stringify({ startedMs, inputs }, null, 1)}\n`);
  const old = `${CLI_DIR}.${process.pid}.old`;
  if (existsSync(CLI_DIR)) renameSync(CLI_DIR, old);
  renameSync(tmp, CLI_DIR);
  rmSync(old, { recursive: true, force: true });
  return inputs.length;
}

/** Runs `vite build` with the renderer's own config; returns false (and says so) when that config does not exist yet. */
export async function buildRenderer() {
  const configFile = join(root, 'renderer', 'vite.config.ts');
  if (!existsSync(configFile)) {
    console.log('build: renderer/vite.config.ts not found — renderer build skipped');
    return false;
  }
  const vite = await import('vite');
  await vite.build({ configFile, logLevel: 'warn' });
  return true;
}

export async function buildAll({ electronOnly = false, outdir = undefined } = {}) {
  const t0 = performance.now();
  await buildElectron(outdir);
  if (outdir === undefined) await buildCli();
  const rendererBuilt = electronOnly ? false : await buildRenderer();
  const ms = Math.round(performance.now() - t0);
  console.log(`build: ${outdir ?? "dist/electron"}${rendererBuilt ? ' and dist/renderer' : ''} built in ${ms} ms`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    if (process.argv.includes('--cli-only')) {
      const t0 = performance.now();
      let n;
      try {
        n = await buildCli();
      } catch (err) {
        // In npm ci's postinstall a missing esbuild (--omit=dev) or a failed build must not fail the install.
        if (!process.argv.includes('--if-possible')) throw err;
        console.log(`build: the station command was not bundled (${err instanceof Error ? err.message.split('\n')[0] : String(err)}); it runs through tsx`);
        process.exit(0);
      }
      console.log(`build: dist/cli/station.mjs built from ${n} files in ${Math.round(performance.now() - t0)} ms`);
      process.exit(0);
    }
    const at = process.argv.indexOf('--outdir');
    const outdir = at > 0 ? process.argv[at + 1] : undefined;
    await buildAll({ electronOnly: process.argv.includes('--electron-only'), outdir });
  } catch (err) {
    // esbuild and vite have already printed the located errors.
    console.error(`build failed: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
    process.exit(1);
  }
}
