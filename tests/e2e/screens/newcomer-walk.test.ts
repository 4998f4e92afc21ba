import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { translator, type Translate } from '../../../shared/i18n';
import { TEST_PIN } from '../../helpers/authority';
import { chromiumMissing, screenshotPath } from '../renderer/harness';
import { languageFindings, visibleTexts, watchData } from './language-check';
import { PEOPLE, rollCsv, startScreensApp, type ScreensApp } from './setup-fixture';

/**
 * The day as a newcomer walks it: only the screens, found by what a person sees (roles, labels, visible words — no
 * test ids), at 1366×768, from an empty election file to the sealed file. The words are the string tables' own, so
 * the same walk reads the English screens too.
 */

const missing = chromiumMissing();
if (missing) console.log(`# skipping newcomer walk: ${missing}`);

const PIN = TEST_PIN;
const CHAIR = '郭志明';
const STAFF = ['何玉兰', '谢文', '徐静', '胡斌', '郑丽', '丁一'];

/** A small election as its definition file (the Start page's "from a definition file"). */
function definition(): string {
  return JSON.stringify({
    title: '明德社区第一届居民委员会选举',
    community: '明德社区',
    body: 'residents',
    method: 'direct',
    date: '2026-05-16',
    registered: { source: 'roll' },
    rules: {},
    offices: [
      { id: 'chair', title: '主任', rank: 1, seats: 1 },
      { id: 'member', title: '委员', rank: 2, seats: 2 },
    ],
    candidates: [
      { id: 'c1', name: '王芳', gender: 'female', office: 'chair' },
      { id: 'c2', name: '李强', gender: 'male', office: 'chair' },
      { id: 'm1', name: '张伟', gender: 'male', office: 'member' },
      { id: 'm2', name: '刘洋', gender: 'male', office: 'member' },
      { id: 'm3', name: '陈静', gender: 'female', office: 'member' },
    ],
    venues: [{ id: 'central', name: '社区服务中心', kind: 'central' }],
    boxes: [{ id: 'C1', name: '中心票箱', kind: 'central', venue: 'central' }],
    committee: [
      { name: CHAIR, position: 'chair' },
      { name: '何玉兰', position: 'member' },
    ],
    officials: [
      { name: '谢文', roles: ['chief-scrutineer'] },
      { name: '徐静', roles: ['scrutineer'] },
      { name: '胡斌', roles: ['caller'] },
      { name: '郑丽', roles: ['counter'] },
      { name: '丁一', roles: ['desk'], venue: 'central' },
    ],
  });
}

/** Signs in through the form on the wall or over the page (the bar's "switch person"), by name and PIN. */
async function signInAs(page: Page, t: Translate, name: string) {
  const form = page.getByRole('form', { name: t('signin.title') }).last();
  if (!(await form.isVisible())) await page.keyboard.press('Control+Shift+S');
  await form.getByLabel(t('signin.who')).fill(name);
  await form.getByLabel(t('signin.who')).press('Enter');
  await form.getByLabel(t('signin.pinFor', { name })).fill(PIN);
  await form.getByLabel(t('signin.pinFor', { name })).press('Enter');
  const signedIn = t('session.who', { name, roles: '' }).split('（')[0]!.split(' (')[0]!;
  await page.getByText(signedIn).waitFor().catch(async (e: unknown) => {
    await page.screenshot({ path: screenshotPath('newcomer-signin-failed') });
    throw new Error(`signing in ${name}: ${await page.locator('body').innerText()}`, { cause: e });
  });
  await page.getByRole('dialog').filter({ has: page.getByRole('form', { name: t('signin.title') }) }).waitFor({ state: 'hidden' });
}

/** A page of the day, by its tab in the page bar. */
async function nav(page: Page, t: Translate, label: 'nav.start' | 'nav.setup' | 'nav.desk' | 'nav.boxes' | 'nav.counting' | 'nav.results' | 'nav.signoff' | 'nav.export') {
  await page.getByRole('navigation', { name: t('nav.label') }).getByRole('link', { name: t(label) }).click();
}

async function setPin(page: Page, t: Translate, name: string, first = false) {
  const form = page.getByRole('form', { name: t('setup.pin.title') });
  await form.getByLabel(t('setup.people.name')).selectOption({ label: name });
  await form.getByLabel(t('setup.pin.new')).fill(PIN);
  await form.getByLabel(t('setup.pin.again')).fill(PIN);
  await form.getByRole('button', { name: t('setup.pin.submit') }).click({ timeout: 3000 }).catch(async (e: unknown) => {
    throw new Error(`PIN for ${name}: ${await form.innerText()}`, { cause: e });
  });
  // The first committee PIN: the election asks for sign-in at once, the form on the wall in place of the page.
  if (first) await page.getByRole('form', { name: t('signin.title') }).waitFor();
  else await form.getByText(t('setup.pin.done', { name })).waitFor();
}

describe('the newcomer walk: the first steps of the day from the screens alone', { skip: missing ?? false }, () => {
  let app: ScreensApp;
  let page: Page;
  let problems: string[];
  const t = translator('zh-CN');

  before(async () => {
    app = await startScreensApp();
    ({ page, problems } = await app.open('#/start'));
    await page.setViewportSize({ width: 1366, height: 768 });
    page.setDefaultTimeout(10000);
  });
  after(async () => {
    await app?.close();
  });

  test('in Chinese: create the election, people and PINs, the roll, the next step on the Start page', async () => {
    // Start: the election from its definition file.
    await page.getByLabel(t('setup.create.fromFile')).setInputFiles({ name: '选举定义.json', mimeType: 'application/json', buffer: Buffer.from(definition(), 'utf8') });
    await page.getByRole('heading', { name: '明德社区第一届居民委员会选举' }).first().waitFor();
    await page.screenshot({ path: screenshotPath('newcomer-start'), fullPage: true });

    // Setup, people: the chair's PIN first, then the chair signs in and sets everyone else's.
    await nav(page, t, 'nav.setup');
    await page.getByRole('link', { name: t('setup.tab.people') }).click();
    await setPin(page, t, CHAIR, true);
    await signInAs(page, t, CHAIR);
    for (const name of STAFF) await setPin(page, t, name);

    // Roll: the file chosen, checked, imported.
    await page.getByRole('link', { name: t('setup.tab.roll'), exact: true }).click();
    await page.getByLabel(t('setup.roll.choose')).setInputFiles({ name: '名单.csv', mimeType: 'text/csv', buffer: Buffer.from(rollCsv(PEOPLE), 'utf8') });
    await page.getByRole('button', { name: t('setup.roll.import', { file: '名单.csv' }) }).click();
    await page.getByText(/8 名选民/).first().waitFor();
    await page.screenshot({ path: screenshotPath('newcomer-roll'), fullPage: true });

    // The Start page says what comes next and links to it.
    await nav(page, t, 'nav.start');
    const guide = page.getByRole('region', { name: t('day.title') });
    const go = guide.getByRole('link', { name: t('day.go') });
    await page.waitForFunction(() => document.querySelector('a[aria-current=step]')?.getAttribute('href') === '#/setup/certificates');
    assert.equal(await go.getAttribute('href'), '#/setup/certificates');
    await page.screenshot({ path: screenshotPath('newcomer-start-next'), fullPage: true });
    assert.deepEqual(problems, []);
  });

  test('in English: the same first steps read in English only, found by the English labels', async () => {
    const en = translator('en');
    const data = new Set<string>();
    const { context, page: p, problems: enProblems } = await app.open('#/start', { lang: 'en', prepare: async (pg) => { watchData(pg, data); } });
    await p.setViewportSize({ width: 1366, height: 768 });
    p.setDefaultTimeout(10000);
    await signInAs(p, en, CHAIR);
    const guide = p.getByRole('region', { name: en('day.title') });
    await p.waitForFunction(() => document.querySelector('a[aria-current=step]')?.getAttribute('href') === '#/setup/certificates');
    await guide.getByRole('link', { name: en('day.step.roll') }).click();
    await p.getByLabel(en('setup.roll.choose')).waitFor();
    await p.getByRole('link', { name: en('setup.tab.people'), exact: true }).click();
    await p.getByRole('form', { name: en('setup.pin.title') }).getByLabel(en('setup.people.name')).selectOption({ label: `${CHAIR} ✓` });
    await p.screenshot({ path: screenshotPath('newcomer-en-people'), fullPage: true });
    const sorted = [...data].sort((a, b) => b.length - a.length);
    assert.deepEqual(languageFindings(await visibleTexts(p), 'en', sorted, 'setup/people'), []);
    assert.deepEqual(enProblems, []);
    await context.close();
  });
});
