import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addDays, daysBetween, objectionTiming, publicationTiming, registeredShare } from '../../../shared/domain/roll-life';
import { mapRollHeader, parseCategory, validateRollRows } from '../../../shared/domain/roll';
import { makeVoter } from './make-roll';

test('30% check: direct elections only, registered × 100 ≥ eligible × 30, unknown until the eligible count is entered', () => {
  assert.deepEqual(registeredShare('household', 10, 1000), { applies: false });
  assert.deepEqual(registeredShare('representative', 10, null), { applies: false });
  assert.deepEqual(registeredShare('direct', 10, null), { applies: true, eligible: null, registered: 10 });
  assert.deepEqual(registeredShare('direct', 30, 100), { applies: true, eligible: 100, registered: 30, percent: 30, ok: true });
  assert.deepEqual(registeredShare('direct', 299, 1000), { applies: true, eligible: 1000, registered: 299, percent: 29.9, ok: false });
  // 3 of 10 is exactly 30%; 2 of 7 is 28.5…% and must not round up to pass.
  assert.equal((registeredShare('direct', 3, 10) as { ok: boolean }).ok, true);
  assert.deepEqual(registeredShare('direct', 2, 7), { applies: true, eligible: 7, registered: 2, percent: 28.5, ok: false });
});

test('dates: calendar days across months and leap years', () => {
  assert.equal(addDays('2026-05-16', -20), '2026-04-26');
  assert.equal(addDays('2028-02-27', 3), '2028-03-01');
  assert.equal(addDays('2026-12-30', 5), '2027-01-04');
  assert.equal(daysBetween('2026-04-20', '2026-04-25'), 5);
  assert.equal(daysBetween('2026-04-25', '2026-04-20'), -5);
});

test('publication: at least 20 days before the election day; objections until 5 days after it', () => {
  assert.deepEqual(publicationTiming('2026-04-26', '2026-05-16'), { publishedOn: '2026-04-26', latest: '2026-04-26', late: false, filingUntil: '2026-05-01' });
  assert.equal(publicationTiming('2026-04-27', '2026-05-16').late, true);
});

test('objections: filed within 5 days of publication, decided within 3 days of filing; counted down from today', () => {
  const open = objectionTiming({ filedOn: '2026-04-25', decidedOn: null }, '2026-04-20', '2026-04-26');
  assert.deepEqual(open, { filedLate: false, decideBy: '2026-04-28', daysLeft: 2, decisionLate: false });
  assert.equal(objectionTiming({ filedOn: '2026-04-26', decidedOn: null }, '2026-04-20', '2026-04-26').filedLate, true);
  assert.equal(objectionTiming({ filedOn: '2026-04-18', decidedOn: null }, null, '2026-04-18').filedLate, true, 'before any publication');
  const overdue = objectionTiming({ filedOn: '2026-04-21', decidedOn: null }, '2026-04-20', '2026-04-25');
  assert.deepEqual([overdue.daysLeft, overdue.decisionLate], [-1, true]);
  const onTime = objectionTiming({ filedOn: '2026-04-21', decidedOn: '2026-04-24' }, '2026-04-20', '2026-05-01');
  assert.deepEqual([onTime.daysLeft, onTime.decisionLate], [null, false]);
  assert.equal(objectionTiming({ filedOn: '2026-04-21', decidedOn: '2026-04-25' }, '2026-04-20', '2026-05-01').decisionLate, true);
});

test('categories: the names the plans use are accepted; the column is optional and an unknown value names line and column', () => {
  assert.equal(parseCategory('户籍在本社区且居住'), 'resident');
  assert.equal(parseCategory('户籍在本社区不居住'), 'resident-away');
  assert.equal(parseCategory('人户分离（申请登记）'), 'incomer');
  assert.equal(parseCategory('人户分离'), 'incomer');
  assert.equal(parseCategory('驻社区工作者'), 'community-worker');
  const noCategory = mapRollHeader(['姓名', '身份证号', '性别', '出生日期', '居民小组', '住址', '证明材料']);
  assert.deepEqual(noCategory.errors, []);
  const v = makeVoter(1);
  const row = (category: string, line = 2) => ({
    line,
    values: { name: v.name, idNumber: v.idNumber, gender: v.gender, birthDate: v.birthDate, group: v.group, category, address: '建设路 1 号', proofNote: '' },
  });
  const ok = validateRollRows([row('')], { electionDate: '2026-05-16' });
  assert.ok(ok.ok && ok.rows[0]!.category === 'resident' && ok.rows[0]!.address === '建设路 1 号' && ok.rows[0]!.proofNote === undefined);
  const bad = validateRollRows([row('外来人口', 7)], { electionDate: '2026-05-16', labels: { category: '类别' } });
  assert.ok(!bad.ok);
  assert.deepEqual(bad.errors.map((e) => [e.line, e.column, e.code]), [[7, '类别', 'unknown-category']]);
  const long = validateRollRows([{ line: 3, values: { ...row('').values, address: '路'.repeat(201) } }], { electionDate: '2026-05-16' });
  assert.ok(!long.ok && long.errors[0]!.code === 'bad-text' && /200/.test(long.errors[0]!.zh));
});
