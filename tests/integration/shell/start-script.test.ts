import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const electronPresent = existsSync(join(root, 'node_modules', 'electron', 'path.txt'));

test('npm start in browser mode: one line saying so with the URL, the URL answers, Ctrl-C stops it cleanly', { timeout: 90_000 }, async (t) => {
  if (electronPresent) return t.skip('the Electron binary is installed here, so npm start would open Electron, not browser mode');
  const dataDir = mkdtempSync(join(tmpdir(), 'station-start-'));
  // --no-build: the test must not rebuild dist/ under other tests that serve it; a missing page is tolerated below.
  const child = spawn(process.execPath, ['scripts/start.mjs', '--no-open', '--no-build'], {
    cwd: root,
    env: { ...process.env, STATION_DATA_DIR: dataDir, DISPLAY: '', WAYLAND_DISPLAY: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    const deadline = Date.now() + 60_000;
    while (!/at http:\/\/127\.0\.0\.1:\d+\/#token=\S+/.test(out)) {
      if (Date.now() > deadline || child.exitCode !== null) assert.fail(`no URL printed.\nstdout:\n${out}\nstderr:\n${err}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const explaining = out.split('\n').filter((l) => l.includes('Electron binary not installed'));
    assert.equal(explaining.length, 1, out);
    assert.match(explaining[0]!, /^Electron 二进制不可用.*running in browser mode at http:\/\/127\.0\.0\.1:\d+\/#token=/);
    const url = /(http:\/\/127\.0\.0\.1:\d+)\/#token=(\S+)/.exec(out)!;
    const origin = url[1]!;
    const token = decodeURIComponent(url[2]!);

    const api = await fetch(`${origin}/api/verifyAudit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-station-token': token },
      body: '{}',
    });
    assert.equal(api.status, 200);
    assert.deepEqual(((await api.json()) as { ok: boolean }).ok, true);
    const noToken = await fetch(`${origin}/api/verifyAudit`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    assert.equal(noToken.status, 401);
    const page = await fetch(`${origin}/`);
    if (existsSync(join(root, 'dist', 'renderer', 'index.html'))) {
      assert.equal(page.status, 200);
      assert.match(await page.text(), /<html/i);
    } else {
      t.diagnostic('dist/renderer is not built here: only the API was checked');
    }
    assert.ok(existsSync(join(dataDir, 'election.sqlite')), 'the election database is in STATION_DATA_DIR');

    child.kill('SIGINT');
    let timer: NodeJS.Timeout | undefined;
    const code = await Promise.race([exited, new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), 10_000)))]);
    clearTimeout(timer);
    assert.equal(code, 0, `exit after SIGINT (stdout:\n${out})`);
    await assert.rejects(fetch(`${origin}/api/verifyAudit`, { method: 'POST' }), 'the port is closed after stopping');
    assert.ok(readdirSync(join(dataDir, 'backups')).some((f) => f.endsWith('-quit.sqlite')), 'a backup is made on stop');
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
});
