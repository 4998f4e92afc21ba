import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readRollFile } from '../../../electron/backend/roll/read';
import { validateRollRows } from '../../../shared/domain/roll';
import { CSV_HEADER, gbk, makeVoter, utf8, voterCsvLine } from './make-roll';

const ELECTION = '2025-06-15';

/** A CSV roll of three good voters with `name` on line 3 (the second voter). */
function rollWithName(name: string): string {
  const lines = [CSV_HEADER, voterCsvLine(makeVoter(1)), voterCsvLine({ ...makeVoter(2), name }), voterCsvLine(makeVoter(3))];
  return `${lines.join('\r\n')}\r\n`;
}

async function errorsFor(bytes: Uint8Array) {
  const r = await readRollFile(bytes, { electionDate: ELECTION });
  assert.equal(r.ok, false, 'the roll must be refused');
  return r.ok ? [] : r.errors;
}

test('a 5 MB name is refused naming the row and the column, without echoing the name', async () => {
  const errors = await errorsFor(utf8(rollWithName('王'.repeat(5 * 1024 * 1024))));
  assert.deepEqual(errors.map((e) => [e.line, e.column, e.code]), [[3, '姓名', 'bad-text']]);
  assert.match(errors[0]!.zh, /第 3 行“姓名”超过 64 个字符/);
  assert.ok(errors[0]!.en.length < 200 && errors[0]!.zh.length < 200);
});

test('control characters and bidi overrides in a name are refused with the row, column and code point', async () => {
  for (const [name, cp] of [['王\u0000芳', 'U+0000'], ['\u001b[31m王芳', 'U+001B'], ['王\u202e芳', 'U+202E']] as const) {
    const errors = await errorsFor(utf8(rollWithName(name)));
    assert.deepEqual(errors.map((e) => [e.line, e.column, e.code]), [[3, '姓名', 'bad-text']], JSON.stringify(name));
    assert.ok(errors[0]!.en.includes(cp) && errors[0]!.zh.includes(cp), errors[0]!.en);
  }
});

test('every roll column has the same limits: a group with a NUL, an over-long header cell', async () => {
  const v = makeVoter(2);
  const csv = `${CSV_HEADER}\r\n${voterCsvLine({ ...v, group: `第一\u0000小组` })}\r\n`;
  const errors = await errorsFor(utf8(csv));
  assert.deepEqual(errors.map((e) => [e.line, e.column, e.code]), [[2, '居民小组', 'bad-text']]);
  const header = await errorsFor(utf8(`${CSV_HEADER},${'备'.repeat(100)}\r\n${voterCsvLine(v)}\r\n`));
  assert.deepEqual(header.map((e) => [e.line, e.code]), [[1, 'bad-text']]);
});

test('a "?" where a GBK export lost a character (𠮷) is flagged as a likely encoding loss', async () => {
  // What Excel's GBK "CSV" does with a character outside GBK: it writes a question mark.
  const bytes = gbk(rollWithName('𠮷祥'));
  assert.equal(Buffer.from(bytes).includes(Buffer.from('?')), true);
  const errors = await errorsFor(bytes);
  assert.deepEqual(errors.map((e) => [e.line, e.column, e.code]), [[3, '姓名', 'encoding-loss']]);
  assert.match(errors[0]!.zh, /编码丢失/);
  // A question mark in a Latin name is not a Chinese character lost.
  const latin = await readRollFile(utf8(rollWithName('Anna?')), { electionDate: ELECTION });
  assert.equal(latin.ok, true);
});

test('a lone surrogate in a cell (an XLSX string can carry one) is refused naming row and column', () => {
  const v = makeVoter(2);
  const r = validateRollRows(
    [{ line: 7, values: { name: '王\ud800芳', idNumber: v.idNumber, gender: v.gender, birthDate: v.birthDate, group: v.group, category: v.category } }],
    { electionDate: ELECTION },
  );
  assert.deepEqual(r.ok ? [] : r.errors.map((e) => [e.line, e.column, e.code]), [[7, '姓名', 'bad-text']]);
  assert.match(r.ok ? '' : r.errors[0]!.en, /lone surrogate U\+D800 at character 2/);
});
