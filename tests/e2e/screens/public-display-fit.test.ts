import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { enterBallot, finishBox } from '../../../electron/backend/services/counting';
import { computeResults } from '../../../electron/backend/services/results';
import { asPerson } from '../../helpers/authority';
import { chromiumMissing, screenshotPath } from '../renderer/harness';
import { countingWindow, openedBox, type CountingWindow } from './counting-fixture';

/**
 * The public display (当场公布) at 1366×768 loses no content in any view, in either language: one office at a time
 * and "A 全部", which shows a committee of usual size on one screen. Scrolling down is fine; clipping is not — no box that hides its overflow holds more than it shows,
 * nothing reaches past the right edge, and the display never needs a sideways scroll.
 */

const missing = chromiumMissing();
if (missing) console.log(`# skipping public display fit test: ${missing}`);

const BALLOTS = 8;
/** A residents' committee as communities elect it: 主任, 副主任 and five 委员 from seven, some with four-character names. */
const OFFICES = [
  { id: 'chair', title: '主任', rank: 1, seats: 1 },
  { id: 'vice', title: '副主任', rank: 2, seats: 1 },
  { id: 'member', title: '委员', rank: 3, seats: 5 },
];
const CANDIDATES = [
  { id: 'c1', name: '欧阳秀兰', gender: 'female' as const, office: 'chair' },
  { id: 'c2', name: '李强', gender: 'male' as const, office: 'chair' },
  { id: 'v1', name: '司马建国', gender: 'male' as const, office: 'vice' },
  { id: 'v2', name: '陈静', gender: 'female' as const, office: 'vice' },
  ...['张伟', '刘洋', '诸葛明月', '赵丽华', '孙志强', '上官婉清', '周杰'].map((name, i) => ({
    id: `m${i + 1}`,
    name,
    gender: (i % 2 === 0 ? 'female' : 'male') as 'female' | 'male',
    office: 'member',
  })),
];

/**
 * What the display hides or pushes off the screen: one line per element, empty when everything is in view. (A string:
 * helper functions in a function given to the page would be wrapped by the bundler in a helper the page lacks.)
 */
const LOST_CONTENT = `(() => {
  const display = document.querySelector('[data-testid=public-display]');
  const lost = [];
  const name = (el) => el.tagName.toLowerCase() + '.' + [...el.classList].join('.') + ' "' + (el.textContent || '').slice(0, 30) + '"';
  const hides = (v) => v === 'hidden' || v === 'clip';
  for (const el of [display, ...display.querySelectorAll('*')]) {
    const style = getComputedStyle(el);
    if (hides(style.overflowX) && el.scrollWidth > el.clientWidth + 1) lost.push(name(el) + ' clips ' + (el.scrollWidth - el.clientWidth) + 'px across');
    if (hides(style.overflowY) && el.scrollHeight > el.clientHeight + 1) lost.push(name(el) + ' clips ' + (el.scrollHeight - el.clientHeight) + 'px down');
    const box = el.getBoundingClientRect();
    if (box.width > 0 && box.right > window.innerWidth + 1) lost.push(name(el) + ' reaches ' + Math.round(box.right - window.innerWidth) + 'px past the right edge');
  }
  if (display.scrollWidth > display.clientWidth + 1) lost.push('the display scrolls sideways by ' + (display.scrollWidth - display.clientWidth) + 'px');
  return lost;
})()`;

async function lostContent(page: Page): Promise<string[]> {
  return page.evaluate(LOST_CONTENT) as Promise<string[]>;
}

describe('public display fits 1366×768 without losing content', { skip: missing ?? false }, () => {
  let app: CountingWindow;

  before(async () => {
    const { ctx, people } = await openedBox(BALLOTS, { offices: OFFICES, candidates: CANDIDATES });
    asPerson(ctx, people['郑丽']!, () => {
      for (let i = 1; i <= BALLOTS; i++) {
        enterBallot(ctx, {
          round: 1,
          box: 'C1',
          position: i,
          ballot: {
            marks: {
              chair: { for: [i <= 5 ? 'c1' : 'c2'] },
              vice: { for: [i <= 6 ? 'v1' : 'v2'] },
              member: { for: ['m1', 'm2', 'm3', 'm4', i % 2 ? 'm5' : 'm6'] },
            },
          },
        });
      }
    });
    asPerson(ctx, people['谢文']!, () => finishBox(ctx, { round: 1, box: 'C1' }));
    asPerson(ctx, people['郭志明']!, () => computeResults(ctx, 1));
    app = await countingWindow(ctx, people['谢文']!, '#/results/public');
    await app.page.getByTestId('public-office-chair').waitFor();
  });
  after(async () => {
    await app?.close();
  });

  for (const lang of ['zh-CN', 'en'] as const) {
    test(`every view in ${lang}: each office, then A (all offices)`, async () => {
      const { page } = app;
      await page.evaluate((l) => localStorage.setItem('station.lang', l), lang);
      await page.reload();
      await page.getByTestId('public-office-chair').waitFor();
      const display = page.getByTestId('public-display');
      for (const office of OFFICES) {
        await page.getByTestId(`public-office-${office.id}`).waitFor();
        assert.deepEqual(await lostContent(page), [], `${office.title} alone`);
        await display.press('ArrowRight');
      }
      await display.press('a');
      for (const office of OFFICES) await page.getByTestId(`public-office-${office.id}`).waitFor();
      await page.screenshot({ path: screenshotPath(`public-display-all-${lang}`) });
      assert.deepEqual(await lostContent(page), [], 'A: all offices');
      // A is for seeing them all at once: a committee of this size fits above the key line without scrolling.
      const fit = await page.evaluate(() => {
        const display = document.querySelector<HTMLElement>('[data-testid=public-display]')!;
        const keys = document.querySelector('.results-public-keys')!.getBoundingClientRect().top;
        const bottoms = [...display.querySelectorAll('.results-public-office')].map((o) => o.getBoundingClientRect().bottom);
        return { scrolls: display.scrollHeight > display.clientHeight + 1, lowest: Math.max(...bottoms), keys };
      });
      assert.equal(fit.scrolls, false, 'A needs no scrolling for three offices and eleven candidates');
      assert.ok(fit.lowest <= fit.keys, `the last office ends (${fit.lowest}px) above the key line (${fit.keys}px)`);
      // Every candidate of 委员 is on the display (scrolling down to them if need be).
      const member = page.getByTestId('public-office-member');
      for (const c of CANDIDATES.filter((x) => x.office === 'member')) {
        const row = member.locator('li', { hasText: c.name });
        await row.scrollIntoViewIfNeeded();
        assert.ok(await row.isVisible(), `${c.name} is shown`);
      }
      await display.press('a');
    });
  }
});
