import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromiumMissing, screenshotPath } from '../renderer/harness';
import { chairedElection, idNumberFor, PEOPLE } from './setup-fixture';

/**
 * The representatives list (居民代表) of an election by residents' representatives, on the voter list page at
 * 1366×768 against the real backend: the household count entered and the minimum warned, a chosen voter listed by
 * the chair's decision, a file with a voter not on the roll refused naming its line, a good file imported, and the
 * list printed per residents' group.
 */

const missing = chromiumMissing();
if (missing) console.log(`# skipping representatives test: ${missing}`);

describe('representatives list', { skip: missing ?? false }, () => {
  const election = chairedElection({ definition: { method: 'representative' } });

  test('household count and minimum, a representative chosen, a file refused then imported, the list printed per group', async () => {
    const { page, context, problems } = await election.openAsChair('#/voters');
    const reps = page.getByTestId('reps');
    await reps.getByTestId('reps-check').filter({ hasText: '尚未录入社区户数' }).waitFor();

    await page.getByTestId('reps-households').fill('300');
    await election.approve(page, 'reps');
    await page.getByTestId('reps-households-save').click();
    await reps.getByTestId('reps-check').filter({ hasText: '社区 300 户，居民代表应不少于 20 人，现有 0 人' }).waitFor();

    await page.getByTestId('voter-search-input').fill('张丽华');
    await page.locator('[data-testid=voter-search] [data-testid=voter-row][aria-selected=true]', { hasText: '张丽华' }).waitFor();
    await page.getByTestId('voter-search-input').press('Enter');
    await reps.getByTestId('reps-chosen').filter({ hasText: '张丽华' }).waitFor();
    await election.approve(page, 'reps');
    await page.getByTestId('reps-add').click();
    await reps.getByTestId('reps-done').filter({ hasText: '已将 张丽华（第二居民小组）列为居民代表' }).waitFor();

    const liu = idNumberFor(PEOPLE[3]!, 4);
    const bad = `姓名,身份证号\r\n刘志强,${liu}\r\n无名氏,110105199001011234\r\n`;
    await election.approve(page, 'reps');
    await page.getByTestId('reps-file').setInputFiles({ name: 'reps.csv', mimeType: 'text/csv', buffer: Buffer.from(bad, 'utf8') });
    await reps.getByTestId('reps-row-errors').filter({ hasText: '第 3 行：身份证号“110105199001011234”不在选民名单上' }).waitFor();
    assert.equal((await election.app.call<{ count: number }>('representativesStatus', { session: election.session })).count, 1, 'nothing of the bad file was written');

    await election.approve(page, 'reps');
    await page.getByTestId('reps-file').setInputFiles({ name: 'reps.csv', mimeType: 'text/csv', buffer: Buffer.from(`身份证号\r\n${liu}\r\n`, 'utf8') });
    await reps.getByTestId('reps-done').filter({ hasText: '新列入 1 人' }).waitFor();
    await reps.getByTestId('reps-count').filter({ hasText: '居民代表 2 人' }).waitFor();
    assert.deepEqual(await reps.getByTestId('reps-list').locator('tbody tr td:nth-child(2)').allTextContents(), ['张丽华', '刘志强']);

    await page.getByTestId('reps-print').click();
    const printed = page.getByTestId('reps-print-list');
    await printed.filter({ hasText: '第二居民小组' }).waitFor({ state: 'attached' });
    assert.equal(await printed.count(), 1);
    assert.match(await printed.innerText(), /本组居民代表共 2 人/);
    await page.screenshot({ path: screenshotPath('representatives'), fullPage: false });
    assert.deepEqual(problems, []);
    await context.close();
  });
});
