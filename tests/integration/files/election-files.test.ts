import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createContext } from '../../../electron/backend/context';
import { openElectionSwitch } from '../../../electron/backend/election-files/switch';
import { startHttpServer, type HttpServerHandle } from '../../../electron/backend/http';
import { listPeople } from '../../../electron/backend/services/people';
import { createElection } from '../../../electron/backend/services/setup';
import { electionFileNameProblem } from '../../../shared/api/files';
import { SESSION_FIELD } from '../../../shared/api/resend';
import { establishAuthority, TEST_PIN } from '../../helpers/authority';
import { sampleDefinition, tempDir } from '../core/helpers';

/** The data folder's election files through the loopback server, as the Start page uses them in browser mode. */

const dataDir = tempDir();
let server: HttpServerHandle;
let chair: number;

before(async () => {
  // The real election: set up with a committee PIN, so it asks for sign-in.
  const ctx = createContext({ dbFile: join(dataDir, 'election.sqlite'), actor: 'test' });
  createElection(ctx, sampleDefinition());
  chair = listPeople(ctx).find((p) => p.name === '郭志明')!.id;
  establishAuthority(ctx, chair);
  ctx.db.close();
  server = await startHttpServer({ dataDir });
});
after(() => server.close());

type Answer = { ok: true; value: any } | { ok: false; error: { code: string; message: string; path?: string; details?: any } };

async function call(method: string, input: object = {}): Promise<Answer> {
  const res = await fetch(`${server.url}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-station-token': server.token },
    body: JSON.stringify(input),
  });
  return (await res.json()) as Answer;
}

async function value(method: string, input: object = {}): Promise<any> {
  const a = await call(method, input);
  if (!a.ok) assert.fail(`${method}: ${a.error.message}`);
  return a.value;
}

const names = async () => ((await value('listElectionFiles')).files as { name: string }[]).map((f) => f.name).sort();

test('the files of the data folder: the real election with its title, not a drill, open now', async () => {
  const list = await value('listElectionFiles');
  assert.equal(list.switchable, true);
  assert.equal(list.folder, dataDir);
  assert.deepEqual(list.current, { name: 'election', drill: false });
  assert.equal(list.files.length, 1);
  const [f] = list.files;
  assert.equal(f.name, 'election');
  assert.equal(f.title, sampleDefinition().title);
  assert.equal(f.drill, false);
  assert.equal(f.current, true);
  assert.equal(f.readable, true);
  assert.ok(Math.abs(Date.parse(f.lastChange) - Date.now()) < 60_000, f.lastChange);
});

test('a drill file is created and opened in its place; the sign-in belongs to the file; the two files do not see each other', async () => {
  const signIn = await value('signIn', { person: chair, pin: TEST_PIN });
  const session = { [SESSION_FIELD]: signIn.token };
  assert.equal((await value('whoAmI', session)).session.person, chair);

  const made = await value('createElectionFile', { name: '演练 一', drill: true });
  assert.deepEqual(made, { name: '演练 一', drill: true });
  assert.ok(statSync(join(dataDir, '演练 一.sqlite')).isFile());
  // The new file is empty and open to set up; the real election's session means nothing here.
  assert.equal((await value('getElection')).election, null);
  assert.deepEqual(await value('whoAmI', session), { authority: 'open', session: null });
  const drillDef = { ...sampleDefinition(), title: '演练选举', drill: true };
  await value('createElection', drillDef);
  const list = await value('listElectionFiles');
  assert.deepEqual(list.current, { name: '演练 一', drill: true });
  const byName = new Map((list.files as any[]).map((f) => [f.name, f]));
  assert.equal(byName.get('演练 一').title, '演练选举');
  assert.equal(byName.get('演练 一').drill, true);
  assert.equal(byName.get('election').current, false);
  assert.equal(byName.get('election').title, sampleDefinition().title, 'the closed file is read without being opened');

  // Back to the real one: its election again, asking for sign-in (sessions ended with the switch).
  assert.deepEqual(await value('openElectionFile', { name: 'election' }), { name: 'election', drill: false });
  assert.equal((await value('getElection')).election.title, sampleDefinition().title);
  const after = await call('listPeople', session);
  assert.equal(after.ok, false);
  assert.equal(!after.ok && after.error.details?.reason, 'session-ended');
  // And the drill file still holds its own election, untouched by the real one.
  await value('openElectionFile', { name: '演练 一' });
  assert.equal((await value('getElection')).election.title, '演练选举');
  await value('openElectionFile', { name: 'election' });
});

test('an empty file made as a drill file is 演练 before any election is in it; a plain new file is not', async () => {
  assert.deepEqual(await value('createElectionFile', { name: '空演练', drill: true }), { name: '空演练', drill: true });
  assert.deepEqual(await value('createElectionFile', { name: '第二次选举' }), { name: '第二次选举', drill: false });
  const byName = new Map(((await value('listElectionFiles')).files as any[]).map((f) => [f.name, f]));
  assert.equal(byName.get('空演练').drill, true);
  assert.equal(byName.get('空演练').title, null);
  assert.equal(byName.get('第二次选举').drill, false);
  await value('openElectionFile', { name: 'election' });
});

test('creating over an existing file is refused and the file is untouched; the open file stays open', async () => {
  const before = readFileSync(join(dataDir, 'election.sqlite'));
  const again = await call('createElectionFile', { name: 'election' });
  assert.equal(again.ok, false);
  assert.equal(!again.ok && again.error.code, 'refused');
  assert.match(!again.ok ? again.error.message : '', /已存在.*already exists/);
  assert.deepEqual(readFileSync(join(dataDir, 'election.sqlite')), before);
  assert.equal((await value('listElectionFiles')).current.name, 'election');
});

test('a re-sent create (the answer was lost) finds its new, still empty file open and answers the same', async () => {
  const first = await value('createElectionFile', { name: '重发', drill: true });
  const second = await value('createElectionFile', { name: '重发', drill: true });
  assert.deepEqual(second, first);
  // Once it holds an election, the same create is refused as an existing file.
  await value('createElection', { ...sampleDefinition(), drill: true });
  const third = await call('createElectionFile', { name: '重发', drill: true });
  assert.equal(!third.ok && third.error.details?.reason, 'exists');
  await value('openElectionFile', { name: 'election' });
});

test('typed names: no path, no reserved or hidden name, a length limit, well-formed Unicode; nothing is created', async () => {
  const before = await names();
  for (const bad of ['../逃出', 'a/b', 'c:\\x', 'CON', 'nul.txt', 'Lpt1', '.hidden', 'dot.', ' 前后空格', '', 'x'.repeat(61), 'bad\ud800', 'ctl\u0007', 'who?']) {
    const a = await call('createElectionFile', { name: bad });
    assert.equal(a.ok, false, bad);
    assert.equal(!a.ok && a.error.code, 'invalid-input', bad);
    assert.match(!a.ok ? a.error.message : '', /^name: /, bad);
  }
  assert.deepEqual(await names(), before);
  assert.equal(electionFileNameProblem('城南社区 2026'), null);
  assert.equal(electionFileNameProblem('x'.repeat(60)), null);
});

test('opening a missing or broken file is refused and the open file stays open and working', async () => {
  writeFileSync(join(dataDir, '坏文件.sqlite'), 'not a database at all, just some text that is long enough to matter'.repeat(20));
  const listed = ((await value('listElectionFiles')).files as any[]).find((f) => f.name === '坏文件');
  assert.equal(listed.readable, false);
  const broken = await call('openElectionFile', { name: '坏文件' });
  assert.equal(broken.ok, false);
  assert.match(!broken.ok ? broken.error.message : '', /坏文件\.sqlite/);
  const missing = await call('openElectionFile', { name: '没有这个' });
  assert.equal(!missing.ok && missing.error.code, 'not-found');
  assert.deepEqual(await names(), ['election', '坏文件', '空演练', '演练 一', '第二次选举', '重发'].sort());
  assert.equal((await value('listElectionFiles')).current.name, 'election');
  assert.equal((await value('getElection')).election.title, sampleDefinition().title);
});

test('browser-mode download: only a .json or .pdf file lying in the export folder, with the token, as an attachment', async () => {
  const exports = join(dataDir, 'exports');
  mkdirSync(exports, { recursive: true });
  writeFileSync(join(exports, '选举结果-2026.sealed.json'), '{"sealed":true}\n');
  writeFileSync(join(exports, 'notes.txt'), 'not an export');
  symlinkSync(join(dataDir, 'election.sqlite'), join(exports, 'link.json'));
  const get = (name: string, token: string | null = server.token) =>
    fetch(`${server.url}/exports/${name}`, token === null ? {} : { headers: { 'x-station-token': token } });

  const ok = await get(encodeURIComponent('选举结果-2026.sealed.json'));
  assert.equal(ok.status, 200);
  assert.equal(ok.headers.get('content-type'), 'application/json; charset=utf-8');
  assert.equal(ok.headers.get('content-disposition'), `attachment; filename="____-2026.sealed.json"; filename*=UTF-8''${encodeURIComponent('选举结果-2026.sealed.json')}`);
  assert.equal(await ok.text(), '{"sealed":true}\n');

  assert.equal((await get(encodeURIComponent('选举结果-2026.sealed.json'), null)).status, 401);
  assert.equal((await get(encodeURIComponent('选举结果-2026.sealed.json'), 'wrong')).status, 401);
  assert.equal((await get('notes.txt')).status, 400, 'another kind of file');
  assert.equal((await get('..%2Felection.sqlite')).status, 400, 'a path');
  assert.equal((await get('..%2Fexports%2Fx.json')).status, 400, 'a path');
  assert.equal((await get('%E0%A4%A')).status, 400, 'bad percent-encoding');
  assert.equal((await get('link.json')).status, 404, 'a link leading out of the folder');
  assert.equal((await get('missing.pdf')).status, 404);
  const post = await fetch(`${server.url}/exports/x.json`, { method: 'POST', headers: { 'x-station-token': server.token } });
  assert.equal(post.status, 405);
});

test('a new file that fails to open is removed again, and the file open before stays open and usable', () => {
  const dir = tempDir();
  let refuse = false;
  const files = openElectionSwitch({
    dataDir: dir,
    file: join(dir, 'election.sqlite'),
    actor: 'test',
    onOpened: () => {
      if (refuse) throw new Error('the shell could not hook its backups on');
    },
  });
  try {
    const before = files.current();
    refuse = true;
    assert.throws(() => files.switchTo(join(dir, '半途.sqlite'), { create: true, drill: true }), /backups/);
    assert.deepEqual(readdirSync(dir).filter((f) => f.startsWith('半途')), [], 'nothing half-made is left');
    assert.equal(files.current(), before);
    assert.equal(before.ctx.db.open, true);
    assert.equal(files.created(join(dir, '半途.sqlite')), false);
    refuse = false;
    const made = files.switchTo(join(dir, '半途.sqlite'), { create: true });
    assert.equal(before.ctx.db.open, false, 'the old file is closed once the new one is open');
    assert.equal(made.ctx.db.open, true);
  } finally {
    files.close();
  }
});
