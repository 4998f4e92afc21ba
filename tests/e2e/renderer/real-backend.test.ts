import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startHttpServer, type HttpServerHandle } from '../../../electron/backend/http';
import { buildRenderer, chromiumMissing, launch, ROOT, screenshotPath } from './harness';

/** The built app against the real backend's loopback server: token hand-over, getElection, the 演练 banner. */

const missing = chromiumMissing();
if (missing) console.log(`# skipping renderer real-backend test: ${missing}`);

describe('renderer against the real loopback backend', { skip: missing ?? false }, () => {
  let browser: Browser;
  let server: HttpServerHandle;
  const dataDir = mkdtempSync(join(tmpdir(), 'station-renderer-db-'));
  let cleanup = () => {};

  before(async () => {
    const built = await buildRenderer();
    cleanup = built.cleanup;
    server = await startHttpServer({ dataDir, staticDir: built.dir });
    const definition = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/election-residents.json'), 'utf8')) as Record<string, unknown>;
    const res = await fetch(`${server.url}/api/createElection`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-station-token': server.token },
      body: JSON.stringify({ ...definition, drill: true }),
    });
    assert.equal(res.status, 200, await res.clone().text());
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    cleanup();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('the app opens with the token, shows the election title and the drill banner', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const failed: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    page.on('pageerror', (e) => failed.push(e.message));
    await page.goto(`${server.url}/#token=${encodeURIComponent(server.token)}`);
    await page.waitForFunction(() => document.querySelector('[data-testid=election-title]')?.textContent?.includes('幸福里'));
    assert.match((await page.getByTestId('election-title').textContent()) ?? '', /演练幸福里社区第十二届居民委员会选举/);
    assert.equal(await page.getByTestId('drill-banner').isVisible(), true);
    assert.equal(page.url().includes('token'), false);
    await page.keyboard.press('Alt+4');
    await page.waitForFunction(() => location.hash === '#/boxes');
    await page.getByTestId('drill-banner').waitFor({ state: 'visible' });
    await page.screenshot({ path: screenshotPath('app-drill-real-backend') });
    assert.deepEqual(failed, []);
    await context.close();
  });
});
