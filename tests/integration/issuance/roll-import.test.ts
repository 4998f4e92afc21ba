import { test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { ApiError } from '../../../shared/api/envelope';
import { checkCertificateNumber } from '../../../shared/domain/certificate';
import type { RollError } from '../../../shared/domain/roll';
import { verifyAuditChain } from '../../../electron/backend/audit';
import { issueBallot } from '../../../electron/backend/services/issuance';
import { importRoll } from '../../../electron/backend/services/roll';
import { assignGroup, lookupVoter, rollSummary } from '../../../electron/backend/services/voters';
import { CSV_HEADER, gbk, makeRollCsv, makeVoter, utf8, voterCsvLine } from '../../unit/roll/make-roll';
import { count, election, openVoting, rejects } from './helpers';

function rollErrors(e: unknown): RollError[] {
  assert.ok(e instanceof ApiError, String(e));
  assert.equal(e.code, 'invalid-input');
  return (e.details as { errors: RollError[] }).errors;
}

for (const [label, bytes, expected] of [
  ['UTF-8 with BOM', () => utf8(makeRollCsv(10_000, { withCertificates: false }), true), 'utf8'],
  ['GBK', () => gbk(makeRollCsv(10_000, { withCertificates: false })), 'gbk'],
] as const) {
  test(`a 10,000-voter roll in ${label} is imported whole, certificate numbers generated`, async () => {
    const { ctx } = election();
    const started = performance.now();
    const r = await importRoll(ctx, { bytes: bytes(), fileName: 'roll.csv' });
    const ms = performance.now() - started;
    assert.deepEqual([r.imported, r.generatedCertificates, r.format, r.encoding], [10_000, 10_000, 'csv', expected]);
    assert.equal(count(ctx, 'voter'), 10_000);
    const certs = ctx.db.prepare('SELECT certificate FROM voter').all() as { certificate: string }[];
    assert.equal(new Set(certs.map((c) => c.certificate)).size, 10_000);
    assert.ok(certs.every((c) => checkCertificateNumber(c.certificate).ok));
    const v = ctx.db.prepare('SELECT name, group_name, venue_id FROM voter WHERE id_number = ?').get(makeVoter(9_999).idNumber) as Record<string, string>;
    assert.deepEqual(v, { name: makeVoter(9_999).name, group_name: makeVoter(9_999).group, venue_id: 'central' });
    assert.equal(count(ctx, 'audit_event', "type = 'roll.imported'"), 1);
    assert.ok(ms < 5000, `import took ${ms.toFixed(0)} ms`);
  });
}

test('a GBK roll read as UTF-8 gives the clear error and changes nothing', async () => {
  const { ctx } = election();
  const events = count(ctx, 'audit_event');
  await assert.rejects(importRoll(ctx, { bytes: gbk(makeRollCsv(10_000)), encoding: 'utf8' }), (e: unknown) => {
    const errors = rollErrors(e);
    assert.equal(errors.length, 1);
    assert.equal(errors[0]!.code, 'encoding');
    assert.match((e as ApiError).message, /GBK/);
    assert.match((e as ApiError).message, /line 1/);
    return true;
  });
  assert.equal(count(ctx, 'voter'), 0);
  assert.equal(count(ctx, 'roll_import'), 0);
  // Only the rejection itself is recorded.
  assert.equal(count(ctx, 'audit_event'), events + 1);
  assert.equal(count(ctx, 'audit_event', "type = 'roll.import-rejected' AND outcome = 'refused'"), 1);
});

test('a roll with bad rows returns every bad row and imports nothing', async () => {
  const { ctx } = election();
  const lines = [CSV_HEADER];
  for (let i = 0; i < 50; i++) lines.push(voterCsvLine(makeVoter(i)));
  lines[10] = voterCsvLine({ ...makeVoter(9), name: '' });
  lines[20] = voterCsvLine({ ...makeVoter(19), category: '外地人' });
  lines.push(voterCsvLine(makeVoter(3)));
  await assert.rejects(importRoll(ctx, { bytes: utf8(lines.join('\n')) }), (e: unknown) => {
    assert.deepEqual(rollErrors(e).map((x) => `${x.line}:${x.code}`), ['11:missing-field', '21:unknown-category', '52:duplicate-id-number', '52:duplicate-certificate']);
    return true;
  });
  assert.equal(count(ctx, 'voter'), 0);
});

test('voters already in the database count as duplicates; generated numbers skip certificates in use', async () => {
  const { ctx } = election();
  await importRoll(ctx, { bytes: utf8(makeRollCsv(10, { withCertificates: false })), certificatePrefix: '7' });
  const existing = (ctx.db.prepare('SELECT certificate FROM voter ORDER BY id LIMIT 1').get() as { certificate: string }).certificate;
  assert.ok(existing.startsWith('7'));
  // Same person again, and someone else carrying an existing certificate number.
  const again = [CSV_HEADER, voterCsvLine({ ...makeVoter(0), certificate: '' }), voterCsvLine({ ...makeVoter(100), certificate: existing })].join('\n');
  await assert.rejects(importRoll(ctx, { bytes: utf8(again) }), (e: unknown) => {
    assert.deepEqual(rollErrors(e).map((x) => `${x.line}:${x.code}`), ['2:duplicate-id-number', '3:duplicate-certificate']);
    return true;
  });
  await assert.rejects(importRoll(ctx, { bytes: utf8(makeRollCsv(2, { from: 200, withCertificates: false })), certificatePrefix: '8' }), rejects('invalid-input'));
  const more = await importRoll(ctx, { bytes: utf8(makeRollCsv(5, { from: 300, withCertificates: false })) });
  assert.equal(more.generatedCertificates, 5);
  assert.equal(count(ctx, 'voter'), 15);
  assert.equal(count(ctx, 'voter', "certificate LIKE '7%'"), 15);
});

test('initial assignment by residents\' group, and group moves only before issuance', async () => {
  const { ctx } = election();
  await importRoll(ctx, { bytes: utf8(makeRollCsv(24)), assign: { byGroup: { 第2居民小组: 's1' } } });
  assert.equal(count(ctx, 'voter', "venue_id = 's1'"), 2);
  assert.equal(assignGroup(ctx, { group: '第3居民小组', venue: 's1' }).moved, 2);
  assert.throws(() => assignGroup(ctx, { group: '第99居民小组', venue: 's1' }), rejects('not-found'));
  assert.deepEqual(rollSummary(ctx.db).byAssignment.map((a) => [a.assignment.id, a.voters]), [['central', 20], ['s1', 4]]);
  openVoting(ctx);
  issueBallot(ctx, { certificate: makeVoter(0).certificate, round: 1, desk: 'C1' });
  assert.throws(() => assignGroup(ctx, { group: '第4居民小组', venue: 's1' }), rejects('refused'));
  await assert.rejects(importRoll(ctx, { bytes: utf8(makeRollCsv(2, { from: 500 })) }), rejects('refused'));
  assert.equal(lookupVoter(ctx.db, makeVoter(0).certificate).issued.length, 1);
  assert.ok(verifyAuditChain(ctx.db).ok);
});

test('an XLSX roll imports like a CSV one', async () => {
  const { ctx } = election();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名单');
  ws.addRow(['姓名', '身份证号', '性别', '出生日期', '居民小组', '登记类别']);
  for (let i = 0; i < 30; i++) {
    const v = makeVoter(i);
    ws.addRow([v.name, v.idNumber, v.gender, new Date(`${v.birthDate}T00:00:00Z`), v.group, v.category]);
  }
  const r = await importRoll(ctx, { bytes: new Uint8Array(await wb.xlsx.writeBuffer()), fileName: 'roll.xlsx' });
  assert.deepEqual([r.imported, r.format, r.encoding], [30, 'xlsx', null]);
});
