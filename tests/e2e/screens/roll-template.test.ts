import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { chromiumMissing, screenshotPath } from '../renderer/harness';
import { idNumberFor, PEOPLE, residentsDefinition, startScreensApp, type ScreensApp } from './setup-fixture';

/**
 * The roll import tab at 1366×768 before any file is chosen: the columns the importer reads with the allowed values
 * (登记类别, this election's places to vote), the CSV template downloaded from the page, filled with two voters and
 * chosen again: it imports.
 */

const PIN = '246810';
const missing = chromiumMissing();
if (missing) console.log(`# skipping roll template test: ${missing}`);

describe('roll import columns and template', { skip: missing ?? false }, () => {
  let app: ScreensApp;
  let session = '';

  before(async () => {
    app = await startScreensApp();
    await app.call('createElection', residentsDefinition());
    const people = await app.call<{ id: number; name: string }[]>('listPeople', {});
    const chair = people.find((p) => p.name === '郭志明')!.id;
    await app.call('setPin', { person: chair, pin: PIN });
    session = (await app.call<{ token: string }>('signIn', { person: chair, pin: PIN, idleMinutes: 480 })).token;
  });
  after(async () => {
    await app?.close();
  });

  test('columns and allowed values before a file is chosen; the downloaded CSV template, filled, imports', async () => {
    const { page, context, problems } = await app.open('#/setup', { session });
    try {
      await page.setViewportSize({ width: 1366, height: 768 });
      await page.getByTestId('setup-tab-roll').click();
      const columns = page.getByTestId('roll-columns');
      await columns.waitFor();
      assert.match(await columns.locator('tr[data-field=category]').innerText(), /登记类别[\s\S]*可不填[\s\S]*户在人在[\s\S]*人在户不在/);
      const overview = await app.call<{ venues: { name: string }[] }>('getElection', { session });
      const places = await page.getByTestId('roll-places').innerText();
      for (const v of overview.venues) assert.ok(places.includes(v.name), `${v.name} is listed among the places to vote`);
      await page.screenshot({ path: screenshotPath('roll-columns-zh-CN') });

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('roll-template-csv').click()]);
      assert.equal(download.suggestedFilename(), '选民名单模板.csv');
      const template = readFileSync((await download.path())!);
      assert.deepEqual([...template.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with a BOM');
      const header = template.subarray(3).toString('utf8').trim().split(',');
      const two = PEOPLE.slice(0, 2).map((p, i) => {
        const cells: Record<string, string> = {
          姓名: p.name,
          身份证号: idNumberFor(p, i + 1),
          性别: p.gender === 'male' ? '男' : '女',
          出生日期: p.birth,
          居民小组: p.group,
          登记类别: '户在人在',
        };
        return header.map((h) => cells[h] ?? '').join(',');
      });
      const filled = Buffer.concat([template, Buffer.from(`${two.join('\r\n')}\r\n`, 'utf8')]);
      await page.getByTestId('roll-file').setInputFiles({ name: '选民名单模板.csv', mimeType: 'text/csv', buffer: filled });
      await page.getByTestId('roll-checked').waitFor();
      assert.equal(await columns.count(), 0, 'the column guide gives way to the chosen file');
      await page.getByTestId('roll-import').click();
      await page.getByTestId('roll-result').waitFor();
      assert.match(await page.getByTestId('roll-summary').innerText(), /共 2 名选民/);

      const [xlsx] = await Promise.all([
        page.waitForEvent('download'),
        (async () => {
          await page.getByTestId('roll-columns').waitFor();
          await page.getByTestId('roll-template-xlsx').click();
        })(),
      ]);
      assert.equal(xlsx.suggestedFilename(), '选民名单模板.xlsx');
      assert.deepEqual([...readFileSync((await xlsx.path())!).subarray(0, 2)], [0x50, 0x4b], 'a zip (XLSX) file');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
});
