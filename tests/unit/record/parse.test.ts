import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { electionDefinition } from '../../../shared/domain/election';
import { parseCerRecord, parseCerRecordText, parseCerResult, RecordError } from '../../../shared/record';

function base(): any {
  return {
    format: 'cer/1',
    election: { title: '某社区第十二届居民委员会选举', body: 'residents', method: 'direct', registered: 10 },
    round: 'regular',
    offices: [
      { id: 'chair', title: '主任', seats: 1, rank: 1 },
      { id: 'member', title: '委员', seats: 2, rank: 2 },
    ],
    candidates: [
      { id: 'c1', name: '王芳', office: 'chair', gender: 'female' },
      { id: 'c2', name: '李强', office: 'chair' },
      { id: 'm1', name: '张伟', office: 'member' },
    ],
    participants: 8,
    ballots: [
      { box: 'central-1', marks: { chair: { for: ['c1'], against: ['c2'] }, member: { writeIns: ['赵磊'] } } },
      { box: 'central-1', marks: {} },
      { box: 'mobile-1', void: 'unreadable' },
    ],
  };
}

function errorOf(input: unknown): string {
  try {
    parseCerRecord(input);
  } catch (e) {
    assert.ok(e instanceof RecordError, `expected RecordError, got ${String(e)}`);
    return e.message;
  }
  assert.fail('expected the record to be refused');
}

test('a well-formed record parses, with blank and void ballots', () => {
  const rec = parseCerRecord(base());
  assert.equal(rec.ballots.length, 3);
  assert.deepEqual(rec.ballots[1], { box: 'central-1', marks: {} });
});

test('unknown fields are errors named by path, at any depth', () => {
  assert.equal(errorOf({ ...base(), extra: 1 }), 'extra: unknown field');
  const r = base();
  r.offices[1].womenOnly = true;
  assert.equal(errorOf(r), 'offices[1].womenOnly: unknown field');
  const b = base();
  b.ballots[0].marks.chair.abstain = [];
  assert.equal(errorOf(b), 'ballots[0].marks.chair.abstain: unknown field');
});

test('a mark naming an unknown candidate names the exact path', () => {
  const r = base();
  r.ballots.push({ box: 'x', marks: { chair: { for: ['c9'] } } });
  assert.equal(errorOf(r), 'ballots[3].marks.chair.for[0]: unknown candidate "c9"');
});

test('a mark naming a candidate of another office is refused', () => {
  const r = base();
  r.ballots[0].marks.member.for = ['c1'];
  assert.equal(errorOf(r), 'ballots[0].marks.member.for[0]: candidate "c1" belongs to office "chair"');
});

test('the same candidate in for and against, or twice, is refused', () => {
  const r = base();
  r.ballots[0].marks.chair = { for: ['c1'], against: ['c1'] };
  assert.equal(errorOf(r), 'ballots[0].marks.chair.against[0]: candidate "c1" is in both "for" and "against"');
  const t = base();
  t.ballots[0].marks.chair = { for: ['c1', 'c1'] };
  assert.equal(errorOf(t), 'ballots[0].marks.chair.for[1]: candidate "c1" appears twice in "for"');
});

test('repeats are found in long mark lists too, in document order, and a long list of distinct marks passes', () => {
  const withMembers = (n: number) => {
    const r = base();
    for (let k = 2; k <= n; k++) r.candidates.push({ id: `m${k}`, name: `成员${k}`, office: 'member' });
    return r;
  };
  const ids = Array.from({ length: 30 }, (_, k) => `m${k + 1}`);
  const ok = withMembers(30);
  ok.ballots[0].marks.member = { against: ids };
  assert.doesNotThrow(() => parseCerRecord(ok));
  const twice = withMembers(30);
  twice.ballots[0].marks.member = { against: [...ids, 'x-unknown', 'm7'] };
  assert.equal(errorOf(twice), 'ballots[0].marks.member.against[30]: unknown candidate "x-unknown"');
  twice.ballots[0].marks.member = { against: [...ids, 'm7', 'x-unknown'] };
  assert.equal(errorOf(twice), 'ballots[0].marks.member.against[30]: candidate "m7" appears twice in "against"');
  const both = withMembers(30);
  both.ballots[0].marks.member = { for: ids.slice(0, 20), against: [...ids.slice(20), 'm3'] };
  assert.equal(errorOf(both), 'ballots[0].marks.member.against[10]: candidate "m3" is in both "for" and "against"');
  const shortBoth = withMembers(30);
  shortBoth.ballots[0].marks.member = { for: ['m1', 'm2'], against: ['m3', 'm2'] };
  assert.equal(errorOf(shortBoth), 'ballots[0].marks.member.against[1]: candidate "m2" is in both "for" and "against"');
});

test('a section for an unknown office is refused', () => {
  const r = base();
  r.ballots[1].marks = { vice: {} };
  assert.equal(errorOf(r), 'ballots[1].marks.vice: unknown office "vice"');
});

test('ids and ranks must be unique; candidates must name an existing office', () => {
  const r = base();
  r.offices[1].id = 'chair';
  assert.equal(errorOf(r), 'offices[1].id: duplicate office id "chair"');
  const k = base();
  k.offices[1].rank = 1;
  assert.equal(errorOf(k), 'offices[1].rank: duplicate rank 1');
  const c = base();
  c.candidates[2].id = 'c1';
  assert.equal(errorOf(c), 'candidates[2].id: duplicate candidate id "c1"');
  const o = base();
  o.candidates[2].office = 'vice';
  assert.equal(errorOf(o), 'candidates[2].office: unknown office "vice"');
});

test('counts are non-negative integers', () => {
  assert.match(errorOf({ ...base(), participants: -1 }), /^participants: /);
  assert.match(errorOf({ ...base(), participants: 1.5 }), /^participants: /);
  const r = base();
  r.offices[0].seats = 0;
  assert.match(errorOf(r), /^offices\[0\]\.seats: /);
});

test('a ballot has marks or void, never both, never neither', () => {
  const r = base();
  r.ballots[2] = { box: 'x', void: 'other', marks: {} };
  assert.equal(errorOf(r), 'ballots[2]: a ballot has either "marks" or "void", never both');
  const n = base();
  n.ballots[2] = { box: 'x' };
  assert.match(errorOf(n), /^ballots\[2\]: a ballot needs "marks"/);
  const v = base();
  v.ballots[2] = { box: 'x', void: 'torn' };
  assert.match(errorOf(v), /^ballots\[2\]\.void: /);
});

test('the method must belong to the body', () => {
  const r = base();
  r.election.method = 'meeting';
  assert.match(errorOf(r), /^election\.method: method "meeting" is not allowed for body "residents"/);
  const p = base();
  p.election = { ...p.election, body: 'party', method: 'meeting' };
  assert.doesNotThrow(() => parseCerRecord(p));
});

test('a method that does not belong to the body is named before a later bad ballot (document order)', () => {
  const r = base();
  r.election.method = 'meeting';
  r.ballots[0] = { box: 'x', void: 'torn' };
  assert.match(errorOf(r), /^election\.method: method "meeting" is not allowed for body "residents"/);
});

test('the election definition refuses a method of another body with the same check as the record', () => {
  const def = JSON.parse(readFileSync(new URL('../../fixtures/election-residents.json', import.meta.url), 'utf8'));
  assert.equal(electionDefinition.safeParse(def).success, true);
  const bad = electionDefinition.safeParse({ ...def, method: 'meeting' });
  assert.equal(bad.success, false);
  const issue = bad.error!.issues[0]!;
  assert.deepEqual(issue.path, ['method']);
  const r = base();
  r.election.method = 'meeting';
  assert.equal(`election.method: ${issue.message}`, errorOf(r));
});

test('a missing field and a wrong format are named', () => {
  const r = base();
  delete r.election.registered;
  assert.equal(errorOf(r), 'election.registered: required field is missing');
  assert.match(errorOf({ ...base(), format: 'cer/2' }), /^format: /);
});

test('an empty write-in or candidate name is refused', () => {
  const r = base();
  r.ballots[0].marks.member.writeIns = ['赵磊', ' \u3000 '];
  assert.equal(errorOf(r), 'ballots[0].marks.member.writeIns[1]: write-in name is empty');
});

test('two candidates of one office with the same normalized name are refused', () => {
  const r = base();
  r.candidates.push({ id: 'c3', name: '王 芳', office: 'chair' });
  assert.match(errorOf(r), /^candidates\[3\]\.name: /);
});

test('JSON text: syntax errors and a byte-order mark', () => {
  assert.throws(() => parseCerRecordText('{"format":'), (e: unknown) => e instanceof RecordError && /not valid JSON/.test(e.message));
  assert.doesNotThrow(() => parseCerRecordText(`\ufeff${JSON.stringify(base())}`));
});

test('cer-result/1 parsing is strict too', () => {
  const result = {
    format: 'cer-result/1', valid: true, problems: [],
    counts: { registered: 10, participants: 8, ballotsCast: 3, voidBallots: 1 },
    offices: [], acting: null, nextSteps: [],
  };
  assert.doesNotThrow(() => parseCerResult(result));
  assert.throws(() => parseCerResult({ ...result, surprise: true }), /surprise: unknown field/);
});

test('optional candidate fields (birth year, education, political status, person key) parse; the tally ignores them', async () => {
  const { tally } = await import('../../../shared/rules/tally');
  const plain = base();
  const detailed = base();
  detailed.candidates[0] = { ...detailed.candidates[0], birthYear: 1980, education: 'bachelor', politicalStatus: 'party-member', personKey: 'ab'.repeat(32) };
  const record = parseCerRecord(detailed);
  assert.equal(record.candidates[0]!.birthYear, 1980);
  assert.equal(record.candidates[0]!.personKey, 'ab'.repeat(32));
  assert.deepEqual(tally(record), tally(parseCerRecord(plain)));
});

test('a bad optional candidate field is refused, naming the field', () => {
  const cases: Array<[Record<string, unknown>, string]> = [
    [{ birthYear: 1880 }, 'birthYear'],
    [{ birthYear: 1980.5 }, 'birthYear'],
    [{ education: 'phd' }, 'education'],
    [{ politicalStatus: 'member' }, 'politicalStatus'],
    [{ personKey: 'AB'.repeat(32) }, 'personKey'],
    [{ personKey: '110101199003071234' }, 'personKey'],
  ];
  for (const [extra, field] of cases) {
    const input = base();
    input.candidates[1] = { ...input.candidates[1], ...extra };
    assert.match(errorOf(input), new RegExp(`^candidates\\[1\\]\\.${field}: `), JSON.stringify(extra));
  }
});

test('a ballot object standing several times is checked as each copy would be: the first bad one is named by its first place', () => {
  const ballots = [
    { box: 'central-1', marks: { chair: { for: ['c1'] } } },
    { box: 'central-1', marks: { member: { for: ['m1'], against: ['m1'] } } },
    { box: 'central-1', marks: { chair: { for: ['c9'] } } },
    { box: 'central-1', marks: { chair: {}, extra: 1 } },
  ];
  const samples = [
    [0, 0, 1, 0, 1],
    [0, 2, 2, 0],
    [0, 0, 3, 2, 3],
  ];
  for (const picks of samples) {
    const shared = { ...base(), ballots: picks.map((i) => ballots[i]) };
    const copies = { ...base(), ballots: picks.map((i) => structuredClone(ballots[i])) };
    assert.equal(errorOf(shared), errorOf(copies), `picks ${picks.join(',')}`);
  }
  const repeated = parseCerRecord({ ...base(), ballots: [ballots[0], ballots[0]] });
  assert.equal(repeated.ballots.length, 2);
  assert.equal(errorOf({ ...base(), ballots: [ballots[0], ballots[1], ballots[1]] }), 'ballots[1].marks.member.against[0]: candidate "m1" is in both "for" and "against"');
});
