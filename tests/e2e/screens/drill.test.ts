import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startHttpServer, type HttpServerHandle } from '../../../electron/backend/http';
import { signedIn } from '../../helpers/authority';
import { apiCaller, buildRenderer, chromiumMissing, launch, ROOT, screenshotPath } from '../renderer/harness';
import { actAs } from './sign-in-screen';

/**
 * The Drill screen against the real backend, keyboard only: a 300-voter drill "ready to vote" started from the Drill
 * page of an empty election file, the 演练 banner on every screen, the training sheet (practice certificates and the
 * officials' PINs), and one ballot issued at the Desk with a practice certificate; a "complete" drill whose result
 * the Results screen shows; and an election file that already holds an election, which gets the way to a new one.
 * A drill sets PINs, so its election asks for sign-in: the screens after it are used signed in with the drill's
 * PINs. One renderer build and one browser; one backend (one database) per case, as in browser mode.
 */

type Credentials = { people: { id: number; name: string; committee: string | null; roles: { role: string; venue: string | null }[]; pin: string | null }[] };

/** The drill's committee chair, who has a PIN from the drill. */
function drillChair(creds: Credentials): { id: number; name: string; pin: string } {
  const chair = creds.people.find((p) => p.committee === 'chair' && p.pin !== null);
  if (!chair) throw new Error('the drill gave its committee chair no PIN');
  return { id: chair.id, name: chair.name, pin: chair.pin! };
}

const missing = chromiumMissing();
if (missing) console.log(`# skipping drill screen test: ${missing}`);

async function shot(page: Page, name: string) {
  await page.screenshot({ path: screenshotPath(name), fullPage: true });
}

async function focusIs(page: Page, testId: string) {
  await page.waitForFunction((id) => document.activeElement?.getAttribute('data-testid') === id, testId);
}

/** Presses Tab until the focused element matches, as a keyboard user would; fails after `max` presses. */
async function tabTo(page: Page, selector: string, max = 60) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`Tab never reached ${selector}`);
}

describe('Drill screen, keyboard only, against the real backend', { skip: missing ?? false }, () => {
  let built: { dir: string; cleanup(): void };
  let browser: Browser;
  const servers: HttpServerHandle[] = [];
  const children: ChildProcess[] = [];
  const dirs: string[] = [];

  /** The backend in a child process (as in browser mode), so this process can watch the page while a drill runs. */
  async function childBackend(): Promise<{ server: Pick<HttpServerHandle, 'url' | 'token'>; dataDir: string }> {
    const dataDir = mkdtempSync(join(tmpdir(), 'station-drill-screen-'));
    dirs.push(dataDir);
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'drill-backend.ts'), dataDir, built.dir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(child);
    const line = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout! }).once('line', resolve);
      child.once('exit', (code) => reject(new Error(`drill-backend.ts exited with ${code}`)));
    });
    return { server: JSON.parse(line) as { url: string; token: string }, dataDir };
  }

  async function backend() {
    const dataDir = mkdtempSync(join(tmpdir(), 'station-drill-screen-'));
    dirs.push(dataDir);
    const server = await startHttpServer({ dataDir, staticDir: built.dir });
    servers.push(server);
    const call = apiCaller(server);
    return { server, dataDir, call };
  }

  async function open(server: Pick<HttpServerHandle, 'url' | 'token'>, hash: string) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    await context.addInitScript(() => {
      if (sessionStorage.getItem('seeded')) return;
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('station.lang', 'zh-CN');
    });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && !/status of 4\d\d/.test(m.text())) problems.push(`console: ${m.text()}`);
    });
    await page.goto(`${server.url}/#${hash.replace(/^#/, '')}&token=${encodeURIComponent(server.token)}`);
    await page.waitForFunction(() => !location.hash.includes('token'));
    return { context, page, problems };
  }

  /** Fills the focused field as a keyboard user would: select what is there, type over it. */
  async function retype(page: Page, text: string) {
    await page.keyboard.press('Control+A');
    await page.keyboard.type(text);
  }

  before(async () => {
    built = await buildRenderer();
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    for (const s of servers) await s.close();
    for (const c of children) {
      if (c.exitCode === null) {
        const gone = new Promise((resolve) => c.once('exit', resolve));
        c.kill('SIGTERM');
        await gone;
      }
    }
    built?.cleanup();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  test("a 300-voter drill 'ready to vote' from the Drill page, the 演练 banner, then one ballot at the Desk", async () => {
    const { server, call } = await backend();
    const { page, problems, context } = await open(server, '#/start');
    // The empty file's Start screen points to the drill.
    await page.getByTestId('start-drill-link').waitFor();
    assert.equal(await page.getByTestId('drill-banner').count(), 0);

    await page.keyboard.press('Alt+9');
    await page.getByTestId('drill-form').waitFor();
    await focusIs(page, 'drill-voters');
    await shot(page, 'screens-drill-form');
    await retype(page, '5');
    await page.keyboard.press('Enter');
    // Checked here before anything is sent: the field says what is wrong and keeps the focus.
    assert.match((await page.getByTestId('drill-form-problem').textContent()) ?? '', /10 到 5000/);
    await focusIs(page, 'drill-voters');
    await retype(page, '300');
    await page.keyboard.press('Tab');
    await focusIs(page, 'drill-seed');
    await retype(page, 'kb-300');
    await page.keyboard.press('Tab');
    await focusIs(page, 'drill-stage-ready-to-vote');
    // The arrows move between the two stages; back to "ready to vote".
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.getByTestId('drill-stage-complete').isChecked(), true);
    await page.keyboard.press('ArrowUp');
    assert.equal(await page.getByTestId('drill-stage-ready-to-vote').isChecked(), true);
    await page.keyboard.press('Tab');
    await focusIs(page, 'drill-start');
    await page.keyboard.press('Enter');

    const done = page.getByTestId('drill-done');
    await done.waitFor({ timeout: 60_000 });
    assert.equal(await done.getAttribute('data-stage'), 'ready-to-vote');
    // The election context was reloaded: the banner and the drill title are on every screen now.
    await page.getByTestId('drill-banner').waitFor();
    assert.match((await page.getByTestId('drill-banner').textContent()) ?? '', /演练/);
    assert.match((await page.getByTestId('election-title').textContent()) ?? '', /演练.*【演练】.*居民委员会换届选举/);
    // The focus is on the summary's heading, so Tab goes on to its links.
    await page.waitForFunction(() => document.activeElement?.id === 'drill-done-title');

    // Training material: practice certificates for every box, and the PINs of all eighteen on duty (committee included).
    const samples = page.getByTestId('drill-sample');
    assert.ok((await samples.count()) >= 8);
    for (const box of ['C1', 'E1', 'W1', 'M1']) assert.ok((await page.locator(`[data-testid=drill-sample][data-box=${box}]`).count()) >= 1, box);
    await page.getByTestId('drill-pins').waitFor();
    const pins = (await page.getByTestId('drill-pin').allTextContents()).filter((p) => /^\d{6}$/.test(p));
    assert.equal(pins.length, 18);
    const creds = await call<Credentials>('drillCredentials', {});
    assert.deepEqual(pins.sort(), creds.people.flatMap((p) => (p.pin ? [p.pin] : [])).sort());
    const chair = drillChair(creds);
    const asChair = await signedIn(call, chair.id, chair.pin);
    const rounds = (await asChair('listRounds', {})) as { number: number; status: string }[];
    assert.deepEqual(rounds.map((r) => r.status), ['voting']);
    await shot(page, 'screens-drill-ready');
    // Printed, the training sheet stands alone (still marked as a drill); the page around it is left out.
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.getByTestId('drill-sheet').isVisible(), true);
    assert.equal(await page.getByTestId('drill-done').isVisible(), false);
    assert.equal(await page.getByTestId('election-title').isVisible(), false);
    assert.match((await page.getByTestId('drill-sheet').textContent()) ?? '', /【演练】培训材料.*仅供演练培训使用/);
    await shot(page, 'screens-drill-print');
    await page.emulateMedia({ media: 'screen' });
    // The English switch (Alt+L) and back.
    await page.keyboard.press('Alt+L');
    await page.waitForFunction(() => document.querySelector('#drill-sheet-title')?.textContent?.includes('Training material') ?? false);
    await page.keyboard.press('Alt+L');
    await page.waitForFunction(() => document.querySelector('#drill-sheet-title')?.textContent?.includes('培训材料') ?? false);

    const first = page.locator('[data-testid=drill-sample][data-box=C1][data-kind=in-person]').first();
    const certificate = ((await first.getByTestId('drill-sample-certificate').textContent()) ?? '').trim();
    const name = ((await first.locator('td').nth(1).textContent()) ?? '').trim();
    assert.match(certificate, /^\d+$/);

    // To the Desk by the link; desk staff sign in (the chair gives a desk official a PIN if the drill gave none),
    // choose the central box's desk, issue by typing the number + Enter.
    const desk = creds.people.find((p) => p.roles.some((r) => r.role === 'desk'))!;
    const deskPin = desk.pin ?? '135790';
    if (desk.pin === null) await asChair('setPin', { person: desk.id, pin: deskPin });
    await tabTo(page, '[data-testid=drill-go-desk]');
    await page.keyboard.press('Enter');
    await page.getByTestId('signin-form').waitFor();
    await actAs(page, desk.id, deskPin);
    await page.getByTestId('desk-chooser').waitFor();
    await tabTo(page, '[data-testid=desk-choose-C1]');
    await page.keyboard.press('Enter');
    await focusIs(page, 'certificate-field');
    await page.keyboard.type(certificate);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid=desk-answer]')?.getAttribute('data-kind') !== 'busy');
    const answer = page.getByTestId('desk-answer');
    assert.equal(await answer.getAttribute('data-kind'), 'issue');
    assert.ok(((await answer.textContent()) ?? '').includes(name), 'the desk names the voter of the practice certificate');
    await page.getByTestId('drill-banner').waitFor();
    await shot(page, 'screens-drill-desk');
    const stock = (await asChair('ballotStock', { round: 1 })) as { box: string; issued: number }[];
    assert.equal(stock.find((s) => s.box === 'C1')!.issued, 1);

    // Back on the Drill page: the open election is this drill; its material is shown again.
    await page.keyboard.press('Alt+9');
    await page.getByTestId('drill-is-drill').waitFor();
    await page.getByTestId('drill-samples').waitFor();
    assert.equal(await page.getByTestId('drill-form').count(), 0);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("a 'complete' drill: sealed into the data folder, and the Results screen shows its result", async () => {
    const { server, dataDir } = await childBackend();
    const { page, problems, context } = await open(server, '#/drill');
    await focusIs(page, 'drill-voters');
    await retype(page, '1500');
    await page.keyboard.press('Tab');
    await retype(page, 'hall');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.getByTestId('drill-stage-complete').isChecked(), true);
    await page.keyboard.press('Enter');
    // The wait shows the elapsed time (startDrill answers only at the end).
    await page.getByTestId('drill-running').waitFor();
    // The backend yields as it goes, so the screen asks how far it is: the phase by name and a bar that fills. What
    // the screen shows is recorded in the page every 50 ms, and checked once the drill is done.
    await page.evaluate(() => {
      const seen: { phase: string; text: string; value: number }[] = [];
      (window as unknown as { drillSeen: typeof seen }).drillSeen = seen;
      const timer = setInterval(() => {
        const el = document.querySelector('[data-testid=drill-phase]');
        if (!el) return clearInterval(timer);
        const value = Number(document.querySelector('[data-testid=drill-progress]')?.getAttribute('value') ?? NaN);
        seen.push({ phase: el.getAttribute('data-phase') ?? '', text: el.textContent ?? '', value });
      }, 50);
    });
    const elapsed = async () => Number(/已用 (\d+\.\d) 秒/.exec((await page.getByTestId('drill-elapsed').textContent()) ?? '')?.[1] ?? NaN);
    // The elapsed time counts while the backend works (1,500 voters take a few seconds).
    await page.waitForFunction(() => Number(/已用 (\d+\.\d) 秒/.exec(document.querySelector('[data-testid=drill-elapsed]')?.textContent ?? '')?.[1] ?? 0) >= 0.4);
    const before = await elapsed();
    await shot(page, 'screens-drill-running');
    await page.waitForFunction((t) => {
      const m = /已用 (\d+\.\d) 秒/.exec(document.querySelector('[data-testid=drill-elapsed]')?.textContent ?? '');
      return m !== null && Number(m[1]) > t;
    }, before);
    assert.ok(await page.getByTestId('drill-start').count() === 0, 'no second start while it runs');
    const done = page.getByTestId('drill-done');
    await done.waitFor({ timeout: 120_000 });
    assert.equal(await done.getAttribute('data-stage'), 'complete');
    const seen = await page.evaluate(() => (window as unknown as { drillSeen: { phase: string; text: string; value: number }[] }).drillSeen);
    const shown = seen.filter((s) => s.phase !== '');
    assert.ok(shown.some((s) => /^(投票|计票)（第 \d+ 轮）$/.test(s.text.trim())), `a round's voting or counting named on screen: ${JSON.stringify(shown.map((s) => s.text))}`);
    for (const s of shown) assert.match(s.text.trim(), /^(创建选举和工作人员|导入选民名单|流动票箱名单和委托投票|投票|票箱封存和运送|计票|计算结果|签字|封存结果文件)(（第 \d+ 轮）)?$/);
    const values = shown.map((s) => s.value);
    assert.ok(new Set(values).size >= 2 && values.at(-1)! > values[0]!, `the bar fills: ${values.join(' ')}`);
    for (let i = 1; i < values.length; i++) assert.ok(values[i]! >= values[i - 1]!, `the bar never goes back: ${values.join(' ')}`);
    const sealed = ((await page.getByTestId('drill-sealed').textContent()) ?? '').trim();
    assert.equal(sealed, join(dataDir, 'drill-hall.sealed.json'));
    assert.ok(existsSync(sealed) && readFileSync(sealed).length > 0);
    await page.getByTestId('drill-banner').waitFor();
    await page.getByTestId('drill-pins').waitFor();
    // Offices by their titles (the election's offices, read again after the drill).
    await page.waitForFunction(() => /主任：/.test(document.querySelector('[data-testid=drill-rounds]')?.textContent ?? ''));
    await shot(page, 'screens-drill-complete');

    // The results are read signed in: the chair, with the PIN the Drill page shows.
    const chair = drillChair(await apiCaller(server)<Credentials>('drillCredentials', {}));
    await page.keyboard.press('Alt+6');
    await page.getByTestId('signin-form').waitFor();
    await actAs(page, chair.name, chair.pin);
    await page.getByTestId('results-screen').waitFor();
    await page.getByTestId('validity').waitFor();
    assert.ok((await page.locator('[data-testid^=office-]').count()) >= 1);
    assert.match((await page.getByTestId('drill-banner').textContent()) ?? '', /演练/);
    await shot(page, 'screens-drill-results');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('an election file that already holds an election: the Drill page offers a drill file of its own', async () => {
    const { server, call } = await backend();
    await call('createElection', JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/election-residents.json'), 'utf8')));
    const { page, problems, context } = await open(server, '#/drill');
    await page.getByTestId('drill-not-empty').waitFor();
    assert.equal(await page.getByTestId('drill-form').count(), 0);
    assert.equal(await page.getByTestId('drill-browser-cmd').count(), 0, 'no command to type in a shell');
    await page.getByTestId('drill-file-create').waitFor();
    await shot(page, 'screens-drill-not-empty');
    // And the backend refuses a drill there, whatever the screen does.
    await assert.rejects(call('startDrill', { voters: 50, seed: '1', stage: 'complete' }), /not-empty/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a drill killed midway: the Drill page says it was interrupted, and one key press discards it for a new drill', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'station-drill-screen-'));
    dirs.push(dataDir);
    const killed = spawnSync(process.execPath, [join(ROOT, 'bin/station.mjs'), 'drill', '--db', join(dataDir, 'election.sqlite'), '--voters', '30', '--seed', 'cut', '--quiet'], {
      env: { ...process.env, STATION_CRASH_AT: 'drill:counted' },
    });
    assert.equal(killed.signal, 'SIGKILL');
    const server = await startHttpServer({ dataDir, staticDir: built.dir });
    servers.push(server);
    const { page, problems, context } = await open(server, '#/drill');
    await page.getByTestId('drill-interrupted').waitFor();
    assert.match((await page.getByTestId('drill-interrupted').textContent()) ?? '', /中断.*cut/s);
    assert.equal(await page.getByTestId('drill-pins').count(), 0, 'not shown as a drill to practise with');
    await shot(page, 'screens-drill-interrupted');
    await focusIs(page, 'drill-discard');
    await page.keyboard.press('Enter');
    await page.getByTestId('drill-form').waitFor();
    assert.equal(await page.getByTestId('drill-interrupted').count(), 0);
    assert.deepEqual(await apiCaller(server)('drillState', {}), { state: 'empty', seed: null, voters: null, stage: null });
    assert.deepEqual(problems, []);
    await context.close();
  });
});
