import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { isAppUrl, resolveAppAsset } from '../../../electron/main/app-origin';
import { CONTENT_SECURITY_POLICY } from '../../../electron/backend/web-policy';
import { MenuCommandQueue } from '../../../electron/main/menu-commands';
import { menuTemplate } from '../../../electron/main/menu';

test('only app://station/ pages count as the app', () => {
  for (const ok of ['app://station/index.html', 'app://station/', 'app://station/index.html#/desk?x=1']) assert.equal(isAppUrl(ok), true, ok);
  for (const bad of ['', 'app://evil/index.html', 'app://station.evil/x', 'app://user:pw@station/', 'file:///index.html', 'http://station/', 'https://127.0.0.1/', 'about:blank', 'javascript:alert(1)', 'not a url']) {
    assert.equal(isAppUrl(bad), false, bad);
  }
});

test('app:// requests map into the renderer folder and never out of it', () => {
  const root = '/opt/app/dist/renderer';
  assert.equal(resolveAppAsset(root, 'app://station/'), join(root, 'index.html'));
  assert.equal(resolveAppAsset(root, 'app://station/desk/3'), join(root, 'index.html'));
  assert.equal(resolveAppAsset(root, 'app://station/assets/index-abc.js?v=1'), join(root, 'assets/index-abc.js'));
  assert.equal(resolveAppAsset(root, 'app://station/%E5%AD%97.woff2'), join(root, '字.woff2'));
  // The URL parser already folds "/../" away; encoded slashes and NUL bytes are refused after decoding.
  for (const tricky of ['app://station/../../etc/passwd.txt', 'app://station/%2e%2e/%2e%2e/etc/passwd.txt']) {
    assert.equal(resolveAppAsset(root, tricky), join(root, 'etc/passwd.txt'), tricky);
  }
  for (const bad of ['app://station/..%2f..%2fsecret.json', 'app://station/assets%2f..%2f..%2f..%2fsecret.json', 'app://station/a%00.js', 'app://other/x.js', 'app://station/%E0%A4%A.js']) {
    assert.equal(resolveAppAsset(root, bad), null, bad);
  }
});

test('the CSP allows no remote or inline script and no framing', () => {
  assert.match(CONTENT_SECURITY_POLICY, /script-src 'self'(;|$)/);
  assert.match(CONTENT_SECURITY_POLICY, /object-src 'none'/);
  assert.match(CONTENT_SECURITY_POLICY, /frame-ancestors 'none'/);
  assert.doesNotMatch(CONTENT_SECURITY_POLICY, /unsafe-eval|https?:|\*/);
});

test('menu commands reach the page in order through the long poll; a newer poll releases an older one', async () => {
  const q = new MenuCommandQueue();
  q.push('roll:import');
  q.push('print');
  assert.equal(await q.next(), 'roll:import');
  assert.equal(await q.next(), 'print');
  const stale = q.next();
  const fresh = q.next();
  assert.equal(await stale, null);
  q.push('export:sealed');
  assert.equal(await fresh, 'export:sealed');
  const pending = q.next();
  q.release();
  assert.equal(await pending, null);
});

test('the menus exist in zh-CN and en and send the same commands; no DevTools item when packaged', () => {
  const sent: string[] = [];
  const labels = (lang: 'zh-CN' | 'en', packaged: boolean) =>
    menuTemplate(lang, { send: (c) => sent.push(c), packaged, isMac: false, appName: 'x' });
  const zh = labels('zh-CN', true);
  const en = labels('en', false);
  assert.deepEqual(zh.map((m) => m.label), ['文件', '编辑', '视图', '语言']);
  assert.deepEqual(en.map((m) => m.label), ['File', 'Edit', 'View', 'Language']);
  const file = zh[0]!.submenu as { label?: string; click?: () => void }[];
  for (const item of file) item.click?.();
  assert.deepEqual(sent, ['election:new', 'election:open', 'roll:import', 'export:sealed', 'print']);
  const roles = (t: typeof zh) => JSON.stringify(t.map((m) => m.submenu));
  assert.doesNotMatch(roles(zh), /toggleDevTools/);
  assert.match(roles(en), /toggleDevTools/);
});
