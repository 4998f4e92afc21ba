import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiError } from '../../../shared/api/envelope';
import type { ElectionDefinitionInput } from '../../../shared/domain/election';
import { tally } from '../../../shared/rules/tally';
import { readAuditEvents } from '../../../electron/backend/audit';
import { createContext, type BackendContext } from '../../../electron/backend/context';
import { inTransaction } from '../../../electron/backend/db';
import { hashJson, sealResults } from '../../../electron/backend/seal';
import { setPersonKeySalt } from '../../../electron/backend/services/person-key';
import { buildRoundRecord } from '../../../electron/backend/services/results';
import { createElection, electionOverview } from '../../../electron/backend/services/setup';
import { setRoundStatusTx } from '../../../electron/backend/services/setup-rounds';
import { createTownFile } from '../../../electron/backend/town/context';
import { importPaths, registerKey, townStructure } from '../../../electron/backend/town/office';
import { newStationKey, roundRecord } from '../../helpers/sealed-files';
import { storedResult } from '../../../electron/backend/services/results';
import { updateRoundCandidate, roundCandidates } from '../../../electron/backend/services/round-candidates';
import { createNextRound } from '../../../electron/backend/services/rounds';
import { makeElection, runRound, times } from '../counting/helpers';

/**
 * The candidates' optional record facts from set-up to the town: a residents' and a Party election are set up in
 * station files with the town's salt, their records are built by the station's record builder (the ballots are then
 * dealt so that every candidate is elected), sealed, imported by the town and read by the structure report.
 */
const dir = mkdtempSync(join(tmpdir(), 'station-candfields-'));
const SALT = '城南街道2026换届';
const ID = { zhao: '11010519800101123X', chen: '110105196203045528', yang: '110105199507061234', ma: '110105197001011111' };

const venues = [{ id: 'central', name: '社区党群服务中心', kind: 'central' as const }];

function residents(salt: string | undefined): ElectionDefinitionInput {
  return {
    title: '和平社区第十二届居民委员会选举',
    community: '和平社区',
    body: 'residents',
    method: 'direct',
    date: '2026-05-16',
    registered: { source: 'number', number: 20 },
    ...(salt !== undefined ? { personKeySalt: salt } : {}),
    offices: [
      { id: 'chair', title: '主任', rank: 1, seats: 1 },
      { id: 'member', title: '委员', rank: 2, seats: 2 },
    ],
    candidates: [
      { name: '赵钢', gender: 'male', office: 'chair', idNumber: ID.zhao, birthYear: 1980, education: 'bachelor', politicalStatus: 'party-member' },
      { name: '陈红', gender: 'female', office: 'member', idNumber: ID.chen, birthYear: 1962, education: 'senior', politicalStatus: 'masses' },
      { name: '杨光', gender: 'male', office: 'member', idNumber: ID.yang, birthYear: 1995, education: 'college', politicalStatus: 'probationary' },
    ],
    venues,
  };
}

function party(): ElectionDefinitionInput {
  return {
    title: '和平社区党委换届选举',
    community: '和平社区',
    body: 'party',
    method: 'meeting',
    date: '2026-05-16',
    registered: { source: 'number', number: 20 },
    personKeySalt: SALT,
    offices: [
      { id: 'secretary', title: '书记', rank: 1, seats: 1 },
      { id: 'member', title: '委员', rank: 2, seats: 2 },
    ],
    candidates: [
      // The residents' record spells him 赵钢: only the person key says it is the same man.
      { name: '赵刚', gender: 'male', office: 'secretary', idNumber: ID.zhao, birthYear: 1980 },
      { name: '杨光', gender: 'male', office: 'member', idNumber: ID.yang },
      { name: '马超', gender: 'male', office: 'member', idNumber: ID.ma, birthYear: 1970 },
    ],
    venues,
  };
}

function stationFile(name: string, def: ElectionDefinitionInput): BackendContext {
  const ctx = createContext({ dbFile: join(dir, `${name}.sqlite`), actor: 'test' });
  createElection(ctx, def);
  return ctx;
}

/** The station's round-1 record with every candidate elected by all 20 participants, sealed under a new key. */
function sealedFromStation(ctx: BackendContext, key: ReturnType<typeof newStationKey>): Buffer {
  const built = buildRoundRecord(ctx.db, 1);
  const record = roundRecord(built.election, {
    registered: 20,
    participants: 20,
    offices: built.offices,
    candidates: built.candidates.map((c) => ({ ...c, votes: 20 })),
  });
  const result = tally(record);
  const e = electionOverview(ctx).election!;
  return sealResults(
    {
      sealedAt: '2026-05-16T18:00:00+08:00',
      election: { title: e.title, community: e.community, body: e.body, method: e.method, date: e.date },
      rounds: [{ number: 1, kind: 'regular', record, result }],
      signoffs: [{ round: 1, name: '谢文', role: 'chief-scrutineer', resultHash: hashJson(result), signedAt: '2026-05-16T17:00:00+08:00' }],
      auditHead: { count: 10, hash: 'a'.repeat(64) },
    },
    key,
  );
}

test("the record builder writes the optional facts and the person key from the town's salt; the salt and ID numbers stay out", () => {
  const ctx = stationFile('keyed', residents(SALT));
  try {
    const record = buildRoundRecord(ctx.db, 1);
    const zhao = record.candidates.find((c) => c.name === '赵钢')!;
    assert.deepEqual(
      { birthYear: zhao.birthYear, education: zhao.education, politicalStatus: zhao.politicalStatus },
      { birthYear: 1980, education: 'bachelor', politicalStatus: 'party-member' },
    );
    assert.equal(zhao.personKey, createHash('sha256').update(`${SALT}${ID.zhao}`).digest('hex'));
    const text = JSON.stringify(record);
    for (const secret of [SALT, ...Object.values(ID)]) assert.ok(!text.includes(secret), `${secret} is not in the record`);
    const overview = electionOverview(ctx);
    assert.equal(overview.election!.personKeySaltSet, true);
    assert.deepEqual(overview.candidateFacts.find((c) => c.birthYear === 1962), { id: 'member-1', birthYear: 1962, education: 'senior', politicalStatus: 'masses', idNumber: true });
    const created = readAuditEvents(ctx.db, { afterSeq: 0 }).find((e) => e.type === 'election.created')!;
    assert.ok(!JSON.stringify(created.detail).includes(SALT), 'the audit log says a salt was given, never the salt');
  } finally {
    ctx.db.close();
  }
  const plain = stationFile('plain', residents(undefined));
  try {
    const record = buildRoundRecord(plain.db, 1);
    assert.ok(record.candidates.every((c) => c.personKey === undefined), 'no salt, no person key');
    assert.equal(record.candidates.find((c) => c.name === '陈红')!.birthYear, 1962);
  } finally {
    plain.db.close();
  }
});

test("the town's salt is set once the town gives it, the same salt again changes nothing, and not after round 1 opens", () => {
  const ctx = stationFile('late-salt', residents(undefined));
  try {
    assert.deepEqual(setPersonKeySalt(ctx, SALT), { changed: true });
    assert.deepEqual(setPersonKeySalt(ctx, SALT), { changed: false });
    const events = readAuditEvents(ctx.db, { afterSeq: 0 }).filter((e) => e.type === 'election.person-key-salt-set');
    assert.equal(events.length, 1, 'a re-send logs nothing');
    assert.ok(!JSON.stringify(events[0]!.detail).includes(SALT));
    assert.ok(buildRoundRecord(ctx.db, 1).candidates.every((c) => c.personKey !== undefined));
    inTransaction(ctx.db, () => setRoundStatusTx(ctx, { round: 1, status: 'voting' }));
    assert.throws(() => setPersonKeySalt(ctx, `${SALT}-2`), (e: unknown) => e instanceof ApiError && e.code === 'refused' && /round 1 has opened/.test(e.message));
    assert.deepEqual(setPersonKeySalt(ctx, SALT), { changed: false }, 'a late re-send of the same salt is still answered');
  } finally {
    ctx.db.close();
  }
});

test('bad candidate facts and a short salt are refused, naming the field, and nothing is created', () => {
  const cases: Array<[ElectionDefinitionInput, RegExp]> = [
    [{ ...residents(SALT), candidates: [{ name: '赵钢', office: 'chair', birthYear: 1850 }] }, /candidates\.0\.birthYear|candidates\[0\]\.birthYear/],
    [{ ...residents(SALT), candidates: [{ name: '赵钢', office: 'chair', education: 'phd' as never }] }, /candidates\.0\.education|candidates\[0\]\.education/],
    [residents('short'), /personKeySalt/],
  ];
  for (const [i, [def, path]] of cases.entries()) {
    const ctx = createContext({ dbFile: join(dir, `bad-${i}.sqlite`), actor: 'test' });
    try {
      assert.throws(() => createElection(ctx, def), (e: unknown) => e instanceof ApiError && e.code === 'invalid-input' && path.test(`${e.path}`), `case ${i}`);
      assert.equal(electionOverview(ctx).election, null);
    } finally {
      ctx.db.close();
    }
  }
});

test('sealed with the facts, verified and filed by the town: women, ages, education, and 一肩挑/交叉任职 matched by person key', async () => {
  const inbox = join(dir, 'inbox');
  mkdirSync(inbox);
  const key = newStationKey();
  const stations = [stationFile('heping-residents', residents(SALT)), stationFile('heping-party', party())];
  try {
    writeFileSync(join(inbox, 'a-residents.json'), sealedFromStation(stations[0]!, key));
    writeFileSync(join(inbox, 'b-party.json'), sealedFromStation(stations[1]!, key));
  } finally {
    for (const s of stations) s.db.close();
  }
  const verified = spawnSync(process.execPath, [join(import.meta.dirname, '../../../bin/station.mjs'), 'verify', join(inbox, 'a-residents.json'), '--fingerprint', key.short, '--json'], { encoding: 'utf8' });
  assert.equal(verified.status, 0, `station verify: ${verified.stdout}${verified.stderr}`);
  const town = createTownFile(join(dir, 'town.sqlite'), { name: '城南街道', followUpDays: 90 }, { now: () => new Date('2026-05-20T02:00:00Z') });
  try {
    registerKey(town, '和平社区', key.short, 'typed');
    const imported = await importPaths(town, [inbox], { threads: 1 });
    assert.deepEqual(imported.files.map((f) => f.outcome), ['new', 'new'], JSON.stringify(imported.files.map((f) => f.line)));
    const row = townStructure(town).rows.find((r) => r.community === '和平社区')!;
    assert.deepEqual(row.oneShoulder, { name: '赵刚', by: 'key' }, 'named as the Party record spells him');
    assert.deepEqual(row.crossServing.map((x) => [x.name, x.by]), [['赵刚', 'key'], ['杨光', 'key']]);
    assert.equal(row.residents.women, 1);
    assert.deepEqual(row.residents.ages, { upTo35: 1, '36to45': 0, '46to55': 1, over55: 1, unknown: 0 });
    assert.equal(row.residents.collegeOrAbove, 2);
    assert.equal(row.residents.partyMembers, 2);
    assert.equal(row.party.ages.unknown, 1, '杨光 has no birth year in the Party record');
  } finally {
    town.db.close();
  }
});

test('a person first standing in a supplementary election: her facts and person key entered for that round reach the structure report', async () => {
  const inbox = join(dir, 'inbox-supplementary');
  mkdirSync(inbox);
  const key = newStationKey();
  const zhouId = '110105198703071226';
  // 测试社区: round 1 elects 王芳 and 张伟; 周敏, written in, is elected in the supplementary election.
  const { ctx } = await makeElection({ voters: 12, rules: { minCommittee: 3 } });
  try {
    setPersonKeySalt(ctx, SALT);
    runRound(ctx, 1, [
      ...times(5, { marks: { chair: { for: ['c1'] }, member: { for: ['m1'], writeIns: ['周敏'] } } }),
      ...times(5, { marks: { chair: { for: ['c1'] }, member: { for: ['m1'] } } }),
    ]);
    createNextRound(ctx, { fromRound: 1, kind: 'supplementary' });
    const zhou = roundCandidates(ctx.db, 2).find((c) => c.name === '周敏')!;
    updateRoundCandidate(ctx, { round: 2, id: zhou.id, gender: 'female', birthYear: 1987, education: 'postgraduate', politicalStatus: 'party-member', idNumber: zhouId });
    runRound(ctx, 2, times(8, { marks: { member: { for: [zhou.id] } } }));
    const rounds = [1, 2].map((n) => {
      const s = storedResult(ctx.db, n)!;
      return { number: n, kind: s.kind, record: s.record, result: s.result };
    });
    const e = electionOverview(ctx).election!;
    writeFileSync(
      join(inbox, 'a-residents.json'),
      sealResults(
        {
          sealedAt: '2026-05-16T20:00:00+08:00',
          election: { title: e.title, community: e.community, body: e.body, method: e.method, date: e.date },
          rounds,
          signoffs: rounds.map((r) => ({ round: r.number, name: '谢文', role: 'chief-scrutineer' as const, resultHash: hashJson(r.result), signedAt: '2026-05-16T19:00:00+08:00' })),
          auditHead: { count: 10, hash: 'a'.repeat(64) },
        },
        key,
      ),
    );
  } finally {
    ctx.db.close();
  }
  // The Party record spells her 周民: only the person key from her ID number says it is the same woman.
  const partyCtx = stationFile('ceshi-party', {
    ...party(),
    community: '测试社区',
    candidates: [
      { name: '王芳', gender: 'female', office: 'secretary' },
      { name: '周民', gender: 'female', office: 'member', idNumber: zhouId },
      { name: '马超', gender: 'male', office: 'member', idNumber: ID.ma },
    ],
  });
  try {
    writeFileSync(join(inbox, 'b-party.json'), sealedFromStation(partyCtx, key));
  } finally {
    partyCtx.db.close();
  }
  const town = createTownFile(join(dir, 'town-supplementary.sqlite'), { name: '城南街道', followUpDays: 90 }, { now: () => new Date('2026-05-20T02:00:00Z') });
  try {
    registerKey(town, '测试社区', key.short, 'typed');
    const imported = await importPaths(town, [inbox], { threads: 1 });
    assert.deepEqual(imported.files.map((f) => f.outcome), ['new', 'new'], JSON.stringify(imported.files.map((f) => f.line)));
    const row = townStructure(town).rows.find((r) => r.community === '测试社区')!;
    assert.equal(row.residents.members, 3);
    assert.equal(row.residents.women, 2, '王芳 from the candidates form, 周敏 from round 2');
    assert.deepEqual(row.residents.ages, { upTo35: 0, '36to45': 1, '46to55': 0, over55: 0, unknown: 2 });
    assert.equal(row.residents.education.postgraduate, 1);
    assert.equal(row.residents.partyMembers, 1);
    assert.deepEqual(row.crossServing.map((x) => [x.name, x.by]), [['王芳', 'name'], ['周民', 'key']]);
    assert.deepEqual(row.oneShoulder, { name: '王芳', by: 'name' });
  } finally {
    town.db.close();
  }
});
