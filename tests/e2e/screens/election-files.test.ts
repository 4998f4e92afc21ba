import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startHttpServer, type HttpServerHandle } from '../../../electron/backend/http';
import { apiCaller, buildRenderer, chromiumMissing, launch, openApp, screenshotPath } from '../renderer/harness';
import { residentsDefinition } from './setup-fixture';
import { TEST_PIN } from '../../helpers/authority';

/**
 * Several election files from the screens, in browser mode at 1366×768 against the real backend: the Drill page of a
 * real election makes a drill file of its own and opens it (no shell, no environment variable), every screen of it
 * carries the 演练 badge, and the Start page lists both files and switches back to the real one.
 */

const missing = chromiumMissing();
if (missing) console.log(`# skipping election files screen test: ${missing}`);

describe('Election files: a drill file from the Drill page, the 演练 badge, back to the real election', { skip: missing ?? false }, () => {
  let built: { dir: string; cleanup(): void };
  let browser: Browser;
  let server: HttpServerHandle;
  const dataDir = mkdtempSync(join(tmpdir(), 'station-files-screen-'));

  before(async () => {
    built = await buildRenderer();
    browser = await launch();
    server = await startHttpServer({ dataDir, staticDir: built.dir });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    built?.cleanup();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const badge = (page: Page) => page.getByTestId('election-title').locator('.drill-badge');

  test('create a drill file from the Drill page, see it marked 演练, switch back from the Start page', async () => {
    const call = apiCaller(server);
    const real = residentsDefinition();
    await call('createElection', real);
    // The real election asks for sign-in (its first committee PIN is set); the drill file will not.
    const people = await call<{ id: number; name: string }[]>('listPeople', {});
    await call('setPin', { person: people.find((p) => p.name === '郭志明')!.id, pin: TEST_PIN });
    const { context, page, problems } = await openApp(browser, server, '#/drill');

    // The real election: the Drill page offers a drill file of its own, no command to type.
    await page.getByTestId('drill-not-empty').waitFor();
    assert.equal(await page.getByTestId('drill-browser-cmd').count(), 0);
    assert.equal(await badge(page).count(), 0);
    await page.getByTestId('drill-file-name').fill('周六演练');
    await page.screenshot({ path: screenshotPath('screens-files-drill-offer'), fullPage: true });
    await page.getByRole('button', { name: '新建演练文件并打开' }).click();

    // The page starts again on the new, empty drill file: the drill form, and 演练 in the header and the banner.
    await page.getByTestId('drill-form').waitFor();
    await badge(page).waitFor();
    assert.equal((await badge(page).textContent())?.trim(), '演练');
    await page.getByTestId('drill-banner').waitFor();
    assert.ok(existsSync(join(dataDir, '周六演练.sqlite')));
    await page.screenshot({ path: screenshotPath('screens-files-drill-file'), fullPage: true });

    // Every screen of it carries the badge: the Start page lists both files, the drill one marked and open now.
    await page.keyboard.press('Alt+1');
    await page.getByTestId('election-file-list').waitFor();
    await badge(page).waitFor();
    const drillRow = page.locator('[data-testid=election-file][data-name="周六演练"]');
    const realRow = page.locator('[data-testid=election-file][data-name="election"]');
    assert.equal(await drillRow.getAttribute('data-current'), 'yes');
    assert.match((await drillRow.textContent()) ?? '', /演练/);
    assert.equal(await realRow.getAttribute('data-current'), 'no');
    assert.ok(((await realRow.textContent()) ?? '').includes(String(real.title)));
    await page.screenshot({ path: screenshotPath('screens-files-start-list'), fullPage: true });
    // Fits 1366 wide: the list does not push the page sideways.
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scrolling at 1366×768');

    // Back to the real election: its title, no badge, no banner; it asks for sign-in, and its files are under the form.
    await realRow.getByRole('button', { name: '打开' }).click();
    await page.waitForFunction((title) => document.querySelector('[data-testid=election-title]')?.textContent === title, String(real.title));
    assert.equal(await badge(page).count(), 0);
    assert.equal(await page.getByTestId('drill-banner').count(), 0);
    await page.getByTestId('signin-wall').waitFor();
    await page.getByTestId('files-beside-signin').locator('summary').click();
    await page.locator('[data-testid=election-file][data-name="election"][data-current="yes"]').waitFor();
    await page.screenshot({ path: screenshotPath('screens-files-beside-signin'), fullPage: true });

    // A name that is not a plain file name is stopped before it is sent, with the rule said in the screen's language.
    await page.getByTestId('new-file-name').fill('../别处');
    assert.equal(await page.getByTestId('new-file-go').isDisabled(), true);
    assert.match((await page.getByTestId('data-folder-files').textContent()) ?? '', /不能含/);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
