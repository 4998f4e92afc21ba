import { test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { parseCsv } from '../../../electron/backend/roll/csv';
import { decodeRollText } from '../../../electron/backend/roll/decode';
import { readRollFile } from '../../../electron/backend/roll/read';
import type { RollRow } from '../../../shared/domain/roll';
import { CSV_HEADER, gbk, makeRollCsv, makeVoter, utf8, voterCsvLine } from './make-roll';

const ELECTION = '2025-06-15';

test('CSV: RFC 4180 quoting, doubled quotes, line breaks inside quotes, CRLF/LF/CR', () => {
  const r = parseCsv('a,"b,c","say ""hi"""\r\n"multi\nline",x,\n\nlast,"",z\rcr,1,2');
  assert.equal(r.ok, true);
  if (!r.ok) return;
  assert.deepEqual(r.records, [
    { line: 1, cells: ['a', 'b,c', 'say "hi"'] },
    { line: 2, cells: ['multi\nline', 'x', ''] },
    { line: 5, cells: ['last', '', 'z'] },
    { line: 6, cells: ['cr', '1', '2'] },
  ]);
  const open = parseCsv('a,b\n"never closed,c\nd');
  assert.equal(open.ok, false);
  assert.equal(!open.ok && open.line, 2);
});

test('encoding: UTF-8 with or without BOM, GBK detected', () => {
  const text = `${CSV_HEADER}\n${voterCsvLine(makeVoter(1))}\n`;
  for (const bytes of [utf8(text), utf8(text, true)]) {
    const d = decodeRollText(bytes);
    assert.deepEqual(d.ok && [d.encoding, d.text], ['utf8', text]);
  }
  const g = decodeRollText(gbk(text));
  assert.deepEqual(g.ok && [g.encoding, g.text], ['gbk', text]);
  const forced = decodeRollText(gbk(text), 'gbk');
  assert.equal(forced.ok && forced.text, text);
});

test('a GBK file forced as UTF-8 is refused naming the first bad line and telling the user to choose GBK', () => {
  const text = `name,idNumber,gender,birthDate,group,category\n${voterCsvLine(makeVoter(1))}\n`;
  const d = decodeRollText(gbk(text), 'utf8');
  assert.equal(d.ok, false);
  if (d.ok) return;
  assert.equal(d.error.line, 2);
  assert.equal(d.error.code, 'encoding');
  assert.match(d.error.zh, /第 2 行.*GBK/s);
  assert.match(d.error.en, /line 2 .*choose the GBK encoding/s);
});

test('a UTF-8 file forced as GBK is refused rather than garbled', () => {
  const d = decodeRollText(utf8(`${CSV_HEADER}\n${voterCsvLine(makeVoter(3))}\n`), 'gbk');
  assert.equal(d.ok, false);
  assert.match(!d.ok ? d.error.en : '', /UTF-8/);
});

test('replacement characters from an earlier bad conversion are refused with their line', () => {
  const d = decodeRollText(utf8(`${CSV_HEADER}\n${voterCsvLine(makeVoter(3))}\n\uFFFD\uFFFD,1\n`));
  assert.equal(d.ok, false);
  assert.equal(!d.ok && d.error.line, 3);
});

test('bytes that are neither UTF-8 nor GBK are refused with their line', () => {
  const bytes = Buffer.concat([Buffer.from('姓名\n'), Buffer.from([0x61, 0x0a, 0x81, 0x0a])]);
  const d = decodeRollText(bytes);
  assert.equal(d.ok, false);
  assert.equal(!d.ok && d.error.line, 3);
});

test('readRollFile: a clean CSV roll in English headers with quoted fields', async () => {
  const v = makeVoter(5);
  const csv = `Name,ID Number,Gender,Birth Date,Group,Category,Certificate,Remark\n"${v.name}",${v.idNumber},${v.gender},${v.birthDate},"${v.group}",resident,,"a, b"\n`;
  const r = await readRollFile(utf8(csv), { electionDate: ELECTION });
  assert.equal(r.ok, true);
  if (!r.ok) return;
  assert.equal(r.rows.length, 1);
  assert.equal(r.rows[0]!.line, 2);
  assert.equal(r.rows[0]!.category, 'resident');
  assert.deepEqual(r.ignoredColumns, []);
});

test('readRollFile: row errors come back all together, nothing half-accepted', async () => {
  const lines = [CSV_HEADER, voterCsvLine(makeVoter(1)), voterCsvLine(makeVoter(1)), voterCsvLine({ ...makeVoter(2), category: '??' })];
  const r = await readRollFile(utf8(lines.join('\n')), { electionDate: ELECTION });
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.deepEqual(r.errors.map((e) => [e.line, e.column, e.code]), [
    [3, '身份证号', 'duplicate-id-number'],
    [3, '选民证号', 'duplicate-certificate'],
    [4, '登记类别', 'unknown-category'],
  ]);
});

test('readRollFile: missing header columns are reported before any row', async () => {
  const r = await readRollFile(utf8('姓名,性别\n张三,男\n'), { electionDate: ELECTION });
  assert.equal(r.ok, false);
  assert.ok(!r.ok && r.errors.every((e) => e.code === 'missing-column' && e.line === 1));
});

async function xlsxBytes(rows: unknown[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('选民名单');
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

test('readRollFile: XLSX with text, date cells and rich text', async () => {
  const a = makeVoter(7);
  const b = makeVoter(8);
  const bytes = await xlsxBytes([
    ['序号', '姓名', '身份证号', '性别', '出生日期', '居民小组', '登记类别', '选民证号'],
    [1, a.name, a.idNumber, a.gender, new Date(`${a.birthDate}T00:00:00Z`), a.group, a.category, a.certificate],
    [2, { richText: [{ text: b.name.slice(0, 1) }, { text: b.name.slice(1) }] }, b.idNumber, b.gender, b.birthDate, b.group, b.category, null],
  ]);
  const r = await readRollFile(bytes, { electionDate: ELECTION, encoding: 'utf8' });
  assert.equal(r.ok, true, JSON.stringify(!r.ok && r.errors));
  if (!r.ok) return;
  assert.equal(r.format, 'xlsx');
  assert.deepEqual(r.rows.map((x) => [x.line, x.name, x.birthDate, x.certificate]), [
    [2, a.name, a.birthDate, a.certificate],
    [3, b.name, b.birthDate, null],
  ]);
});

test('readRollFile: an ID number stored as an Excel number is refused with the reason', async () => {
  const a = makeVoter(9);
  const bytes = await xlsxBytes([
    ['姓名', '身份证号', '性别', '出生日期', '居民小组', '登记类别'],
    [a.name, Number(a.idNumber), a.gender, a.birthDate, a.group, a.category],
  ]);
  const r = await readRollFile(bytes, { electionDate: ELECTION });
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.equal(r.errors.length, 1);
  assert.equal(r.errors[0]!.code, 'bad-id-number');
  assert.match(r.errors[0]!.zh, /文本/);
});

test('readRollFile: old .xls and broken XLSX are refused', async () => {
  const xls = await readRollFile(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), { electionDate: ELECTION });
  assert.equal(!xls.ok && xls.errors[0]!.code, 'unreadable-file');
  const broken = await readRollFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), { electionDate: ELECTION });
  assert.equal(!broken.ok && broken.errors[0]!.code, 'unreadable-file');
});

for (const [label, encode] of [['UTF-8', (t: string) => utf8(t, true)], ['GBK', gbk]] as const) {
  test(`a 10,000-row roll in ${label} reads back exactly`, async () => {
    const text = makeRollCsv(10_000, { withCertificates: false });
    const started = performance.now();
    const r = await readRollFile(encode(text), { electionDate: ELECTION });
    const ms = performance.now() - started;
    assert.equal(r.ok, true, JSON.stringify(!r.ok && r.errors.slice(0, 3)));
    if (!r.ok) return;
    assert.equal(r.encoding, label === 'GBK' ? 'gbk' : 'utf8');
    assert.equal(r.rows.length, 10_000);
    for (const i of [0, 1, 4999, 9999]) {
      const v = makeVoter(i);
      const row: RollRow = r.rows[i]!;
      assert.deepEqual([row.line, row.name, row.idNumber, row.group], [i + 2, v.name, v.idNumber, v.group]);
    }
    assert.ok(ms < 5000, `read took ${ms.toFixed(0)} ms`);
  });
}

test('a 10,000-row GBK roll forced as UTF-8 gives the clear error, no rows', async () => {
  const r = await readRollFile(gbk(makeRollCsv(10_000)), { electionDate: ELECTION, encoding: 'utf8' });
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.equal(r.errors.length, 1);
  assert.equal(r.errors[0]!.code, 'encoding');
  assert.equal(r.errors[0]!.line, 1); // the Chinese header is already GBK
  assert.match(r.errors[0]!.zh, /GBK/);
});
