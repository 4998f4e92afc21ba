import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { makeCertificateNumber } from '../../../shared/domain/certificate';
import { translator, type Lang, type Translate } from '../../../shared/i18n';
import { signedIn } from '../../helpers/authority';
import { chromiumMissing, screenshotPath } from '../renderer/harness';
import { watchData } from './language-check';
import {
  chooseDesk,
  closeAndCheckSeals,
  computeResults,
  countBox,
  everyoneSigns,
  followNextStep,
  issueBallots,
  nav,
  openVoting,
  PIN,
  receiveAndSealEmpty,
  scan,
  screenIsReadable,
  sealAndExport,
  signInAs,
  startGuideLeadsTo,
  type WalkPage,
} from './newcomer-walk-screens';
import { b64, PEOPLE, rollCsv, startScreensApp, type ScreensApp } from './setup-fixture';

/**
 * The day as a newcomer walks it: only the screens, found by what a person sees (roles, labels, visible words — no
 * test ids), at 1366×768, from an empty election file to the sealed file. The words are the string tables' own, so
 * the same walk reads the English screens too.
 */

const missing = chromiumMissing();
if (missing) console.log(`# skipping newcomer walk: ${missing}`);

const CHAIR = '郭志明';
const CLERK = '丁一';
const COUNTING = { chief: '谢文', counter: '郑丽' };
const STAFF = ['何玉兰', '谢文', '徐静', '胡斌', '郑丽', CLERK];
const BOX = '中心票箱';
const STATION_BOX = '东区票箱';
/** One ballot by keys: the chair's first candidate, Enter; the members' first two, Enter (two sections, three seats). */
const BALLOT_KEYS = ['1', 'Enter', '1', '2', 'Enter'];

/** A small election as its definition file (the Start page's "from a definition file"): one box used, one not. */
function definition(title = '明德社区第一届居民委员会选举', date = '2026-05-16'): string {
  return JSON.stringify({
    title,
    community: '明德社区',
    body: 'residents',
    method: 'direct',
    date,
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
    venues: [
      { id: 'central', name: '社区服务中心', kind: 'central' },
      { id: 'east', name: '东区活动室', kind: 'station' },
    ],
    boxes: [
      { id: 'C1', name: BOX, kind: 'central', venue: 'central' },
      { id: 'S1', name: STATION_BOX, kind: 'station', venue: 'east' },
    ],
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

/** A page of the walk in one language, its backend answers watched for the election's own words. */
async function walkPage(app: ScreensApp, lang: Lang, shots: string): Promise<WalkPage & { problems: string[] }> {
  const data = new Set<string>();
  let calls!: WalkPage['calls'];
  const { page, problems } = await app.open('#/start', { lang, prepare: async (pg) => void (calls = watchData(pg, data)) });
  await page.setViewportSize({ width: 1366, height: 768 });
  page.setDefaultTimeout(15000);
  return { page, t: translator(lang), lang, data, calls, shots, problems };
}

/** The certificates' numbers as printed on the cards of the Certificates tab, for these voters. */
async function printedCertificates(page: Page, t: Translate, names: readonly string[]): Promise<{ name: string; certificate: string }[]> {
  await page.getByRole('button', { name: t('setup.cert.load') }).click();
  const out: { name: string; certificate: string }[] = [];
  for (const name of names) {
    const card = await page.getByRole('article').filter({ hasText: name }).innerText();
    out.push({ name, certificate: /\d{4} \d{4,}/.exec(card)![0] });
  }
  return out;
}

/** The guide's list on the Start page, a step's line by its name. */
const guideStep = (w: WalkPage, step: string) =>
  w.page.getByRole('region', { name: w.t('day.title') }).getByRole('listitem').filter({ hasText: w.t(`day.step.${step}` as 'day.step.roll') });

/** The Start page once the day is sealed: every step done, and it says so. */
async function dayAllDone(w: WalkPage): Promise<void> {
  await nav(w, 'nav.start');
  await w.page.getByText(w.t('day.allDone')).waitFor();
  const steps = w.page.getByRole('region', { name: w.t('day.title') }).getByRole('listitem');
  assert.equal(await steps.filter({ hasText: w.t('day.state.done') }).count(), 10);
  await screenIsReadable(w, 'start-done');
}

/** The sealed file: verified, in the offered export folder, downloaded whole, naming the result and the station. */
async function sealed(w: WalkPage, file: string, elected: string, fingerprint: string, printed: string | null, sealedAt: RegExp, typed?: string): Promise<void> {
  const { summary, folder, name, downloaded } = await sealAndExport(w, typed);
  assert.equal(name, file);
  if (typed !== undefined) assert.equal(folder, typed);
  assert.deepEqual(downloaded, readFileSync(join(folder, name)));
  assert.ok(summary.includes(elected.split(/[：:]\s*/)[1]!), summary);
  assert.ok(summary.includes(fingerprint), 'the station fingerprint in the file');
  if (printed !== null) assert.ok(printed.includes(fingerprint), 'the station fingerprint on the printed sheet');
  assert.match(summary, sealedAt);
  assert.doesNotMatch(summary, /\d{4}-\d{2}-\d{2}T/);
  await screenIsReadable(w, 'export');
}

/** The tally sheet as printed: a PDF, and the printed text (with the elected line and the station's fingerprint). */
async function printedSheet(page: Page, elected: string): Promise<string> {
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  await page.emulateMedia({ media: 'print' });
  const printed = await page.getByRole('main').innerText();
  await page.emulateMedia({ media: 'screen' });
  const names = elected.split(/[：:]\s*/)[1]!;
  assert.ok(printed.includes(names), `the printed sheet names ${names}`);
  return printed;
}

/** The station's short fingerprint as the Export page shows it before anything is written. */
async function shownFingerprint(w: WalkPage): Promise<string> {
  const line = w.page.getByText(`${w.t('export.fingerprint')}${w.t('b.sep.label')}`);
  return (await line.innerText()).slice(`${w.t('export.fingerprint')}${w.t('b.sep.label')}`.length).trim();
}

/**
 * The desk clerk at the desk (chosen first when `choose`): one scan + Enter per voter; a second scan of the first
 * certificate is refused, saying when (in the screen's form of a time) and where it was issued.
 */
async function deskIssues(w: WalkPage, voters: readonly { name: string; certificate: string }[], choose: boolean, issuedAt: RegExp): Promise<void> {
  await signInAs(w, CLERK);
  await nav(w, 'nav.desk');
  if (choose) await chooseDesk(w);
  await issueBallots(w, voters);
  const said = await (await scan(w, voters[0]!.certificate)).innerText();
  assert.ok(said.includes(w.t('desk.answer.already')) && said.includes(BOX), said);
  assert.match(said, issuedAt);
  await screenIsReadable(w, 'desk');
}

/**
 * The chair closes voting and checks the box's seals on the Boxes page, which leads on to counting; the box counted
 * by keys (a ballot in at most eight); the chair follows the counting screen's way on to the results and computes
 * them. Returns the chair's office's elected line.
 */
async function closedCountedComputed(w: WalkPage, seals: { empty: string; closed: string }, oneByOne: boolean, ballots: number): Promise<string> {
  await signInAs(w, CHAIR);
  await nav(w, 'nav.boxes');
  await closeAndCheckSeals(w, BOX, seals, oneByOne);
  await screenIsReadable(w, 'boxes-checked');
  await signInAs(w, COUNTING.chief);
  await followNextStep(w, 'count', '#/counting');
  assert.ok(BALLOT_KEYS.length <= 8);
  await countBox(w, COUNTING.counter, BOX, ballots, BALLOT_KEYS);
  await signInAs(w, CHAIR);
  await followNextStep(w, 'results', '#/results');
  return computeResults(w, '主任');
}

describe('the newcomer walk: the day from the screens alone, in Chinese and in English', { skip: missing ?? false }, () => {
  let app: ScreensApp;
  let zh: WalkPage & { problems: string[] };
  let page: Page;
  const t = translator('zh-CN');
  const outDir = mkdtempSync(join(tmpdir(), 'station-newcomer-export-'));

  before(async () => {
    app = await startScreensApp();
    zh = await walkPage(app, 'zh-CN', 'newcomer');
    page = zh.page;
  });
  after(async () => {
    await app?.close();
    rmSync(outDir, { recursive: true, force: true });
  });

  test('in Chinese: create the election, people and PINs, the roll, the next step on the Start page', async () => {
    // Start: the election from its definition file.
    await page.getByLabel(t('setup.create.fromFile')).setInputFiles({ name: '选举定义.json', mimeType: 'application/json', buffer: Buffer.from(definition(), 'utf8') });
    await page.getByRole('heading', { name: '明德社区第一届居民委员会选举' }).first().waitFor();
    // The guide: set-up done, the roll next (its link leads to it), sealing still to come.
    await startGuideLeadsTo(zh, '#/setup/roll');
    assert.ok((await guideStep(zh, 'setup').innerText()).includes(t('day.state.done')));
    assert.ok((await guideStep(zh, 'seal').innerText()).includes(t('day.state.later')));
    await screenIsReadable(zh, 'start');

    // Setup, people: the chair's PIN first, then the chair signs in and sets everyone else's.
    await nav(zh, 'nav.setup');
    await page.getByRole('link', { name: t('setup.tab.people') }).click();
    await setPin(page, t, CHAIR, true);
    await signInAs(zh, CHAIR);
    for (const name of STAFF) await setPin(page, t, name);

    // Roll: the file chosen, checked, imported.
    await page.getByRole('link', { name: t('setup.tab.roll'), exact: true }).click();
    await page.getByLabel(t('setup.roll.choose')).setInputFiles({ name: '名单.csv', mimeType: 'text/csv', buffer: Buffer.from(rollCsv(PEOPLE), 'utf8') });
    await page.getByRole('button', { name: t('setup.roll.import', { file: '名单.csv' }) }).click();
    await page.getByText(/8 名选民/).first().waitFor();
    await screenIsReadable(zh, 'roll');

    // The Start page says what comes next and links to it.
    await startGuideLeadsTo(zh, '#/setup/certificates');
    assert.match(await guideStep(zh, 'roll').innerText(), new RegExp(t('day.state.done')));
    await screenIsReadable(zh, 'start-next');
    assert.deepEqual(zh.problems, []);
  });

  test('in English: the same first steps read in English only, found by the English labels', async () => {
    const en = await walkPage(app, 'en', 'newcomer-en');
    await signInAs(en, CHAIR);
    const guide = en.page.getByRole('region', { name: en.t('day.title') });
    await en.page.waitForFunction(() => document.querySelector('a[aria-current=step]')?.getAttribute('href') === '#/setup/certificates');
    await guide.getByRole('link', { name: en.t('day.step.roll') }).click();
    await en.page.getByLabel(en.t('setup.roll.choose')).waitFor();
    await en.page.getByRole('link', { name: en.t('setup.tab.people'), exact: true }).click();
    await en.page.getByRole('form', { name: en.t('setup.pin.title') }).getByLabel(en.t('setup.people.name')).selectOption({ label: `${CHAIR} ✓` });
    await screenIsReadable(en, 'people');
    assert.deepEqual(en.problems, []);
    await en.page.context().close();
  });

  test('in Chinese: certificates, opening voting, the desk, the boxes closed, counting, results, signatures, the sealed file', async () => {
    const VOTING = 5; // of 8: more than half take part, so the election is valid
    // Certificates: the Start page's next step; the numbers are read off the printed cards.
    await (await startGuideLeadsTo(zh, '#/setup/certificates')).click();
    const voters = await printedCertificates(page, t, PEOPLE.slice(0, VOTING).map((p) => p.name));
    await screenIsReadable(zh, 'certificates');

    // Opening voting, step one: the central box's ballots received and the box shown empty and sealed.
    await startGuideLeadsTo(zh, '#/setup/certificates');
    await guideStep(zh, 'open-voting').getByRole('link', { name: t('day.step.open-voting') }).click();
    await receiveAndSealEmpty(zh, BOX, 20, 'A-0001');

    // The desk before voting is open: its scan says calmly what is missing, with the way to the Boxes page.
    await signInAs(zh, CLERK);
    await nav(zh, 'nav.desk');
    await chooseDesk(zh);
    const calm = await scan(zh, voters[0]!.certificate);
    assert.ok((await calm.innerText()).includes(t('deskpage.calm.roundPrepared', { round: 1 })), await calm.innerText());
    assert.match((await calm.getAttribute('class')) ?? '', /tone-idle/, 'an instruction, not a red stop');
    await screenIsReadable(zh, 'desk-not-open');
    const toBoxes = calm.getByRole('link', { name: t('deskpage.calm.toBoxes') });
    assert.equal(await toBoxes.getAttribute('href'), '#/boxes');
    await toBoxes.click();

    // Opening voting: one flow, starting the box sealed empty and naming the box not sealed.
    await signInAs(zh, CHAIR);
    await openVoting(zh, BOX, STATION_BOX);
    await screenIsReadable(zh, 'boxes-voting');
    await startGuideLeadsTo(zh, '#/boxes');
    assert.ok((await guideStep(zh, 'certificates').innerText()).includes(t('day.state.done')));
    assert.ok((await guideStep(zh, 'open-voting').innerText()).includes(t('day.progress', { done: 1, total: 2 })));

    // The desk: one scan + Enter per voter; a second scan of the same certificate is refused, saying when and where.
    await deskIssues(zh, voters, false, /\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}/);

    // The Boxes page: voting closed, the box sealed, its seals checked one at a time; counting; results.
    const elected = await closedCountedComputed(zh, { empty: 'A-0001', closed: 'A-0002' }, true, VOTING);
    const signers = await everyoneSigns(zh);
    assert.ok(signers >= 5, `${signers} signers`);
    const printed = await printedSheet(page, elected);
    await screenIsReadable(zh, 'signoff');
    await followNextStep(zh, 'seal', '#/export');

    // The sealed file, by the chair: written to the export folder offered, verified, downloaded.
    await signInAs(zh, CHAIR);
    await sealed(zh, '选举结果-2026-05-16.sealed.json', elected, await shownFingerprint(zh), printed, /封存于 \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}/);
    await dayAllDone(zh);
    assert.deepEqual(zh.problems, []);
    await page.context().close();
  });

  test('in English: a smaller election from opening voting to the sealed file, English only', async () => {
    // Another election file of the data folder, set up through the API up to the box sealed empty.
    await app.call('createElectionFile', { name: 'english-day' });
    await app.call('createElection', JSON.parse(definition('Mingde residents committee election', '2026-05-17')));
    await app.call('importRoll', { contentBase64: b64(rollCsv(PEOPLE.slice(0, 4))), fileName: 'roll.csv' });
    const people = await app.call<{ id: number; name: string }[]>('listPeople', {});
    const chair = people.find((p) => p.name === CHAIR)!;
    await app.call('setPin', { person: chair.id, pin: PIN });
    const asChair = await signedIn(app.call, chair.id, PIN);
    for (const p of people) if (p !== chair) await asChair('setPin', { person: p.id, pin: PIN });
    await asChair('receiveBallots', { box: 'C1', round: 1, count: 10 });
    await asChair('recordCustodyStep', { box: 'C1', round: 1, step: 'sealed-empty', seals: ['B-0001'] });
    const voters: { name: string; certificate: string }[] = [];
    for (let serial = 1; voters.length < 3; serial++) {
      voters.push(await asChair('lookupCertificate', { certificate: makeCertificateNumber(serial) }) as { name: string; certificate: string });
    }

    const en = await walkPage(app, 'en', 'newcomer-en');
    await signInAs(en, CHAIR);
    await guideStep(en, 'open-voting').waitFor();
    await screenIsReadable(en, 'start');
    await guideStep(en, 'open-voting').getByRole('link', { name: en.t('day.step.open-voting') }).click();
    await openVoting(en, BOX, STATION_BOX);
    await screenIsReadable(en, 'boxes-voting');

    await deskIssues(en, voters, true, /\d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}/);
    const elected = await closedCountedComputed(en, { empty: 'B-0001', closed: 'B-0002' }, false, voters.length);
    await everyoneSigns(en);
    await screenIsReadable(en, 'signoff');
    await followNextStep(en, 'seal', '#/export');
    await signInAs(en, CHAIR);
    await sealed(en, '选举结果-2026-05-17.sealed.json', elected, await shownFingerprint(en), null, /Sealed \d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}/i, outDir);
    await dayAllDone(en);
    assert.deepEqual(en.problems, []);
  });
});
