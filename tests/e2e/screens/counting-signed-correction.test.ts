import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { BackendContext } from '../../../electron/backend/context';
import { enterBallot, finishBox } from '../../../electron/backend/services/counting';
import { grantRole } from '../../../electron/backend/services/people';
import { computeResults } from '../../../electron/backend/services/results';
import { listSignoffs, signResult } from '../../../electron/backend/services/signoff';
import { asPerson } from '../../helpers/authority';
import { PIN } from '../../integration/counting/helpers';
import { chromiumMissing, screenshotPath } from '../renderer/harness';
import { countingWindow, openedBox, type CountingWindow } from './counting-fixture';

/**
 * Correcting a ballot of a signed round, at 1366×768 on the real backend: before anything is typed the correction
 * names every signer whose signature it revokes; the committee member approves with a PIN and a reason, Esc on the
 * confirmation revokes nothing, Enter reopens the count (every signature revoked) and the correction goes on.
 */

const missing = chromiumMissing();
if (missing) console.log(`# skipping signed-round correction test: ${missing}`);

describe('a correction after sign-off says whose signatures it revokes and asks first', { skip: missing ?? false }, () => {
  let app: CountingWindow;
  let ctx: BackendContext;
  let people: Record<string, number>;
  const inForce = () => listSignoffs(ctx.db, 1).filter((s) => s.revoked === null).map((s) => s.name);

  before(async () => {
    ({ ctx, people } = await openedBox(3));
    const as = <T,>(name: string, fn: () => T) => asPerson(ctx, people[name]!, fn);
    as('郑丽', () => {
      for (let i = 1; i <= 3; i++) enterBallot(ctx, { round: 1, box: 'C1', ballot: { marks: { chair: { for: ['c1'] }, member: { for: ['m1', 'm3'] } } }, position: i });
      finishBox(ctx, { round: 1, box: 'C1' });
    });
    as('郭志明', () => {
      computeResults(ctx, 1);
      // A committee member who is also a scrutineer: may both correct and reopen at the counting screen.
      grantRole(ctx, { person: people['何玉兰']!, role: 'scrutineer' });
    });
    as('郑丽', () => signResult(ctx, { round: 1, role: 'counter', pin: PIN }));
    as('谢文', () => signResult(ctx, { round: 1, role: 'chief-scrutineer', pin: PIN }));
    app = await countingWindow(ctx, people['何玉兰']!, '#/counting/C1');
  });
  after(async () => {
    await app?.close();
  });

  test('the signers are named; Esc revokes nothing, Enter reopens and the correction goes on', async () => {
    const { page } = app;
    await page.getByTestId('correct-3').click();
    const names = page.getByTestId('correction-signed-names');
    await names.waitFor();
    const text = (await names.textContent()) ?? '';
    assert.match(text, /已有 2 人签署：郑丽（[^）]+）、谢文（[^）]+）/);
    assert.match(text, /撤销以上全部签名/);
    assert.equal(await page.getByTestId('ballot-sheet').count(), 0, 'nothing to type before the reopening');

    await page.getByTestId('correction-signed-by').selectOption(String(people['郭志明']));
    await page.getByTestId('correction-signed-by-pin').fill(PIN);
    await page.getByTestId('correction-signed-reason').fill('第 3 张选票录错');
    await page.getByTestId('correction-signed-ask').click();
    const confirm = page.getByTestId('correction-signed-confirm');
    await confirm.filter({ hasText: '确认撤销 郑丽（' }).waitFor();
    await page.screenshot({ path: screenshotPath('counting-signed-confirm') });
    await page.keyboard.press('Escape');
    await confirm.waitFor({ state: 'detached' });
    assert.deepEqual(inForce(), ['郑丽', '谢文']);

    await page.getByTestId('correction-signed-ask').click();
    await confirm.waitFor();
    await page.keyboard.press('Enter');
    await page.getByTestId('correction-by').filter({ hasText: '何玉兰' }).waitFor();
    assert.deepEqual(inForce(), []);
    await page.getByTestId('correction').getByTestId('ballot-sheet').waitFor();
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth));
    assert.deepEqual(app.errors, []);
  });
});
