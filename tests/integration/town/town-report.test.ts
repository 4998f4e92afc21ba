import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDrill } from '../../../electron/backend/drill/run';
import { createTownFile } from '../../../electron/backend/town/context';
import { importPaths, registerKey, townStructure } from '../../../electron/backend/town/office';
import { renderTownReport } from '../../../electron/backend/town/report';
import { newStationKey, payloadHashOf, sealedFileOf } from '../../helpers/sealed-files';

const dir = mkdtempSync(join(tmpdir(), 'station-town-report-'));
const inbox = join(dir, 'inbox');
mkdirSync(inbox);
const personKey = (id: string): string => createHash('sha256').update(`盐${id}`).digest('hex');
const round = (first: string, names: Array<[string, string, Record<string, unknown>?]>) => ({
  registered: 20,
  participants: 20,
  offices: [{ id: first, title: first, seats: 1, rank: 1 }, { id: 'member', title: '委员', seats: 2, rank: 2 }],
  candidates: names.map(([name, office, more], i) => ({ id: `c${i}`, name, office, votes: 20, ...more })),
});

test('the structure report over a drilled community and keyed records: 一肩挑 by name and by key, figures, and the report files name their sources', async () => {
  // 春晖社区's residents' election is a whole drilled day; its Party secretary has the drilled chair's name.
  const drill = await runDrill({ dbFile: join(dir, 'drill.sqlite'), voters: 200, seed: '1' });
  const drilled = JSON.parse(Buffer.from(JSON.parse(readFileSync(drill.sealedFile, 'utf8')).payload, 'base64').toString('utf8'));
  const chairOffice = [...drilled.rounds[0].record.offices].sort((a: any, b: any) => a.rank - b.rank)[0].id;
  const chair: string = drilled.rounds[0].result.offices.find((o: any) => o.office === chairOffice).elected[0];
  assert.ok(chair, 'the drill elects a chair');
  writeFileSync(join(inbox, 'a-chunhui-residents.json'), readFileSync(drill.sealedFile));
  const party = newStationKey();
  writeFileSync(join(inbox, 'b-chunhui-party.json'), sealedFileOf({ community: '春晖社区', body: 'party', method: 'meeting', rounds: [round('secretary', [[chair, 'secretary'], ['周平', 'member'], ['何静', 'member']])] }, party));
  // 和平社区: both records carry person keys; the secretary is chair under the same key.
  const heping = newStationKey();
  const keyed = (id: string, birthYear: number, more: Record<string, unknown> = {}) => ({ personKey: personKey(id), birthYear, ...more });
  const hepingResidents = sealedFileOf({ community: '和平社区', body: 'residents', method: 'direct', rounds: [round('chair', [
    ['赵刚', 'chair', keyed('A', 1988, { politicalStatus: 'party-member', education: 'bachelor' })],
    ['陈红', 'member', keyed('B', 1960, { gender: 'female', politicalStatus: 'masses', education: 'senior' })],
    ['杨光', 'member', keyed('C', 1975, { politicalStatus: 'probationary', education: 'college' })],
  ])] }, heping);
  const hepingParty = sealedFileOf({ community: '和平社区', body: 'party', method: 'meeting', rounds: [round('secretary', [
    ['赵刚', 'secretary', keyed('A', 1988)], ['杨光', 'member', keyed('C', 1975)], ['马超', 'member', keyed('D', 1990)],
  ])] }, heping);
  writeFileSync(join(inbox, 'c-heping-residents.json'), hepingResidents);
  writeFileSync(join(inbox, 'd-heping-party.json'), hepingParty);

  const ctx = createTownFile(join(dir, 'town.sqlite'), { name: '城南街道', followUpDays: 90 }, { now: () => new Date('2026-05-20T02:00:00Z') });
  try {
    registerKey(ctx, '春晖社区', drill.fingerprint, 'typed');
    registerKey(ctx, '春晖社区', party.short, 'typed');
    registerKey(ctx, '和平社区', heping.short, 'typed');
    const imported = await importPaths(ctx, [inbox], { threads: 2 });
    assert.deepEqual(imported.files.map((f) => f.outcome), ['new', 'new', 'new', 'new'], JSON.stringify(imported.files.map((f) => f.line)));
    assert.deepEqual(imported.files.map((f) => f.source.slice(inbox.length + 1)), ['a-chunhui-residents.json', 'b-chunhui-party.json', 'c-heping-residents.json', 'd-heping-party.json'], 'filed in walk order');

    const s = townStructure(ctx);
    const chunhui = s.rows.find((r) => r.community === '春晖社区')!;
    const hp = s.rows.find((r) => r.community === '和平社区')!;
    assert.deepEqual(chunhui.oneShoulder, { name: chair, by: 'name' });
    assert.deepEqual(hp.oneShoulder, { name: '赵刚', by: 'key' });
    assert.deepEqual(hp.crossServing, [{ name: '赵刚', by: 'key' }, { name: '杨光', by: 'key' }]);
    assert.deepEqual(hp.residents.ages, { upTo35: 0, '36to45': 1, '46to55': 1, over55: 1, unknown: 0 });
    assert.equal(hp.residents.partyMembers, 2);
    assert.equal(hp.residents.women, 1);
    assert.equal(hp.residents.collegeOrAbove, 2);
    assert.equal(s.totals.oneShoulder, 2);
    assert.equal(s.totals.oneShoulderByName, 1);
    assert.equal(chunhui.residents.members, drilled.rounds[0].result.offices.reduce((n: number, o: any) => n + o.elected.length, 0));
    assert.equal(chunhui.residents.ages.unknown, chunhui.residents.members, 'the drill records carry no birth years');

    const hashes = [payloadHashOf(readFileSync(drill.sealedFile)), payloadHashOf(hepingResidents), payloadHashOf(hepingParty)];
    const csv = (await renderTownReport(ctx, { format: 'csv', structure: true })).bytes.toString('utf8');
    assert.ok(csv.startsWith('\uFEFF'));
    for (const h of hashes) assert.ok(csv.includes(h), `the CSV names the file ${h}`);
    assert.match(csv, /和平社区,是 yes: 赵刚,2: 赵刚、杨光/);
    assert.match(csv, new RegExp(`春晖社区 【演练 DRILL】,是 yes: ${chair}（按姓名 by name）`), "a drill is marked");

    const pdf = await renderTownReport(ctx, { format: 'pdf', structure: true });
    writeFileSync(join(dir, 'structure.pdf'), pdf.bytes);
    const text = spawnSync('pdftotext', ['-layout', join(dir, 'structure.pdf'), '-'], { encoding: 'utf8' });
    assert.equal(text.status, 0, text.stderr);
    assert.match(text.stdout, /城南街道 两委班子结构/);
    assert.match(text.stdout, /和平社区\s+是 yes: 赵刚/);
    assert.match(text.stdout, /制表人/);
    for (const h of hashes) assert.ok(text.stdout.includes(h), `the PDF names the file ${h}`);

    const xlsx = await renderTownReport(ctx, { format: 'xlsx' });
    assert.equal(xlsx.bytes.subarray(0, 2).toString('latin1'), 'PK');
    assert.equal(xlsx.sources.length, 4);
  } finally {
    ctx.db.close();
  }
});
