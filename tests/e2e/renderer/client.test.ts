import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { buildRenderer, chromiumMissing, launch, serve, type StaticServer } from './harness';

/**
 * The renderer's API client in a real browser, against a stand-in loopback backend that speaks the envelope:
 * token from #token= (removed from the address, kept for reloads), the header, errors, network failure,
 * and the Electron bridge when present.
 */

const missing = chromiumMissing();
if (missing) console.log(`# skipping renderer client tests: ${missing}`);

const TOKEN = 'tok-3f9a';

describe('renderer API client (real Chromium)', { skip: missing ?? false }, () => {
  let browser: Browser;
  let server: StaticServer;
  let dir = '';
  let cleanup = () => {};
  const seen: { method: string; token: string | undefined; body: unknown }[] = [];

  before(async () => {
    const built = await buildRenderer();
    dir = built.dir;
    cleanup = built.cleanup;
    server = await serve(dir, (method, body, req, res) => {
      const token = req.headers['x-station-token'] as string | undefined;
      seen.push({ method, token, body });
      const json = (status: number, value: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(value));
      };
      if (req.method !== 'POST') return json(405, { ok: false, error: { code: 'invalid-input', message: 'POST only' } });
      if (token !== TOKEN) {
        res.writeHead(401, { 'content-type': 'text/plain' });
        return res.end('bad token');
      }
      if (method === 'echo') return json(200, { ok: true, value: { echoed: body } });
      if (method === 'issue') {
        return json(200, { ok: false, error: { code: 'refused', message: 'already issued', path: 'certificate', details: { desk: 'D1' } } });
      }
      if (method === 'broken') {
        res.writeHead(500, { 'content-type': 'text/html' });
        return res.end('<h1>oops</h1>');
      }
      return json(200, { ok: false, error: { code: 'not-found', message: `unknown method "${method}"` } });
    });
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    cleanup();
  });

  async function call(page: Page, method: string, input: unknown): Promise<Record<string, unknown>> {
    await page.getByTestId('probe-method').fill(method);
    await page.getByTestId('probe-input').fill(JSON.stringify(input));
    await page.getByTestId('probe-answer').evaluate((e) => (e.textContent = ''));
    await page.getByTestId('probe-call').click();
    await page.waitForFunction(() => (document.querySelector('[data-testid=probe-answer]')?.textContent ?? '') !== '');
    return JSON.parse((await page.getByTestId('probe-answer').textContent()) ?? '') as Record<string, unknown>;
  }

  test('loopback HTTP: the token leaves the address bar, is sent as a header, and survives a reload', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/gallery.html?view=client#token=${TOKEN}`);
    await page.waitForSelector('[data-testid=transport]');
    assert.equal(await page.getByTestId('transport').textContent(), 'http');
    assert.equal(await page.evaluate(() => location.href.includes('token')), false, 'token removed from the address');
    assert.deepEqual(await call(page, 'echo', { a: 1, name: '王芳' }), { ok: true, value: { echoed: { a: 1, name: '王芳' } } });
    assert.deepEqual(seen.at(-1), { method: 'echo', token: TOKEN, body: { a: 1, name: '王芳' } });

    await page.reload();
    await page.waitForSelector('[data-testid=transport]');
    assert.deepEqual(await call(page, 'echo', {}), { ok: true, value: { echoed: {} } });
    assert.equal(seen.at(-1)?.token, TOKEN);

    // Backend refusals keep their code, message and path; odd answers and a bad token say what happened.
    assert.deepEqual(await call(page, 'issue', { certificate: '1001' }), {
      ok: false,
      code: 'refused',
      message: 'already issued',
      path: 'certificate',
    });
    const broken = await call(page, 'broken', {});
    assert.equal(broken.code, 'internal');
    assert.match(String(broken.message), /HTTP 500/);
    // replaceState, not a new entry: Back leaves the app instead of returning to the address with the token.
    await page.goBack();
    assert.equal(page.url(), 'about:blank');
    await context.close();

    const stranger = await browser.newContext();
    const p2 = await stranger.newPage();
    await p2.goto(`${server.url}/gallery.html?view=client`);
    await p2.waitForSelector('[data-testid=transport]');
    const refused = await call(p2, 'echo', {});
    assert.equal(refused.code, 'unauthorized');
    assert.match(String(refused.message), /访问令牌无效/);
    await stranger.close();
  });

  test('a network failure says so in Chinese', async () => {
    const other = await serve(dir);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${other.url}/gallery.html?view=client#token=${TOKEN}`);
    await page.waitForSelector('[data-testid=transport]');
    await other.close();
    const failed = await call(page, 'echo', {});
    assert.equal(failed.code, 'network');
    assert.match(String(failed.message), /无法连接本机选举服务（网络错误）/);
    await context.close();
  });

  test('inside Electron the preload bridge is used and its envelope unwrapped', async () => {
    const context = await browser.newContext();
    // A string, not a function: the test's own transpiler must not rewrite code that runs in the page.
    await context.addInitScript(`
      window.__calls = [];
      window.station = {
        call: async (method, input) => {
          window.__calls.push([method, input]);
          if (method === 'fail') return { ok: false, error: { code: 'invalid-input', message: 'name: required', path: 'name' } };
          if (method === 'garbage') return 42;
          return { ok: true, value: { via: 'ipc', method } };
        },
      };
    `);
    const page = await context.newPage();
    const before = seen.length;
    await page.goto(`${server.url}/gallery.html?view=client`);
    await page.waitForSelector('[data-testid=transport]');
    assert.equal(await page.getByTestId('transport').textContent(), 'electron');
    assert.deepEqual(await call(page, 'election.get', { id: 1 }), { ok: true, value: { via: 'ipc', method: 'election.get' } });
    assert.deepEqual(await call(page, 'fail', {}), { ok: false, code: 'invalid-input', message: 'name: required', path: 'name' });
    assert.equal((await call(page, 'garbage', {})).code, 'internal');
    assert.deepEqual(await page.evaluate(() => (window as unknown as { __calls: unknown[] }).__calls[0]), ['election.get', { id: 1 }]);
    assert.equal(seen.length, before, 'no HTTP call when the bridge is there');
    await context.close();
  });
  test('inside Electron the app follows the native menus over station.shell and tells them its language', async () => {
    const context = await browser.newContext();
    // The stand-in preload answers the page's menu poll with two clicks (导出封存结果文件, English), then waits.
    await context.addInitScript(`
      window.__shell = [];
      const clicks = ['export:sealed', 'language:en'];
      window.station = {
        call: async (method) => ({ ok: false, error: { code: 'not-found', message: 'no election in this test: ' + method } }),
        shell: async (method, input) => {
          window.__shell.push([method, input]);
          if (method === 'shell:nextMenuCommand') {
            const command = clicks.shift();
            return command ? { ok: true, value: { command } } : new Promise(() => {});
          }
          if (method === 'shell:setLanguage') return { ok: true, value: input };
          return { ok: false, error: { code: 'not-found', message: method } };
        },
      };
    `);
    const page = await context.newPage();
    await page.goto(`${server.url}/index.html`);
    await page.waitForFunction(() => location.hash === '#/export' && document.documentElement.lang === 'en');
    const shellCalls = await page.evaluate(() => (window as unknown as { __shell: [string, unknown][] }).__shell);
    assert.ok(shellCalls.some(([m]) => m === 'shell:nextMenuCommand'));
    assert.deepEqual(shellCalls.filter(([m]) => m === 'shell:setLanguage').at(-1), ['shell:setLanguage', { lang: 'en' }]);
    assert.equal(seen.filter((c) => c.method.startsWith('shell')).length, 0, 'the shell never goes over HTTP');
    await context.close();
  });
});
