import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { buildApi } from '../../../electron/backend/api';
import { createContext, type BackendContext } from '../../../electron/backend/context';
import { APP_START_URL } from '../../../electron/main/app-origin';
import { installBridge } from '../../../electron/main/bridge';
import { CALL_CHANNEL, SHELL_CHANNEL } from '../../../electron/main/channels';
import { shellContract, type ShellContract } from '../../../shared/api/shell';
import { contract } from '../../../shared/api/contract';
import type { Implementation } from '../../../shared/api/envelope';
import { formatPath } from '../../../shared/record/path';
import { says } from '../../../shared/i18n/says';
import { FakeIpcMain } from './fake-ipc-main';

// The bridge as main.ts wires it: the real election contract and buildApi over a real SQLite file in a temp folder.
const dirs: string[] = [];
const contexts: BackendContext[] = [];
after(() => {
  for (const c of contexts) if (c.db.open) c.db.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function bridgeOverRealBackend() {
  const dir = mkdtempSync(join(tmpdir(), 'station-bridge-'));
  dirs.push(dir);
  const ctx = createContext({ dbFile: join(dir, 'election.sqlite'), actor: 'test' });
  contexts.push(ctx);
  const ipc = new FakeIpcMain();
  installBridge(ipc, {
    election: { contract, impl: () => buildApi(ctx) },
    shell: { contract: shellContract, impl: () => ({}) as Implementation<ShellContract> },
  });
  const auditCount = () => (ctx.db.prepare('SELECT count(*) AS n FROM audit_event').get() as { n: number }).n;
  return { ipc, ctx, auditCount };
}

const definition = () =>
  JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'election-residents.json'), 'utf8')) as Record<string, unknown>;

test('real contract: an unknown method is refused as not-found, an unknown channel has no handler', async () => {
  const { ipc } = bridgeOverRealBackend();
  const r = await ipc.invoke(APP_START_URL, CALL_CHANNEL, 'dropAllTables', {});
  assert.equal(r.ok === false && r.error.code, 'not-found');
  await assert.rejects(ipc.invoke(APP_START_URL, 'station:backend', 'getElection', {}), /No handler/);
  assert.deepEqual([...ipc.handlers.keys()].sort(), [CALL_CHANNEL, SHELL_CHANNEL].sort());
});

test("real contract: invalid input is refused with the contract's own message and path, nothing written", async () => {
  const { ipc, auditCount } = bridgeOverRealBackend();
  const before = auditCount();
  const bad = { afterSeq: 0, limit: 5000 };
  const expected = contract.auditEvents.input.safeParse(bad);
  assert.equal(expected.success, false);
  const issue = expected.error!.issues[0]!;
  const r = await ipc.invoke(APP_START_URL, CALL_CHANNEL, 'auditEvents', bad);
  assert.deepEqual(r, { ok: false, error: { code: 'invalid-input', message: `${formatPath(issue.path)}: ${issue.message}`, path: 'limit', text: says('error.badInput') } });

  const def = definition();
  def.offices = 'not a list';
  const c = await ipc.invoke(APP_START_URL, CALL_CHANNEL, 'createElection', def);
  assert.equal(c.ok === false && c.error.code, 'invalid-input');
  assert.equal(c.ok === false && c.error.path, 'offices');
  assert.equal(auditCount(), before);
});

test('real contract: a call from a foreign frame changes nothing', async () => {
  const { ipc, auditCount } = bridgeOverRealBackend();
  const before = auditCount();
  const r = await ipc.invoke('https://example.com/', CALL_CHANNEL, 'createElection', definition());
  assert.equal(r.ok === false && r.error.code, 'refused');
  assert.equal(auditCount(), before);
  const g = await ipc.invoke(APP_START_URL, CALL_CHANNEL, 'getElection', {});
  assert.equal(g.ok && (g.value as { election: unknown }).election, null);
});

test('real contract: valid calls are answered and write through to the database', async () => {
  const { ipc, auditCount } = bridgeOverRealBackend();
  const empty = await ipc.invoke(APP_START_URL, CALL_CHANNEL, 'verifyAudit', {});
  assert.deepEqual(empty, { ok: true, value: { ok: true, count: auditCount(), head: (empty as { value: { head: string } }).value.head } });
  const created = await ipc.invoke(APP_START_URL, CALL_CHANNEL, 'createElection', definition());
  assert.equal(created.ok, true, JSON.stringify(created));
  const g = await ipc.invoke(APP_START_URL, CALL_CHANNEL, 'getElection', {});
  assert.ok(g.ok);
  const overview = g.value as { election: { title: string }; offices: unknown[] };
  assert.equal(overview.election.title, '幸福里社区第十二届居民委员会选举');
  assert.equal(overview.offices.length, 4);
  const again = await ipc.invoke(APP_START_URL, CALL_CHANNEL, 'createElection', definition());
  assert.equal(again.ok, false, 'a second election in the same file is refused');
  const verified = await ipc.invoke(APP_START_URL, CALL_CHANNEL, 'verifyAudit', {});
  assert.equal(verified.ok && (verified.value as { ok: boolean }).ok, true);
  assert.ok(auditCount() > 0);
});
