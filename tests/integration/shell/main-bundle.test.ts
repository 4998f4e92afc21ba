import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../../../electron/backend/web-policy';

const root = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * Boots the real bundled main process (esbuild output of electron/main/main.ts) under plain Node, with a stand-in for
 * the electron module, and drives it the way Electron would: protocol requests, IPC calls, navigation, permissions,
 * quit. Where the real Electron binary exists, tests/e2e/electron covers the same in a real window.
 */
test('the bundled main process wires window, protocol, IPC and quit backup as designed', { timeout: 60_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'station-main-bundle-'));
  try {
    const app = join(dir, 'app');
    const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--electron-only', '--outdir', app], { cwd: root, encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
    mkdirSync(join(dir, 'node_modules', 'electron'), { recursive: true });
    copyFileSync(join(import.meta.dirname, 'stand-in-electron.cjs'), join(dir, 'node_modules', 'electron', 'index.js'));
    symlinkSync(join(root, 'node_modules', 'better-sqlite3'), join(dir, 'node_modules', 'better-sqlite3'), 'dir');
    mkdirSync(join(dir, 'renderer'));
    writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>t</title>');
    writeFileSync(join(dir, 'secret.txt'), 'outside the renderer folder');
    const data = join(dir, 'data');
    writeFileSync(
      join(dir, 'drive.cjs'),
      `
const out = {};
require('./app/main.cjs');
const { __record: r, app } = require('electron');
setTimeout(async () => {
  const call = r.ipc.get('station:call');
  out.channels = [...r.ipc.keys()].sort();
  out.privileged = r.privileged;
  out.sandbox = r.sandbox;
  const win = r.windows[0];
  out.windows = r.windows.length;
  out.url = win.url;
  const p = win.options.webPreferences;
  out.prefs = { contextIsolation: p.contextIsolation, sandbox: p.sandbox, nodeIntegration: p.nodeIntegration, webSecurity: p.webSecurity, devTools: p.devTools, webviewTag: p.webviewTag, preload: p.preload.endsWith('preload.cjs') };
  out.windowOpen = win.webContents.windowOpenHandler({ url: 'https://example.com/' });
  const nav = (url) => { let prevented = false; win.webContents.emit('will-navigate', { preventDefault: () => { prevented = true; } }, url); return prevented; };
  out.navBlocked = { external: nav('https://example.com/'), file: nav('file:///etc/passwd'), own: nav('app://station/index.html') };
  out.remote = await new Promise((res) => r.beforeRequest({ url: 'https://example.com/x.js' }, (d) => res(d)));
  out.local = await new Promise((res) => r.beforeRequest({ url: 'app://station/assets/a.js' }, (d) => res(d)));
  out.permission = await new Promise((res) => r.permission(null, 'media', res));
  out.permissionCheck = r.permissionCheck(null, 'geolocation');
  const page = await r.protocol.fn({ url: 'app://station/' });
  out.page = { status: page.status, csp: page.headers.get('content-security-policy'), body: await page.text() };
  out.escape = (await r.protocol.fn({ url: 'app://station/..%2fsecret.txt' })).status;
  out.call = await call({ senderFrame: { url: 'app://station/index.html' } }, 'verifyAudit', {});
  out.foreign = await call({ senderFrame: { url: 'file:///x.html' } }, 'verifyAudit', {});
  out.menuTop = r.menus[0].map((m) => m.label);
  out.menuHasDevTools = JSON.stringify(r.menus[0]).includes('toggleDevTools');
  app.on('quit-done', () => { out.quit = true; process.stdout.write(JSON.stringify(out)); process.exit(0); });
  app.emit('window-all-closed');
}, 100);
`,
    );
    const run = spawnSync(process.execPath, [join(dir, 'drive.cjs')], { cwd: dir, encoding: 'utf8', env: { ...process.env, STATION_DATA_DIR: data }, timeout: 30_000 });
    assert.equal(run.status, 0, run.stderr);
    const out = JSON.parse(run.stdout.slice(run.stdout.indexOf('{"'))) as Record<string, unknown>;
    assert.deepEqual(out.channels, ['station:call', 'station:shell']);
    assert.equal(out.sandbox, true);
    assert.deepEqual(out.privileged, [{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } }]);
    assert.equal(out.windows, 1);
    assert.equal(out.url, 'app://station/index.html');
    assert.deepEqual(out.prefs, { contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, devTools: false, webviewTag: false, preload: true });
    assert.deepEqual(out.windowOpen, { action: 'deny' });
    assert.deepEqual(out.navBlocked, { external: true, file: true, own: false });
    assert.deepEqual(out.remote, { cancel: true });
    assert.deepEqual(out.local, { cancel: false });
    assert.equal(out.permission, false);
    assert.equal(out.permissionCheck, false);
    const page = out.page as { status: number; csp: string; body: string };
    assert.equal(page.status, 200);
    assert.equal(page.csp, CONTENT_SECURITY_POLICY);
    assert.match(page.body, /<title>t<\/title>/);
    assert.equal(out.escape, 404);
    assert.equal((out.call as { ok: boolean }).ok, true);
    assert.equal((out.foreign as { ok: boolean; error: { code: string } }).error.code, 'refused');
    assert.deepEqual(out.menuTop, ['文件', '编辑', '视图', '语言']);
    assert.equal(out.menuHasDevTools, false, 'packaged: no DevTools in the menu');
    assert.equal(out.quit, true);
    const files = readdirSync(data).sort();
    assert.ok(files.includes('election.sqlite'), files.join(','));
    assert.ok(readdirSync(join(data, 'backups')).some((f) => f.endsWith('-quit.sqlite')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
