import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startHttpServer, type HttpServerHandle } from '../../../electron/backend/http';
import type { BackendContext } from '../../../electron/backend/context';
import { correctBallot, enterBallot, finishBox, openBox, recordBallotsFound } from '../../../electron/backend/services/counting';
import { computeResults } from '../../../electron/backend/services/results';
import { signIn } from '../../../electron/backend/services/session';
import { SESSION_STORAGE_KEY } from '../../../renderer/api/session-token';
import { asPerson } from '../../helpers/authority';
import { buildRenderer, chromiumMissing, launch } from '../renderer/harness';
import { approvalBy, closePoll, issue, makeElection, openPoll, PIN } from '../../integration/counting/helpers';

/**
 * The public display (当场公布) on a projector for hours: every 15 s it asks only for the stored result's hash and reads
 * the whole result again only when the hash changed (a recount, a new computation). The browser's clock is driven by
 * the test, the backend is the real one.
 */

const missing = chromiumMissing();
if (missing) console.log(`# skipping public display test: ${missing}`);

const BALLOTS = 6;

describe('public display fetches the result only when it changed (real backend, Chromium)', { skip: missing ?? false }, () => {
  let browser: Browser;
  let server: HttpServerHandle;
  let context: BrowserContext;
  let page: Page;
  let ctx: BackendContext;
  let people: Record<string, number>;
  let cleanup = () => {};
  const reads = new Map<string, number>();
  const readsOf = (method: string) => reads.get(method) ?? 0;

  before(async () => {
    const built = await buildRenderer();
    cleanup = built.cleanup;
    ({ ctx, people } = await makeElection({ voters: 20 }));
    openPoll(ctx, 1);
    issue(ctx, 1, 0, BALLOTS);
    closePoll(ctx, 1);
    asPerson(ctx, people['谢文']!, () => {
      openBox(ctx, { round: 1, box: 'C1' });
      recordBallotsFound(ctx, { round: 1, box: 'C1', found: BALLOTS });
    });
    asPerson(ctx, people['郑丽']!, () => {
      for (let i = 1; i <= BALLOTS; i++) {
        enterBallot(ctx, { round: 1, box: 'C1', ballot: { marks: { chair: { for: [i <= 4 ? 'c1' : 'c2'] }, member: { for: ['m1', 'm3'] } } }, position: i });
      }
    });
    asPerson(ctx, people['谢文']!, () => finishBox(ctx, { round: 1, box: 'C1' }));
    asPerson(ctx, people['郭志明']!, () => computeResults(ctx, 1));
    server = await startHttpServer({ ctx, staticDir: built.dir });
    browser = await launch();
    context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    const { token } = signIn(ctx, { person: people['谢文']!, pin: PIN, idleMinutes: 600 });
    await context.addInitScript(([key, value]) => sessionStorage.setItem(key!, value!), [SESSION_STORAGE_KEY, token]);
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('request', (r) => {
      const method = new URL(r.url()).pathname.replace(/^\/api\//, '');
      reads.set(method, readsOf(method) + 1);
    });
    await page.clock.install();
    await page.goto(`${server.url}/#/results/public&token=${encodeURIComponent(server.token)}`);
    await page.getByTestId('public-office-chair').waitFor();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    cleanup();
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
