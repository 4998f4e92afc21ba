import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeCertificateNumber } from '../../../shared/domain/certificate';
import {
  checkIdNumber,
  isAdultOn,
  mapRollHeader,
  parseCategory,
  parseGender,
  parseRollDate,
  validateRollRows,
  type RawRollRow,
} from '../../../shared/domain/roll';
import { makeIdNumber, makeVoter } from './make-roll';

const ELECTION = '2025-06-15';

test('ID numbers: GB 11643 check character, embedded birth date and gender', () => {
  const ok = checkIdNumber('11010519491231002x');
  assert.deepEqual(ok, { ok: true, idNumber: '11010519491231002X', birthDate: '1949-12-31', gender: 'female' });
  assert.equal(checkIdNumber('110105194912310021').ok, false); // wrong check character
  assert.equal(checkIdNumber('11010519491231002').ok, false); // 17 characters
  assert.equal(checkIdNumber('110105194902300028').ok, false); // 30 February
  const fullWidth = checkIdNumber('１１０１０５１９４９１２３１００２Ｘ');
  assert.equal(fullWidth.ok, true);
});

test('age: eligible from the 18th birthday; 29 February turns 18 on 1 March in a common year', () => {
  assert.equal(isAdultOn('2007-06-15', '2025-06-15'), true);
  assert.equal(isAdultOn('2007-06-16', '2025-06-15'), false);
  assert.equal(isAdultOn('2004-02-29', '2022-02-28'), false);
  assert.equal(isAdultOn('2004-02-29', '2022-03-01'), true);
  assert.equal(isAdultOn('1940-01-01', '2025-06-15'), true);
});

test('cell values: dates in common spellings, genders, categories by id, label or short name', () => {
  for (const t of ['1990-03-07', '1990/3/7', '1990.03.07', '19900307', '1990年3月7日', '１９９０-０３-０７']) {
    assert.equal(parseRollDate(t), '1990-03-07', t);
  }
  assert.equal(parseRollDate('1990-02-30'), null);
  assert.equal(parseRollDate('7/3/1990'), null);
  assert.equal(parseGender('男'), 'male');
  assert.equal(parseGender(' Female '), 'female');
  assert.equal(parseGender('未知'), null);
  assert.equal(parseCategory('户在人在'), 'resident');
  assert.equal(parseCategory('community-worker'), 'community-worker');
  assert.equal(parseCategory('户籍不在本社区、在本社区居住一年以上，经申请同意参加选举'), 'incomer');
  assert.equal(parseCategory('外来人口'), null);
});

test('header: Chinese or English names, extra columns ignored, missing and doubled columns reported', () => {
  const zh = mapRollHeader(['序号', '姓名', '身份证号码', '性别', '出生日期', '居民小组', '登记类别', '选民证号', '籍贯']);
  assert.deepEqual(zh.errors, []);
  assert.deepEqual(zh.header.fields, [null, 'name', 'idNumber', 'gender', 'birthDate', 'group', 'category', 'certificate', null]);
  assert.deepEqual(zh.header.ignored, ['籍贯']);
  const en = mapRollHeader(['Name', 'ID Number', 'Gender', 'Birth Date', 'Group', 'Category']);
  assert.deepEqual(en.errors, []);
  const bad = mapRollHeader(['姓名', 'name', '性别']);
  assert.deepEqual(bad.errors.map((e) => e.code).sort(), ['duplicate-column', 'missing-column', 'missing-column', 'missing-column']);
  assert.ok(bad.errors.some((e) => e.code === 'missing-column' && e.column === '身份证号' && /身份证号/.test(e.zh)));
});

function row(line: number, over: Partial<Record<string, string>> = {}, i = line): RawRollRow {
  const v = makeVoter(i);
  return {
    line,
    values: {
      name: v.name,
      idNumber: v.idNumber,
      gender: v.gender,
      birthDate: v.birthDate,
      group: v.group,
      category: v.category,
      certificate: '',
      ...over,
    },
  };
}

test('a clean roll gives normalised rows', () => {
  const r = validateRollRows([row(2, { name: ' 王 芳 ', certificate: makeCertificateNumber(7) }), row(3)], { electionDate: ELECTION });
  assert.equal(r.ok, true);
  if (!r.ok) return;
  assert.equal(r.rows[0]!.name, '王芳');
  assert.equal(r.rows[0]!.certificate, makeCertificateNumber(7));
  assert.equal(r.rows[1]!.certificate, null);
  assert.equal(r.rows[0]!.gender, 'female');
});

test('every error of every row is collected, with line, column and reason in both languages', () => {
  const minor = makeIdNumber('110105', '2007-06-16', '123');
  const cert = makeCertificateNumber(5);
  const badCert = cert.slice(0, 7) + String((Number(cert[7]) + 3) % 10);
  const rows: RawRollRow[] = [
    row(2, { certificate: cert }),
    row(3, { name: '' }), // missing
    row(4, { idNumber: '110105199003071235' }), // bad check char
    row(5, { birthDate: '1970-01-01' }), // does not match ID
    row(6, { idNumber: minor, birthDate: '2007-06-16', gender: '男' }), // under 18 (and 17th digit 3 = male)
    row(7, { category: '外来人口' }),
    row(8, {}, 2), // same person as line 2
    row(9, { certificate: cert }), // same certificate as line 2
    row(10, { certificate: badCert }),
    row(11, { gender: '未知' }),
    row(12, { gender: '男' }, 12), // voter 12 is female by ID
    row(13, { birthDate: '1990-13-01' }),
  ];
  const r = validateRollRows(rows, { electionDate: ELECTION, labels: { name: '姓名', idNumber: '身份证号码' } });
  assert.equal(r.ok, false);
  if (r.ok) return;
  const got = r.errors.map((e) => `${e.line}:${e.code}`);
  assert.deepEqual(got, [
    '3:missing-field',
    '4:bad-id-number',
    '5:birth-date-mismatch',
    '6:under-18',
    '7:unknown-category',
    '8:duplicate-id-number',
    '9:duplicate-certificate',
    '10:bad-certificate',
    '11:unknown-gender',
    '12:gender-mismatch',
    '13:birth-date-invalid',
  ]);
  const dupId = r.errors.find((e) => e.code === 'duplicate-id-number')!;
  assert.equal(dupId.column, '身份证号码');
  assert.match(dupId.zh, /第 2 行/);
  assert.match(dupId.en, /line 2/);
  for (const e of r.errors) {
    assert.ok(e.zh.length > 0 && e.en.length > 0);
    assert.match(e.en, new RegExp(`line ${e.line}`));
  }
  assert.equal(r.errors.find((e) => e.code === 'under-18')!.field, 'birthDate');
});

test('an empty roll is an error', () => {
  const r = validateRollRows([], { electionDate: ELECTION });
  assert.equal(r.ok, false);
});
