import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { buildRenderer, chromiumMissing, launch, screenshotPath, serve, type StaticServer } from './harness';

/** Component tests of the renderer's tricky widgets, in Debian's Chromium, driven by the keyboard. */

const missing = chromiumMissing();
if (missing) console.log(`# skipping renderer widget tests: ${missing}`);

describe('renderer widgets (gallery, real Chromium)', { skip: missing ?? false }, () => {
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

  async function open(query = ''): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(`${server.url}/gallery.html${query}`);
    await page.waitForSelector('#root > *');
    (page as Page & { errors: string[] }).errors = errors;
    return page;
  }

  async function press(page: Page, keys: string[]): Promise<void> {
    for (const k of keys) await page.keyboard.press(k);
  }

  async function entered(page: Page): Promise<unknown[]> {
    const text = (await page.getByTestId('ballot-output').textContent()) ?? '';
    return text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as unknown);
  }

  test('tally marks: 0, 1, 4, 5, 7, 12 show the right strokes, groups and numbers', async () => {
    const page = await open();
    for (const n of [0, 1, 4, 5, 7, 12]) {
      const box = page.getByTestId(`tally-${n}`);
      assert.equal(await box.locator('line').count(), n, `strokes for ${n}`);
      const groups = await box.locator('svg').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-strokes'))));
      const expected = [...Array(Math.floor(n / 5)).fill(5), ...(n % 5 ? [n % 5] : [])];
      assert.deepEqual(groups, expected, `groups for ${n}`);
      assert.equal((await box.getByTestId('tally-number').textContent())?.trim(), `${n} 票`);
      assert.match((await box.locator('.tally').getAttribute('aria-label')) ?? '', new RegExp(`${n} 票`));
    }
    // 1..4 strokes are four different drawings, each a prefix of 正.
    const shapes = await Promise.all(
      [1, 2, 3, 4].map((n) => page.getByTestId(`tally-${n}`).locator('svg').first().innerHTML()),
    );
    assert.equal(new Set(shapes).size, 4);
    const five = await page.getByTestId('tally-5').locator('svg').first().innerHTML();
    for (const s of shapes) assert.ok(five.startsWith(s), 'a partial group draws the first strokes of 正');
    await page.context().close();
  });

  test('a nine-candidate ballot is entered in at most eight keystrokes', async () => {
    const page = await open();
    await page.getByTestId('ballot-sheet').focus();
    const keys = ['1', 'Tab', '2', 'Tab', '1', '3', '5', 'Enter'];
    assert.ok(keys.length <= 8);
    await press(page, keys);
    assert.deepEqual(await entered(page), [
      { marks: { chair: { for: ['c1'] }, vice: { for: ['v2'] }, members: { for: ['m1', 'm3', 'm5'] } } },
    ]);
    // The entry is clear and keeps the focus for the next ballot.
    assert.equal(await page.locator('[data-testid=ballot-sheet] [data-mark=for]').count(), 0);
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'ballot-sheet');
    await press(page, ['2', 'Enter', 'Enter', 'Enter']);
    assert.deepEqual((await entered(page))[1], { marks: { chair: { for: ['c2'] }, vice: {}, members: {} } });
    await page.context().close();
  });

  test('against (- then number), toggling off, and a write-in typed by name', async () => {
    const page = await open();
    await page.getByTestId('ballot-sheet').focus();
    await press(page, ['-', '2', '1', '1', 'Tab', 'w']);
    const field = page.getByTestId('writein-input');
    assert.equal(await field.evaluate((e) => e === document.activeElement), true);
    assert.equal(await field.inputValue(), '', 'the w key is not typed into the name');
    await page.keyboard.insertText('周 芳');
    await press(page, ['Enter']);
    assert.equal(await page.getByTestId('writeins-vice').textContent(), '另选他人：周 芳');
    await press(page, ['ArrowRight', '-', '4', '2', 'Enter']);
    assert.deepEqual(await entered(page), [
      { marks: { chair: { against: ['c2'] }, vice: { writeIns: ['周 芳'] }, members: { for: ['m2'], against: ['m4'] } } },
    ]);
    await page.context().close();
  });

  test('void with a reason, Esc cancels the picker, and doubtful keeps the marks', async () => {
    const page = await open();
    await page.getByTestId('ballot-sheet').focus();
    await press(page, ['v']);
    await page.getByTestId('void-picker').waitFor({ state: 'visible' });
    await press(page, ['Escape', '1']);
    assert.equal(await page.getByTestId('void-picker').count(), 0);
    await press(page, ['v', '2']);
    assert.match((await page.getByTestId('ballot-void').textContent()) ?? '', /有识别标记/);
    await press(page, ['Enter']);
    await press(page, ['v', '1', 'Enter']);
    await press(page, ['1', 'd', 'Control+Enter']);
    assert.deepEqual(await entered(page), [
      { void: 'identifying-mark' },
      { void: 'unreadable' },
      { doubtful: true, marks: { chair: { for: ['c1'] }, vice: {}, members: {} } },
    ]);
    await page.context().close();
  });

  test('overvote is warned per section without blocking; a write-in of a listed name is the same person', async () => {
    const page = await open();
    await page.getByTestId('ballot-sheet').focus();
    await press(page, ['Tab', 'Tab', '1', '2', '3']);
    assert.equal(await page.getByTestId('overvote-members').count(), 0);
    await press(page, ['4']);
    assert.match((await page.getByTestId('overvote-members').textContent()) ?? '', /超选：4 人，应选 3 人/);
    await press(page, ['Backspace']);
    assert.equal(await page.getByTestId('overvote-members').count(), 0, 'Backspace undoes the last mark');
    await press(page, ['w']);
    await page.keyboard.insertText('丁 伟');
    await press(page, ['Enter']);
    assert.equal(await page.getByTestId('overvote-members').count(), 0, '丁 伟 is candidate 1, already counted');
    await press(page, ['w']);
    await page.keyboard.insertText('周芳');
    await press(page, ['Enter']);
    await page.getByTestId('overvote-members').waitFor({ state: 'visible' });
    await page.screenshot({ path: screenshotPath('ballot-entry-overvote'), fullPage: false, clip: await clipOf(page, 'gallery-ballot') });
    await press(page, ['Enter']);
    assert.deepEqual(await entered(page), [
      { marks: { chair: {}, vice: {}, members: { for: ['m1', 'm2', 'm3'], writeIns: ['丁 伟', '周芳'] } } },
    ]);
    // Esc clears a whole ballot; Backspace brings it back.
    await press(page, ['1', 'Tab', '2', 'Escape']);
    assert.equal(await page.locator('[data-testid=ballot-sheet] [data-mark=for]').count(), 0);
    await press(page, ['Backspace']);
    assert.equal(await page.locator('[data-testid=ballot-sheet] [data-mark=for]').count(), 2);
    await page.context().close();
  });

  test('a section with twelve candidates takes two-digit numbers', async () => {
    const page = await open('?view=ballot12');
    await page.getByTestId('ballot-sheet').focus();
    await press(page, ['1', '2', '1', 'Space', '1', '0', '1', '3']);
    assert.match((await page.getByTestId('ballot-status').textContent()) ?? '', /没有 13 号/);
    await press(page, ['Enter']);
    assert.deepEqual(await entered(page), [{ marks: { members: { for: ['m1', 'm10', 'm12'] } } }]);
    await page.context().close();
  });

  test('custody: only the next step is enabled, seals are recorded and checked', async () => {
    const page = await open();
    const box = page.getByTestId('custody-demo-station');
    const enabled = () =>
      box.locator('.custody-trail button').evaluateAll((bs) => bs.filter((b) => !(b as HTMLButtonElement).disabled).map((b) => b.getAttribute('data-testid')));
    const fieldFocused = () => page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'custody-field');
    assert.deepEqual(await enabled(), ['step-sealed-empty']);
    assert.equal(await box.getByTestId('custody-state').textContent(), '当前状态：尚未封箱');
    await box.getByTestId('custody-field').focus();
    await page.keyboard.insertText('Ａ－００１');
    await press(page, ['Enter']);
    assert.deepEqual(await enabled(), ['step-voting']);
    assert.equal(await box.getByTestId('seal-empty').textContent(), '空箱封条：A-001');
    // Keyboard users continue on the next step's button.
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'step-voting');
    await press(page, ['Enter']);
    assert.deepEqual(await enabled(), ['step-sealed-closed']);
    await fieldFocused();
    await page.keyboard.insertText('B-002');
    await press(page, ['Enter']);
    assert.deepEqual(await enabled(), ['step-carried']);
    await press(page, ['Enter']);
    assert.match((await box.locator('.custody-error').textContent()) ?? '', /运送人/);
    await box.getByTestId('custody-field').focus();
    await page.keyboard.insertText('王强、李四，赵五');
    await press(page, ['Enter']);
    assert.deepEqual(await enabled(), ['step-received']);
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'step-received');
    await press(page, ['Enter']);
    assert.deepEqual(await enabled(), ['step-seal-checked']);
    await fieldFocused();
    await page.keyboard.insertText('B-009');
    await box.getByTestId('seal-mismatch').waitFor({ state: 'visible' });
    assert.equal(await box.getByTestId('seal-intact').isDisabled(), true);
    await press(page, ['Enter']);
    assert.deepEqual(await enabled(), ['step-seal-checked'], 'a mismatching seal is not recorded by Enter');
    await box.getByTestId('custody-field').fill('b-002');
    await box.getByTestId('seal-intact').click();
    assert.deepEqual(await enabled(), ['step-opened']);
    await page.screenshot({ path: screenshotPath('custody-steps'), clip: await clipOf(page, 'gallery-custody') });
    await box.getByTestId('step-opened').click();
    assert.deepEqual(await enabled(), []);
    assert.equal(await box.getByTestId('custody-state').textContent(), '当前状态：开箱');
    const log = ((await box.getByTestId('custody-log-station').textContent()) ?? '').split('\n').map((l) => JSON.parse(l) as unknown);
    assert.deepEqual(log, [
      { step: 'sealed-empty', seals: ['A-001'] },
      { step: 'voting' },
      { step: 'sealed-closed', seals: ['B-002'] },
      { step: 'carried', carriers: ['王强', '李四', '赵五'] },
      { step: 'received' },
      { step: 'seal-checked', seals: ['B-002'], intact: true },
      { step: 'opened' },
    ]);

    // A central box is never carried; a broken seal stops the trail for the committee.
    const central = page.getByTestId('custody-demo-central');
    const steps = await central.locator('.custody-trail button').evaluateAll((bs) => bs.map((b) => b.getAttribute('data-testid')));
    assert.deepEqual(steps, ['step-sealed-empty', 'step-voting', 'step-sealed-closed', 'step-seal-checked', 'step-opened']);
    await central.getByTestId('custody-field').fill('C-1');
    await central.getByTestId('custody-submit').click();
    await central.getByTestId('step-voting').click();
    await central.getByTestId('custody-field').fill('C-2');
    await central.getByTestId('custody-submit').click();
    await central.getByTestId('custody-field').fill('C-2');
    await central.getByTestId('seal-broken').click();
    await central.getByTestId('custody-flag').waitFor({ state: 'visible' });
    const centralEnabled = await central.locator('.custody-trail button:not([disabled])').count();
    assert.equal(centralEnabled, 0);
    await page.context().close();
  });

  test('certificate input: keeps focus, normalises full-width digits, answers in colour and words', async () => {
    const page = await open('?view=desk');
    const field = page.getByTestId('certificate-field');
    const answer = page.getByTestId('desk-answer');
    // The answer arrives asynchronously (the scan is a backend call): wait for the panel to show it.
    const shows = (kind: string) =>
      page.waitForFunction((k) => document.querySelector('[data-testid=desk-answer]')?.getAttribute('data-kind') === k, kind);
    const focused = () => field.evaluate((e) => e === document.activeElement);
    assert.equal(await focused(), true, 'focused on load');

    await page.keyboard.type('１００１');
    await press(page, ['Enter']);
    await shows('issue');
    assert.equal(await answer.getAttribute('data-kind'), 'issue');
    assert.match((await answer.textContent()) ?? '', /发票.*张秀英.*第三居民小组.*本人投票.*证号 1001/);
    assert.equal(await field.inputValue(), '');
    assert.equal(await focused(), true, 'focused after an answer');
    await page.screenshot({ path: screenshotPath('desk-issue') });

    await page.keyboard.type('1001');
    await press(page, ['Enter']);
    await shows('already-issued');
    assert.equal(await answer.getAttribute('data-kind'), 'already-issued');
    assert.match((await answer.textContent()) ?? '', /已领票.*中心会场.*1号发票处/);
    await page.screenshot({ path: screenshotPath('desk-already-issued') });

    await page.keyboard.type('2001\n');
    await shows('wrong-venue');
    assert.equal(await answer.getAttribute('data-kind'), 'wrong-venue');
    assert.match((await answer.textContent()) ?? '', /投票地点不符.*第二投票站/);
    await page.screenshot({ path: screenshotPath('desk-wrong-venue') });

    await page.keyboard.type('9999\n');
    await shows('unknown');
    assert.equal(await answer.getAttribute('data-kind'), 'unknown');
    assert.match((await answer.textContent()) ?? '', /无此选民证/);
    await page.screenshot({ path: screenshotPath('desk-unknown') });

    // Four answers, four clearly different colours.
    const colours = new Set<string>();
    for (const [q, kind] of [['1002', 'issue'], ['1002', 'already-issued'], ['2001', 'wrong-venue'], ['9999', 'unknown']] as const) {
      await page.keyboard.type(`${q}\n`);
      await shows(kind);
      colours.add(await answer.evaluate((e) => getComputedStyle(e).backgroundColor));
    }
    assert.equal(colours.size, 4);
    assert.match((await page.getByTestId('desk-count').textContent()) ?? '', /已发 2 张/);

    // F2 / F3 act on the last issued ballot (1002, with its proxy), then focus is back.
    // Each asks first; Esc cancels, Enter confirms.
    await press(page, ['F2']);
    await page.getByTestId('desk-confirm').waitFor();
    await press(page, ['Escape']);
    await page.getByTestId('desk-confirm').waitFor({ state: 'detached' });
    assert.equal(await page.getByTestId('desk-log').textContent(), '');
    await press(page, ['F2', 'Enter']);
    await page.waitForFunction(() => document.querySelector('[data-testid=desk-log]')?.textContent === 'assisted 1002');
    await press(page, ['F3', 'Enter']);
    await page.waitForFunction(() => (document.querySelector('[data-testid=desk-notice]')?.textContent ?? '').includes('换票'));
    assert.equal(await page.getByTestId('desk-log').textContent(), 'assisted 1002\nexchange 1002');
    assert.match((await page.getByTestId('desk-notice').textContent()) ?? '', /换票/);
    assert.equal(await focused(), true);

    // A click on nothing, a lost focus, or the window coming back: the field has the focus again.
    await page.mouse.click(1200, 850);
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'certificate-field');
    await field.evaluate((e) => (e as HTMLInputElement).blur());
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'certificate-field');
    await page.evaluate(() => {
      const b = document.createElement('button');
      document.body.append(b);
      b.focus();
      window.dispatchEvent(new Event('focus'));
    });
    assert.equal(await focused(), true);
    assert.deepEqual((page as Page & { errors: string[] }).errors, []);
    await page.context().close();
  });

  test('zh-CN gallery screenshot (fonts and layout checked by eye)', async () => {
    const page = await open();
    await page.getByTestId('ballot-sheet').focus();
    await press(page, ['1', 'Tab', '-', '1', 'Tab', '1', '2', 'd']);
    await page.screenshot({ path: screenshotPath('gallery-zh-CN'), fullPage: true });
    const fonts = await page.evaluate(async () => {
      await document.fonts.ready;
      return document.fonts.check('20px "Noto Sans CJK SC"', '选举');
    });
    assert.equal(fonts, true, 'Noto Sans CJK SC is available to the page');
    assert.deepEqual((page as Page & { errors: string[] }).errors, []);
    await page.context().close();
  });
});

async function clipOf(page: Page, testId: string) {
  const box = await page.getByTestId(testId).boundingBox();
  assert.ok(box);
  return { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, 2000) };
}
