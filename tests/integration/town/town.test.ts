import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashJson, signPayload } from '../../../electron/backend/seal';
import { createTownFile, type TownContext } from '../../../electron/backend/town/context';
import { importPaths, registerKey, townBoard } from '../../../electron/backend/town/office';
import type { BoardRow } from '../../../electron/backend/town/board';
import { sheetQrText } from '../../../shared/domain/sheet-qr';
import { newStationKey, payloadHashOf, sealedFileOf } from '../../helpers/sealed-files';
import { chunhuiParty, hepingResidents, xingfuRegular, xingfuTieRevote } from './town-files';

const station = join(import.meta.dirname, '../../../bin/station.mjs');
const dir = mkdtempSync(join(tmpdir(), 'station-town-'));
const inbox = join(dir, 'stick');
mkdirSync(join(inbox, 'sub'), { recursive: true });

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [station, ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const keys = { chunhui: newStationKey(), chunhuiParty: newStationKey(), xingfu: newStationKey(), heping: newStationKey(), stranger: newStationKey() };
let drilled: { community: string; fingerprint: string };
const put = (name: string, bytes: Buffer | string): string => {
  const p = join(inbox, name);
  writeFileSync(p, bytes);
  return p;
};
const xingfu1 = sealedFileOf({ community: '幸福里社区', body: 'residents', method: 'direct', rounds: [xingfuRegular] }, keys.xingfu);
const xingfu2 = sealedFileOf(
  { community: '幸福里社区', body: 'residents', method: 'direct', rounds: [xingfuRegular, xingfuTieRevote], sequence: 2, supersedes: payloadHashOf(xingfu1) },
  keys.xingfu,
);

/** The payload of a sealed file, to build files the town must refuse. */
function payloadOf(file: Buffer): Record<string, any> {
  return JSON.parse(Buffer.from((JSON.parse(file.toString('utf8')) as { payload: string }).payload, 'base64').toString('utf8'));
}

before(() => {
  // One community's residents' election is a whole drilled day, sealed by the app itself.
  const drill = cli(['drill', '--db', join(dir, 'drill.sqlite'), '--voters', '200', '--seed', '1', '--out', join(inbox, 'a-chunhui-residents.json'), '--json', '--quiet']);
  assert.equal(drill.code, 0, drill.stderr);
  const fingerprint = (JSON.parse(drill.stdout) as { fingerprint: string }).fingerprint;
  drilled = { community: payloadOf(readFileSync(join(inbox, 'a-chunhui-residents.json'))).election.community, fingerprint };
  assert.equal(drilled.community, '春晖社区', 'the drill names its community');

  put('b-chunhui-party.json', sealedFileOf({ ...chunhuiParty, override: { reason: '计票人临时离场', approvers: ['郭志明', '何玉兰'], missing: [{ round: 1, role: 'counter' }] } }, keys.chunhuiParty));
  put('d-heping-residents.json', sealedFileOf(hepingResidents, keys.heping));
  put('e-heping-party-stranger.json', sealedFileOf({ ...chunhuiParty, community: '和平社区' }, keys.stranger));
  const tampered = Buffer.from(sealedFileOf({ ...hepingResidents, body: 'residents', date: '2026-05-17' }, keys.heping));
  const at = tampered.indexOf('"payload": "') + 40;
  tampered[at] = tampered[at] === 0x41 ? 0x42 : 0x41;
  put('f-tampered.json', tampered);
  put('g-record.json', JSON.stringify({ format: 'cer/1', election: { title: 't', body: 'residents', method: 'direct', registered: 1 } }));
  put('h-future-format.json', JSON.stringify({ format: 'cer-sealed/2', payload: '', signature: '', publicKey: '' }));
  // A file whose stored result is not what its record counts to, correctly signed: only the recount catches it.
  const forged = payloadOf(xingfu1);
  forged.rounds[0].result.offices[0].results[0].for += 1;
  forged.rounds[0].resultHash = hashJson(forged.rounds[0].result);
  forged.signoffs[0].resultHash = forged.rounds[0].resultHash;
  put('y-recount-differs.json', signPayload(forged, keys.xingfu));
  put('notes.txt', '计票结果报告单已寄出');
  put('sub/c-xingfu-1.json', xingfu1);
  put('sub/c-xingfu-2.json', xingfu2);
  // Another first seal of 幸福里's election, neither superseding nor superseded: arrives after file 2.
  put('z-xingfu-rival.json', sealedFileOf({ community: '幸福里社区', body: 'residents', method: 'direct', rounds: [xingfuRegular], date: '2026-05-18' }, keys.xingfu));
});

function newTown(name: string): TownContext {
  const ctx = createTownFile(join(dir, `${name}.town.sqlite`), { name: '城南街道', followUpDays: 90 });
  registerKey(ctx, '春晖社区', drilled.fingerprint, 'typed');
  registerKey(ctx, '春晖社区', keys.chunhuiParty.short, 'typed');
  registerKey(ctx, ' 幸福里社区 ', keys.xingfu.hex, 'typed');
  registerKey(ctx, '和平社区', keys.heping.short.toLowerCase().replace(/ /g, '-'), 'typed');
  return ctx;
}

const row = (rows: BoardRow[], community: string, body: string): BoardRow => rows.find((r) => r.community === community && r.body === body)!;

test('a USB stick folder tree: every file verified and classified on its own; refusals name the reason', async () => {
  const ctx = newTown('stick');
  try {
    ctx.db.prepare('INSERT INTO community (name, name_key, added_at) VALUES (?, ?, ?)').run('光明社区', '光明社区', 'x');
    const r = await importPaths(ctx, [inbox]);
    const by = new Map(r.files.map((f) => [f.source.slice(inbox.length + 1), f]));
    const outcome = (name: string) => by.get(name)?.outcome;
    assert.equal(outcome('a-chunhui-residents.json'), 'new', by.get('a-chunhui-residents.json')?.line);
    assert.equal(outcome('b-chunhui-party.json'), 'new');
    assert.equal(outcome('d-heping-residents.json'), 'new');
    assert.equal(outcome('sub/c-xingfu-1.json'), 'new');
    assert.equal(outcome('sub/c-xingfu-2.json'), 'superseding');
    assert.match(by.get('e-heping-party-stranger.json')!.line, /not authenticated; cannot be filed as final/);
    assert.match(by.get('f-tampered.json')!.line, /does not verify: .*signature does not match/);
    assert.match(by.get('g-record.json')!.line, /not a sealed result file \(format "cer\/1"\)/);
    assert.match(by.get('h-future-format.json')!.line, /format version "cer-sealed\/2" is not one this app reads/);
    assert.match(by.get('y-recount-differs.json')!.line, /differs from a recount of its record/);
    assert.match(by.get('z-xingfu-rival.json')!.line, /sealed file number 2 of this election is already filed and this file does not supersede it/);
    for (const name of ['e-heping-party-stranger.json', 'f-tampered.json', 'g-record.json', 'h-future-format.json', 'y-recount-differs.json', 'z-xingfu-rival.json']) {
      assert.equal(outcome(name), 'refused', name);
    }
    assert.equal(r.skipped, 1, 'notes.txt is not looked at');
    assert.equal(r.files.length, 11);
    const stored = ctx.db.prepare('SELECT payload_hash, superseded_by, length(bytes) AS n FROM sealed_file ORDER BY id').all() as Array<{ payload_hash: string; superseded_by: number | null; n: number }>;
    assert.equal(stored.length, 5);
    const first = stored.find((s) => s.payload_hash === payloadHashOf(xingfu1))!;
    assert.notEqual(first.superseded_by, null, 'the earlier seal is kept, marked superseded');
    assert.equal(first.n, xingfu1.length, 'stored with its bytes');
    assert.equal((ctx.db.prepare('SELECT count(*) FROM refused_file').pluck().get() as number), 6);

    const again = await importPaths(ctx, [inbox]);
    assert.deepEqual(
      again.files.filter((f) => f.outcome !== 'refused').map((f) => f.outcome),
      ['same', 'same', 'same', 'same', 'same'],
      'importing the stick again changes nothing',
    );
    assert.equal(ctx.db.prepare('SELECT count(*) FROM sealed_file').pluck().get(), 5);

    const rows = townBoard(ctx);
    assert.equal(rows.length, 4 * 3, 'four communities (three with files, 光明 from the list) × three bodies');
    const party = row(rows, '春晖社区', 'party');
    assert.deepEqual([party.elected, party.seats, party.vacancies, party.minCommittee, party.belowMinimum, party.women], [4, 5, 1, 5, true, 3]);
    assert.equal(party.signoffs, 'overridden');
    assert.deepEqual(party.owed.map((o) => [o.kind, o.office, o.officeTitle, o.seats, o.due]), [['supplementary', 'member', '委员', 1, '2026-08-14']]);
    assert.ok(party.owed[0]!.names.includes('林峰'));
    const xingfu = row(rows, '幸福里社区', 'residents');
    assert.equal(xingfu.sequence, 2);
    assert.deepEqual(xingfu.rounds, [{ number: 1, kind: 'regular', valid: true }, { number: 2, kind: 'tie-revote', valid: true }]);
    assert.deepEqual([xingfu.elected, xingfu.seats, xingfu.vacancies, xingfu.women, xingfu.owed.length, xingfu.signoffs], [5, 5, 0, 2, 0, 'complete']);
    const heping = row(rows, '和平社区', 'residents');
    assert.equal(heping.valid, false);
    assert.deepEqual(heping.owed.map((o) => o.kind), ['rerun']);
    const drill = row(rows, '春晖社区', 'residents');
    assert.equal(drill.received, true);
    assert.equal(drill.drill, true);
    assert.equal(row(rows, '和平社区', 'party').received, false, 'the stranger-signed file was not filed');

    const owed = townBoard(ctx, { owed: true }).map((r) => `${r.community}/${r.body}`);
    assert.ok(owed.includes('春晖社区/party') && owed.includes('和平社区/residents'), owed.join());
    assert.ok(!owed.includes('幸福里社区/residents'));
    const missing = townBoard(ctx, { missing: true }).map((r) => `${r.community}/${r.body}`);
    assert.deepEqual(missing.filter((m) => m.startsWith('光明社区')), ['光明社区/residents', '光明社区/party', '光明社区/supervisory']);
    assert.ok(missing.every((m) => !['春晖社区/party', '幸福里社区/residents', '和平社区/residents'].includes(m)));
  } finally {
    ctx.db.close();
  }
});

test('a tie re-vote is owed until the file that holds it arrives; an earlier seal arriving late is filed as superseded', async () => {
  const ctx = newTown('order');
  try {
    const first = (await importPaths(ctx, [join(inbox, 'sub/c-xingfu-1.json')])).files[0]!;
    assert.equal(first.outcome, 'new');
    const tie = row(townBoard(ctx), '幸福里社区', 'residents');
    assert.deepEqual(tie.owed.map((o) => [o.kind, o.office, o.officeTitle, o.seats, [...o.names].sort()]), [['tie-revote', 'member', '委员', 1, ['刘洋', '张伟'].sort()]]);
    assert.equal(tie.elected, 4);
    assert.equal(tie.belowMinimum, true, '4 of the minimum 5, but the open seat is the tied one: no supplementary election');
    ctx.db.prepare('DELETE FROM sealed_file').run();

    const later = (await importPaths(ctx, [join(inbox, 'sub/c-xingfu-2.json')])).files[0]!;
    assert.equal(later.outcome, 'new');
    assert.match(later.line, /the file it supersedes was not received/);
    const earlier = (await importPaths(ctx, [join(inbox, 'sub/c-xingfu-1.json')])).files[0]!;
    assert.equal(earlier.outcome, 'superseded', earlier.line);
    assert.equal(row(townBoard(ctx), '幸福里社区', 'residents').sequence, 2);

    const sameNumber = sealedFileOf(
      { community: '幸福里社区', body: 'residents', method: 'direct', rounds: [xingfuRegular, xingfuTieRevote], sequence: 2, supersedes: payloadHashOf(xingfu2), date: '2026-05-19' },
      keys.xingfu,
    );
    const refused = (await importPaths(ctx, [put('sub2-same-number.json', sameNumber)])).files[0]!;
    assert.equal(refused.outcome, 'refused');
    assert.match(refused.line, /its number 2 is not higher than that of the file it supersedes \(2\)/);

    await importPaths(ctx, [put('sub2-unsigned.json', sealedFileOf({ ...hepingResidents, unsigned: true }, keys.heping))]);
    assert.equal(row(townBoard(ctx), '和平社区', 'residents').signoffs, 'unsigned');
  } finally {
    ctx.db.close();
  }
});

test('station town: init, register, communities, import and board from the command line, with their exit codes', () => {
  const db = join(dir, 'cli.town.sqlite');
  assert.equal(cli(['town', 'init', '--db', db, '--name', '城南街道']).code, 0);
  assert.equal(cli(['town', 'init', '--db', db, '--name', '城南街道']).code, 1, 'an existing town file is not replaced');
  assert.equal(cli(['town', 'init', '--db', join(dir, 'drill.sqlite'), '--name', 'x']).code, 2, 'an election file is not a town file');
  const asTown = cli(['town', 'board', '--db', join(dir, 'drill.sqlite')]);
  assert.equal(asTown.code, 2);
  assert.match(asTown.stderr, /is an election database, not a town office file/);
  const asElection = cli(['audit', 'verify', '--db', db]);
  assert.equal(asElection.code, 2, 'nor is a town file an election file');
  assert.match(asElection.stderr, /is a town office file, not an election database/);
  const badFp = cli(['town', 'register', '--db', db, '--community', '幸福里社区', '--fingerprint', '12 34']);
  assert.equal(badFp.code, 2);
  assert.match(badFp.stderr, /32 or 64 hex digits/);
  assert.equal(cli(['town', 'register', '--db', db, '--community', '幸福里社区', '--fingerprint', keys.xingfu.short]).code, 0);
  // 和平社区's key is registered by scanning the QR code of its tally sheet.
  const qr = sheetQrText({ fingerprint: keys.heping.hex, round: 1, resultHash: 'c'.repeat(64), signedHead: { count: 12, hash: 'd'.repeat(64) } });
  const scanned = cli(['town', 'register', '--db', db, '--community', '和平社区', '--qr', qr, '--json']);
  assert.equal(scanned.code, 0, scanned.stderr);
  assert.equal((JSON.parse(scanned.stdout) as { fingerprint: string }).fingerprint, keys.heping.hex);
  const badQr = cli(['town', 'register', '--db', db, '--community', '和平社区', '--qr', '00000013']);
  assert.equal(badQr.code, 2);
  assert.match(badQr.stderr, /not a tally sheet QR code/);
  assert.equal(cli(['town', 'register', '--db', db, '--community', '和平社区']).code, 2, 'neither --fingerprint nor --qr');
  assert.equal(cli(['town', 'import', '--db', db, join(inbox, 'd-heping-residents.json')]).code, 0, 'filed with the scanned key');

  const list = join(dir, 'communities.csv');
  writeFileSync(list, '社区,街道\n幸福里社区,城南\n光明社区,城南\n');
  const imported = cli(['town', 'communities', '--db', db, '--import', list, '--json']);
  assert.equal(imported.code, 0, imported.stderr);
  assert.deepEqual(JSON.parse(imported.stdout), { added: ['幸福里社区', '光明社区'], known: 0 });
  const badList = join(dir, 'bad-communities.csv');
  writeFileSync(badList, '社区\n幸福里社区\n\u202e光明\n');
  const refusedList = cli(['town', 'communities', '--db', db, '--import', badList]);
  assert.equal(refusedList.code, 2);
  assert.match(refusedList.stderr, /line 3: .*bidirectional control character/);

  const good = cli(['town', 'import', '--db', db, join(inbox, 'sub')]);
  assert.equal(good.code, 0, good.stdout + good.stderr);
  assert.match(good.stdout, /superseding/);
  const some = cli(['town', 'import', '--db', db, join(inbox, 'sub/c-xingfu-1.json'), join(inbox, 'g-record.json')]);
  assert.equal(some.code, 1, 'a refused file makes exit 1');
  assert.match(some.stdout, /REFUSED: .*g-record.json/);
  assert.equal(cli(['town', 'import', '--db', db, join(dir, 'no-such-folder')]).code, 2);
  assert.equal(cli(['town', 'import', '--db', db]).code, 2);

  const board = cli(['town', 'board', '--db', db, '--json']);
  assert.equal(board.code, 0);
  const rows = (JSON.parse(board.stdout) as { rows: BoardRow[] }).rows;
  assert.equal(row(rows, '幸福里社区', 'residents').sequence, 2);
  const missing = cli(['town', 'board', '--db', db, '--missing']);
  assert.match(missing.stdout, /光明社区 {2}居委会 residents: 未收到 not yet received/);
  assert.doesNotMatch(missing.stdout, /幸福里社区 {2}居委会/);
});
