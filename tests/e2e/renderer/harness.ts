import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CONTENT_SECURITY_POLICY, mimeTypeOf } from '../../../electron/backend/web-policy';

/**
 * Shared by the renderer's browser tests: build the renderer (app + gallery) with Vite into a temp folder,
 * serve it from 127.0.0.1 with a tiny static server (optionally with /api/* answered by the test), and drive
 * Debian's Chromium with playwright-core.
 */

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');
const CHROMIUM = '/usr/bin/chromium';

export function chromiumMissing(): string | null {
  return existsSync(CHROMIUM) ? null : `${CHROMIUM} not installed (apt-get install -y chromium fonts-noto-cjk)`;
}

/**
 * The test command builds the renderer once for the whole run and names the folder in STATION_TEST_RENDERER; a test
 * file run on its own builds its own copy.
 */
export async function buildRenderer(): Promise<{ dir: string; cleanup(): void }> {
  const shared = process.env.STATION_TEST_RENDERER;
  if (shared && existsSync(join(shared, 'index.html'))) return { dir: shared, cleanup: () => {} };
  const { build } = await import('vite');
  const dir = mkdtempSync(join(tmpdir(), 'station-renderer-'));
  await build({
    configFile: join(ROOT, 'renderer', 'vite.config.ts'),
    logLevel: 'error',
    build: { outDir: dir, emptyOutDir: true, sourcemap: false },
  });
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export type ApiHandler = (method: string, body: unknown, req: IncomingMessage, res: ServerResponse) => void;

export interface StaticServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

export async function serve(dir: string, api?: ApiHandler): Promise<StaticServer> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/api/') && api) {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        let body: unknown = null;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          /* the handler sees null */
        }
        api(decodeURIComponent(url.pathname.slice('/api/'.length)), body, req, res);
      });
      return;
    }
    const rel = normalize(decodeURIComponent(url.pathname)).replace(/^[/\\]+/, '') || 'index.html';
    const file = join(dir, rel);
    if (!file.startsWith(dir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    // The pages carry no CSP of their own: like both real servers, this one sends the one policy.
    res.writeHead(200, { 'content-type': mimeTypeOf(file), 'content-security-policy': CONTENT_SECURITY_POLICY, 'cache-control': 'no-store' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return join(SCREENSHOTS, `${name}.png`);
}

/** Calls the real backend over its loopback transport; a refusal throws with the method and the error body. */
export function apiCaller(server: { url: string; token: string }) {
  return async <T,>(method: string, input: unknown): Promise<T> => {
    const res = await fetch(`${server.url}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-station-token': server.token },
      body: JSON.stringify(input),
    });
    const body = (await res.json()) as { ok: boolean; value?: T; error?: unknown };
    if (!body.ok) throw new Error(`${method}: ${JSON.stringify(body.error)}`);
    return body.value as T;
  };
}

/**
 * A fresh window at 1366×768 (a community laptop) on the app behind a loopback server, in zh-CN unless told, at
 * `hash`, with the launch token handed over the way `npm start` does; page errors are collected in `problems`.
 */
export async function openApp(
  browser: Browser,
  server: { url: string; token: string },
  hash: string,
  opts: { lang?: 'zh-CN' | 'en' } = {},
): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: opts.lang ?? 'zh-CN' });
  await context.addInitScript((lang) => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    localStorage.setItem('station.lang', lang);
  }, opts.lang ?? 'zh-CN');
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto(`${server.url}/#${hash.replace(/^#/, '')}&token=${encodeURIComponent(server.token)}`);
  await page.waitForFunction(() => !location.hash.includes('token'));
  return { context, page, problems };
}
