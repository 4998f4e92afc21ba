import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { electronBinary, launchApp, type Launched } from './electron-app';

// Playwright's _electron drives the real app. Where the Electron binary is absent (offline installs deny its download),
// every test here is skipped with that reason printed; where it is present they run.
const found = electronBinary();
const skipReason = 'reason' in found ? found.reason : null;
if (skipReason) console.log(`# skipping Electron e2e: ${skipReason}`);

let run: Launched | null = null;
before(async () => {
  if ('bin' in found) run = await launchApp(found.bin);
});
after(async () => {
  await run?.close();
});

type StationWindow = { station?: { call: (m: string, i: unknown) => Promise<unknown>; shell: (m: string, i: unknown) => Promise<unknown> } };

test('launch: one window on the app:// page, with the app title', async (t) => {
  if (skipReason) return t.skip(skipReason);
  const { app, page } = run!;
  assert.equal(app.windows().length, 1);
  assert.match(page.url(), /^app:\/\/station\//);
  const title = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle() ?? '');
  assert.ok(title.length > 0);
});

test('window security: CSP on the page, no Node in the page, only window.station from the preload', async (t) => {
  if (skipReason) return t.skip(skipReason);
  const { app, page } = run!;
  const csp = await page.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy'));
  assert.match(csp ?? '', /script-src 'self'/);
  assert.equal(app.windows().length, 1);
  const globals = await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown> & StationWindow;
    return {
      require: typeof w.require,
      process: typeof w.process,
      module: typeof w.module,
      Buffer: typeof w.Buffer,
      station: w.station ? Object.keys(w.station).sort() : null,
    };
  });
  assert.deepEqual(globals, { require: 'undefined', process: 'undefined', module: 'undefined', Buffer: 'undefined', station: ['call', 'shell'] });
});

test('window security: navigation away and new windows are blocked, remote requests fail', async (t) => {
  if (skipReason) return t.skip(skipReason);
  const { app, page } = run!;
  const before = page.url();
  await page.evaluate(() => {
    window.location.href = 'https://example.com/';
  });
  await page.waitForTimeout(500);
  assert.equal(page.url(), before);
  const opened = await page.evaluate(() => window.open('https://example.com/') === null);
  assert.equal(opened, true);
  assert.equal(app.windows().length, 1);
  const fetched = await page.evaluate(async () => {
    try {
      await fetch('https://example.com/');
      return 'fetched';
    } catch {
      return 'blocked';
    }
  });
  assert.equal(fetched, 'blocked');
});

test('a call through the preload reaches the backend and answers with the envelope', async (t) => {
  if (skipReason) return t.skip(skipReason);
  const { page, dataDir } = run!;
  const answers = await page.evaluate(async () => {
    const s = (window as unknown as StationWindow).station!;
    return {
      verify: await s.call('verifyAudit', {}),
      invalid: await s.call('auditEvents', { limit: 5000 }),
      unknown: await s.call('no.such.method', {}),
      info: await s.shell('shell:info', {}),
    };
  });
  assert.equal((answers.verify as { ok: boolean }).ok, true);
  assert.deepEqual((answers.invalid as { ok: boolean; error: { code: string; path: string } }).error.code, 'invalid-input');
  assert.equal((answers.invalid as { error: { path: string } }).error.path, 'limit');
  assert.equal((answers.unknown as { error: { code: string } }).error.code, 'not-found');
  const info = answers.info as { ok: true; value: { shell: string; dataDir: string; electionFile: string } };
  assert.equal(info.value.shell, 'electron');
  assert.equal(info.value.dataDir, dataDir);
  assert.ok(existsSync(info.value.electionFile));
});

test('quitting backs the election file up into the data folder', async (t) => {
  if (skipReason) return t.skip(skipReason);
  const { app, dataDir } = run!;
  await app.close();
  const backups = readdirSync(join(dataDir, 'backups'));
  assert.ok(backups.some((f) => /-quit\.sqlite$/.test(f)), backups.join(', '));
});
