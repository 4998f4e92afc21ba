import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startHttpServer, type HttpServerHandle } from '../../../electron/backend/http';
import { idNumberCheckChar } from '../../../shared/domain/roll';
import { apiCaller, buildRenderer, launch, ROOT } from '../renderer/harness';

/**
 * Shared by the Start/Setup/Desk/Boxes screen tests: the built renderer behind the REAL backend (startHttpServer on a
 * temp data folder, one database per launch), one browser, and small helpers to call the API directly where the
 * screen under test is not the point.
 */

export interface ScreensApp {
  server: HttpServerHandle;
  browser: Browser;
  call<T = unknown>(method: string, input: unknown): Promise<T>;
  /** `session`: a token from signIn, kept as this window's sign-in (sessionStorage 'station.session'). */
  open(
    hash?: string,
    opts?: {
      lang?: 'zh-CN' | 'en';
      storage?: Record<string, string>;
      session?: string;
      prepare?: (page: Page) => Promise<void>;
      viewport?: { width: number; height: number };
    },
  ): Promise<{ context: BrowserContext; page: Page; problems: string[] }>;
  /** Stops the backend and starts it again on the same data folder (every session ends; the file keeps the rest). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function startScreensApp(): Promise<ScreensApp> {
  const built = await buildRenderer();
  const dataDir = mkdtempSync(join(tmpdir(), 'station-screens-a-'));
  let server = await startHttpServer({ dataDir, staticDir: built.dir });
  const browser = await launch();
  let call = apiCaller(server);
  return {
    get server() {
      return server;
    },
    browser,
    call: (method, input) => call(method, input),
    async restart() {
      await server.close();
      server = await startHttpServer({ dataDir, staticDir: built.dir });
      call = apiCaller(server);
    },
    async open(hash = '#/start', opts = {}) {
      const context = await browser.newContext({ viewport: opts.viewport ?? { width: 1280, height: 900 }, locale: 'zh-CN' });
      const storage = { 'station.lang': opts.lang ?? 'zh-CN', ...(opts.storage ?? {}) };
      await context.addInitScript(
        ({ entries, session }: { entries: Record<string, string>; session: string | null }) => {
          if (sessionStorage.getItem('seeded')) return;
          sessionStorage.setItem('seeded', '1');
          for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
          if (session !== null) sessionStorage.setItem('station.session', session);
        },
        { entries: storage, session: opts.session ?? null },
      );
      const page = await context.newPage();
      await opts.prepare?.(page);
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error' && !/status of 4\d\d/.test(m.text())) problems.push(`console: ${m.text()}`);
      });
      // The page takes the token out of the hash ("#/desk&token=…") and keeps the route.
      await page.goto(`${server.url}/#${hash.replace(/^#/, '')}&token=${encodeURIComponent(server.token)}`);
      await page.waitForFunction(() => !location.hash.includes('token'));
      return { context, page, problems };
    },
    async close() {
      await browser.close();
      await server.close();
      built.cleanup();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function residentsDefinition(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const def = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/election-residents.json'), 'utf8')) as Record<string, unknown>;
  return { ...def, ...overrides };
}

export interface RollPerson {
  name: string;
  gender: 'male' | 'female';
  birth: string; // YYYY-MM-DD
  group: string;
  category?: string;
}

/** A valid 18-character ID number for a person (area 330106, sequence from `n`, odd 17th digit for men). */
export function idNumberFor(p: RollPerson, n: number): string {
  const seq = String((n % 50) * 2 + (p.gender === 'male' ? 1 : 0) + 100).slice(-3);
  const first17 = `330106${p.birth.replaceAll('-', '')}${seq}`;
  return first17 + idNumberCheckChar(first17);
}

export function rollCsv(people: RollPerson[]): string {
  const lines = ['姓名,身份证号,性别,出生日期,居民小组,登记类别'];
  people.forEach((p, i) => {
    lines.push([p.name, idNumberFor(p, i + 1), p.gender === 'male' ? '男' : '女', p.birth, p.group, p.category ?? '户在人在'].join(','));
  });
  return lines.join('\r\n') + '\r\n';
}

export const PEOPLE: RollPerson[] = [
  { name: '王秀兰', gender: 'female', birth: '1956-03-12', group: '第一居民小组' },
  { name: '李建军', gender: 'male', birth: '1971-07-01', group: '第一居民小组' },
  { name: '张丽华', gender: 'female', birth: '1983-11-23', group: '第二居民小组' },
  { name: '刘志强', gender: 'male', birth: '1990-01-30', group: '第二居民小组' },
  { name: '陈桂英', gender: 'female', birth: '1948-05-05', group: '第三居民小组' },
  { name: '杨明', gender: 'male', birth: '2001-09-09', group: '第三居民小组' },
  { name: '赵小红', gender: 'female', birth: '1995-02-14', group: '第一居民小组' },
  { name: '黄国庆', gender: 'male', birth: '1964-10-01', group: '第二居民小组' },
];

export function b64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

export interface ElectionSetup {
  /** Overrides of the residents' election's definition (body, method, title…). */
  definition?: Record<string, unknown>;
  /** The roll file imported; the eight PEOPLE by default. */
  roll?: { csv: string; fileName: string };
}

/** An election (the residents' one unless told), its roll imported, the chair's PIN set and the chair signed in for a shift. */
export async function electionWithChair(app: ScreensApp, pin: string, setup: ElectionSetup = {}): Promise<{ chairId: number; session: string }> {
  const roll = setup.roll ?? { csv: rollCsv(PEOPLE), fileName: 'roll.csv' };
  await app.call('createElection', residentsDefinition(setup.definition));
  await app.call('importRoll', { contentBase64: b64(roll.csv), fileName: roll.fileName });
  const people = await app.call<{ id: number; name: string }[]>('listPeople', {});
  const chairId = people.find((p) => p.name === '郭志明')!.id;
  await app.call('setPin', { person: chairId, pin });
  const session = (await app.call<{ token: string }>('signIn', { person: chairId, pin, idleMinutes: 480 })).token;
  return { chairId, session };
}

/** The chair's PIN set first (the election's authority established), then the desk clerk 丁一's; both signed in for a shift. */
export async function chairAndDeskSessions(app: ScreensApp, pin: string): Promise<{ chairId: number; chair: string; desk: string }> {
  const people = await app.call<{ id: number; name: string }[]>('listPeople', {});
  const id = (name: string) => people.find((p) => p.name === name)!.id;
  const chairId = id('郭志明');
  await app.call('setPin', { person: chairId, pin });
  const chair = (await app.call<{ token: string }>('signIn', { person: chairId, pin, idleMinutes: 480 })).token;
  await app.call('setPin', { person: id('丁一'), pin, session: chair });
  const desk = (await app.call<{ token: string }>('signIn', { person: id('丁一'), pin, idleMinutes: 480 })).token;
  return { chairId, chair, desk };
}

export const CHAIR_PIN = '246810';

export interface ChairedElection {
  readonly app: ScreensApp;
  readonly chairId: number;
  readonly session: string;
  /** Opens the page signed in as the chair, at 1366×768, with the print dialog stubbed (printing shows the printed part). */
  openAsChair(hash: string, opts?: Parameters<ScreensApp['open']>[1]): ReturnType<ScreensApp['open']>;
  /** Fills a form's committee approval (`<form>-approval`, `<form>-approval-pin`) with the chair and the chair's PIN. */
  approve(page: Page, form: string): Promise<void>;
}

/**
 * The app a describe block's screen tests share: before them, the real backend and Chromium with an election
 * (electionWithChair) and the chair signed in; after them, all closed. Call it inside the describe.
 */
export function chairedElection(setup: ElectionSetup = {}): ChairedElection {
  let app: ScreensApp | undefined;
  let chair = { chairId: 0, session: '' };
  before(async () => {
    app = await startScreensApp();
    chair = await electionWithChair(app, CHAIR_PIN, setup);
  });
  after(async () => {
    await app?.close();
  });
  return {
    get app() {
      return app!;
    },
    get chairId() {
      return chair.chairId;
    },
    get session() {
      return chair.session;
    },
    async openAsChair(hash, opts = {}) {
      const opened = await app!.open(hash, { session: chair.session, viewport: { width: 1366, height: 768 }, ...opts });
      await opened.page.evaluate(() => {
        window.print = () => {};
      });
      return opened;
    },
    async approve(page, form) {
      await page.getByTestId(`${form}-approval`).selectOption(String(chair.chairId));
      await page.getByTestId(`${form}-approval-pin`).fill(CHAIR_PIN);
    },
  };
}
