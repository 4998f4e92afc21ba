#!/usr/bin/env node
// Builds what the app runs from dist/:
//   dist/electron/main.cjs     the Electron main process (electron/main/main.ts, backend bundled in)
//   dist/electron/preload.cjs  the preload (electron/preload/preload.ts)
//   dist/renderer/             the screens, by `vite build` with renderer/vite.config.ts (skipped while it is absent)
// Usage: node scripts/build.mjs [--electron-only] [--outdir DIR (main and preload elsewhere, for tests)]
import { existsSync, mkdirSync } from 'node:fs';
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
  ]);
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
  const rendererBuilt = electronOnly ? false : await buildRenderer();
  const ms = Math.round(performance.now() - t0);
  console.log(`build: ${outdir ?? "dist/electron"}${rendererBuilt ? ' and dist/renderer' : ''} built in ${ms} ms`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    const at = process.argv.indexOf('--outdir');
    const outdir = at > 0 ? process.argv[at + 1] : undefined;
    await buildAll({ electronOnly: process.argv.includes('--electron-only'), outdir });
  } catch (err) {
    // esbuild and vite have already printed the located errors.
    console.error(`build failed: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
    process.exit(1);
  }
}
