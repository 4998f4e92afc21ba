import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { enterBallot } from '../../../electron/backend/services/counting';
import { roundBallot } from '../../../electron/backend/services/setup-rounds';
import { asPerson } from '../../helpers/authority';
import { chromiumMissing, screenshotPath } from '../renderer/harness';
import { countingWindow, openedBox, type CountingWindow } from './counting-fixture';

/**
 * Counting in a box that already holds 20,000 ballots (entered through the counting service in one transaction, not
 * typed): the box opens, the list scrolls to any ballot, a ballot typed and a correction show at once with the right
 * totals, and the page stays small (only the rows in view are drawn).
 */

const missing = chromiumMissing();
if (missing) console.log(`# skipping large-box counting screen test: ${missing}`);

const ENTERED = 20_000;
/** Well above what the page needs at any box size; the whole list drawn would be over 200,000. */
const DOM_LIMIT = 5_000;

/** Ballot i: for 王芳 (c1) unless i is a multiple of 4 (then 李强, c2); members 张伟 and 陈静; every 1,000th void. */
function ballotNo(i: number) {
  if (i % 1000 === 0) return { void: 'unreadable' as const };
  return { marks: { chair: { for: [i % 4 === 0 ? 'c2' : 'c1'] }, member: { for: ['m1', 'm3'] } } };
}
const VOIDS = ENTERED / 1000;
const FOR_C2 = ENTERED / 4 - VOIDS; // every 1,000th is also a multiple of 4
const FOR_C1 = ENTERED - VOIDS - FOR_C2;

describe('counting a box of 20,000 ballots (real backend, Chromium)', { skip: missing ?? false }, () => {
  let app: CountingWindow;
  let page: Page;
  const no: Record<string, number> = {};

  before(async () => {
    const { ctx, people } = await openedBox(ENTERED + 1);
    for (const o of roundBallot(ctx.db, 1)) o.candidates.forEach((c, i) => (no[c.name] = i + 1));
    // One outer transaction: each entry is still the service's own write, nested as a savepoint.
    asPerson(ctx, people['郑丽']!, () =>
      ctx.db.transaction(() => {
        for (let i = 1; i <= ENTERED; i++) enterBallot(ctx, { round: 1, box: 'C1', ballot: ballotNo(i), position: i });
      })(),
    );
    app = await countingWindow(ctx, people['郑丽']!, '#/counting/C1');
    page = app.page;
  });
  after(async () => {
    await app?.close();
  });

  const domNodes = () => page.evaluate(() => document.getElementsByTagName('*').length);
  const forOf = async (name: string) => Number(await page.getByTestId(`tally-row-${name}`).getAttribute('data-for'));
  const rowText = (position: number) => page.getByTestId(`ballot-${position}`).locator('.counting-ballot-text').textContent();
  async function shown(position: number): Promise<void> {
    await page.waitForFunction((n) => document.querySelector(`[data-testid="ballot-${n}"] .counting-ballot-text:not(.ui-muted)`) !== null, position);
  }

  test('the box opens with its tally and the latest ballots, and the page stays small', async () => {
    await page.waitForFunction((n) => document.querySelector('[data-testid=tally-summary]')?.textContent?.includes(`已录入 ${n} 张`), ENTERED);
    await shown(ENTERED);
    assert.equal(await forOf('王芳'), FOR_C1);
    assert.equal(await forOf('李强'), FOR_C2);
    assert.equal(await forOf('张伟'), ENTERED - VOIDS);
    assert.match((await page.getByTestId('tally-summary').textContent()) ?? '', new RegExp(`废票 ${VOIDS} 张`));
    assert.match((await page.getByTestId('ballot-list').locator('h4').textContent()) ?? '', /20000 张/);
    assert.equal(await page.getByTestId(`ballot-1`).count(), 0, 'the oldest ballot is not drawn until it is looked at');
    const nodes = await domNodes();
    assert.ok(nodes < DOM_LIMIT, `${nodes} DOM nodes`);
    await page.screenshot({ path: screenshotPath('screens-counting-large') });
  });

  test('the list goes to any ballot: typed numbers and scrolling read only what is shown', async () => {
    for (const position of [1, 12_345, ENTERED - 40]) {
      await page.getByTestId('ballot-goto').fill(String(position));
      await page.getByTestId('ballot-goto-button').click();
      await shown(position);
      assert.equal(await rowText(position), position % 1000 === 0 ? '废票：无法辨认' : position % 4 === 0 ? '主任：○李强；委员：○张伟 ○陈静' : '主任：○王芳；委员：○张伟 ○陈静');
      assert.match((await page.getByTestId(`ballot-${position}`).getAttribute('class')) ?? '', /counting-target/);
    }
    // Ballot 3,000 is void: scrolled to by hand, its row is read and drawn.
    await page.getByTestId('ballot-scroller').evaluate((el, top) => (el.scrollTop = top), (ENTERED - 3000) * 38 - 100);
    await shown(3000);
    assert.equal(await rowText(3000), '废票：无法辨认');
    await page.getByTestId('ballot-goto').fill(String(ENTERED + 5));
    await page.getByTestId('ballot-goto-button').click();
    assert.match((await page.getByTestId('ballot-goto-error').textContent()) ?? '', /1 到 20000/);
    const nodes = await domNodes();
    assert.ok(nodes < DOM_LIMIT, `${nodes} DOM nodes`);
  });

  test('a ballot typed and a correction show at once with the right totals', async () => {
    // Back at the top of the list, where each new ballot comes in.
    await page.getByTestId('ballot-scroller').evaluate((el) => (el.scrollTop = 0));
    await page.getByTestId('ballot-sheet').focus();
    await page.keyboard.press(String(no['李强']!));
    await page.keyboard.press('Enter');
    await page.keyboard.press(String(no['刘洋']!));
    await page.keyboard.press('Enter');
    await shown(ENTERED + 1);
    assert.equal(await rowText(ENTERED + 1), '主任：○李强；委员：○刘洋');
    await page.waitForFunction((n) => document.querySelector('[data-testid=tally-summary]')?.textContent?.includes(`已录入 ${n} 张`), ENTERED + 1);
    assert.equal(await forOf('李强'), FOR_C2 + 1);
    assert.equal(await forOf('刘洋'), 1);
    assert.equal(await forOf('王芳'), FOR_C1);

    // Ballot 1,001 read 王芳; it really reads 李强 (the counter corrects it, with the reason).
    await page.getByTestId('ballot-goto').fill('1001');
    await page.getByTestId('ballot-goto-button').click();
    await shown(1001);
    await page.getByTestId('correct-1001').click();
    await page.getByTestId('correction').getByTestId('ballot-sheet').focus();
    for (const k of [String(no['李强']!), 'Enter', String(no['张伟']!), String(no['陈静']!), 'Enter']) await page.keyboard.press(k);
    await page.getByTestId('reason-prompt').waitFor();
    await page.keyboard.type('唱票人复核');
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => document.querySelector('[data-testid=tally-row-李强]')?.getAttribute('data-for') === String(n), FOR_C2 + 2);
    assert.equal(await forOf('王芳'), FOR_C1 - 1);
    assert.equal(await rowText(1001), '主任：○李强；委员：○张伟 ○陈静');
    const nodes = await domNodes();
    assert.ok(nodes < DOM_LIMIT, `${nodes} DOM nodes`);
    assert.deepEqual(app.errors, []);
  });
});
