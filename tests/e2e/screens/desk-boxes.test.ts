import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { makeCertificateNumber } from '../../../shared/domain/certificate';
import { chromiumMissing, screenshotPath } from '../renderer/harness';
import { b64, PEOPLE, residentsDefinition, rollCsv, startScreensApp, type ScreensApp } from './setup-fixture';

/**
 * Boxes & turnout and Desk screens against the real backend, driven with the keyboard only: receive ballots, seal
 * the box empty and open it for voting, open the poll; choose the desk, issue ballots by typing certificate numbers
 * and Enter, get refused on a second try with when and where, wrong venue, unknown and mistyped numbers, a proxy
 * ballot with the trustee's certificate, F2 and F3; then close the poll and carry a box through custody to opened,
 * and a mobile box with a broken seal to the committee's decision (with a committee member's PIN). The election and
 * roll are set up through the API (the Setup screen has its own test); then the chair's first PIN makes the election
 * ask for sign-in: the Boxes screen runs signed in as the chair, the Desk as the desk person 丁一 (sessions from the
 * API; the sign-in screen has its own test).
 */

const PIN = '246810';

const missing = chromiumMissing();
if (missing) console.log(`# skipping screens desk/boxes test: ${missing}`);

interface Voter {
  name: string;
  certificate: string;
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: screenshotPath(name), fullPage: true });
}

/** Presses Tab until the focused element matches, as a keyboard user would; fails after `max` presses. */
async function tabTo(page: Page, selector: string, max = 60) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`Tab never reached ${selector}`);
}

async function scan(page: Page, certificate: string) {
  await page.keyboard.type(certificate);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('[data-testid=desk-answer]')?.getAttribute('data-kind') !== 'busy');
}

describe('Boxes & turnout and Desk screens, keyboard only', { skip: missing ?? false }, () => {
  let app: ScreensApp;
  const voters = new Map<string, Voter>();
  let helperId = 0;
  let chairId = 0;
  /** Sessions from signIn: the chair (committee) and the desk person. */
  const sessions = { chair: '', desk: '' };

  before(async () => {
    app = await startScreensApp();
    await app.call('createElection', residentsDefinition());
    await app.call('importRoll', {
      contentBase64: b64(rollCsv(PEOPLE)),
      fileName: 'roll.csv',
      assign: { byGroup: { 第二居民小组: 's1' } },
    });
    for (let serial = 1; voters.size < PEOPLE.length; serial++) {
      const v = await app.call<{ name: string; certificate: string }>('lookupCertificate', { certificate: makeCertificateNumber(serial) });
      voters.set(v.name, v);
    }
    await app.call('addDesk', { id: 'D1', name: '一号发票处', box: 'C1' });
    // Still being set up (no PIN yet): the proxy is approved without one.
    await app.call('approveProxy', { voter: voters.get('王秀兰')!.certificate, trustee: voters.get('李建军')!.certificate });
    const people = await app.call<{ id: number; name: string }[]>('listPeople', {});
    const id = (name: string) => people.find((p) => p.name === name)!.id;
    helperId = id('田雨');
    chairId = id('郭志明');
    await app.call('setPin', { person: chairId, pin: PIN });
    sessions.chair = (await app.call<{ token: string }>('signIn', { person: chairId, pin: PIN })).token;
    await app.call('setPin', { person: id('丁一'), pin: PIN, session: sessions.chair });
    sessions.desk = (await app.call<{ token: string }>('signIn', { person: id('丁一'), pin: PIN, idleMinutes: 480 })).token;
  });
  after(async () => {
    await app?.close();
  });

  test('Boxes: receive ballots, seal empty, start voting and open the poll with the keyboard', async () => {
    const { page, problems, context } = await app.open('#/boxes', { session: sessions.chair });
    const c1 = page.getByTestId('box-C1');
    await c1.waitFor();
    await page.getByTestId('turnout').waitFor();
    assert.match(await page.getByTestId('quorum').textContent() ?? '', /还需 5 人/);

    await tabTo(page, '[data-testid=box-C1] [data-testid=stock-count]');
    await page.keyboard.type('300');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid=box-C1] [data-testid=stock-received]')?.textContent === '300');

    await tabTo(page, '[data-testid=box-C1] [data-testid=custody-field]');
    await page.keyboard.type('A-0001');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid=box-C1] [data-testid=custody-state]')?.getAttribute('data-state') === 'sealed-empty');
    assert.match(await c1.getByTestId('seal-empty').textContent() ?? '', /A-0001/);
    // The next step (start voting) has the focus: Enter records it.
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'step-voting');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid=box-C1] [data-testid=custody-state]')?.getAttribute('data-state') === 'voting');
    // Later steps are not offered before their turn.
    assert.equal(await c1.getByTestId('step-opened').isDisabled(), true);

    await tabTo(page, '[data-testid=voting-toggle]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'voting-confirm');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid=voting-status]')?.getAttribute('data-status') === 'voting');
    await shot(page, 'screens-boxes-voting');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('Desk: choose the desk, issue by typing numbers + Enter, refusals say when/where, proxy, F2, F3 — no mouse', async () => {
    const storage = { 'station.deskHelper': String(helperId) };
    const { page, problems, context } = await app.open('#/desk', { storage, session: sessions.desk });
    await page.getByTestId('desk-chooser').waitFor();
    await tabTo(page, '[data-testid=desk-choose-D1]');
    await page.keyboard.press('Enter');
    await page.getByTestId('certificate-field').waitFor();
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'certificate-field');
    const answer = page.getByTestId('desk-answer');

    const zhang = voters.get('王秀兰')!; // gave a proxy
    const chen = voters.get('陈桂英')!;
    const liu = voters.get('刘志强')!; // 第二居民小组 → votes at the polling station

    await scan(page, chen.certificate);
    assert.equal(await answer.getAttribute('data-kind'), 'issue');
    assert.match(await answer.textContent() ?? '', /发票.*陈桂英.*第三居民小组.*本人投票/);
    await page.waitForFunction(() => /已发 1 张/.test(document.querySelector('[data-testid=desk-count]')?.textContent ?? ''));
    await shot(page, 'screens-desk-issue');

    await scan(page, chen.certificate);
    assert.equal(await answer.getAttribute('data-kind'), 'already-issued');
    const refused = (await answer.textContent()) ?? '';
    assert.match(refused, /已领票 — 不得再发/);
    assert.match(refused, /\d{1,2}:\d{2}.*社区党群服务中心（中心会场票箱） 一号发票处 已领取/);
    await shot(page, 'screens-desk-already');

    await scan(page, liu.certificate);
    assert.equal(await answer.getAttribute('data-kind'), 'wrong-venue');
    assert.match(await answer.textContent() ?? '', /请到 第一投票站\(东区活动室\) 投票/);

    await scan(page, makeCertificateNumber(777));
    assert.equal(await answer.getAttribute('data-kind'), 'unknown');

    const typo = chen.certificate.slice(0, 7) + String((Number(chen.certificate[7]) + 1) % 10);
    await scan(page, typo);
    assert.equal(await answer.getAttribute('data-kind'), 'error');
    assert.match(await answer.textContent() ?? '', /校验位不符/);

    // Proxy: the voter's certificate, then the trustee's own.
    await scan(page, zhang.certificate);
    await page.getByTestId('proxy-prompt').waitFor();
    assert.match(await page.getByTestId('proxy-prompt').textContent() ?? '', /受委托人 李建军（第一居民小组）/);
    await scan(page, voters.get('李建军')!.certificate);
    assert.equal(await answer.getAttribute('data-kind'), 'issue');
    assert.match(await answer.textContent() ?? '', /王秀兰.*委托投票：受委托人 李建军/);
    assert.equal(await page.getByTestId('proxy-prompt').count(), 0);

    // F2: assisted writing for the last ballot; F3: a spoiled ballot exchanged.
    // Each asks first: Enter confirms.
    await page.keyboard.press('F2');
    await page.getByTestId('desk-confirm').filter({ hasText: '王秀兰' }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByTestId('desk-notice').filter({ hasText: '已登记代写' }).waitFor();
    await page.keyboard.press('F3');
    await page.getByTestId('desk-confirm').filter({ hasText: '换票' }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByTestId('desk-notice').filter({ hasText: '已换票' }).waitFor();
    await page.waitForFunction(() => /换票 1 张/.test(document.querySelector('[data-testid=desk-stock]')?.textContent ?? ''));
    await page.waitForFunction(() => /已发 2 张/.test(document.querySelector('[data-testid=desk-count]')?.textContent ?? ''));

    // The English switch on the desk: same answer panel, in English.
    await page.keyboard.press('Alt+L');
    await scan(page, chen.certificate);
    assert.match(await answer.textContent() ?? '', /[A-Za-z]/);
    assert.doesNotMatch(await answer.textContent() ?? '', /已领票/);
    await shot(page, 'screens-desk-en');
    await page.keyboard.press('Alt+L');

    // The desk is remembered on this computer, and its count (the backend's, per desk) survives the reload.
    await page.reload();
    await page.getByTestId('certificate-field').waitFor();
    assert.match(await page.getByTestId('desk-where').textContent() ?? '', /一号发票处/);
    await page.waitForFunction(() => /已发 2 张/.test(document.querySelector('[data-testid=desk-count]')?.textContent ?? ''));
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('Desk: the per-desk count is the backend\'s — another computer at the same box\'s other desk starts from its own count', async () => {
    // A fresh browser profile (nothing on this computer) choosing the box's own desk C1, which issued nothing yet.
    const other = await app.open('#/desk', { storage: { 'station.desk': 'C1' }, session: sessions.desk });
    await other.page.getByTestId('certificate-field').waitFor();
    await other.page.waitForFunction(() => /已发 0 张/.test(document.querySelector('[data-testid=desk-count]')?.textContent ?? ''));
    // The box total still shows both desks together.
    await other.page.waitForFunction(() => /已发 2 张/.test(document.querySelector('[data-testid=desk-stock]')?.textContent ?? ''));
    assert.deepEqual(other.problems, []);
    await other.context.close();
    // And a fresh profile choosing 一号发票处 gets its 2 from the backend.
    const again = await app.open('#/desk', { storage: { 'station.desk': 'D1' }, session: sessions.desk });
    await again.page.waitForFunction(() => /已发 2 张/.test(document.querySelector('[data-testid=desk-count]')?.textContent ?? ''));
    assert.deepEqual(again.problems, []);
    await again.context.close();
  });

  test('Boxes: turnout, close the poll, carry boxes through custody; a broken seal goes to the committee', async () => {
    const { page, problems, context } = await app.open('#/boxes', { session: sessions.chair });
    await page.getByTestId('turnout').waitFor();
    assert.match(await page.getByTestId('turnout-total').textContent() ?? '', /已领票 2 人 \/ 选民 8 人/);
    // Per desk, from the issuance records: both ballots at 一号发票处 (D1), none at the box's own desk.
    assert.equal(await page.locator('[data-testid=turnout-desks] tr[data-desk=D1] [data-testid=desk-issued]').textContent(), '2');
    assert.equal(await page.locator('[data-testid=turnout-desks] tr[data-desk=C1] [data-testid=desk-issued]').textContent(), '0');
    assert.match(await page.getByTestId('quorum').textContent() ?? '', /还需 3 人/);

    // The mobile box goes out and voting there starts (keyboard), then the poll is closed.
    const m1 = '[data-testid=box-M1]';
    await tabTo(page, `${m1} [data-testid=custody-field]`);
    await page.keyboard.type('M-01');
    await page.keyboard.press('Enter');
    await page.waitForFunction((s) => document.activeElement?.closest(s) && document.activeElement?.getAttribute('data-testid') === 'step-voting', m1);
    await page.keyboard.press('Enter');
    await page.waitForFunction((s) => document.querySelector(`${s} [data-testid=custody-state]`)?.getAttribute('data-state') === 'voting', m1);

    await tabTo(page, '[data-testid=voting-toggle]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'voting-confirm');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid=voting-status]')?.getAttribute('data-status') === 'closed');

    // Central box: sealed closed, seal checked (matching seal + Enter), opened.
    const c1 = '[data-testid=box-C1]';
    const stateOf = (s: string) => page.evaluate((sel) => document.querySelector(`${sel} [data-testid=custody-state]`)?.getAttribute('data-state'), s);
    await tabTo(page, `${c1} [data-testid=custody-field]`);
    await page.keyboard.type('A-0002');
    await page.keyboard.press('Enter');
    await page.waitForFunction((s) => document.querySelector(`${s} [data-testid=custody-state]`)?.getAttribute('data-state') === 'sealed-closed', c1);
    await page.waitForFunction((s) => document.activeElement?.closest(s) && document.activeElement?.getAttribute('data-testid') === 'custody-field', c1);
    await page.keyboard.type('a-0001 A-0002');
    await page.keyboard.press('Enter');
    await page.waitForFunction((s) => document.querySelector(`${s} [data-testid=custody-state]`)?.getAttribute('data-state') === 'seal-checked', c1);
    await page.waitForFunction((s) => document.activeElement?.closest(s) && document.activeElement?.getAttribute('data-testid') === 'step-opened', c1);
    await page.keyboard.press('Enter');
    await page.waitForFunction((s) => document.querySelector(`${s} [data-testid=custody-state]`)?.getAttribute('data-state') === 'opened', c1);
    assert.equal(await stateOf(c1), 'opened');

    // Mobile box: sealed closed, carried, received, and a seal that does not match → flagged → committee decides.
    await tabTo(page, `${m1} [data-testid=custody-field]`);
    await page.keyboard.type('M-02');
    await page.keyboard.press('Enter');
    await page.waitForFunction((s) => document.querySelector(`${s} [data-testid=custody-state]`)?.getAttribute('data-state') === 'sealed-closed', m1);
    await page.waitForFunction((s) => document.activeElement?.closest(s) && document.activeElement?.getAttribute('data-testid') === 'custody-field', m1);
    await page.keyboard.type('孙丽、马涛、朱红');
    await page.keyboard.press('Enter');
    await page.waitForFunction((s) => document.querySelector(`${s} [data-testid=custody-state]`)?.getAttribute('data-state') === 'carried', m1);
    await page.waitForFunction((s) => document.activeElement?.closest(s) && document.activeElement?.getAttribute('data-testid') === 'step-received', m1);
    await page.keyboard.press('Enter');
    await page.waitForFunction((s) => document.activeElement?.closest(s) && document.activeElement?.getAttribute('data-testid') === 'custody-field', m1);
    await page.keyboard.type('M-01 M-99');
    await page.keyboard.press('Enter'); // a mismatch is never recorded by Enter
    await page.locator(`${m1} [data-testid=seal-mismatch]`).waitFor();
    assert.equal(await stateOf(m1), 'received');
    await page.keyboard.press('Tab'); // 封条完好 (disabled) is skipped: 封条破损
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'seal-broken');
    await page.keyboard.press('Enter');
    await page.locator(`${m1} [data-testid=flagged-decision]`).waitFor();
    await shot(page, 'screens-boxes-flagged');

    await tabTo(page, `${m1} [data-testid=flagged-decision] input[type=checkbox]`);
    await page.keyboard.press('Space');
    // The member who decides types their PIN: a wrong one decides nothing.
    await tabTo(page, `${m1} [data-testid=decision-pin-${chairId}]`);
    await page.keyboard.type('000000');
    await tabTo(page, `${m1} [data-testid=decision-note]`);
    await page.keyboard.type('封条编号抄写错误，经核对票箱完好');
    await tabTo(page, `${m1} [data-testid=decide-open]`);
    await page.keyboard.press('Enter');
    await page.locator(`${m1} [data-testid=flagged-decision] [role=alert]`).filter({ hasText: /郭志明 的个人密码不正确/ }).waitFor();
    assert.equal(await page.locator(`${m1} [data-testid=box-decision]`).count(), 0);
    await page.locator(`${m1} [data-testid=decision-pin-${chairId}]`).fill(PIN);
    await tabTo(page, `${m1} [data-testid=decide-open]`);
    await page.keyboard.press('Enter');
    await page.locator(`${m1} [data-testid=box-decision]`).waitFor();
    assert.match(await page.locator(`${m1} [data-testid=box-decision]`).textContent() ?? '', /开箱计票.*封条编号抄写错误.*郭志明/);
    await shot(page, 'screens-boxes');
    assert.deepEqual(problems, []);
    await context.close();
  });
});
