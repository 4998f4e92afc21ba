import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { AnnouncementView } from '../../../shared/api/announcement';
import { drillApp, type DrillApp } from '../../bench/screens/drill-app';
import { chromiumMissing, screenshotPath } from '../renderer/harness';

const missing = chromiumMissing();
if (missing) console.log(`# skipping the announcement screen test: ${missing}`);

function pdfText(pdf: Buffer): { pages: number; text: string } {
  const dir = mkdtempSync(join(tmpdir(), 'station-announce-pdf-'));
  try {
    const file = join(dir, 'a.pdf');
    writeFileSync(file, pdf);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
    return { pages, text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('results announcement and certificates of election', { skip: missing ?? false }, () => {
  let app: DrillApp;
  before(async () => {
    app = await drillApp(300);
  });
  after(async () => {
    await app?.close();
  });

  test('from the sign-off page: the announcement lists the elected with votes; one certificate page per elected person', async () => {
    const chair = app.personWith('committee');
    const { page, context } = await app.open('#/signoff', chair);
    const view = await app.call<AnnouncementView>('resultAnnouncement', { session: await app.sessionFor(chair) });
    const elected = view.offices.flatMap((o) => o.elected);
    assert.ok(elected.length > 0, 'the drill elects someone');

    await page.getByRole('link', { name: '选举结果公告与当选证书' }).click();
    await page.getByTestId('announcement-paper').waitFor();
    const paper = (await page.getByTestId('announcement-paper').innerText()).replace(/\s+/g, '');
    assert.ok(paper.includes('选举结果公告'));
    for (const p of elected) assert.ok(paper.includes(`${p.name}（得票${p.votes}票）`), `${p.name} with ${p.votes} votes`);
    assert.ok(paper.includes('演练'), 'a drill says so on the paper');
    await page.getByLabel('公告日期').fill('2026-05-20');
    assert.ok((await page.getByTestId('announcement-paper').innerText()).includes('2026年5月20日'));
    await page.screenshot({ path: screenshotPath('screens-announcement'), fullPage: true });
    const announcement = pdfText(await page.pdf({ format: 'A4', printBackground: true }));
    assert.equal(announcement.pages, 1, 'the announcement fits one A4 page');

    await page.getByLabel('当选证书（每人一页）').check();
    await page.getByTestId('election-certificate').first().waitFor();
    assert.equal(await page.getByTestId('election-certificate').count(), elected.length);
    const certificates = pdfText(await page.pdf({ format: 'A4', printBackground: true }));
    assert.equal(certificates.pages, elected.length, 'one page per elected person');
    assert.equal(certificates.text.match(/当选证书/g)?.length, elected.length);
    assert.ok(certificates.text.includes(elected[0]!.name));
    await context.close();
  });
});
