import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startHttpServer, type HttpServerHandle } from '../../../electron/backend/http';
import type { BackendContext } from '../../../electron/backend/context';
import { openBox, recordBallotsFound } from '../../../electron/backend/services/counting';
import { signIn } from '../../../electron/backend/services/session';
import { SESSION_STORAGE_KEY } from '../../../renderer/api/session-token';
import { asPerson } from '../../helpers/authority';
import { buildRenderer, launch } from '../renderer/harness';
import { closePoll, issue, makeElection, openPoll, PIN, type ElectionOptions } from '../../integration/counting/helpers';

/**
 * Shared by the counting screen tests that build their box through the services: the test election (tests/integration/
 * counting/helpers) with its poll closed and box C1 opened by the scrutineer with `found` ballots counted out, and one
 * Chromium window at 1366×768 on the real backend, signed in as a person.
 */
export async function openedBox(found: number, election: ElectionOptions = {}): Promise<{ ctx: BackendContext; people: Record<string, number> }> {
  const { ctx, people } = await makeElection({ voters: 20, ...election });
  openPoll(ctx, 1);
  issue(ctx, 1, 0, Math.min(found, 10));
  closePoll(ctx, 1);
  asPerson(ctx, people['谢文']!, () => {
    openBox(ctx, { round: 1, box: 'C1' });
    recordBallotsFound(ctx, { round: 1, box: 'C1', found });
  });
  return { ctx, people };
}

export interface CountingWindow {
  server: HttpServerHandle;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Uncaught errors in the page. */
  errors: string[];
  close(): Promise<void>;
}

/** The app at `hash`, signed in as `person`; `prepare` runs before the page loads (e.g. to install a clock). */
export async function countingWindow(ctx: BackendContext, person: number, hash: string, prepare?: (page: Page) => Promise<void>): Promise<CountingWindow> {
  const built = await buildRenderer();
  const server = await startHttpServer({ ctx, staticDir: built.dir });
  const browser = await launch();
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  const { token } = signIn(ctx, { person, pin: PIN, idleMinutes: 600 });
  await context.addInitScript(([key, value]) => sessionStorage.setItem(key!, value!), [SESSION_STORAGE_KEY, token]);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await prepare?.(page);
  await page.goto(`${server.url}/#${hash.replace(/^#/, '')}&token=${encodeURIComponent(server.token)}`);
  return {
    server,
    browser,
    context,
    page,
    errors,
    async close() {
      await browser.close();
      await server.close();
      built.cleanup();
    },
  };
}
