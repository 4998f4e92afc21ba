import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { buildApi } from '../../../electron/backend/api';
import { batchCards } from '../../../electron/backend/certificates/batches';
import { cancelCertificatePrint, certificatePrintView, startCertificatePrint } from '../../../electron/backend/certificates/print-job';
import { recordCertificateReprint } from '../../../electron/backend/certificates/reprint';
import type { BackendContext } from '../../../electron/backend/context';
import { contract } from '../../../shared/api/contract';
import type { CertificatePrintView } from '../../../shared/api/certificates';
import { dispatch } from '../../../shared/api/dispatch';
import type { ApiResponse } from '../../../shared/api/envelope';
import { SESSION_FIELD } from '../../../shared/api/resend';
import { formatCertificateNumber } from '../../../shared/domain/certificate';
import { establishAuthority, TEST_PIN } from '../../helpers/authority';
import { count, election, importGenerated, rejects } from '../issuance/helpers';

/** Certificates drawn into PDFs in the export folder, a batch at a time; reprints recorded. Checked with poppler. */

const exportsOf = (ctx: BackendContext) => join(ctx.dataDir, 'exports');
const filesIn = (dir: string) => (existsSync(dir) ? readdirSync(dir) : []);

async function finished(ctx: BackendContext, job: string): Promise<CertificatePrintView> {
  for (;;) {
    const v = certificatePrintView(ctx.db, job);
    if (v.state !== 'running') return v;
    await new Promise((r) => setTimeout(r, 20));
  }
}

function pdfPages(path: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))![1]);
}
const pdfText = (path: string) => execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });

test("one residents' group: a PDF with every card of the group, ten to a sheet, recorded in the audit log", async () => {
  const { ctx } = election();
  await importGenerated(ctx, 150);
  const all = batchCards(ctx.db, { kind: 'all' }, 0, 500).cards;
  const group = all[0]!.group;
  const members = all.filter((c) => c.group === group);
  assert.ok(members.length > 10 && members.length < 150, `group size ${members.length}`);
  const started = startCertificatePrint(ctx, { kind: 'group', group }, 'zh-CN');
  assert.equal(started.total, members.length);
  assert.equal(started.sheets, Math.ceil(members.length / 10));
  const done = await finished(ctx, started.job);
  assert.equal(done.state, 'done', done.error ?? '');
  assert.equal(done.done, members.length);
  assert.equal(pdfPages(done.path), done.sheets);
  const text = pdfText(done.path);
  for (const c of members) {
    assert.ok(text.includes(formatCertificateNumber(c.certificate)), `${c.certificate} printed`);
    assert.ok(text.includes(c.name), `${c.name} printed`);
  }
  for (const c of all.filter((x) => x.group !== group)) assert.ok(!text.includes(formatCertificateNumber(c.certificate)), `${c.certificate} is not of the group`);
  assert.match(text, /选民证/);
  assert.match(text, /投票地点：/);
  assert.deepEqual(filesIn(exportsOf(ctx)), [done.path.split('/').pop()], 'only the finished file, no temp file left');
  const event = ctx.db.prepare("SELECT detail_json FROM audit_event WHERE type = 'certificates.printed'").get() as { detail_json: string };
  const detail = JSON.parse(event.detail_json) as { batch: unknown; certificates: number; sha256: string; bytes: number };
  assert.deepEqual(detail.batch, { kind: 'group', group });
  assert.equal(detail.certificates, members.length);
  assert.equal(detail.sha256, done.sha256);
});

test('a number range prints in number order; English card texts when asked', async () => {
  const { ctx } = election();
  await importGenerated(ctx, 30);
  const numbers = batchCards(ctx.db, { kind: 'all' }, 0, 500).cards.map((c) => c.certificate).sort();
  const [from, to] = [numbers[3]!, numbers[14]!];
  const preview = batchCards(ctx.db, { kind: 'range', from, to }, 0, 500);
  assert.deepEqual(preview.cards.map((c) => c.certificate), numbers.slice(3, 15));
  const done = await finished(ctx, startCertificatePrint(ctx, { kind: 'range', from, to }, 'en').job);
  assert.equal(done.state, 'done');
  assert.equal(pdfPages(done.path), 2);
  const text = pdfText(done.path);
  assert.match(text, /Voter certificate/);
  const printed = numbers.filter((n) => text.includes(formatCertificateNumber(n)));
  assert.deepEqual(printed, numbers.slice(3, 15));
  assert.ok(text.indexOf(formatCertificateNumber(numbers[3]!)) < text.indexOf(formatCertificateNumber(numbers[14]!)));
});

test('a bad batch is refused naming what, and writes nothing', async () => {
  const { ctx } = election();
  await importGenerated(ctx, 12);
  const audit = count(ctx, 'audit_event');
  assert.throws(() => startCertificatePrint(ctx, { kind: 'group', group: '没有这个小组' }, 'zh-CN'), rejects('not-found'));
  assert.throws(() => startCertificatePrint(ctx, { kind: 'venue', venue: 'nowhere' }, 'zh-CN'), (e: Error) => /batch\.venue/.test(e.message));
  assert.throws(() => startCertificatePrint(ctx, { kind: 'mobile-box', box: 'C1' }, 'zh-CN'), (e: Error) => /batch\.box.*C1/.test(e.message));
  assert.throws(() => startCertificatePrint(ctx, { kind: 'range', from: '0000 0099', to: '00000010' }, 'zh-CN'), (e: Error) => /batch\.to.*00000010.*00000099/.test(e.message));
  assert.throws(() => startCertificatePrint(ctx, { kind: 'range', from: '12ab', to: '00000010' }, 'zh-CN'), (e: Error) => /batch\.from/.test(e.message));
  assert.throws(() => startCertificatePrint(ctx, { kind: 'range', from: '90000000', to: '90000009' }, 'zh-CN'), rejects('refused'));
  assert.throws(() => startCertificatePrint(ctx, { kind: 'venue', venue: 's1' }, 'zh-CN'), (e: Error) => /没有选民/.test(e.message), 'nobody votes at s1 yet');
  assert.equal(count(ctx, 'audit_event'), audit);
  assert.deepEqual(filesIn(exportsOf(ctx)).filter((f) => f.endsWith('.pdf') || f.endsWith('.partial')), []);
});

test('no Chinese font: refused with a clear message, nothing written', async () => {
  const { ctx } = election();
  await importGenerated(ctx, 3);
  const saved = process.env.STATION_CERT_FONT;
  process.env.STATION_CERT_FONT = join(ctx.dataDir, 'no-such-font.ttc');
  try {
    assert.throws(() => startCertificatePrint(ctx, { kind: 'all' }, 'zh-CN'), (e: Error) => /STATION_CERT_FONT.*no-such-font\.ttc.*does not exist/.test(e.message));
  } finally {
    if (saved === undefined) delete process.env.STATION_CERT_FONT;
    else process.env.STATION_CERT_FONT = saved;
  }
  assert.deepEqual(filesIn(exportsOf(ctx)), []);
});

test('cancel stops the batch and removes its unfinished file; one batch at a time', async () => {
  const { ctx } = election();
  await importGenerated(ctx, 300);
  const first = startCertificatePrint(ctx, { kind: 'all' }, 'zh-CN');
  assert.throws(() => startCertificatePrint(ctx, { kind: 'all' }, 'zh-CN'), rejects('conflict', 'running'));
  const cancelled = cancelCertificatePrint(ctx.db, first.job);
  assert.equal(cancelled.state, 'cancelled');
  assert.ok(cancelled.done < cancelled.total, `stopped at ${cancelled.done} of ${cancelled.total}`);
  for (let i = 0; i < 100 && filesIn(exportsOf(ctx)).length > 0; i++) await new Promise((r) => setTimeout(r, 20));
  assert.deepEqual(filesIn(exportsOf(ctx)), [], 'neither the PDF nor its temp file is left');
  assert.equal(count(ctx, 'audit_event', "type = 'certificates.printed'"), 0);
  assert.equal(cancelCertificatePrint(ctx.db, first.job).state, 'cancelled', 'cancelling again answers the same');
  // The next batch may start now.
  const next = await finished(ctx, startCertificatePrint(ctx, { kind: 'range', from: '00000000', to: '99999999' }, 'zh-CN').job);
  assert.equal(next.state, 'done');
  assert.equal(pdfPages(next.path), 30);
  assert.throws(() => certificatePrintView(ctx.db, '0123456789abcdef'), rejects('not-found'));
});

test('a reprint is recorded with its reason; unknown or malformed numbers are refused and record nothing', async () => {
  const { ctx } = election();
  await importGenerated(ctx, 5);
  const card = batchCards(ctx.db, { kind: 'all' }, 0, 5).cards[2]!;
  const again = recordCertificateReprint(ctx, { certificate: formatCertificateNumber(card.certificate), reason: '选民遗失' });
  assert.deepEqual(again, card);
  const event = ctx.db.prepare("SELECT subject, detail_json FROM audit_event WHERE type = 'certificate.reprinted'").get() as { subject: string; detail_json: string };
  assert.equal(event.subject, `certificate:${card.certificate}`);
  assert.deepEqual(JSON.parse(event.detail_json), { voter: card.name, group: card.group, reason: '选民遗失' });
  const before = count(ctx, 'audit_event');
  assert.throws(() => recordCertificateReprint(ctx, { certificate: '12345670', reason: 'x' }), (e: Error) => /12345670/.test(e.message));
  assert.throws(() => recordCertificateReprint(ctx, { certificate: '1234567', reason: 'x' }), (e: Error) => /^certificate:/.test(e.message));
  assert.equal(count(ctx, 'audit_event'), before);
});

test('through the contract: the committee reprints (once per request key), the desk may not, the reason is limited', async () => {
  const { ctx, person } = election();
  await importGenerated(ctx, 5);
  const chair = person('郭志明');
  const desk = person('丁一');
  establishAuthority(ctx, chair, [{ person: desk }]);
  const api = buildApi(ctx);
  const as = async (p: number) => {
    const s = await dispatch(contract, api, 'signIn', { person: p, pin: TEST_PIN });
    assert.ok(s.ok);
    const token = (s.value as { token: string }).token;
    return (method: string, input: object): Promise<ApiResponse<unknown>> => dispatch(contract, api, method, { ...input, [SESSION_FIELD]: token });
  };
  const certificate = batchCards(ctx.db, { kind: 'all' }, 0, 1).cards[0]!.certificate;
  const deskCall = await as(desk);
  const refusedAnswer = await deskCall('recordCertificateReprint', { certificate, reason: '损坏' });
  assert.equal(refusedAnswer.ok, false);
  const chairCall = await as(chair);
  const tooLong = await chairCall('recordCertificateReprint', { certificate, reason: '长'.repeat(501) });
  assert.ok(!tooLong.ok && tooLong.error.code === 'invalid-input' && /reason/.test(tooLong.error.message));
  const input = { certificate, reason: '损坏', requestKey: 'reprint-key-0000000001' };
  const a = await chairCall('recordCertificateReprint', input);
  const b = await chairCall('recordCertificateReprint', input);
  assert.ok(a.ok && b.ok);
  assert.deepEqual(a.value, b.value);
  assert.equal(count(ctx, 'audit_event', "type = 'certificate.reprinted'"), 1, 'the re-send is answered, not recorded again');
  const batchRefused = await deskCall('startCertificatePrint', { batch: { kind: 'all' } });
  assert.equal(batchRefused.ok, false, 'printing a batch is the committee\'s');
  const badBatch = await chairCall('startCertificatePrint', { batch: { kind: 'group' } });
  assert.ok(!badBatch.ok && /batch\.group/.test(badBatch.error.message), JSON.stringify(badBatch));
});
