import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startHttpServer, type HttpServerHandle } from '../../../electron/backend/http';
import type { BackendContext } from '../../../electron/backend/context';
import { recordCustodyStep } from '../../../electron/backend/services/custody';
import { roundBallot } from '../../../electron/backend/services/setup-rounds';
import { signIn } from '../../../electron/backend/services/session';
import { SESSION_STORAGE_KEY } from '../../../renderer/api/session-token';
import { buildRenderer, chromiumMissing, launch, screenshotPath } from '../renderer/harness';
import { closePoll, issue, makeElection, openPoll, PIN } from '../../integration/counting/helpers';
import { parseSheetQr } from '../../../shared/domain/sheet-qr';

/**
 * The counting, results, sign-off and export screens against the real backend (a temp SQLite election built by
 * the real services up to closed voting): a box counted with the keyboard, the result, PIN signatures (a wrong PIN
 * refused), the tally sheet printed to PDF, reopening, and the sealed file exported and verified. Each step is done by
 * the person whose work it is, signed in through the API (the window's session seeded into sessionStorage).
 */

const missing = chromiumMissing();
if (missing) console.log(`# skipping counting screens test: ${missing}`);

const ISSUED = 12;

describe('counting → results → sign-off → export screens (real backend, Chromium)', { skip: missing ?? false }, () => {
  let browser: Browser;
  let server: HttpServerHandle;
  let context: BrowserContext;
  let page: Page;
  let ctx: BackendContext;
  let people: Record<string, number>;
  const errors: string[] = [];
  const outDir = mkdtempSync(join(tmpdir(), 'station-export-'));
  let cleanup = () => {};
  /** Ballot numbers of each candidate in its section, read from the round's ballot (stroke order). */
  const no: Record<string, number> = {};

  before(async () => {
    const built = await buildRenderer();
    cleanup = built.cleanup;
    ({ ctx, people } = await makeElection({ voters: 20 }));
    openPoll(ctx, 1);
    issue(ctx, 1, 0, ISSUED);
    closePoll(ctx, 1, ['C1'], { checkSeals: false });
    for (const o of roundBallot(ctx.db, 1)) o.candidates.forEach((c, i) => (no[c.name] = i + 1));
    server = await startHttpServer({ ctx, staticDir: built.dir });
    browser = await launch();
    context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    await seedSession('谢文');
    page = await context.newPage();
    page.setDefaultTimeout(8000);
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/#token=${encodeURIComponent(server.token)}`);
    await page.waitForFunction(() => document.querySelector('[data-testid=election-title]')?.textContent?.includes('测试社区'));
  });

  /** Signs the person in through the API and makes the window's next load carry that session. */
  async function seedSession(name: string): Promise<void> {
    const { token } = signIn(ctx, { person: people[name]!, pin: PIN, idleMinutes: 600 });
    await context.addInitScript(([key, value]) => sessionStorage.setItem(key!, value!), [SESSION_STORAGE_KEY, token]);
  }
  /** Another person takes over the window (the screen stays where it was). */
  async function actAs(name: string): Promise<void> {
    await seedSession(name);
    await page.reload();
    await page.waitForFunction(() => document.querySelector('[data-testid=election-title]')?.textContent?.includes('测试社区'));
  }
  after(async () => {
    await browser?.close();
    await server?.close();
    cleanup();
    rmSync(outDir, { recursive: true, force: true });
  });

  async function keys(...list: string[]): Promise<void> {
    for (const k of list) await page.keyboard.press(k);
  }
  async function go(hash: string): Promise<void> {
    await page.evaluate((h) => (window.location.hash = h), hash);
  }

  test('counting: opening is refused before the seal check, then the box is counted with the keyboard', async () => {
    await page.keyboard.press('Alt+5');
    await page.getByTestId('box-list').waitFor();
    await page.screenshot({ path: screenshotPath('screens-counting-boxes') });
    // The first box link has the focus: Enter opens its panel, Enter again presses 开箱计票.
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'box-link-C1');
    await keys('Enter');
    await page.getByTestId('open-box').waitFor();
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'open-box');
    await keys('Enter');
    const refusal = await page.getByTestId('counting-error').textContent();
    assert.match(refusal ?? '', /封条|seal/, refusal ?? '');
    assert.equal(await page.getByTestId('box-status').getAttribute('class').then((c) => c?.includes('not-opened')), true);

    recordCustodyStep(ctx, { box: 'C1', round: 1, step: 'seal-checked', seals: ['C1-1-a', 'C1-1-b'], intact: true });
    await page.getByTestId('open-box').click();
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'found-input');
    // One ballot too few typed first: the difference is shown; then the right number.
    await page.keyboard.type(String(ISSUED - 1));
    await keys('Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid=found-diff]')?.textContent?.includes('-1'));
    await page.getByTestId('found-input').fill(String(ISSUED));
    await keys('Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid=found-diff]')?.textContent?.includes('相符'));
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'ballot-sheet');

    // The counter takes over the keyboard; before the first ballot the counters are reminded to mix the ballots.
    await actAs('郑丽');
    await page.getByTestId('mix-reminder').waitFor();
    assert.match((await page.getByTestId('mix-reminder').textContent()) ?? '', /唱票前请将票箱内选票充分混合/);
    await page.getByTestId('ballot-sheet').focus();

    // Ten ballots, five keystrokes each: 9 × (王芳; 张伟, 陈静), 1 × (李强; 张伟, 刘洋).
    const a = no['王芳']!;
    const m1 = no['张伟']!;
    const m2 = no['陈静']!;
    const m3 = no['刘洋']!;
    let keystrokes = 0;
    const ballot = async (...k: string[]) => {
      keystrokes += k.length;
      await keys(...k);
    };
    for (let i = 0; i < 9; i++) await ballot(String(a), 'Enter', String(m1), String(m2), 'Enter');
    await ballot(String(no['李强']!), 'Enter', String(m1), String(m3), 'Enter');
    assert.equal(keystrokes / 10, 5);
    // A void ballot (v, reason 1, Enter) and a doubtful one (d, Enter to submit, Enter on the note).
    await ballot('v', '1', 'Enter');
    await ballot(String(a), 'd', 'Enter', 'Enter');
    await page.getByTestId('reason-prompt').waitFor();
    await keys('Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid=ballot-12]') !== null);
    await page.waitForFunction(() => document.querySelector('[data-testid=tally-summary]')?.textContent?.includes('已录入 12 张'));

    assert.equal(await page.getByTestId('mix-reminder').count(), 0, 'the reminder is for the start of the box');
    const forOf = async (name: string) => Number(await page.getByTestId(`tally-row-${name}`).getAttribute('data-for'));
    assert.equal(await forOf('王芳'), 9, 'the doubtful ballot is not counted before the ruling');
    assert.equal(await forOf('李强'), 1);
    assert.equal(await forOf('张伟'), 10);
    assert.match((await page.getByTestId('tally-summary').textContent()) ?? '', /1 张有疑问/);
    await page.screenshot({ path: screenshotPath('screens-counting-entry'), fullPage: true });

    // Finishing is refused while the doubtful ballot is unruled.
    await page.getByTestId('finish-box').click();
    assert.match((await page.getByTestId('counting-error').textContent()) ?? '', /疑问/);

    // The committee rules it: count as read, approved in place with a committee member's PIN (a wrong one refused).
    await actAs('何玉兰');
    await page.getByTestId('rule-12').click();
    await page.getByTestId('ruling-by').selectOption({ label: '郭志明' });
    await page.getByTestId('ruling-by-pin').fill('000000');
    await page.getByTestId('ruling-reason').fill('标记清楚，选委会认定有效');
    await page.getByTestId('ruling-save').click();
    await page.getByTestId('ruling-error').waitFor();
    assert.match((await page.getByTestId('ruling-error').textContent()) ?? '', /郭志明 的个人密码不正确/);
    assert.equal(await forOf('王芳'), 9, 'a wrong PIN rules nothing');
    await page.getByTestId('ruling-by-pin').fill(PIN);
    await page.getByTestId('ruling-save').click();
    await page.waitForFunction(() => document.querySelector('[data-testid=tally-row-王芳]')?.getAttribute('data-for') === '10');

    // A correction by the scrutineer signed in: ballot 10 was 李强, it really reads 王芳 (reason recorded).
    await actAs('谢文');
    await page.getByTestId('correct-10').click();
    await page.getByTestId('correction').waitFor();
    assert.match((await page.getByTestId('correction-by').textContent()) ?? '', /谢文/);
    await page.getByTestId('correction').getByTestId('ballot-sheet').focus();
    await keys(String(a), 'Enter', String(m1), String(m3), 'Enter');
    await page.getByTestId('reason-prompt').waitFor();
    await page.keyboard.type('唱票人复核，原录入有误');
    await keys('Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid=tally-row-李强]')?.getAttribute('data-for') === '0');
    assert.equal(await forOf('王芳'), 11);

    await page.getByTestId('big-board').click();
    await page.getByTestId('bigboard').waitFor();
    await page.screenshot({ path: screenshotPath('screens-counting-bigboard') });
    await keys('Escape');
    await page.getByTestId('bigboard').waitFor({ state: 'detached' });

    await page.getByTestId('finish-box').click();
    await page.waitForFunction(() => document.querySelector('[data-testid=box-panel]')?.getAttribute('data-status') === 'accepted');
    assert.match((await page.getByTestId('counting-ok').textContent()) ?? '', /计票完成/);
  });

  test('results: computed from the count, elected shown per office, public display pages by keyboard', async () => {
    await page.keyboard.press('Alt+6');
    await page.getByTestId('results-screen').waitFor();
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'compute-results');
    await keys('Enter');
    await page.getByTestId('validity').waitFor();
    assert.match((await page.getByTestId('validity').textContent()) ?? '', /本轮选举有效/);
    assert.match((await page.getByTestId('elected-chair').textContent()) ?? '', /王芳/);
    assert.match((await page.getByTestId('elected-member').textContent()) ?? '', /张伟/);
    await page.screenshot({ path: screenshotPath('screens-results'), fullPage: true });

    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await keys('p');
    await page.getByTestId('public-display').waitFor();
    await page.getByTestId('public-office-chair').waitFor();
    await page.screenshot({ path: screenshotPath('screens-results-public') });
    await keys('ArrowRight');
    await page.getByTestId('public-office-member').waitFor();
    assert.equal(await page.getByTestId('public-office-chair').count(), 0);
    await keys('a');
    await page.getByTestId('public-office-chair').waitFor();
    assert.equal(await page.getByTestId('public-office-member').count(), 1);
    await keys('Escape');
    await page.getByTestId('results-screen').waitFor();
  });

  test('sign-off: each official signs as themself with their PIN (a wrong one refused), the sheet prints to an A4 PDF', async () => {
    await page.keyboard.press('Alt+7');
    await page.getByTestId('sign-panel').waitFor();
    const officials = await page.getByTestId('officials').locator('li').count();
    assert.equal(officials, 6, 'two scrutineers, a caller, two counters and the committee chair');
    // 谢文 is signed in: the form offers only 谢文's own line.
    assert.deepEqual(await page.getByTestId('signer').locator('option').allTextContents(), ['谢文（总监票人）']);

    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'signer');
    await keys('Tab');
    await page.keyboard.type('000000');
    await keys('Enter');
    await page.getByTestId('sign-error').waitFor();
    assert.match((await page.getByTestId('sign-error').textContent()) ?? '', /密码不正确/);
    assert.equal(await page.locator('[data-signed=yes]').count(), 0);
    await signAll();
    await page.getByTestId('all-signed').waitFor();
    await page.screenshot({ path: screenshotPath('screens-signoff'), fullPage: true });

    const fingerprint = (await page.getByTestId('sheet-fingerprint').textContent()) ?? '';
    // The sheet's QR code carries the full fingerprint, the result hash and the audit head for the town office.
    const qr = parseSheetQr((await page.getByTestId('sheet-qr').getAttribute('data-qr-text')) ?? '');
    assert.ok(qr.ok && qr.qr.signedHead !== null && qr.qr.round === 1, 'a signed round 1 in the QR text');
    assert.ok(fingerprint.replace(/\s/g, '').toLowerCase().includes(qr.qr.fingerprint), 'the QR fingerprint is the printed one');
    assert.ok(await page.getByTestId('sheet-qr').locator('img').evaluate((img) => (img as HTMLImageElement).naturalWidth > 0), 'the QR image is drawn');
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const pdfPath = join(outDir, 'tally-sheet.pdf');
    writeFileSync(pdfPath, pdf);
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.match(pdf.toString('latin1'), /MediaBox \[0 0 59[45]\.\d+ 84[12]\.\d+\]/, 'A4 pages');
    // No pdftotext on this machine: the printed DOM (print media) holds the fingerprint and the elected names,
    // and the screen-only parts are hidden.
    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(() => (document.querySelector('main') as HTMLElement).innerText);
    assert.match(printed, /选举结果报告单/);
    assert.ok(printed.includes(fingerprint.split('\n')[0]!.slice(0, 9)), 'fingerprint on the printed sheet');
    assert.match(printed, /当选：王芳/);
    assert.match(printed, /当选：张伟、陈静|当选：陈静、张伟/);
    assert.equal(await page.getByTestId('sign-panel').isVisible(), false, 'the signing form is not printed');
    await page.screenshot({ path: screenshotPath('screens-tally-sheet-print'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
  });

  /** Every official in turn signs in at this window and signs the sheet with their own PIN. */
  async function signAll(): Promise<void> {
    const signers = ['谢文', '徐静', '胡斌', '郑丽', '马涛', '郭志明'];
    for (const [i, name] of signers.entries()) {
      await actAs(name);
      await page.getByTestId('signer-pin').focus();
      await page.keyboard.type(PIN);
      await keys('Enter');
      await page.waitForFunction((n) => document.querySelectorAll('[data-signed=yes]').length === n, i + 1);
    }
  }

  test('sign-off: reopening needs a committee PIN, a reason and a confirmation and revokes every signature', async () => {
    await page.getByTestId('reopen-ask').click();
    assert.match((await page.getByTestId('reopen-error').textContent()) ?? '', /选委会委员|原因/);
    assert.equal(await page.getByTestId('reopen-second').count(), 0, 'one approval for a round not sealed');
    await page.getByTestId('reopen-by').selectOption({ label: '郭志明' });
    await page.getByTestId('reopen-by-pin').fill(PIN);
    await page.getByTestId('reopen-reason').fill('复核第10张选票');
    await page.getByTestId('reopen-ask').click();
    await page.getByTestId('reopen-confirm').waitFor();
    await page.getByTestId('reopen-yes').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-signed=yes]').length === 0);
    assert.match((await page.getByTestId('signoff-ok').textContent()) ?? '', /撤销了 6 个签字/);
    // The result is computed again (unchanged) and everybody signs again.
    await page.keyboard.press('Alt+6');
    await page.getByTestId('compute-results').click();
    await page.getByTestId('results-ok').waitFor();
    await page.keyboard.press('Alt+7');
    await page.getByTestId('sign-panel').waitFor();
    await signAll();
  });

  test('export: the sealed file is written to the folder typed, read back and verified', async () => {
    await page.keyboard.press('Alt+8');
    await page.getByTestId('export-screen').waitFor();
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'export-folder');
    await page.keyboard.type(outDir);
    await keys('Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid=step-verify]')?.getAttribute('data-state') !== 'running' &&
      document.querySelector('[data-testid=step-verify]')?.getAttribute('data-state') !== 'waiting');
    assert.equal(await page.getByTestId('step-seal').getAttribute('data-state'), 'done');
    assert.equal(await page.getByTestId('step-pdf').getAttribute('data-state'), 'skipped');
    assert.equal(await page.getByTestId('verify-outcome').getAttribute('data-ok'), 'yes');
    const file = join(outDir, '选举结果-2026-05-16.sealed.json');
    assert.equal(existsSync(file), true);
    assert.ok(readFileSync(file, 'utf8').length > 1000);
    const shown = (await page.getByTestId('summary-fingerprint').textContent()) ?? '';
    assert.equal(shown, (await page.getByTestId('export-fingerprint').textContent()) ?? '');
    assert.match((await page.getByTestId('summary-round-1').textContent()) ?? '', /王芳/);
    await page.screenshot({ path: screenshotPath('screens-export'), fullPage: true });

    // Again without "overwrite": refused, the file is left as it was.
    await page.getByTestId('export-go').click();
    await page.waitForFunction(() => document.querySelector('[data-testid=step-seal]')?.getAttribute('data-state') === 'failed');
    assert.match((await page.getByTestId('export-error').textContent()) ?? '', /存在|exists/);
    assert.deepEqual(errors, []);
    void people;
  });
});
