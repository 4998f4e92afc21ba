import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { FiledFile } from '../../../electron/backend/town/board';
import { examineSealedFile } from '../../../electron/backend/town/examine';
import { ageBand, structureReport } from '../../../electron/backend/town/structure';
import { newStationKey, sealedFileOf, type CandidateVotes, type SealSpec } from '../../helpers/sealed-files';

const key = newStationKey();
const personKey = (id: string): string => createHash('sha256').update(`城南街道盐${id}`).digest('hex');

function filed(spec: SealSpec): FiledFile {
  const e = examineSealedFile(sealedFileOf(spec, key));
  assert.ok(e.ok, e.ok ? '' : e.reason);
  return { community: spec.community, payloadHash: e.payloadHash, sequence: e.sequence, sealedAt: e.sealedAt, facts: e.facts };
}

const offices = (first: string) => [
  { id: first, title: first, seats: 1, rank: 1 },
  { id: 'member', title: '委员', seats: 2, rank: 2 },
];
/** One round where every listed candidate is elected (each has every vote). */
const round = (first: string, candidates: Array<Omit<CandidateVotes, 'votes'>>) => ({
  registered: 20,
  participants: 20,
  offices: offices(first),
  candidates: candidates.map((c) => ({ ...c, votes: 20 })),
});

// 春晖社区: person keys on both sides. The secretary (key A) is also chair under the same name; a Party member 李强
// shares a name with a residents' member but not a key: not the same person.
const chunhuiResidents = filed({ community: '春晖社区', body: 'residents', method: 'direct', rounds: [round('chair', [
  { id: 'c1', name: '王芳', office: 'chair', gender: 'female', birthYear: 1991, education: 'bachelor', politicalStatus: 'party-member', personKey: personKey('A') },
  { id: 'c2', name: '李强', office: 'member', gender: 'male', birthYear: 1990, education: 'senior', politicalStatus: 'masses', personKey: personKey('B') },
  { id: 'c3', name: '张敏', office: 'member', gender: 'female', birthYear: 1970, education: 'college', politicalStatus: 'probationary', personKey: personKey('C') },
])] });
const chunhuiParty = filed({ community: '春晖社区', body: 'party', method: 'meeting', rounds: [round('secretary', [
  { id: 'p1', name: '王芳', office: 'secretary', gender: 'female', birthYear: 1991, education: 'bachelor', politicalStatus: 'party-member', personKey: personKey('A') },
  { id: 'p2', name: '李强', office: 'member', gender: 'male', birthYear: 1981, education: 'postgraduate', politicalStatus: 'party-member', personKey: personKey('D') },
  { id: 'p3', name: '张敏', office: 'member', gender: 'female', birthYear: 1970, education: 'college', politicalStatus: 'probationary', personKey: personKey('C') },
])] });
// 和平社区: no person keys (older records): the secretary matches the chair by name only.
const hepingResidents = filed({ community: '和平社区', body: 'residents', method: 'direct', rounds: [round('chair', [
  { id: 'c1', name: '赵刚', office: 'chair', gender: 'male' },
  { id: 'c2', name: '陈军', office: 'member', gender: 'male' },
  { id: 'c3', name: '杨光', office: 'member', gender: 'male' },
])] });
const hepingParty = filed({ community: '和平社区', body: 'party', method: 'meeting', rounds: [round('secretary', [
  { id: 'p1', name: '赵刚', office: 'secretary', gender: 'male' },
  { id: 'p2', name: '孙亮', office: 'member', gender: 'male' },
  { id: 'p3', name: '马超', office: 'member', gender: 'male' },
])] });
// 幸福里社区: only the residents' result is filed so far.
const xingfuResidents = filed({ community: '幸福里社区', body: 'residents', method: 'direct', rounds: [round('chair', [
  { id: 'c1', name: '刘洋', office: 'chair', gender: 'female' },
])] });

test('ages are banded at election day by birth year: ≤35, 36–45, 46–55, >55', () => {
  const day = '2026-05-16';
  assert.deepEqual([1991, 1990, 1981, 1980, 1971, 1970, undefined].map((y) => ageBand(y, day)), ['upTo35', '36to45', '36to45', '46to55', '46to55', 'over55', 'unknown']);
});

test('一肩挑 and 交叉任职 match by person key where both records have one, else by name (marked so); totals for the town', () => {
  const report = structureReport([chunhuiResidents, hepingParty, chunhuiParty, xingfuResidents, hepingResidents]);
  assert.deepEqual(report.rows.map((r) => r.community), ['春晖社区', '和平社区'].sort((a, b) => a.localeCompare(b, 'zh-CN')));
  assert.deepEqual(report.incomplete, [{ community: '幸福里社区', missing: 'party' }]);
  const chunhui = report.rows.find((r) => r.community === '春晖社区')!;
  const heping = report.rows.find((r) => r.community === '和平社区')!;
  assert.deepEqual(chunhui.oneShoulder, { name: '王芳', by: 'key' });
  assert.deepEqual(chunhui.crossServing, [{ name: '王芳', by: 'key' }, { name: '张敏', by: 'key' }], '李强 shares a name, not a key');
  assert.deepEqual(heping.oneShoulder, { name: '赵刚', by: 'name' });
  assert.deepEqual(heping.crossServing, [{ name: '赵刚', by: 'name' }]);
  assert.deepEqual([chunhui.residentsFile, chunhui.partyFile], [chunhuiResidents.payloadHash, chunhuiParty.payloadHash]);
  assert.equal(report.sources.length, 4);

  assert.deepEqual(chunhui.residents.ages, { upTo35: 1, '36to45': 1, '46to55': 0, over55: 1, unknown: 0 });
  assert.equal(chunhui.residents.women, 2);
  assert.equal(chunhui.residents.partyMembers, 2, 'a party member and a probationary member');
  assert.equal(chunhui.residents.collegeOrAbove, 2);
  assert.equal(chunhui.residents.education.senior, 1);
  assert.equal(chunhui.party.ages['36to45'], 1);
  assert.equal(heping.residents.ages.unknown, 3);
  assert.equal(heping.residents.statusUnknown, 3);

  assert.equal(report.totals.communities, 2);
  assert.equal(report.totals.oneShoulder, 2);
  assert.equal(report.totals.oneShoulderByName, 1);
  assert.equal(report.totals.crossServing, 3);
  assert.equal(report.totals.crossServingByName, 1);
  assert.equal(report.totals.residents.members, 6);
  assert.equal(report.totals.residents.women, 2);
  assert.equal(report.totals.party.members, 6);
});

test('without a person key on one side, the match falls back to the name; a key on both sides that differs is no match', () => {
  const keyless = filed({ community: '春晖社区', body: 'party', method: 'meeting', rounds: [round('secretary', [
    { id: 'p1', name: '王芳', office: 'secretary' },
    { id: 'p2', name: '周平', office: 'member' },
  ])] });
  const row = structureReport([chunhuiResidents, keyless]).rows[0]!;
  assert.deepEqual(row.oneShoulder, { name: '王芳', by: 'name' });
  const other = filed({ community: '春晖社区', body: 'party', method: 'meeting', rounds: [round('secretary', [
    { id: 'p1', name: '王芳', office: 'secretary', personKey: personKey('Z') },
  ])] });
  assert.equal(structureReport([chunhuiResidents, other]).rows[0]!.oneShoulder, null);
});
