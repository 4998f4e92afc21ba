import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { makeCertificateNumber } from '../../../shared/domain/certificate';
import { chromiumMissing, screenshotPath } from '../renderer/harness';
import { b64, idNumberFor, PEOPLE, chairAndDeskSessions, residentsDefinition, rollCsv, startScreensApp, type RollPerson, type ScreensApp } from './setup-fixture';

/**
 * The desk without dead ends, at 1366×768 against the real backend: F3 asks before it acts (Esc cancels, Enter
 * confirms), F2 with no writing helper registered says where to register one, a proxy voter's scan is an
 * instruction (not a red refusal), the last issue is undone with a committee member's PIN and a reason and the
 * voter issued again, the find panel says at once that a typed ID number has a wrong check character and lists
 * two voters of one name with their groups, and the not-voted list per group and place is shown and printed.
 */

const PIN = '246810';
const missing = chromiumMissing();
if (missing) console.log(`# skipping desk items test: ${missing}`);

/** The sample roll and a second 王秀兰 in another group (two voters of one name). */
const ROLL: RollPerson[] = [...PEOPLE, { name: '王秀兰', gender: 'female', birth: '1962-08-18', group: '第三居民小组' }];

async function scan(page: Page, certificate: string) {
  await page.keyboard.type(certificate);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('[data-testid=desk-answer]')?.getAttribute('data-kind') !== 'busy');
}

async function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

describe('desk items: confirmations, undo, find by ID, not-voted list', { skip: missing ?? false }, () => {
  let app: ScreensApp;
  const voters = new Map<string, string>();
  const sessions = { chair: '', desk: '' };
  let chairId = 0;

  before(async () => {
    app = await startScreensApp();
    // No writing helper among the officials.
    const def = residentsDefinition();
    const officials = (def.officials as { roles: string[] }[]).filter((o) => !o.roles.includes('writing-helper'));
    await app.call('createElection', { ...def, officials });
    await app.call('importRoll', { contentBase64: b64(rollCsv(ROLL)), fileName: 'roll.csv', assign: { byGroup: { 第二居民小组: 's1' } } });
    for (let serial = 1; serial <= ROLL.length; serial++) {
      const v = await app.call<{ name: string; group: string; certificate: string }>('lookupCertificate', { certificate: makeCertificateNumber(serial) });
      voters.set(`${v.name}/${v.group}`, v.certificate);
    }
    await app.call('approveProxy', { voter: voters.get('王秀兰/第一居民小组'), trustee: voters.get('李建军/第一居民小组') });
    const signed = await chairAndDeskSessions(app, PIN);
    chairId = signed.chairId;
    Object.assign(sessions, { chair: signed.chair, desk: signed.desk });
    const chair = { session: sessions.chair };
    await app.call('setVotingStatus', { round: 1, status: 'voting', ...chair });
    await app.call('recordCustodyStep', { box: 'C1', round: 1, step: 'sealed-empty', seals: ['C1-1'], ...chair });
    await app.call('recordCustodyStep', { box: 'C1', round: 1, step: 'voting', ...chair });
    await app.call('receiveBallots', { box: 'C1', round: 1, count: 20, ...chair });
  });
  after(async () => {
    await app?.close();
  });

  async function openDesk(hash = '#/desk') {
    const opened = await app.open(hash, { session: sessions.desk, storage: { 'station.desk': 'C1' } });
    await opened.page.setViewportSize({ width: 1366, height: 768 });
    return opened;
  }

  test('F3 asks first, F2 without a helper says where to register one, the proxy scan is an instruction, the last issue is undone', async () => {
    const { page, context, problems } = await openDesk();
    await page.getByTestId('certificate-field').waitFor();
    const answer = page.getByTestId('desk-answer');
    const count = page.getByTestId('desk-count');

    await scan(page, voters.get('陈桂英/第三居民小组')!);
    assert.equal(await answer.getAttribute('data-kind'), 'issue');

    await page.keyboard.press('F2');
    const notice = page.getByTestId('desk-notice');
    await notice.filter({ hasText: '还没有登记代书人' }).waitFor();
    assert.match((await notice.textContent()) ?? '', /设置 → 选委会与工作人员.*“代书人”角色/);
    assert.equal(await page.getByTestId('desk-confirm').count(), 0);

    // F3 asks; Esc leaves the stock as it was, Enter exchanges.
    await page.keyboard.press('F3');
    await page.getByTestId('desk-confirm').filter({ hasText: '陈桂英' }).waitFor();
    assert.match((await page.getByTestId('desk-confirm').textContent()) ?? '', /回车确认 · Esc 取消/);
    await page.screenshot({ path: screenshotPath('desk-items-confirm') });
    await page.keyboard.press('Escape');
    await page.getByTestId('desk-confirm').waitFor({ state: 'detached' });
    await page.getByTestId('desk-stock').filter({ hasText: '已换票 0 张' }).waitFor();
    await page.keyboard.press('F3');
    await page.getByTestId('desk-confirm').waitFor();
    await page.keyboard.press('Enter');
    await notice.filter({ hasText: '已换票' }).waitFor();
    await page.getByTestId('desk-stock').filter({ hasText: '已换票 1 张' }).waitFor();
    assert.equal(await answer.getAttribute('data-kind'), 'issue', 'the confirming Enter is no scan');

    // A proxy voter: an instruction to scan the trustee's certificate, not a red refusal.
    await scan(page, voters.get('王秀兰/第一居民小组')!);
    assert.equal(await answer.getAttribute('data-kind'), 'proxy-ask');
    assert.match((await answer.textContent()) ?? '', /请扫描受委托人 李建军（第一居民小组）本人的选民证/);
    const colour = await answer.evaluate((e) => getComputedStyle(e).backgroundColor);
    assert.notEqual(colour, 'rgb(179, 18, 27)', 'not the refusal red');
    await page.screenshot({ path: screenshotPath('desk-items-proxy') });
    await page.keyboard.press('Escape');
    await page.getByTestId('proxy-prompt').waitFor({ state: 'detached' });

    // A wrong issue undone with the chair's PIN and a reason; the voter is then issued again.
    await scan(page, voters.get('杨明/第三居民小组')!);
    await count.filter({ hasText: '已发 2 张' }).waitFor();
    await page.getByTestId('desk-undo').click();
    await page.getByTestId('desk-undo-last').filter({ hasText: '杨明' }).waitFor();
    await page.getByTestId('desk-undo-approver').selectOption(String(chairId));
    await page.getByTestId('desk-undo-approver-pin').fill('000000');
    await page.getByTestId('desk-undo-reason').fill('扫错了人');
    await page.getByTestId('desk-undo-submit').click();
    await page.getByTestId('desk-undo-error').filter({ hasText: '个人密码不正确' }).waitFor();
    await page.getByTestId('desk-undo-approver-pin').fill(PIN);
    await page.getByTestId('desk-undo-submit').click();
    await page.getByTestId('desk-undone').filter({ hasText: '已撤销 杨明 的发票' }).waitFor();
    await count.filter({ hasText: '已发 1 张' }).waitFor();
    assert.ok(await fitsWidth(page));
    await page.screenshot({ path: screenshotPath('desk-items-undone') });
    await page.getByTestId('certificate-field').focus();
    await scan(page, voters.get('杨明/第三居民小组')!);
    assert.equal(await answer.getAttribute('data-kind'), 'issue');
    await count.filter({ hasText: '已发 2 张' }).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the find panel: a wrong ID check character is said at once; two voters of one name are listed with their groups', async () => {
    const { page, context, problems } = await openDesk();
    await page.getByTestId('certificate-field').waitFor();
    await page.keyboard.press('F4');
    await page.getByTestId('desk-find-panel').waitFor();
    const good = idNumberFor(ROLL[3]!, 4);
    const wrong = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
    await page.keyboard.type(wrong);
    const typo = page.getByTestId('desk-find-id-typo');
    await typo.filter({ hasText: `应为 ${good[17]}` }).waitFor();
    assert.match((await typo.textContent()) ?? '', /校验位不对/);
    await page.getByTestId('desk-find-search-input').fill(good);
    await typo.waitFor({ state: 'detached' });
    await page.locator('[data-testid=desk-find-search] [data-testid=voter-row]', { hasText: '刘志强' }).waitFor();

    await page.getByTestId('desk-find-search-input').fill('王秀兰');
    const rows = page.locator('[data-testid=desk-find-search] [data-testid=voter-row]', { hasText: '王秀兰' });
    await page.getByTestId('desk-find-search-total').filter({ hasText: '共 2 人' }).waitFor();
    const texts = await rows.allTextContents();
    assert.equal(texts.length, 2);
    assert.ok(texts.some((x) => x.includes('第一居民小组')) && texts.some((x) => x.includes('第三居民小组')), texts.join(' | '));
    assert.ok(await fitsWidth(page));
    await page.screenshot({ path: screenshotPath('desk-items-find') });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('who has not voted yet: counts per place and group, a group listed on screen and printed on A4', async () => {
    const { page, context, problems } = await openDesk('#/desk');
    await page.getByTestId('desk-not-voted-link').click();
    await page.getByTestId('not-voted-screen').waitFor();
    // 9 voters, 2 issued (陈桂英, 杨明): 7 not yet.
    await page.getByTestId('not-voted-total').filter({ hasText: '选民 9 人，尚未领票 7 人' }).waitFor();
    const third = page.locator('[data-testid=not-voted-groups] tr', { hasText: '第三居民小组' });
    assert.deepEqual((await third.locator('td').allTextContents()).slice(0, 3), ['第三居民小组', '3', '1']);
    const s1 = page.locator('[data-testid=not-voted-places] tr', { hasText: '第一投票站' });
    assert.deepEqual((await s1.locator('td').allTextContents()).slice(1, 3), ['3', '3']);

    await page.getByTestId('not-voted-group-第一居民小组').click();
    const rows = page.getByTestId('not-voted-row');
    await page.locator('[data-testid=not-voted-list] h3', { hasText: '第一居民小组：尚未投票 3 人' }).waitFor();
    assert.deepEqual((await rows.locator('td:nth-child(2)').allTextContents()).sort(), ['李建军', '王秀兰', '赵小红'].sort());
    assert.ok(await fitsWidth(page));
    await page.screenshot({ path: screenshotPath('desk-items-not-voted') });

    await page.evaluate(() => {
      window.print = () => {};
    });
    await page.getByTestId('voters-print').click();
    const printed = page.getByTestId('voters-print-list');
    await printed.filter({ hasText: '第一居民小组 · 第 1 轮尚未投票，共 3 人' }).waitFor({ state: 'attached' });
    assert.equal(await printed.locator('tbody tr').count(), 3);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
