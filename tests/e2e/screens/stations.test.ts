import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { makeCertificateNumber } from '../../../shared/domain/certificate';
import { chromiumMissing, screenshotPath } from '../renderer/harness';
import { b64, PEOPLE, residentsDefinition, rollCsv, startScreensApp, type ScreensApp } from './setup-fixture';

/**
 * Two laptops in browser mode, each its own backend and data folder: the central laptop exports station s1's package
 * on the Stations page, the second opens it on its Start page with the central fingerprint from the slip, issues a
 * ballot, writes a return on its Stations page, and the central imports it there; the central turnout counts it.
 */

const PIN = '246810';
const missing = chromiumMissing();
if (missing) console.log(`# skipping screens stations test: ${missing}`);

describe('Stations: a package out to a second laptop and its return back', { skip: missing ?? false }, () => {
  let central: ScreensApp;
  let station: ScreensApp;
  const ids = new Map<string, number>();
  const sessions = { chair: '' };
  let certificate = '';

  before(async () => {
    central = await startScreensApp();
    station = await startScreensApp();
    const def = residentsDefinition();
    await central.call('createElection', { ...def, officials: [...(def.officials as object[]), { name: '王芳', roles: ['desk'], venue: 's1' }] });
    await central.call('importRoll', { contentBase64: b64(rollCsv(PEOPLE)), fileName: 'roll.csv', assign: { byGroup: { 第二居民小组: 's1' } } });
    for (let serial = 1; serial <= PEOPLE.length && certificate === ''; serial++) {
      const v = await central.call<{ name: string; certificate: string }>('lookupCertificate', { certificate: makeCertificateNumber(serial) });
      if (v.name === '张丽华') certificate = v.certificate;
    }
    for (const p of await central.call<{ id: number; name: string }[]>('listPeople', {})) ids.set(p.name, p.id);
    await central.call('setPin', { person: ids.get('郭志明')!, pin: PIN });
    sessions.chair = (await central.call<{ token: string }>('signIn', { person: ids.get('郭志明')!, pin: PIN })).token;
    await central.call('setPin', { person: ids.get('王芳')!, pin: PIN, session: sessions.chair });
    await central.call('setVotingStatus', { round: 1, status: 'voting', session: sessions.chair });
  });
  after(async () => {
    await central?.close();
    await station?.close();
  });

  test('export on the Stations page, open on the Start page, issue, write the return, import it: the turnout counts it', async () => {
    const a = await central.open('#/stations', { session: sessions.chair });
    await a.page.setViewportSize({ width: 1366, height: 768 });
    await a.page.getByRole('button', { name: '导出数据包' }).click();
    const exported = a.page.getByTestId('stations-exported');
    await exported.waitFor();
    const centralKey = (await exported.locator('.stations-fingerprint').textContent())!.trim();
    const packagePath = /已写出：(.+)$/.exec((await exported.locator('p').first().textContent())!)![1]!.trim();
    await a.page.screenshot({ path: screenshotPath('stations-central-export'), fullPage: true });

    const b = await station.open('#/start');
    await b.page.setViewportSize({ width: 1366, height: 768 });
    await b.page.getByTestId('start-package-path').fill(packagePath);
    await b.page.getByTestId('start-package-fingerprint').fill('0000 0000 0000 0000 0000 0000 0000 0000');
    await b.page.getByRole('button', { name: '打开数据包' }).click();
    await b.page.getByTestId('start-open-package').getByTestId('error').waitFor();
    await b.page.getByTestId('start-package-fingerprint').fill(centralKey);
    // Opened, the page reloads; the file now asks for sign-in (the committee's PINs came with the package).
    await Promise.all([b.page.waitForEvent('load'), b.page.getByRole('button', { name: '打开数据包' }).click()]);
    const opened = await station.call<{ election: { title: string } | null }>('getElection', {});
    assert.equal(opened.election?.title, (residentsDefinition() as { title: string }).title);

    // The station's day, through its own backend: the box opened, one ballot issued at its desk.
    const chairB = (await station.call<{ token: string }>('signIn', { person: ids.get('郭志明')!, pin: PIN })).token;
    const deskB = (await station.call<{ token: string }>('signIn', { person: ids.get('王芳')!, pin: PIN })).token;
    await station.call('recordCustodyStep', { box: 'S1', round: 1, step: 'sealed-empty', seals: ['S1-1'], session: chairB });
    await station.call('recordCustodyStep', { box: 'S1', round: 1, step: 'voting', session: chairB });
    await station.call('receiveBallots', { box: 'S1', round: 1, count: 10, session: chairB });
    await station.call('issueBallot', { certificate, round: 1, desk: 'S1', session: deskB });
    const refused = await station.call('addVenue', { id: 's9', name: '新站', kind: 'station', session: chairB }).then(() => 'done', (e: Error) => e.message);
    assert.match(refused, /投票站 s1 的电脑/);

    const s = await station.open('#/stations', { session: deskB });
    await s.page.setViewportSize({ width: 1366, height: 768 });
    const stationKey = (await s.page.getByTestId('stations-own-key').textContent())!.trim();
    await s.page.getByRole('button', { name: '写出回执' }).click();
    const written = (await s.page.getByTestId('stations-return-written').textContent())!;
    const returnPath = /已写出：(.+?)；/.exec(written)![1]!;
    await s.page.screenshot({ path: screenshotPath('stations-station-return'), fullPage: true });

    const turnout = () => central.call<{ participants: number }>('turnout', { round: 1, session: sessions.chair });
    assert.equal((await turnout()).participants, 0);
    await a.page.getByTestId('stations-import-path').fill(returnPath);
    await a.page.getByTestId('stations-import-fingerprint').fill(stationKey);
    await a.page.getByRole('button', { name: '导入回执' }).click();
    assert.match((await a.page.getByTestId('stations-imported').textContent())!, /新增 1 条/);
    await a.page.getByTestId('stations-row-s1').getByText('S1/1: 1 / 1').waitFor();
    assert.equal((await turnout()).participants, 1);
    await a.page.screenshot({ path: screenshotPath('stations-central-import'), fullPage: true });
    // The eleventh page has no Alt digit: it is reached by its tab.
    await a.page.keyboard.press('Alt+1');
    await a.page.getByTestId('start-screen').waitFor();
    assert.equal(await a.page.getByTestId('tab-stations').locator('kbd').count(), 0);
    await a.page.getByTestId('tab-stations').click();
    await a.page.getByTestId('stations-screen').waitFor();
    for (const p of [a, b, s]) {
      assert.deepEqual(p.problems, []);
      await p.context.close();
    }
  });
});
