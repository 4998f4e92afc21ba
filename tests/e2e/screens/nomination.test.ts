import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import type { ElectionOverview } from '../../../shared/api/setup';
import { chromiumMissing, screenshotPath } from '../renderer/harness';
import { chairedElection } from './setup-fixture';

/**
 * Nomination to formal candidates at 1366×768 against the real backend: three nominations for 主任 (two applications,
 * one joint, recorded through the API), the preliminary list chosen on screen, the representatives' meeting's tally
 * entered, the tie at the edge decided by the chair's PIN, the formal list confirmed as the candidates and printed on
 * A4 in surname stroke order with the posting date (the PDF read with pdftotext and looked at as PNG).
 */

const missing = chromiumMissing();
if (missing) console.log(`# skipping the nomination screen test: ${missing}`);

describe('nomination vote to the formal list', { skip: missing ?? false }, () => {
  const election = chairedElection();

  before(async () => {
    const { app, session } = election;
    const roll = await app.call<{ voters: { name: string; certificate: string }[] }>('listVoters', { session });
    const cert = (name: string) => roll.voters.find((v) => v.name === name)!.certificate;
    await app.call('setJointNominators', { session, jointNominators: 2 });
    await app.call('recordNomination', { session, office: 'chair', kind: 'application', nominee: cert('陈桂英') });
    await app.call('recordNomination', { session, office: 'chair', kind: 'application', nominee: cert('王秀兰') });
    await app.call('recordNomination', { session, office: 'chair', kind: 'joint', nominee: cert('黄国庆'), nominators: [cert('李建军'), cert('张丽华')] });
  });

  test('preliminary list, the tally, a tie decided, the formal list confirmed and printed in stroke order', async () => {
    const { page, context, problems } = await election.openAsChair('#/setup/nomination');
    const list = page.getByTestId('nomination-list');
    await list.getByText('黄国庆').waitFor();
    for (const name of ['陈桂英', '王秀兰', '黄国庆']) await list.getByLabel(`列入初步候选人 ${name}`).check();
    await page.getByTestId('nomination-preliminary-save').click();
    await page.getByTestId('nomination-vote').waitFor();

    await page.getByTestId('nomination-held-on').fill('2026-05-08');
    await page.getByTestId('nomination-present').fill('30');
    // a tally that does not add up is refused, naming the row
    await page.getByTestId('nomination-ballots').fill('4');
    await page.getByLabel('陈桂英 得票').fill('5');
    await page.getByLabel('王秀兰 得票').fill('3');
    await page.getByLabel('黄国庆 得票').fill('3');
    await page.getByTestId('nomination-vote-submit').click();
    await page.getByTestId('nomination-vote-error').filter({ hasText: '陈桂英 得 5 票，多于收回选票 4 张' }).waitFor();
    await page.getByTestId('nomination-ballots').fill('28');
    await page.getByTestId('nomination-vote-submit').click();
    const tie = page.getByTestId('nomination-tie');
    await tie.filter({ hasText: '王秀兰、黄国庆 得票相同' }).waitFor();
    await page.screenshot({ path: screenshotPath('screens-nomination-1-tie'), fullPage: true });

    // the formal list cannot be confirmed while the tie is open
    await election.approve(page, 'formal');
    await page.getByTestId('formal-confirm').click();
    await page.getByTestId('formal-confirm-error').filter({ hasText: '同票还未决定' }).waitFor();

    const tieForm = page.getByTestId('nomination-tie-form');
    await tieForm.getByLabel('王秀兰').check();
    await page.getByTestId('nomination-tie-reason').fill('同票，选委会研究决定');
    await election.approve(page, 'nomination-tie');
    await page.getByTestId('nomination-tie-submit').click();
    await tie.filter({ hasText: '同票已由选委会决定' }).waitFor();

    // the paper lists the formal candidates in surname stroke order (王 before 陈), not by votes
    const names = page.getByTestId('formal-names');
    await names.filter({ hasText: '陈桂英' }).waitFor();
    assert.deepEqual(await names.locator('span').allInnerTexts(), ['王秀兰', '陈桂英']);
    assert.equal(await page.getByTestId('formal-paper-date').innerText(), '2026年5月11日');

    await election.approve(page, 'formal');
    await page.getByTestId('formal-confirm').click();
    await page.getByTestId('formal-confirm-ok').filter({ hasText: '1 个职位共 2 名候选人' }).waitFor();
    const overview = await election.app.call<ElectionOverview>('getElection', { session: election.session });
    assert.deepEqual(overview.offices.find((o) => o.id === 'chair')!.candidates.map((c) => c.name), ['王秀兰', '陈桂英']);

    const dir = mkdtempSync(join(tmpdir(), 'station-formal-pdf-'));
    try {
      const file = join(dir, 'formal.pdf');
      writeFileSync(file, await page.pdf({ format: 'A4', printBackground: true }));
      const pages = Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
      assert.equal(pages, 1, 'the formal list fits one A4 page');
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      assert.ok(text.includes('正式候选人名单') && text.includes('按姓氏笔画排列'), text);
      assert.ok(text.indexOf('王秀兰') < text.indexOf('陈桂英'), 'stroke order on paper');
      assert.ok(text.includes('2026年5月11日'), 'the posting date on paper');
      assert.ok(!text.includes('录入提名投票结果'), 'the forms are not printed');
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, screenshotPath('screens-nomination-2-pdf').replace(/\.png$/, '')]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    assert.deepEqual(problems, []);
    await context.close();
  });
});
