#!/usr/bin/env node
// `npm start`: sets up and runs the app on a fresh clone. Uses only Node built-ins until the dependencies exist.
//
//   1. node_modules missing or older than package-lock.json  → `npm ci` (Electron's download stays denied by allowScripts)
//   2. dist missing or older than the sources                → scripts/build.mjs
//   3. Electron binary present → Electron on this folder (package.json "main": dist/electron/main.cjs);
//      otherwise browser mode: the backend's loopback HTTP server (electron/backend/http.ts, run as TypeScript through
//      tsx) serving dist/renderer on 127.0.0.1, opened in Chromium (--app, fresh profile) or the default browser, or
//      only printed when there is no display (no DISPLAY/WAYLAND_DISPLAY on Linux, or CI set).
//
// Token convention (browser mode): the per-launch token travels in the URL fragment, never in the query string, so it
// is not sent in any request line or logged: http://127.0.0.1:PORT/#token=<token>. The renderer's client
// (renderer/api/client.ts takeToken) reads `#token=…`, keeps it in sessionStorage, removes it from the address bar
// with history.replaceState, and sends it on every call as the `x-station-token` header of POST /api/<method>.
//
// Options:  --no-open            do not open a browser (print the URL only)
//           --no-build           use dist/ as it is (tests that run beside other builds)
//           --town[=FILE]        browser mode: open in town-office mode (街道/镇备案, docs/town.md) on FILE, by default
//                                town.sqlite in the data folder (opened when it exists, else the page offers to create it)
// Env:      STATION_DATA_DIR     the data folder (the election database lives there). Default: Electron's user-data
//                                folder; in browser mode $XDG_DATA_HOME/community-election-station
//                                (~/.local/share/…), %APPDATA%\community-election-station, ~/Library/Application Support/….
// Ctrl-C (SIGINT) or SIGTERM stops the server and closes the database.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const noOpen = args.includes('--no-open');
const noBuild = args.includes('--no-build');
const townArg = args.find((a) => a === '--town' || a.startsWith('--town='));
const APP_DIR_NAME = 'community-election-station';

function mtime(p) {
  try {
    return statSync(p).mtimeMs;
  } catch {
    return 0;
  }
}

/** The newest modification time of any file under `p` (node_modules and dist left out). */
function newest(p) {
  let st;
  try {
    st = statSync(p);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let best = 0;
  for (const name of readdirSync(p)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    best = Math.max(best, newest(join(p, name)));
  }
  return best;
}

// ---- 1. dependencies
function ensureDependencies() {
  const installed = join(root, 'node_modules', '.package-lock.json');
  const lock = join(root, 'package-lock.json');
  if (existsSync(installed) && mtime(installed) >= mtime(lock)) return;
  const why = existsSync(join(root, 'node_modules')) ? 'node_modules 比 package-lock.json 旧 / node_modules is older than package-lock.json' : '尚未安装依赖 / dependencies not installed yet';
  console.log(`start: ${why} → npm ci --no-audit --no-fund`);
  const win = process.platform === 'win32';
  const r = spawnSync(win ? 'npm.cmd' : 'npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit', shell: win });
  if (r.status !== 0) {
    console.error('start: npm ci failed (see above); nothing was started.');
    process.exit(r.status ?? 1);
  }
}

// ---- 2. build
async function ensureBuilt() {
  const sources = Math.max(
    newest(join(root, 'electron')),
    newest(join(root, 'shared')),
    newest(join(root, 'renderer')),
    mtime(join(root, 'package.json')),
    mtime(join(root, 'scripts', 'build.mjs')),
  );
  const outputs = [join(root, 'dist', 'electron', 'main.cjs'), join(root, 'dist', 'electron', 'preload.cjs')];
  const hasRenderer = existsSync(join(root, 'renderer', 'vite.config.ts'));
  if (hasRenderer) outputs.push(join(root, 'dist', 'renderer', 'index.html'));
  const built = Math.min(...outputs.map(mtime));
  if (built > 0 && built >= sources) return;
  console.log(`start: ${built === 0 ? 'dist 不存在 / dist is missing' : '源代码比 dist 新 / sources are newer than dist'} → build`);
  const { buildAll } = await import(pathToFileURL(join(root, 'scripts', 'build.mjs')).href);
  await buildAll();
}

// ---- 3a. Electron
/**
 * The Electron binary, or null. Reads node_modules/electron/path.txt like electron's own index.js does, but without
 * requiring it: that module starts a download when the binary is missing, and this machine may be offline.
 */
export function electronBinary(base = root) {
  const pkg = join(base, 'node_modules', 'electron');
  let rel;
  try {
    rel = readFileSync(join(pkg, 'path.txt'), 'utf8').trim();
  } catch {
    return null;
  }
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH || join(pkg, 'dist');
  const bin = join(dist, rel);
  return rel && existsSync(bin) ? bin : null;
}

function runElectron(bin) {
  console.log(`start: Electron ${bin}`);
  const child = spawn(bin, [root], { cwd: root, stdio: 'inherit', env: process.env });
  const forward = (sig) => () => child.kill(sig);
  process.on('SIGINT', forward('SIGINT'));
  process.on('SIGTERM', forward('SIGTERM'));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

// ---- 3b. browser mode
export function defaultBrowserDataDir(env = process.env, platform = process.platform, home = homedir()) {
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_DIR_NAME);
  return join(env.XDG_DATA_HOME || join(home, '.local', 'share'), APP_DIR_NAME);
}

function hasDisplay() {
  if (process.env.CI) return false;
  if (process.platform === 'linux' || process.platform === 'freebsd') return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  return true;
}

const CHROMIUMS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** Opens the URL: Chromium as an app window with a fresh profile, else the default browser. Returns the Chromium child, if any. */
function openBrowser(url, onClosed) {
  const chromium = CHROMIUMS.find((p) => existsSync(p));
  if (chromium) {
    const profile = mkdtempSync(join(tmpdir(), 'station-chromium-'));
    const child = spawn(chromium, [`--app=${url}`, `--user-data-dir=${profile}`, '--no-first-run', '--no-default-browser-check'], {
      stdio: 'ignore',
    });
    child.on('exit', () => {
      rmSync(profile, { recursive: true, force: true });
      onClosed();
    });
    child.on('error', () => rmSync(profile, { recursive: true, force: true }));
    return child;
  }
  const opener = process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]];
  const child = spawn(opener[0], opener[1], { stdio: 'ignore', detached: true });
  child.on('error', () => console.log(`start: 无法打开浏览器,请手动打开 / could not open a browser; open the address above by hand`));
  child.unref();
  return null;
}

async function runBrowserMode() {
  const dataDir = process.env.STATION_DATA_DIR || defaultBrowserDataDir();
  mkdirSync(dataDir, { recursive: true });
  const staticDir = join(root, 'dist', 'renderer');
  const { register } = await import('tsx/esm/api');
  register();
  const load = (p) => import(pathToFileURL(join(root, p)).href);
  const [{ startHttpServer }, { openElectionSwitch }, { createBackupHook, removeBackupLeftovers }] = await Promise.all([
    load('electron/backend/http.ts'),
    load('electron/backend/election-files/switch.ts'),
    load('electron/backend/files/backup.ts'),
  ]);
  // The same automatic backups as in Electron: when the backend reports a closed round, and on stop.
  for (const n of removeBackupLeftovers(join(dataDir, 'backups'))) console.log(`start: removed ${n}, left by an interrupted backup`);
  let files = null;
  const backups = createBackupHook({
    currentDb: () => {
      try {
        const db = files?.current().ctx.db;
        return db?.open ? db : null;
      } catch {
        return null; // closed while stopping
      }
    },
    backupDir: () => join(dataDir, 'backups'),
    log: (m, err) => console.log(`start: ${m}${err ? `: ${err instanceof Error ? err.message : String(err)}` : ''}`),
  });
  // election.sqlite at start; the Start page creates, opens and switches to the other files of the folder.
  try {
    files = openElectionSwitch({
      dataDir,
      file: join(dataDir, 'election.sqlite'),
      actor: 'browser',
      onOpened: (ctx) => {
        ctx.onRoundClosed = () => void backups.roundClosed();
      },
    });
  } catch (err) {
    console.error(`start: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
  let route = '';
  if (townArg !== undefined) {
    const { startInTownMode } = await load('electron/backend/town-mode/holder.ts');
    try {
      const town = startInTownMode(dataDir, townArg.startsWith('--town=') ? townArg.slice('--town='.length) : undefined);
      console.log(`start: 街道（镇）备案模式 / town-office mode: ${town.open?.file ?? town.defaultFile}`);
    } catch (err) {
      console.error(`start: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    }
    route = '/town&';
  }
  const server = await startHttpServer({ files, staticDir });
  const url = `${server.origin}/#${route}token=${encodeURIComponent(server.token)}`;
  console.log(`Electron 二进制不可用(离线安装),以浏览器模式运行 / Electron binary not installed: running in browser mode at ${url}`);
  console.log(`start: 数据文件夹 / data folder: ${dataDir} — Ctrl-C 停止 / to stop`);

  let stopping = false;
  const stop = async (why) => {
    if (stopping) return;
    stopping = true;
    console.log(`start: ${why}`);
    try {
      await server.close();
      await backups.beforeQuit();
      files.close();
    } finally {
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void stop('停止 / stopping'));
  process.on('SIGTERM', () => void stop('停止 / stopping'));

  if (noOpen) return;
  if (!hasDisplay()) {
    console.log('start: 没有图形界面,请在浏览器中打开上面的地址 / no display: open the address above in a browser');
    return;
  }
  openBrowser(url, () => void stop('窗口已关闭 / the window was closed'));
}

// ---- main
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  ensureDependencies();
  try {
    if (noBuild) console.log('start: --no-build: dist 按原样使用 / using dist as it is');
    else await ensureBuilt();
  } catch (err) {
    console.error(`start: 构建失败 / build failed: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
    process.exit(1);
  }
  const bin = electronBinary();
  if (bin) runElectron(bin);
  else await runBrowserMode();
}
