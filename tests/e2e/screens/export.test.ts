import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { SESSION_FIELD } from '../../../shared/api/resend';
import { createContext } from '../../../electron/backend/context';
import { drillCredentials } from '../../../electron/backend/drill/credentials';
import { runDrill } from '../../../electron/backend/drill/run';
import { startHttpServer, type HttpServerHandle } from '../../../electron/backend/http';
import { TEST_PIN } from '../../helpers/authority';
import { apiCaller, buildRenderer, chromiumMissing, launch, screenshotPath } from '../renderer/harness';

/**
 * The Export screen in browser mode against the real backend: a drill election where one caller appointed after the
 * count has not signed. Sealing is refused with that name; two committee members override with their PINs and a
 * reason; the file lands in the export folder beside the election file, and the verified summary says plainly that
 * sign-offs were missing, who decided, and that this file supersedes the drill's own. The file is then downloaded
 * from the export folder, and the Start page's guided day shows signing as passed by the override.
 */

const missing = chromiumMissing();
if (missing) console.log(`# skipping export screen test: ${missing}`);

describe('Export screen: missing sign-offs, the committee override, the export folder', { skip: missing ?? false }, () => {
  let built: { dir: string; cleanup(): void };
  let browser: Browser;
  let server: HttpServerHandle;
  const dataDir = mkdtempSync(join(tmpdir(), 'station-export-screen-'));

  before(async () => {
    await runDrill({ dbFile: join(dataDir, 'election.sqlite'), voters: 60, seed: 'export-screen' });
    built = await buildRenderer();
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    built?.cleanup();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('refused with the missing name, then sealed by two committee members; the summary says so', async () => {
    const ctx = createContext({ dbFile: join(dataDir, 'election.sqlite'), mustExist: true, actor: 'test' });
    const people = drillCredentials(ctx).people;
    ctx.db.close();
    const chair = people.find((p) => p.committee === 'chair')!;
    const member = people.find((p) => p.committee !== null && p.committee !== 'chair')!;
    const desk = people.find((p) => p.roles.some((r) => r.role === 'desk'))!;

    server = await startHttpServer({ dataDir, staticDir: built.dir });
    const call = apiCaller(server);
    const { token } = await call<{ token: string }>('signIn', { person: chair.id, pin: chair.pin });
    const asChair = <T,>(method: string, input: object) => call<T>(method, { ...input, [SESSION_FIELD]: token });
    await asChair('grantRole', { person: desk.id, role: 'caller' });
    await asChair('setPin', { person: member.id, pin: TEST_PIN });

    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    await context.addInitScript((t) => {
      if (sessionStorage.getItem('seeded')) return;
      sessionStorage.setItem('seeded', '1');
      sessionStorage.setItem('station.session', t);
      localStorage.setItem('station.lang', 'zh-CN');
    }, token);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    await page.goto(`${server.url}/#/export&token=${encodeURIComponent(server.token)}`);
    await page.waitForFunction(() => !location.hash.includes('token'));

    // The default export folder is named; an empty folder field writes there.
    await page.getByTestId('export-current-folder').waitFor();
    assert.ok(((await page.getByTestId('export-current-folder').textContent()) ?? '').includes(join(dataDir, 'exports')));
    await page.getByTestId('export-folder').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('seal-missing').waitFor();
    assert.ok(((await page.getByTestId('missing-signoffs').textContent()) ?? '').includes(`${desk.name}（唱票人）`));
    assert.equal(await page.getByTestId('step-seal').getAttribute('data-state'), 'failed');
    assert.deepEqual(existsSync(join(dataDir, 'exports')) ? readdirSync(join(dataDir, 'exports')) : [], []);

    await page.getByTestId('override-reason').fill('唱票人临时离场，无法签字');
    await page.getByTestId('override-member-1').selectOption(String(chair.id));
    await page.getByTestId('override-pin-1').fill(chair.pin!);
    await page.getByTestId('override-member-2').selectOption(String(member.id));
    await page.getByTestId('override-pin-2').fill(TEST_PIN);
    await page.getByTestId('override-pin-2').press('Enter');

    const outcome = page.getByTestId('verify-outcome');
    await outcome.waitFor();
    assert.equal(await outcome.getAttribute('data-ok'), 'yes');
    const said = (await page.getByTestId('summary-override').textContent()) ?? '';
    assert.ok(said.includes('签名不全') && said.includes(chair.name) && said.includes(member.name) && said.includes('唱票人临时离场'), said);
    assert.ok(said.includes(desk.name), said);
    assert.match((await page.getByTestId('summary-sequence').textContent()) ?? '', /第 2 份/);
    await page.getByTestId('summary-supersedes').waitFor();
    assert.equal(await page.getByTestId('seal-missing').count(), 0);
    assert.equal(readdirSync(join(dataDir, 'exports')).length, 1);
    await page.screenshot({ path: screenshotPath('screens-export-override'), fullPage: true });

    // Browser mode: the sealed file is offered as a download from the export folder, and the folder is named.
    const [sealedName] = readdirSync(join(dataDir, 'exports'));
    assert.ok(((await page.getByTestId('export-download').textContent()) ?? '').includes(join(dataDir, 'exports')));
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `下载 ${sealedName}` }).click()]);
    assert.equal(download.suggestedFilename(), sealedName);
    assert.deepEqual(readFileSync(await download.path()), readFileSync(join(dataDir, 'exports', sealedName!)));

    // The guided day on the Start page: sealed, and signing shown as passed by the committee's override.
    await page.keyboard.press('Alt+1');
    await page.locator('[data-testid=day-step-sign][data-state=overridden]').waitFor();
    assert.match((await page.getByTestId('day-step-sign').textContent()) ?? '', /签字未齐/);
    assert.equal(await page.getByTestId('day-step-seal').getAttribute('data-state'), 'done');
    assert.equal(await page.getByTestId('day-guide').getAttribute('data-next'), 'none');
    await page.screenshot({ path: screenshotPath('screens-start-override'), fullPage: true });
    assert.deepEqual(problems, []);
    await context.close();
  });
});
