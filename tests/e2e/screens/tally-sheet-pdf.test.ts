import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { enterBallot, finishBox } from '../../../electron/backend/services/counting';
import { computeResults } from '../../../electron/backend/services/results';
import type { ElectionOptions } from '../../integration/counting/helpers';
import { asPerson } from '../../helpers/authority';
import { chromiumMissing, screenshotPath } from '../renderer/harness';
import { countingWindow, openedBox, type CountingWindow } from './counting-fixture';

/**
 * The tally sheet (选举结果报告单) printed to A4 as the browser prints it, read back with poppler (pdfinfo, pdftotext):
 * for a small election the results, the hashes and the signature table share one page; for a large one (many
 * offices and candidates) every page repeats the sheet's header, the signature block starts on a page of its own
 * with the hashes, and no official's row is split between pages.
 */

const missing = chromiumMissing() ?? (hasPoppler() ? null : 'poppler (pdfinfo, pdftotext) is not installed');
if (missing) console.log(`# skipping tally sheet PDF test: ${missing}`);

function hasPoppler(): boolean {
  try {
    execFileSync('pdfinfo', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const dir = mkdtempSync(join(tmpdir(), 'station-sheet-pdf-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** The sheet's pages as text, one string per page. */
async function printedPages(app: CountingWindow, name: string): Promise<string[]> {
  await app.page.getByTestId('tally-sheet').waitFor();
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, await app.page.pdf({ format: 'A4', printBackground: true }));
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
  const out: string[] = [];
  for (let p = 1; p <= pages; p++) out.push(execFileSync('pdftotext', ['-layout', '-f', String(p), '-l', String(p), file, '-'], { encoding: 'utf8' }));
  return out;
}

async function sheetOf(ballots: number, election: ElectionOptions, marks: (i: number) => Record<string, { for: string[] }>) {
  const { ctx, people } = await openedBox(ballots, election);
  asPerson(ctx, people['郑丽']!, () => {
    for (let i = 1; i <= ballots; i++) enterBallot(ctx, { round: 1, box: 'C1', position: i, ballot: { marks: marks(i) } });
  });
  asPerson(ctx, people['谢文']!, () => finishBox(ctx, { round: 1, box: 'C1' }));
  asPerson(ctx, people['郭志明']!, () => computeResults(ctx, 1));
  return countingWindow(ctx, people['郭志明']!, '#/signoff');
}

describe('tally sheet PDF layout', { skip: missing ?? false }, () => {
  test('a small election: results, hashes and signatures on one A4 page', async () => {
    const app = await sheetOf(6, {}, (i) => ({ chair: { for: [i <= 4 ? 'c1' : 'c2'] }, member: { for: ['m1', 'm3'] } }));
    try {
      const pages = await printedPages(app, 'small');
      await app.page.screenshot({ path: screenshotPath('tally-sheet-small'), fullPage: true });
      assert.equal(pages.length, 1, `one page, got ${pages.length}:\n${pages.map((p, i) => `--- page ${i + 1}\n${p}`).join('\n')}`);
      for (const text of ['选举结果报告单', '当选', '结果哈希', '签字', '监票人', '计票人']) assert.ok(pages[0]!.includes(text), `page 1 has ${text}`);
    } finally {
      await app.close();
    }
  });

  test('a large election: the header on every page, the signature block whole with the hashes, no row split', async () => {
    const offices = Array.from({ length: 8 }, (_, o) => ({ id: `o${o}`, title: `职位${o + 1}`, rank: o + 1, seats: 3 }));
    const candidates = offices.flatMap((office, o) =>
      Array.from({ length: 9 }, (_, c) => ({ id: `c${o}x${c}`, name: `候选${o + 1}号${c + 1}`, gender: (c % 2 ? 'male' : 'female') as 'female' | 'male', office: office.id })),
    );
    const app = await sheetOf(4, { offices, candidates }, (i) =>
      Object.fromEntries(offices.map((o, n) => [o.id, { for: [`c${n}x${i % 9}`, `c${n}x${(i + 1) % 9}`] }])),
    );
    try {
      const pages = await printedPages(app, 'large');
      assert.ok(pages.length >= 2, `several pages (${pages.length})`);
      const header = /选举结果报告单.*第 ?1 ?轮/;
      pages.forEach((p, i) => assert.match(p, header, `page ${i + 1} repeats the header`));
      const withSignatures = pages.findIndex((p) => p.includes('签字栏') || /手写签名/.test(p));
      assert.ok(withSignatures >= 0, 'the signature table is printed');
      assert.ok(pages[withSignatures]!.includes('结果哈希'), 'the hashes are on the page of the signatures');
      // Each official's row (role, name, hand-signing line) is on one page: the name appears on exactly one page.
      const officials = await app.page.locator('.signoff-sheet-signatures tbody tr').allInnerTexts();
      assert.ok(officials.length >= 5);
      for (const row of officials) {
        const [role, name] = row.split('\t').map((c) => c.trim());
        const lines = pages.flatMap((p) => p.split('\n')).filter((l) => l.includes(name!) && l.includes(role!));
        assert.equal(lines.length, 1, `${role} ${name}: role and name on one printed line`);
      }
    } finally {
      await app.close();
    }
  });
});
