import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromiumMissing, screenshotPath } from '../renderer/harness';
import { b64, PEOPLE, residentsDefinition, rollCsv, startScreensApp, type ScreensApp } from './setup-fixture';

/**
 * The audit-log page (操作日志) at 1366×768 on the real backend: the events in order in the screen's language, the
 * filters by type, person and time, a record in full, and the chain verified on demand ending at the same head as
 * the backend's whole walk (what `station audit verify` prints).
 */

const PIN = '246810';
const missing = chromiumMissing();
if (missing) console.log(`# skipping audit log test: ${missing}`);

interface Log {
  total: number;
  events: { seq: number; type: string; actor: string | null }[];
}

describe('audit log page', { skip: missing ?? false }, () => {
  let app: ScreensApp;
  let session = '';

  before(async () => {
    app = await startScreensApp();
    await app.call('createElection', residentsDefinition());
    await app.call('importRoll', { contentBase64: b64(rollCsv(PEOPLE)), fileName: 'roll.csv' });
    const people = await app.call<{ id: number; name: string }[]>('listPeople', {});
    const chair = people.find((p) => p.name === '郭志明')!.id;
    await app.call('setPin', { person: chair, pin: PIN });
    // A wrong PIN first: a refused event by the chair to filter for.
    await app.call('signIn', { person: chair, pin: '999999', idleMinutes: 480 }).catch(() => undefined);
    session = (await app.call<{ token: string }>('signIn', { person: chair, pin: PIN, idleMinutes: 480 })).token;
    await app.call('setPin', { person: people.find((p) => p.name === '丁一')!.id, pin: PIN, session });
  });
  after(async () => {
    await app?.close();
  });

  for (const lang of ['zh-CN', 'en'] as const) {
    test(`events in order, filtered, in full, and the chain verified (${lang})`, async () => {
      const all = await app.call<Log>('auditLog', { limit: 500, session });
      const { page, context, problems } = await app.open('#/audit', { session, lang });
      try {
        await page.setViewportSize({ width: 1366, height: 768 });
        const total = page.getByTestId('audit-total');
        await total.filter({ hasText: String(all.total) }).waitFor();
        const first = page.locator('[data-testid=audit-scroller] [role=option]').first();
        await first.filter({ hasText: lang === 'en' ? 'election created from its definition' : '创建选举' }).waitFor();
        assert.equal(await first.getAttribute('data-seq'), '1');

        // By type: the wrong PIN, marked refused.
        await page.getByLabel(lang === 'en' ? 'Action' : '操作类型').selectOption('pin.failed');
        await total.filter({ hasText: lang === 'en' ? '1 records' : '共 1 条记录' }).waitFor();
        const refused = page.locator('[data-testid=audit-scroller] [role=option]').first();
        await refused.filter({ hasText: lang === 'en' ? 'wrong personal PIN (refused)' : '个人密码错误（被拒绝）' }).waitFor();
        await refused.click();
        await page.getByTestId('audit-detail').filter({ hasText: lang === 'en' ? 'refused' : '被拒绝' }).waitFor();

        // By person and time: everything the chair did, then nothing before a day long before the election.
        await page.getByRole('button', { name: lang === 'en' ? 'Clear filters' : '清除筛选' }).click();
        const chairEvents = all.events.filter((e) => e.actor !== null && e.actor.includes('郭志明'));
        assert.ok(chairEvents.length >= 2, 'the chair signed in and set a PIN');
        const actor = chairEvents[0]!.actor!;
        const byChair = all.events.filter((e) => e.actor === actor).length;
        await page.getByLabel(lang === 'en' ? 'By' : '操作人').and(page.getByTestId('audit-actor')).selectOption(actor);
        await total.filter({ hasText: String(byChair) }).waitFor();
        await page.getByTestId('audit-to').fill('2000-01-01');
        await total.filter({ hasText: lang === 'en' ? '0 records' : '共 0 条记录' }).waitFor();
        await page.getByTestId('audit-from').fill('2026-13-40');
        await page.getByText(lang === 'en' ? '"2026-13-40" is not a time' : '“2026-13-40”不是时间').waitFor();
        await page.getByRole('button', { name: lang === 'en' ? 'Clear filters' : '清除筛选' }).click();
        await total.filter({ hasText: String(all.total) }).waitFor();

        // The keyboard walks the list; End goes to the last record.
        await page.getByTestId('audit-scroller').focus();
        await page.keyboard.press('End');
        await page.getByTestId('audit-detail').filter({ hasText: lang === 'en' ? `Record ${all.total}` : `第 ${all.total} 条记录` }).waitFor();

        await page.getByTestId('audit-verify').click();
        const intact = page.getByTestId('audit-intact');
        await intact.waitFor();
        const head = await app.call<{ ok: true; count: number; head: string }>('verifyAudit', { session });
        assert.ok(head.ok);
        assert.match(await intact.innerText(), new RegExp(`${head.count}:${head.head}`));
        await page.screenshot({ path: screenshotPath(`audit-log-${lang}`) });
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });
  }
});
