import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import type { Lang, Translate } from '../../../shared/i18n';
import { TEST_PIN } from '../../helpers/authority';
import { screenshotPath } from '../renderer/harness';
import { languageFindings, visibleTexts, type CallWatch } from './language-check';

/**
 * The newcomer walk's ways through the screens, found by role, label and visible words only (no test ids), in the
 * words of the string tables so the same steps read the Chinese and the English screens.
 */

export const PIN = TEST_PIN;

/** A page as the walk holds it: the page, its language's words, the backend's data strings seen so far. */
export interface WalkPage {
  page: Page;
  t: Translate;
  lang: Lang;
  data: Set<string>;
  calls: CallWatch;
  /** Screenshots are named with this prefix. */
  shots: string;
}

/** Signs in through the form on the wall or over the page (the bar's "switch person"), by name and PIN. */
export async function signInAs({ page, t }: Pick<WalkPage, 'page' | 't'>, name: string): Promise<void> {
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

type NavLabel = 'nav.start' | 'nav.setup' | 'nav.desk' | 'nav.boxes' | 'nav.counting' | 'nav.results' | 'nav.signoff' | 'nav.export';

/** A page of the day, by its tab in the page bar. */
export async function nav({ page, t }: Pick<WalkPage, 'page' | 't'>, label: NavLabel): Promise<void> {
  await page.getByRole('navigation', { name: t('nav.label') }).getByRole('link', { name: t(label) }).click();
}

/** Waits until no call to the backend has been on its way for a moment (what the screen asked for has arrived). */
async function callsSettled(w: WalkPage): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline && (w.calls.pending > 0 || Date.now() - w.calls.lastEnded < 200)) await w.page.waitForTimeout(50);
}

/**
 * What every screen of the walk must be: in its own language only (no other language, raw key or system error), not
 * wider than the 1366-pixel window (nothing cut off at the side), and saved as a screenshot.
 */
export async function screenIsReadable(w: WalkPage, where: string): Promise<void> {
  const findings = async () => languageFindings(await visibleTexts(w.page), w.lang, [...w.data].sort((a, b) => b.length - a.length), where);
  let seen = await findings();
  if (seen.length > 0) {
    // The election's own words arrive with the backend's answers: judge again once they are all in.
    await callsSettled(w);
    seen = await findings();
  }
  await w.page.screenshot({ path: screenshotPath(`${w.shots}-${where}`), fullPage: true });
  assert.deepEqual(seen, [], `${where}: words of the wrong kind`);
  const width = await w.page.evaluate(() => ({ page: document.documentElement.scrollWidth, window: window.innerWidth }));
  assert.ok(width.page <= width.window, `${where}: ${width.page}px wide in a ${width.window}px window`);
}

/** The Start page's guide: the link of the step it marks as next, checked to lead where that step is done. */
export async function startGuideLeadsTo(w: WalkPage, href: string): Promise<Locator> {
  await nav(w, 'nav.start');
  await w.page.waitForFunction((h) => document.querySelector('a[aria-current=step]')?.getAttribute('href') === h, href);
  const go = w.page.getByRole('region', { name: w.t('day.title') }).getByRole('link', { name: w.t('day.go') });
  assert.equal(await go.getAttribute('href'), href);
  return go;
}

/** One box's card on the Boxes page, found by its custody region's name. */
export function boxCard(w: WalkPage, boxName: string): Locator {
  return w.page.getByRole('article').filter({ has: w.page.getByRole('region', { name: `${w.t('custody.title')} ${boxName}` }) });
}

/** Boxes page: the box's ballots received and the box shown empty and sealed. */
export async function receiveAndSealEmpty(w: WalkPage, boxName: string, ballots: number, seal: string): Promise<void> {
  const { page, t } = w;
  const card = boxCard(w, boxName);
  await card.getByLabel(t('boxes.ballots')).fill(String(ballots));
  await card.getByLabel(t('boxes.ballots')).press('Enter');
  await card.getByRole('definition').first().filter({ hasText: String(ballots) }).waitFor();
  await card.getByLabel(t('custody.sealNumber')).fill(seal);
  await card.getByLabel(t('custody.sealNumber')).press('Enter');
  await card.getByText(t('custody.state', { state: t('custody.step.sealed-empty') })).waitFor();
  await page.getByRole('button', { name: t('boxes.openVoting') }).waitFor();
}

/** Boxes page: the one flow that opens the round and starts voting on every box sealed empty. */
export async function openVoting(w: WalkPage, sealed: string, notSealed: string): Promise<void> {
  const { page, t } = w;
  await page.getByRole('button', { name: t('boxes.openVoting') }).click();
  const asked = page.getByRole('group').filter({ hasText: t('boxes.confirmOpen') });
  await asked.getByText(t('boxes.open.sealed')).waitFor();
  assert.equal(await asked.locator('strong').innerText(), sealed);
  assert.ok((await asked.innerText()).includes(t('boxes.open.notSealed', { boxes: notSealed })), await asked.innerText());
  await screenIsReadable(w, 'open-voting');
  // The confirmation has the keyboard: Enter confirms.
  await page.keyboard.press('Enter');
  await page.getByText(t('boxes.open.started', { boxes: sealed })).waitFor();
  await boxCard(w, sealed).getByText(t('custody.state', { state: t('custody.step.voting') })).waitFor();
  await page.getByText(t('boxes.status', { status: t('sa.status.voting') })).waitFor();
}

/** Desk: this computer's desk chosen once, by Enter on the first desk offered. */
export async function chooseDesk(w: WalkPage): Promise<void> {
  await w.page.getByRole('heading', { name: w.t('deskpage.choose') }).waitFor();
  await w.page.keyboard.press('Enter');
  await w.page.getByLabel(w.t('desk.inputLabel')).waitFor();
}

/**
 * Desk: the certificate scanned (typed as printed) and Enter, into whatever has the keyboard (the desk's field keeps
 * it); returns the panel that answers.
 */
export async function scan(w: WalkPage, certificate: string): Promise<Locator> {
  const { page, t } = w;
  await page.keyboard.type(certificate);
  await page.keyboard.press('Enter');
  const answer = page.getByRole('status').filter({ hasNotText: t('desk.answer.busy') }).filter({ hasText: certificate.replace(' ', '') });
  await answer.waitFor();
  return answer;
}

/** Desk: one scan + Enter per voter, each answered "issue" with the voter's name; the desk's count follows. */
export async function issueBallots(w: WalkPage, voters: readonly { name: string; certificate: string }[]): Promise<void> {
  const { page, t } = w;
  // As a clerk looks before scanning: the desk's field is there and has the keyboard (a scan typed while the page is
  // still loading goes nowhere).
  const field = page.getByLabel(t('desk.inputLabel'));
  await field.waitFor();
  await page.waitForFunction((el) => document.activeElement === el, await field.elementHandle());
  for (const v of voters) {
    const answer = await scan(w, v.certificate);
    const said = await answer.innerText();
    assert.ok(said.includes(t('desk.answer.issue')) && said.includes(v.name), said);
  }
  await page.getByText(t('desk.issuedCount', { count: voters.length })).waitFor();
}

/**
 * Boxes page: voting closed for the round (confirmed), the box sealed after voting, and its seals checked as found,
 * one at a time when `oneByOne` (each matching seal said, the ones still needed named) or all in one line.
 */
export async function closeAndCheckSeals(w: WalkPage, boxName: string, seals: { empty: string; closed: string }, oneByOne: boolean): Promise<void> {
  const { page, t } = w;
  await page.getByRole('button', { name: t('boxes.closeVoting') }).click();
  await page.getByRole('group').filter({ hasText: t('boxes.confirmClose') }).waitFor();
  await page.keyboard.press('Enter');
  await page.getByText(t('boxes.status', { status: t('sa.status.closed') })).waitFor();
  const card = boxCard(w, boxName);
  await card.getByLabel(t('custody.sealNumber')).fill(seals.closed);
  await card.getByLabel(t('custody.sealNumber')).press('Enter');
  await card.getByText(t('custody.state', { state: t('custody.step.sealed-closed') })).waitFor();
  // The keyboard goes on in the box's next field, the seals found.
  const seen = card.getByLabel(t('custody.sealSeen'));
  await seen.waitFor();
  if (oneByOne) {
    // Only the closing seal, typed in lower case: it matches, and the screen names the seal still needed.
    await page.keyboard.type(seals.closed.toLowerCase());
    await page.keyboard.press('Enter');
    const progress = card.getByRole('status').filter({ hasText: t('custody.sealsMatching', { seals: seals.closed }) });
    await progress.waitFor();
    const said = await progress.innerText();
    const needed = t('custody.sealsStillNeeded', { count: 2, seals: t('custody.sealEmptyNamed', { seal: seals.empty }) });
    assert.ok(said.includes(needed), said);
    assert.equal(await card.getByText(t('custody.sealMismatch', { seal: seals.closed })).count(), 0, 'a matching seal is no mismatch');
    await card.getByText(t('custody.state', { state: t('custody.step.sealed-closed') })).waitFor();
    await screenIsReadable(w, 'seal-one-by-one');
    await seen.fill(seals.empty);
    await seen.press('Enter');
  } else {
    await page.keyboard.type(`${seals.empty} ${seals.closed}`);
    await page.keyboard.press('Enter');
  }
  await card.getByText(t('custody.state', { state: t('custody.step.seal-checked') })).waitFor();
}

/** The way on at the end of a screen ("next: count"), followed. */
export async function followNextStep(w: WalkPage, step: 'count' | 'results' | 'seal', href: string): Promise<void> {
  const link = w.page.getByRole('link', { name: w.t('day.nextLink', { step: w.t(`day.step.${step}`) }) });
  await link.waitFor();
  assert.equal(await link.getAttribute('href'), href);
  await link.click();
}

/** Waits until this element has the keyboard focus. */
async function focusOn(page: Page, element: Locator): Promise<void> {
  await page.waitForFunction((el) => el === document.activeElement, await element.elementHandle());
}

/**
 * Counting, by keyboard: the person signed in (the chief scrutineer) chooses the box (the first not counted has the
 * focus), opens it and types the ballots found; the counter, signed in over the page, enters each ballot by keys
 * (every candidate of every section, Enter after each section) and finishes the box.
 */
export async function countBox(w: WalkPage, counter: string, boxName: string, ballots: number, keys: readonly string[]): Promise<void> {
  const { page, t } = w;
  await focusOn(page, page.getByRole('link', { name: boxName }));
  await page.keyboard.press('Enter');
  await focusOn(page, page.getByRole('button', { name: t('counting.open') }));
  await page.keyboard.press('Enter');
  await page.getByText(t('counting.opened', { name: boxName })).waitFor();
  await page.keyboard.type(String(ballots));
  await page.keyboard.press('Enter');
  await page.getByText(t('counting.found.match')).waitFor();
  await signInAs(w, counter);
  await page.waitForFunction((name) => document.activeElement?.getAttribute('aria-label') === name, t('ballot.label'));
  for (let i = 0; i < ballots; i++) for (const k of keys) await page.keyboard.press(k);
  await page.getByText(t('counting.allEntered', { found: ballots })).waitFor();
  await screenIsReadable(w, 'counting');
  await page.getByRole('button', { name: t('counting.finish') }).click();
  await page.getByText(t('counting.accepted', { name: boxName })).waitFor();
}

/**
 * Results: before computing nothing computed is announced and computing is the primary button; after it, signing is
 * the primary step and checking again secondary. Returns the chair's office's elected line.
 */
export async function computeResults(w: WalkPage, chairTitle: string): Promise<string> {
  const { page, t } = w;
  const compute = page.getByRole('button', { name: t('results.compute'), exact: true });
  await compute.waitFor();
  assert.match((await compute.getAttribute('class')) ?? '', /ui-primary/);
  const before = await page.getByRole('main').innerText();
  for (const premature of [t('results.valid'), t('results.invalid'), t('results.electedList', { names: '' }), t('results.standing.title')]) {
    assert.ok(!before.includes(premature), `before computing: ${premature}`);
  }
  await screenIsReadable(w, 'results-before');
  await page.waitForFunction((name) => document.activeElement?.textContent === name, t('results.compute'));
  await page.keyboard.press('Enter');
  await page.getByText(t('results.valid'), { exact: true }).waitFor();
  // Computed: the standing across rounds shows, and the screen's way on is signing.
  await page.getByRole('heading', { name: t('results.standing.title') }).waitFor();
  await page.getByRole('link', { name: t('day.nextLink', { step: t('day.step.sign') }) }).waitFor();
  const toSign = page.getByRole('link', { name: t('results.toSignoff') });
  assert.match((await toSign.getAttribute('class')) ?? '', /ui-primary/);
  const again = page.getByRole('button', { name: t('results.recompute') });
  assert.doesNotMatch((await again.getAttribute('class')) ?? '', /ui-primary/);
  const card = page.locator('section, article, div').filter({ has: page.getByRole('heading', { name: chairTitle }) }).last();
  const elected = await card.getByText(t('results.electedList', { names: '' })).innerText();
  assert.ok(elected.length >= t('results.electedList', { names: '' }).length + 2, elected);
  await screenIsReadable(w, 'results');
  // The keyboard went on to signing: Enter follows it.
  await page.waitForFunction((name) => document.activeElement?.textContent === name, t('results.toSignoff'));
  await page.keyboard.press('Enter');
  return elected;
}

/**
 * Sign-off: every official still unmarked on the sheet signs as themself — signed in, their own PIN typed again,
 * Enter — until the sheet says all have signed. Returns how many signed.
 */
export async function everyoneSigns(w: WalkPage): Promise<number> {
  const { page, t } = w;
  const panel = page.getByRole('region', { name: t('signoff.sign.title') });
  const officials = panel.getByRole('listitem');
  await officials.first().waitFor();
  let signed = 0;
  for (;;) {
    const open = officials.filter({ hasText: '○' });
    if ((await open.count()) === 0) break;
    const name = (await open.first().innerText()).replace('○', '').trim().split(/\s+/)[0]!;
    await signInAs(w, name);
    const pin = panel.getByLabel(t('signoff.sign.pin'));
    await pin.fill(PIN);
    await pin.press('Enter');
    signed += 1;
    await page.waitForFunction(
      ([n, all]) => [...document.querySelectorAll('li')].filter((li) => li.textContent?.startsWith('✓')).length >= n || document.body.innerText.includes(all!),
      [signed, t('signoff.sign.allSigned')] as const,
    );
  }
  await page.getByText(t('signoff.sign.allSigned')).waitFor();
  return signed;
}

/**
 * Export in browser mode, by keyboard from the folder field that has the focus: the export folder offered (nothing
 * typed) or a folder typed, the file written and read back verified, and offered for download. Returns the verified
 * summary's text, the file's folder and the download's bytes.
 */
export async function sealAndExport(w: WalkPage, typed = ''): Promise<{ summary: string; folder: string; name: string; downloaded: Buffer }> {
  const { page, t } = w;
  const offered = page.getByText(t('export.currentFolder', { folder: '' }).trim());
  await offered.waitFor();
  await page.waitForFunction((name) => document.activeElement?.closest('label')?.textContent?.startsWith(name) ?? false, t('export.folder'));
  await page.keyboard.type(typed);
  await page.keyboard.press('Enter');
  const verified = page.getByRole('heading', { name: t('export.verifyOk') });
  await verified.waitFor();
  const summary = await page.locator('div').filter({ has: verified }).last().innerText();
  const shown = page.getByText(t('export.folderShown', { folder: '' }).trim());
  const folder = (await shown.innerText()).slice(t('export.folderShown', { folder: '' }).trim().length).trim();
  const button = page.getByRole('button', { name: t('export.download', { name: '' }).trim() });
  const name = (await button.innerText()).slice(t('export.download', { name: '' }).trim().length).trim();
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  assert.equal(download.suggestedFilename(), name);
  return { summary, folder, name, downloaded: readFileSync(await download.path()) };
}
