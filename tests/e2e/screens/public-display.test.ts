import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { BackendContext } from '../../../electron/backend/context';
import { correctBallot, enterBallot, finishBox } from '../../../electron/backend/services/counting';
import { computeResults } from '../../../electron/backend/services/results';
import { asPerson } from '../../helpers/authority';
import { chromiumMissing } from '../renderer/harness';
import { approvalBy } from '../../integration/counting/helpers';
import { countingWindow, openedBox, type CountingWindow } from './counting-fixture';

/**
 * The public display (当场公布) on a projector for hours: every 15 s it asks only for the stored result's hash and reads
 * the whole result again only when the hash changed (a recount, a new computation). The browser's clock is driven by
 * the test, the backend is the real one.
 */

const missing = chromiumMissing();
if (missing) console.log(`# skipping public display test: ${missing}`);

const BALLOTS = 6;

describe('public display fetches the result only when it changed (real backend, Chromium)', { skip: missing ?? false }, () => {
  let app: CountingWindow;
  let page: Page;
  let ctx: BackendContext;
  let people: Record<string, number>;
  const reads = new Map<string, number>();
  const readsOf = (method: string) => reads.get(method) ?? 0;

  before(async () => {
    ({ ctx, people } = await openedBox(BALLOTS));
    asPerson(ctx, people['郑丽']!, () => {
      for (let i = 1; i <= BALLOTS; i++) {
        enterBallot(ctx, { round: 1, box: 'C1', ballot: { marks: { chair: { for: [i <= 4 ? 'c1' : 'c2'] }, member: { for: ['m1', 'm3'] } } }, position: i });
      }
    });
    asPerson(ctx, people['谢文']!, () => finishBox(ctx, { round: 1, box: 'C1' }));
    asPerson(ctx, people['郭志明']!, () => computeResults(ctx, 1));
    app = await countingWindow(ctx, people['谢文']!, '#/results/public', async (p) => {
      p.on('request', (r) => {
        const method = new URL(r.url()).pathname.replace(/^\/api\//, '');
        reads.set(method, readsOf(method) + 1);
      });
      await p.clock.install();
    });
    page = app.page;
    await page.getByTestId('public-office-chair').waitFor();
  });
  after(async () => {
    await app?.close();
  });

  /** Lets the display's 15-second check run `times` times and its answers arrive. */
  async function checks(times: number): Promise<void> {
    for (let i = 0; i < times; i++) {
      const before = readsOf('storedResultHash');
      await page.clock.runFor(15_000);
      const deadline = Date.now() + 5000;
      while (readsOf('storedResultHash') === before) {
        if (Date.now() > deadline) assert.fail('the display did not ask for the result hash after 15 s');
        await new Promise((r) => setTimeout(r, 50));
      }
      // Time for the answer and anything it makes the display read.
      await new Promise((r) => setTimeout(r, 300));
    }
  }

  test('an unchanged result is not downloaded again; a changed one is, at the next check', async () => {
    const full = readsOf('storedResult');
    assert.ok(full >= 1, 'the result was read once when the display opened');
    await checks(3);
    assert.equal(readsOf('storedResultHash'), 3);
    assert.equal(readsOf('storedResult'), full, 'three checks, the result unchanged: nothing downloaded again');
    assert.match((await page.getByTestId('public-office-chair').textContent()) ?? '', /王芳4 票/);

    // A recount: ballot 5 really reads 王芳 (the result goes stale), then the committee computes it again.
    asPerson(ctx, people['谢文']!, () =>
      correctBallot(ctx, {
        round: 1,
        box: 'C1',
        position: 5,
        ballot: { marks: { chair: { for: ['c1'] }, member: { for: ['m1', 'm3'] } } },
        reason: '复核',
        approval: approvalBy(people['郭志明']),
      }),
    );
    asPerson(ctx, people['谢文']!, () => finishBox(ctx, { round: 1, box: 'C1' }));
    asPerson(ctx, people['郭志明']!, () => computeResults(ctx, 1));
    await checks(1);
    await page.waitForFunction(() => /王芳5 票/.test(document.querySelector('[data-testid=public-office-chair]')?.textContent ?? ''));
    assert.equal(readsOf('storedResult'), full + 1, 'the changed result read once');
    await checks(1);
    assert.equal(readsOf('storedResult'), full + 1, 'and not again while it stays the same');
  });
});
