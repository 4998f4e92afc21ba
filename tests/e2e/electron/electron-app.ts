import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';

export const root = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * The Electron binary, or the reason there is none. Like scripts/start.mjs, reads electron's path.txt instead of
 * requiring the package (which would try to download the binary on an offline machine).
 */
export function electronBinary(): { bin: string } | { reason: string } {
  const pkg = join(root, 'node_modules', 'electron');
  let rel = '';
  try {
    rel = readFileSync(join(pkg, 'path.txt'), 'utf8').trim();
  } catch {
    return { reason: `Electron binary not installed (offline machine): ${join(pkg, 'path.txt')} is missing; see docs/packaging.md` };
  }
  const bin = join(process.env.ELECTRON_OVERRIDE_DIST_PATH || join(pkg, 'dist'), rel);
  return existsSync(bin) ? { bin } : { reason: `Electron binary not installed (offline machine): ${bin} does not exist` };
}

/** Builds dist/ when it is missing (main, preload and, where its config exists, the renderer). */
export function ensureBuilt(): void {
  if (existsSync(join(root, 'dist', 'electron', 'main.cjs')) && existsSync(join(root, 'dist', 'electron', 'preload.cjs'))) return;
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('node scripts/build.mjs failed');
}

export interface Launched {
  app: ElectronApplication;
  page: Page;
  dataDir: string;
  close(): Promise<void>;
}

/** Starts the app on this folder with a fresh data folder and waits for its window. */
export async function launchApp(bin: string): Promise<Launched> {
  ensureBuilt();
  const dataDir = mkdtempSync(join(tmpdir(), 'station-electron-'));
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  env.STATION_DATA_DIR = dataDir;
  const app = await _electron.launch({ executablePath: bin, args: [root], cwd: root, env, timeout: 60_000 });
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  return {
    app,
    page,
    dataDir,
    async close() {
      await app.close().catch(() => {}); // a test may have quit the app already
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
