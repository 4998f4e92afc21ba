import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { makeCertificateNumber } from '../../../shared/domain/certificate';
import { makeIdNumber } from '../../unit/roll/make-roll';
import { chromiumMissing, screenshotPath } from '../renderer/harness';
import { chairedElection } from './setup-fixture';

/**
 * The roll's life on the voter list page at 1366×768 against the real backend: a voter added and one removed by the
 * chair's decision (PIN), each shown in the voter's record; the roll marked published and printed per group; an
 * objection recorded about a voter, upheld with their removal, and the decision ready for printing on A4.
 */

const missing = chromiumMissing();
if (missing) console.log(`# skipping roll life test: ${missing}`);

async function choose(page: Page, text: string, name: string) {
  await page.getByTestId('voter-search-input').fill(text);
  await page.locator('[data-testid=voter-search] [data-testid=voter-row][aria-selected=true]', { hasText: name }).waitFor();
  await page.getByTestId('voter-search-input').press('Enter');
  await page.getByTestId('voter-history').filter({ hasText: name }).waitFor();
}

describe('roll life: additions, removals, publication and objections', { skip: missing ?? false }, () => {
  const election = chairedElection();

  const status = () => election.app.call<{ registered: number; removed: number }>('rollStatus', { session: election.session });

  test('add a voter, remove another; an objection upheld removes a third; publication printed per group', async () => {
    const { page, context, problems } = await election.openAsChair('#/voters');
    const life = page.getByTestId('roll-life');
    await life.getByTestId('roll-share').filter({ hasText: '请录入应登记' }).waitFor();

    // The 30% check and the publication date, entered by the chair.
    await page.getByTestId('roll-eligible').fill('40');
    await election.approve(page, 'roll-checks');
    await page.getByTestId('roll-eligible-save').click();
    await page.getByTestId('roll-share').filter({ hasText: '不足 30%' }).waitFor();
    await page.getByTestId('roll-published-on').fill('2026-04-20');
    await election.approve(page, 'roll-checks');
    await page.getByTestId('roll-publish').click();
    await page.getByTestId('roll-publication').filter({ hasText: '已于 2026年4月20日 公布；申诉截止 2026年4月25日' }).waitFor();
    await page.getByTestId('roll-pub-group').focus();
    await page.getByTestId('roll-pub-group').locator('option', { hasText: '第二居民小组' }).waitFor({ state: 'attached' });
    await page.getByTestId('roll-pub-group').selectOption('第二居民小组');
    await page.getByTestId('roll-pub-print').click();
    const printed = page.getByTestId('roll-pub-list');
    await printed.filter({ hasText: '第二居民小组' }).waitFor({ state: 'attached' });
    assert.deepEqual((await printed.locator('tbody tr td:nth-child(2)').allTextContents()).sort(), ['刘志强', '张丽华', '黄国庆'].sort());
    assert.match(await printed.innerText(), /2026年4月25日 前/);

    // Add a voter.
    await page.getByTestId('roll-tab-add').click();
    await page.getByTestId('roll-add-name').fill('欧阳明');
    await page.getByTestId('roll-add-id').fill(makeIdNumber('110105', '1980-03-07', '201'));
    await page.getByTestId('roll-add-group').fill('第二居民小组');
    await page.getByTestId('roll-add-category').selectOption('incomer');
    await page.getByTestId('roll-add-proof').fill('居住证');
    await page.getByTestId('roll-add-reason').fill('在本社区居住满一年，申请登记');
    await election.approve(page, 'roll-add');
    await page.getByTestId('roll-add-submit').click();
    await page.getByTestId('roll-add-done').filter({ hasText: '已增补 欧阳明' }).waitFor();
    assert.deepEqual(await status(), { ...(await status()), registered: 9, removed: 0 });
    await choose(page, '欧阳', '欧阳明');
    await page.getByTestId('voter-history').locator('li[data-kind=added]', { hasText: '申请登记' }).waitFor();

    // Remove a voter: kept in the list, marked in their record.
    await choose(page, '黄国庆', '黄国庆');
    await page.getByTestId('roll-tab-remove').click();
    await page.getByTestId('roll-remove-who').filter({ hasText: '黄国庆' }).waitFor();
    await page.getByTestId('roll-remove-reason').selectOption('moved');
    await election.approve(page, 'roll-remove');
    await page.getByTestId('roll-remove-submit').click();
    await page.getByTestId('roll-remove-done').filter({ hasText: '黄国庆 已除名' }).waitFor();
    await page.getByTestId('voter-history').locator('li[data-kind=removed]', { hasText: '迁出' }).waitFor();
    await page.getByTestId('voter-removed').waitFor();
    await page.locator('[data-testid=voter-row]', { hasText: '黄国庆' }).filter({ hasText: '已除名' }).waitFor();

    // An objection about a voter, upheld with their removal in the same decision.
    await choose(page, '杨明', '杨明');
    await page.getByTestId('roll-tab-objections').click();
    await page.getByTestId('objection-filed-by').fill('陈桂英');
    await page.getByTestId('objection-filed-on').fill('2026-04-23');
    await page.getByTestId('objection-what').fill('杨明已于三月迁往外省');
    await page.getByTestId('objection-file-submit').click();
    await page.getByTestId('objection-filed').waitFor();
    const item = page.getByTestId('objection-1');
    await item.getByTestId('objection-1-deadline').filter({ hasText: '2026年4月26日' }).waitFor();
    await page.getByTestId('objection-1-decided-on').fill('2026-04-25');
    await page.getByTestId('objection-1-change-kind').selectOption('remove');
    await page.getByTestId('objection-1-reason').fill('经核实已迁出');
    await election.approve(page, 'objection-1');
    await page.getByTestId('objection-1-submit').click();
    await item.getByTestId('objection-1-change').filter({ hasText: '除名 杨明' }).waitFor();
    await page.getByTestId('voter-history').locator('li[data-kind=removed]', { hasText: '申诉' }).waitFor();
    const s = await status();
    assert.equal(s.registered, 7);
    assert.equal(s.removed, 2);
    await page.getByTestId('objection-1-print').click();
    const paper = page.getByTestId('objection-paper');
    await paper.filter({ hasText: '申诉成立' }).waitFor({ state: 'attached' });
    assert.match(await paper.innerText(), /经核实已迁出/);

    await page.getByTestId('roll-life').scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('roll-life'), fullPage: false });
    assert.deepEqual(problems, []);
    await context.close();
  });
});
