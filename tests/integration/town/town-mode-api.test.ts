import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createContext } from '../../../electron/backend/context';
import { startHttpServer } from '../../../electron/backend/http';
import { listPeople } from '../../../electron/backend/services/people';
import { createElection } from '../../../electron/backend/services/setup';
import { startInTownMode } from '../../../electron/backend/town-mode/holder';
import { sheetQrText } from '../../../shared/domain/sheet-qr';
import { establishAuthority } from '../../helpers/authority';
import { newStationKey, sealedFileOf } from '../../helpers/sealed-files';
import { sampleDefinition } from '../core/helpers';
import { chunhuiParty, xingfuRegular } from './town-files';

/** The town mode through the real contract and transport (POST /api/<method>), on temp data folders. */
const root = mkdtempSync(join(tmpdir(), 'station-town-mode-'));
const closers: Array<() => Promise<void>> = [];
after(async () => {
  for (const close of closers) await close();
  rmSync(root, { recursive: true, force: true });
});

type Envelope = { ok: true; value: any } | { ok: false; error: { code: string; message: string; path?: string } };

async function backend(name: string, opts: { signInRequired?: boolean } = {}) {
  const dataDir = join(root, name);
  mkdirSync(dataDir, { recursive: true });
  const ctx = createContext({ dbFile: join(dataDir, 'election.sqlite'), dataDir, actor: 'test' });
  if (opts.signInRequired) {
    createElection(ctx, sampleDefinition());
    establishAuthority(ctx, listPeople(ctx).find((p) => p.name === '郭志明')!.id);
  }
  const server = await startHttpServer({ ctx });
  closers.push(async () => {
    await server.close();
    ctx.db.close();
  });
  const send = async (method: string, input: unknown): Promise<Envelope> => {
    const res = await fetch(`${server.url}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-station-token': server.token },
      body: JSON.stringify(input),
    });
    return (await res.json()) as Envelope;
  };
  const call = async (method: string, input: unknown): Promise<any> => {
    const r = await send(method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
    return r.value;
  };
  return { dataDir, send, call };
}

const keys = { xingfu: newStationKey(), party: newStationKey(), stranger: newStationKey() };
const xingfu = sealedFileOf({ community: '幸福里社区', body: 'residents', method: 'direct', rounds: [xingfuRegular] }, keys.xingfu);
const b64 = (b: Buffer | string) => Buffer.from(b).toString('base64');

async function untilDone(call: (m: string, i: unknown) => Promise<any>, started: any): Promise<any> {
  let job = started;
  while (job.running) {
    await new Promise((r) => setTimeout(r, 20));
    job = await call('townImportProgress', { job: started.job });
  }
  return job;
}

test('a town file is opened or created per data folder; an election file or another office is refused and left as it was', async () => {
  const { dataDir, send, call } = await backend('files');
  const first = await call('townFile', {});
  assert.deepEqual(first, { open: null, defaultFile: join(dataDir, 'town.sqlite') });
  const early = await send('townRegisterKey', { community: '幸福里社区', fingerprint: keys.xingfu.short });
  assert.equal(!early.ok && early.error.code, 'refused');
  assert.match(!early.ok ? early.error.message : '', /no town office file is open/);

  const election = join(dataDir, 'election.sqlite');
  const before = readFileSync(election);
  const wrong = await send('townOpenFile', { file: election });
  assert.equal(!wrong.ok && wrong.error.code, 'invalid-input');
  assert.match(!wrong.ok ? wrong.error.message : '', /is an election database, not a town office file/);
  const wrongCreate = await send('townCreateFile', { file: election, name: '城南街道' });
  assert.equal(wrongCreate.ok, false);
  assert.ok(readFileSync(election).equals(before), 'the election file is unchanged');

  const file = join(dataDir, 'town.sqlite');
  const created = await call('townCreateFile', { file, name: '城南街道', followUpDays: 60 });
  assert.deepEqual(created, { open: { file, name: '城南街道', followUpDays: 60 }, defaultFile: file, created: true });
  // Sent again (a lost answer): the same office is simply opened.
  assert.equal((await call('townCreateFile', { file, name: '城南街道' })).created, false);
  const other = await send('townCreateFile', { file, name: '城北街道' });
  assert.equal(!other.ok && other.error.code, 'conflict');
  assert.match(!other.ok ? other.error.message : '', /already holds the town office "城南街道"; nothing changed/);
  assert.equal((await call('townFile', {})).open.name, '城南街道');

  assert.equal((await call('townCloseFile', {})).open, null);
  assert.equal((await call('townOpenFile', { file })).open.followUpDays, 60);
  const missing = await send('townOpenFile', { file: join(dataDir, 'nothing.sqlite') });
  assert.equal(!missing.ok && missing.error.code, 'not-found');
  assert.equal(existsSync(join(dataDir, 'nothing.sqlite')), false, 'opening never creates a file');
});

test('keys are registered typed or from the tally sheet QR text; a bad QR text or both at once is refused naming the field', async () => {
  const { dataDir, send, call } = await backend('keys');
  await call('townCreateFile', { file: join(dataDir, 'town.sqlite'), name: '城南街道' });
  const typed = await call('townRegisterKey', { community: ' 幸福里社区 ', fingerprint: keys.xingfu.short.toLowerCase() });
  assert.deepEqual(typed, { community: '幸福里社区', fingerprint: keys.xingfu.hex.slice(0, 32), added: true, via: 'typed' });
  const qr = sheetQrText({ fingerprint: keys.party.hex, round: 1, resultHash: 'a'.repeat(64), signedHead: null });
  const scanned = await call('townRegisterKey', { community: '春晖社区', qr: `  ${qr.toLowerCase()}  ` });
  assert.deepEqual(scanned, { community: '春晖社区', fingerprint: keys.party.hex, added: true, via: 'qr' });
  assert.equal((await call('townRegisterKey', { community: '春晖社区', qr })).added, false, 'the same key again changes nothing');

  const badQr = await send('townRegisterKey', { community: '春晖社区', qr: 'CERSHEET1;FP=12' });
  assert.equal(!badQr.ok && badQr.error.path, 'qr');
  assert.match(!badQr.ok ? badQr.error.message : '', /not the QR text of a tally sheet/);
  const both = await send('townRegisterKey', { community: '春晖社区', qr, fingerprint: keys.party.short });
  assert.equal(!both.ok && both.error.code, 'invalid-input');
  const neither = await send('townRegisterKey', { community: '春晖社区' });
  assert.equal(!neither.ok && neither.error.code, 'invalid-input');
  const badFp = await send('townRegisterKey', { community: '春晖社区', fingerprint: 'XYZ' });
  assert.match(!badFp.ok ? badFp.error.message : '', /32 or 64 hex digits/);

  const listed = await call('townKeys', {});
  assert.deepEqual(listed.keys.map((k: any) => [k.community, k.via]), [['春晖社区', 'qr'], ['幸福里社区', 'typed']]);
});

test('a folder is imported file by file with progress; an upload is filed the same way; the board filters what is owed or missing', async () => {
  const { dataDir, send, call } = await backend('import');
  await call('townCreateFile', { file: join(dataDir, 'town.sqlite'), name: '城南街道' });
  await call('townRegisterKey', { community: '幸福里社区', fingerprint: keys.xingfu.short });
  await call('townRegisterKey', { community: '春晖社区', fingerprint: keys.party.hex });

  const list = await call('townImportCommunities', { name: 'communities.csv', contentBase64: b64('社区,备注\n幸福里社区,\n春晖社区,\n光明社区,新\n') });
  assert.deepEqual(list, { added: ['幸福里社区', '春晖社区', '光明社区'], known: 0 });
  const badList = await send('townImportCommunities', { name: 'bad.csv', contentBase64: b64('名称\n和平社区\n') });
  assert.match(!badList.ok ? badList.error.message : '', /^bad\.csv: line 1: .*"community" \(社区\) column/);

  const stick = join(dataDir, 'stick');
  mkdirSync(join(stick, 'sub'), { recursive: true });
  writeFileSync(join(stick, 'a-xingfu.json'), xingfu);
  writeFileSync(join(stick, 'sub', 'b-chunhui-party.json'), sealedFileOf(chunhuiParty, keys.party));
  writeFileSync(join(stick, 'c-stranger.json'), sealedFileOf({ ...chunhuiParty, community: '光明社区' }, keys.stranger));
  writeFileSync(join(stick, 'scan.pdf'), '%PDF-1.4');

  const nothing = await send('townImportStart', { paths: [join(stick, 'no-such-folder')] });
  assert.equal(!nothing.ok && nothing.error.code, 'not-found');
  assert.match(!nothing.ok ? nothing.error.message : '', /nothing imported/);

  const started = await call('townImportStart', { paths: [stick] });
  assert.equal(started.total, 3);
  assert.equal(started.skipped, 1);
  assert.deepEqual([started.done, started.running], [0, true], 'the import answers at once and goes on file by file');
  const busy = await send('townImportStart', { paths: [stick] });
  assert.equal(!busy.ok && busy.error.code, 'conflict', 'one import at a time');
  const job = await untilDone(call, started);
  assert.equal(job.done, 3);
  const outcome = new Map(job.files.map((f: any) => [f.source.slice(stick.length + 1), f]));
  assert.equal((outcome.get('a-xingfu.json') as any).outcome, 'new');
  assert.equal((outcome.get('sub/b-chunhui-party.json') as any).outcome, 'new');
  assert.equal((outcome.get('c-stranger.json') as any).outcome, 'refused');
  assert.match((outcome.get('c-stranger.json') as any).line, /not authenticated/);

  const again = await call('townUploadSealed', { name: 'xingfu.json', contentBase64: b64(xingfu) });
  assert.equal(again.outcome, 'same');
  const notSealed = await call('townUploadSealed', { name: 'notes.json', contentBase64: b64('{"hello":1}') });
  assert.equal(notSealed.outcome, 'refused');
  const badBase64 = await send('townUploadSealed', { name: 'x.json', contentBase64: '***' });
  assert.equal(!badBase64.ok && badBase64.error.path, 'contentBase64');

  const board = await call('townBoard', {});
  assert.equal(board.office, '城南街道');
  assert.equal(board.rows.length, 9, '3 communities × 3 bodies');
  const residents = board.rows.find((r: any) => r.community === '幸福里社区' && r.body === 'residents');
  assert.equal(residents.received, true);
  assert.deepEqual(residents.owed.map((o: any) => o.kind), ['tie-revote']);
  const owed = await call('townBoard', { owed: true });
  assert.deepEqual(owed.rows.map((r: any) => `${r.community}/${r.body}`).sort(), ['幸福里社区/residents', '春晖社区/party'].sort());
  const missingRows = await call('townBoard', { missing: true });
  assert.equal(missingRows.rows.length, 7);
  assert.ok(missingRows.rows.every((r: any) => !r.received));
});

test('the start option opens the given town file in its data folder', async () => {
  const { dataDir, call } = await backend('start');
  const file = join(dataDir, 'elsewhere.sqlite');
  await call('townCreateFile', { file, name: '城东镇' });
  await call('townCloseFile', {});
  const view = startInTownMode(dataDir, file);
  assert.equal(view.open?.name, '城东镇');
  assert.deepEqual((await call('townFile', {})).open, { file, name: '城东镇', followUpDays: 90 });
  // A file that does not exist yet is only offered for creation.
  const fresh = startInTownMode(join(root, 'fresh'), join(root, 'fresh', 'town.sqlite'));
  assert.equal(fresh.open, null);
  assert.equal(existsSync(join(root, 'fresh', 'town.sqlite')), false);
});

test('the town file is a single-operator file: its methods answer without sign-in where the election asks for it', async () => {
  const { dataDir, send, call } = await backend('signed', { signInRequired: true });
  const election = await send('listPeople', {});
  assert.equal(!election.ok && (election.error as any).details?.reason, 'sign-in-required', 'the election itself asks for sign-in');
  await call('townCreateFile', { file: join(dataDir, 'town.sqlite'), name: '城南街道' });
  assert.equal((await call('townRegisterKey', { community: '幸福里社区', fingerprint: keys.xingfu.short })).added, true);
  await call('townImportCommunities', { name: 'list.csv', contentBase64: b64('社区\n幸福里社区\n') });
  assert.equal((await call('townBoard', {})).rows.length, 3);
});
