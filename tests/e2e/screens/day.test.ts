import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { makeCertificateNumber } from '../../../shared/domain/certificate';
import { signedIn, TEST_PIN } from '../../helpers/authority';
import { chromiumMissing, screenshotPath } from '../renderer/harness';
import { actAs } from './sign-in-screen';
import { countCentralBoxByKeys, focusIs } from './count-by-keys';
import { PEOPLE, residentsDefinition, rollCsv, startScreensApp, type ScreensApp } from './setup-fixture';

/**
 * The whole election day through the screens, against the real backend: the roll imported on the Setup screen, the
 * poll opened on the Boxes screen, ballots issued at the Desk by typing certificate numbers (a second try refused),
 * the box closed and its seal checked, counted on the Counting screen with the keyboard, the result, every official
 * signing with their PIN, the tally sheet printed to PDF, and the sealed file exported and verified.
 * The election definition and the PINs are loaded through the API (the Start/Setup forms for them have their own test).
 * Each step is done by the person whose role it is, switching person by Ctrl+Shift+S and a PIN over the page.
 */

const missing = chromiumMissing();
if (missing) console.log(`# skipping whole-day screens test: ${missing}`);

const PIN = TEST_PIN;
const VOTING = 6;
const CHAIR = '郭志明';

async function tabTo(page: Page, selector: string, max = 80) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`Tab never reached ${selector}`);
}
const stateIs = (page: Page, box: string, state: string) =>
  page.waitForFunction(
    ([b, s]) => document.querySelector(`[data-testid=box-${b}] [data-testid=custody-state]`)?.getAttribute('data-state') === s,
    [box, state] as const,
  );

describe('the whole election day through the screens', { skip: missing ?? false }, () => {
  let app: ScreensApp;
  let page: Page;
  let problems: string[];
  let call: (method: string, input: unknown) => Promise<unknown>;
  const outDir = mkdtempSync(join(tmpdir(), 'station-day-export-'));

  before(async () => {
    app = await startScreensApp();
    await app.call('createElection', residentsDefinition());
    await app.call('addDesk', { id: 'D1', name: '一号发票处', box: 'C1' });
    const people = await app.call<{ id: number; name: string; roles: { role: string }[]; committee: unknown }[]>('listPeople', {});
    const chair = people.find((p) => p.name === CHAIR)!;
    await app.call('setPin', { person: chair.id, pin: PIN });
    const asChair = await signedIn(app.call, chair.id, PIN);
    for (const p of people) if (p !== chair) await asChair('setPin', { person: p.id, pin: PIN });
    call = asChair;
    ({ page, problems } = await app.open('#/setup'));
    page.setDefaultTimeout(10000);
  });
  after(async () => {
    await app?.close();
    rmSync(outDir, { recursive: true, force: true });
  });

  test('a day: roll, poll, desk, custody, count, result, sign-off, PDF, export and verify', async () => {
    // Setup: the committee chair signs in and imports the roll (everyone votes at the central venue).
    await actAs(page, CHAIR, PIN);
    await page.getByTestId('setup-tab-roll').click();
    await page.getByTestId('roll-file').setInputFiles({ name: '名单.csv', mimeType: 'text/csv', buffer: Buffer.from(rollCsv(PEOPLE), 'utf8') });
    await page.getByTestId('roll-import').click();
    await page.getByTestId('roll-result').waitFor();
    assert.match((await page.getByTestId('roll-result').textContent()) ?? '', /8 名选民/);
    const certificates: string[] = [];
    for (let serial = 1; certificates.length < PEOPLE.length; serial++) {
      const v = (await call('lookupCertificate', { certificate: makeCertificateNumber(serial) })) as { certificate: string };
      certificates.push(v.certificate);
    }

    // Boxes: receive ballots, seal the central box empty, start voting, open the poll.
    await page.keyboard.press('Alt+4');
    await page.getByTestId('box-C1').waitFor();
    await tabTo(page, '[data-testid=box-C1] [data-testid=stock-count]');
    await page.keyboard.type('50');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid=box-C1] [data-testid=stock-received]')?.textContent === '50');
    await tabTo(page, '[data-testid=box-C1] [data-testid=custody-field]');
    await page.keyboard.type('A-0001');
    await page.keyboard.press('Enter');
    await stateIs(page, 'C1', 'sealed-empty');
    await focusIs(page, 'step-voting');
    await page.keyboard.press('Enter');
    await stateIs(page, 'C1', 'voting');
    await tabTo(page, '[data-testid=voting-toggle]');
    await page.keyboard.press('Enter');
    await focusIs(page, 'voting-confirm');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid=voting-status]')?.getAttribute('data-status') === 'voting');

    // Desk: the desk official types each certificate number and Enter; a second try is refused.
    await page.keyboard.press('Alt+3');
    await actAs(page, '丁一', PIN);
    await page.getByTestId('desk-chooser').waitFor();
    await tabTo(page, '[data-testid=desk-choose-D1]');
    await page.keyboard.press('Enter');
    await focusIs(page, 'certificate-field');
    const answer = page.getByTestId('desk-answer');
    const scan = async (c: string) => {
      await page.keyboard.type(c);
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.querySelector('[data-testid=desk-answer]')?.getAttribute('data-kind') !== 'busy');
    };
    for (const c of certificates.slice(0, VOTING)) {
      await scan(c);
      assert.equal(await answer.getAttribute('data-kind'), 'issue');
    }
    await scan(certificates[0]!);
    assert.equal(await answer.getAttribute('data-kind'), 'already-issued');
    assert.match((await answer.textContent()) ?? '', /已领票/);

    // Boxes: the chair closes the poll, seals the box, checks the seals (the box is opened on the Counting screen).
    await page.keyboard.press('Alt+4');
    await actAs(page, CHAIR, PIN);
    await page.getByTestId('box-C1').waitFor();
    await tabTo(page, '[data-testid=voting-toggle]');
    await page.keyboard.press('Enter');
    await focusIs(page, 'voting-confirm');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid=voting-status]')?.getAttribute('data-status') === 'closed');
    await tabTo(page, '[data-testid=box-C1] [data-testid=custody-field]');
    await page.keyboard.type('A-0002');
    await page.keyboard.press('Enter');
    await stateIs(page, 'C1', 'sealed-closed');
    await page.waitForFunction(() => document.activeElement?.closest('[data-testid=box-C1]') && document.activeElement?.getAttribute('data-testid') === 'custody-field');
    await page.keyboard.type('A-0001 A-0002');
    await page.keyboard.press('Enter');
    await stateIs(page, 'C1', 'seal-checked');

    // Counting: the chief scrutineer opens C1 and records the ballots found; the counter enters every ballot
    // (every section: candidate 1, members 1, 2, 3 — nine keystrokes for a four-section, six-seat ballot).
    await countCentralBoxByKeys(page, VOTING, PIN);
    await page.screenshot({ path: screenshotPath('screens-day-counting'), fullPage: true });
    await page.getByTestId('finish-box').click();
    await page.waitForFunction(() => document.querySelector('[data-testid=box-panel]')?.getAttribute('data-status') === 'accepted');

    // Results, computed by the chair.
    await actAs(page, CHAIR, PIN);
    await page.keyboard.press('Alt+6');
    await focusIs(page, 'compute-results');
    await page.keyboard.press('Enter');
    await page.getByTestId('validity').waitFor();
    assert.match((await page.getByTestId('validity').textContent()) ?? '', /本轮选举有效/);
    const chairElected = ((await page.getByTestId('elected-chair').textContent()) ?? '').replace(/^当选：/, '');
    assert.ok(chairElected.length >= 2, chairElected);
    await page.screenshot({ path: screenshotPath('screens-day-results'), fullPage: true });

    // Sign-off: every official signed in as themself, with their PIN (the next name is chosen for them), then the
    // sheet to PDF.
    await page.keyboard.press('Alt+7');
    await page.getByTestId('sign-panel').waitFor();
    const signerIds = await page.getByTestId('officials').locator('li').evaluateAll((lis) => lis.map((li) => Number(/^official-(\d+)-/.exec(li.getAttribute('data-testid') ?? '')?.[1])));
    const signers = signerIds.length;
    assert.ok(signers >= 5, `${signers} signers`);
    for (let i = 0; i < signers; i++) {
      await actAs(page, signerIds[i]!, PIN);
      await page.getByTestId('signer-pin').focus();
      await page.keyboard.type(PIN);
      await page.keyboard.press('Enter');
      await page.waitForFunction((n) => document.querySelectorAll('[data-signed=yes]').length === n, i + 1).catch(async (e: unknown) => {
        const refusal = page.getByTestId('sign-error');
        throw (await refusal.count()) > 0 ? new Error(`signature ${i + 1} refused: ${await refusal.textContent()}`) : e;
      });
    }
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(() => (document.querySelector('main') as HTMLElement).innerText);
    await page.emulateMedia({ media: 'screen' });
    assert.ok(printed.includes(`当选：${chairElected}`));
    const fingerprint = ((await page.getByTestId('sheet-fingerprint').textContent()) ?? '').slice(0, 39);
    assert.ok(printed.includes(fingerprint), 'the station fingerprint is on the printed sheet');

    // Export and verify, by the chair.
    await actAs(page, CHAIR, PIN);
    await page.keyboard.press('Alt+8');
    await focusIs(page, 'export-folder');
    await page.keyboard.type(outDir);
    await page.keyboard.press('Enter');
    await page.getByTestId('verify-outcome').waitFor();
    assert.equal(await page.getByTestId('verify-outcome').getAttribute('data-ok'), 'yes');
    assert.equal(existsSync(join(outDir, '选举结果-2026-05-16.sealed.json')), true);
    assert.equal((await page.getByTestId('summary-fingerprint').textContent())?.slice(0, 39), fingerprint);
    assert.match((await page.getByTestId('summary-round-1').textContent()) ?? '', new RegExp(chairElected));
    // The seal time in the local form of the screen's language, never a raw ISO string.
    const sealedAt = (await page.getByTestId('seal-summary').locator('p').first().textContent()) ?? '';
    assert.match(sealedAt, /封存于 \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}/);
    assert.doesNotMatch(sealedAt, /\d{4}-\d{2}-\d{2}T/);
    await page.screenshot({ path: screenshotPath('screens-day-export'), fullPage: true });

    // The Start page: every step of the day is done.
    await page.keyboard.press('Alt+1');
    // The guide reads the day's progress on its own: wait until it says so rather than read it once.
    await page.waitForFunction(() => {
      const guide = document.querySelector('[data-testid=day-guide]');
      return guide?.getAttribute('data-next') === 'none' && (guide.textContent ?? '').includes('今天的步骤都已完成');
    });
    assert.equal(await page.locator('[data-testid^=day-step-][data-state=done]').count(), 10);
    assert.deepEqual(problems, []);
  });
});
