import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createContext } from '../../../electron/backend/context';
import { drillCredentials } from '../../../electron/backend/drill/credentials';
import { runDrill } from '../../../electron/backend/drill/run';
import { startHttpServer, type HttpServerHandle } from '../../../electron/backend/http';
import { apiCaller, buildRenderer, launch } from '../../e2e/renderer/harness';

/**
 * The screen benchmarks' common ground: a drill election of a given size (made once, kept under CACHE between runs
 * since a 50,000-voter drill takes minutes), copied to a fresh data folder, behind the real browser-mode backend,
 * with Chromium at 1366×768 signed in as a drill official.
 */
const CACHE = join(tmpdir(), 'station-screen-bench');

export interface DrillPerson {
  id: number;
  name: string;
  roles: readonly string[];
  /** The venue of each role, in the order of `roles` (null: any venue). */
  venues: readonly (string | null)[];
  committee: string | null;
  pin: string | null;
}

export interface DrillApp {
  voters: number;
  server: HttpServerHandle;
  browser: Browser;
  /** The drill's officials with their drill PINs. */
  people: readonly DrillPerson[];
  /** The first official holding `role` ('committee' for a committee member). */
  personWith(role: string): DrillPerson;
  call<T = unknown>(method: string, input: unknown): Promise<T>;
  /** A session token for a drill official (signIn with the drill PIN). */
  sessionFor(person: DrillPerson, role?: string): Promise<string>;
  /** A new window at `hash`, signed in as `person`, in `lang`. */
  open(hash: string, person: DrillPerson, opts?: { lang?: 'zh-CN' | 'en'; role?: string }): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

/** The cached drill file for `voters` (seed 1), made now if missing. Prints a line while it makes one. */
export async function drillFile(voters: number): Promise<string> {
  mkdirSync(CACHE, { recursive: true });
  const file = join(CACHE, `drill-${voters}.sqlite`);
  const done = `${file}.done`;
  if (existsSync(done) && existsSync(file)) return file;
  rmSync(file, { force: true });
  const started = performance.now();
  process.stdout.write(`  (making a ${voters}-voter drill election in ${CACHE}, kept for later runs…)\n`);
  await runDrill({ dbFile: file, voters, seed: '1' }, () => {});
  const ctx = createContext({ dbFile: file, mustExist: true });
  ctx.db.pragma('wal_checkpoint(TRUNCATE)');
  ctx.db.close();
  writeFileSync(done, `${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  return file;
}

export async function drillApp(voters: number): Promise<DrillApp> {
  const source = await drillFile(voters);
  const dataDir = mkdtempSync(join(tmpdir(), `station-screen-bench-${voters}-`));
  const dbFile = join(dataDir, 'election.sqlite');
  copyFileSync(source, dbFile);
  const readCtx = createContext({ dbFile, mustExist: true });
  const people: DrillPerson[] = drillCredentials(readCtx).people.map((p) => ({
    id: p.id,
    name: p.name,
    roles: p.roles.map((r) => r.role),
    venues: p.roles.map((r) => r.venue),
    committee: p.committee,
    pin: p.pin,
  }));
  readCtx.db.close();
  const built = await buildRenderer();
  const server = await startHttpServer({ dataDir, staticDir: built.dir });
  const browser = await launch();
  const call = apiCaller(server);

  const personWith = (role: string): DrillPerson => {
    const found = people.find((p) => p.pin !== null && (role === 'committee' ? p.committee !== null : p.roles.includes(role)));
    if (!found) throw new Error(`drillApp: no drill official with role ${role}`);
    return found;
  };
  const sessionFor = async (person: DrillPerson, role?: string): Promise<string> => {
    const answer = await call<{ token: string }>('signIn', { person: person.id, pin: person.pin, idleMinutes: 480, ...(role ? { role } : {}) });
    return answer.token;
  };
  return {
    voters,
    server,
    browser,
    people,
    personWith,
    call: (method, input) => call(method, input),
    sessionFor,
    async open(hash, person, opts = {}) {
      const session = await sessionFor(person, opts.role);
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: opts.lang ?? 'zh-CN' });
      await context.addInitScript(
        ({ lang, token }: { lang: string; token: string }) => {
          if (sessionStorage.getItem('seeded')) return;
          sessionStorage.setItem('seeded', '1');
          localStorage.setItem('station.lang', lang);
          sessionStorage.setItem('station.session', token);
        },
        { lang: opts.lang ?? 'zh-CN', token: session },
      );
      const page = await context.newPage();
      await page.goto(`${server.url}/#${hash.replace(/^#/, '')}&token=${encodeURIComponent(server.token)}`);
      await page.waitForFunction(() => !location.hash.includes('token'));
      return { context, page };
    },
    async close() {
      await browser.close();
      await server.close();
      built.cleanup();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
