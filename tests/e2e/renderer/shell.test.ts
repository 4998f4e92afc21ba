import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { buildRenderer, chromiumMissing, launch, screenshotPath, serve, type StaticServer } from './harness';

/** The app frame: drill banner, page tabs and their keys, help overlay, language switch remembered. */

const missing = chromiumMissing();
if (missing) console.log(`# skipping renderer shell tests: ${missing}`);

describe('renderer app shell (real Chromium)', { skip: missing ?? false }, () => {
  let browser: Browser;
  let server: StaticServer;
  let cleanup = () => {};

  before(async () => {
    const built = await buildRenderer();
    cleanup = built.cleanup;
    server = await serve(built.dir);
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    cleanup();
  });

  async function open(path: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${server.url}/${path}`);
    await page.waitForSelector('.shell');
    return page;
  }

  const current = (page: Page) => page.locator('.tab[aria-current=page]').getAttribute('data-testid');

  test('a drill election is marked 演练 on every page; Alt+number switches pages', async () => {
    const page = await open('gallery.html?view=shell');
    for (const [key, tab] of [
      ['Alt+1', 'tab-start'],
      ['Alt+3', 'tab-desk'],
      ['Alt+5', 'tab-counting'],
      ['Alt+8', 'tab-export'],
      ['Alt+2', 'tab-setup'],
      ['Alt+0', 'tab-voters'],
      ['Alt+6', 'tab-results'],
    ] as const) {
      await page.keyboard.press(key);
      await page.waitForFunction((id) => document.querySelector('.tab[aria-current=page]')?.getAttribute('data-testid') === id, tab);
      const banner = page.getByTestId('drill-banner');
      assert.equal(await banner.isVisible(), true, `drill banner on ${tab}`);
      assert.match((await banner.textContent()) ?? '', /演练/);
    }
    assert.equal(await page.evaluate(() => location.hash), '#/results');
    assert.match(await page.title(), /^【演练】/);
    assert.match((await page.getByTestId('election-title').textContent()) ?? '', /演练幸福里社区第十二届居民委员会选举/);

    await page.keyboard.press('Alt+3');
    await page.waitForSelector('[data-testid=certificate-field]');
    await page.screenshot({ path: screenshotPath('shell-drill-desk') });
    await page.keyboard.type('1001\n');
    await page.waitForFunction(() => document.querySelector('[data-testid=desk-answer]')?.getAttribute('data-kind') === 'issue');
    await page.context().close();
  });

  test('F1 and ? open the key help; Esc closes it and focus returns', async () => {
    const page = await open('gallery.html?view=shell#/counting');
    await page.getByTestId('ballot-sheet').focus();
    await page.keyboard.press('F1');
    const help = page.getByTestId('help');
    // React applies the key's state change on its next render: wait for it rather than sampling at once.
    await help.waitFor({ state: 'visible' });
    assert.match((await help.textContent()) ?? '', /Alt\+1 … Alt\+9.*1 开始.*3 发票.*5 计票.*9 演练/);
    assert.match((await help.textContent()) ?? '', /F2 代写.*v：作废/);
    await page.screenshot({ path: screenshotPath('shell-help') });
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'ballot-sheet');
    await page.keyboard.press('?');
    await help.waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    await page.context().close();
  });

  test('the tabs are reachable with Tab and show a visible focus ring', async () => {
    const page = await open('gallery.html?view=shell');
    let found = false;
    for (let i = 0; i < 8 && !found; i++) {
      await page.keyboard.press('Tab');
      found = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'tab-start');
    }
    assert.ok(found, 'Tab reaches the first page tab');
    const outline = await page.evaluate(() => {
      const s = getComputedStyle(document.activeElement!);
      return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
    });
    assert.equal(outline.style, 'solid');
    assert.ok(outline.width >= 3);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash === '#/desk');
    // The hash changes before React marks the new tab current: wait for the tab itself.
    await page.locator('.tab[aria-current=page][data-testid=tab-desk]').waitFor();
    assert.equal(await current(page), 'tab-desk');
    await page.context().close();
  });

  test('English switch is remembered; Alt+L switches back', async () => {
    const page = await open('index.html');
    assert.equal(await page.getByTestId('election-title').textContent(), '未打开选举文件');
    assert.equal(await page.getByTestId('drill-banner').count(), 0, 'no drill banner for a real election');
    assert.equal(await page.getByTestId('tab-boxes').locator('.tab-label').textContent(), '票箱');
    await page.screenshot({ path: screenshotPath('shell-start') });
    await page.getByTestId('lang-switch').click();
    assert.equal(await page.getByTestId('tab-boxes').locator('.tab-label').textContent(), 'Boxes & turnout');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    await page.reload();
    await page.waitForSelector('.shell');
    assert.equal(await page.getByTestId('tab-desk').locator('.tab-label').textContent(), 'Desk');
    await page.keyboard.press('Alt+L');
    assert.equal(await page.getByTestId('tab-desk').locator('.tab-label').textContent(), '发票');
    await page.context().close();
  });
});
