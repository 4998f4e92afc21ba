import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { buildApi } from '../../../electron/backend/api';
import { authorizerFor } from '../../../electron/backend/authority/authorize';
import { createContext, type BackendContext } from '../../../electron/backend/context';
import { startHttpServer, TOKEN_HEADER } from '../../../electron/backend/http';
import { listPeople } from '../../../electron/backend/services/people';
import { createElection } from '../../../electron/backend/services/setup';
import { APP_START_URL } from '../../../electron/main/app-origin';
import { installBridge } from '../../../electron/main/bridge';
import { CALL_CHANNEL } from '../../../electron/main/channels';
import { contract } from '../../../shared/api/contract';
import type { ApiResponse, Implementation } from '../../../shared/api/envelope';
import { shellContract, type ShellContract } from '../../../shared/api/shell';
import { establishAuthority, TEST_PIN } from '../../helpers/authority';
import { FakeIpcMain } from '../shell/fake-ipc-main';
import { sampleDefinition, tempDir } from '../core/helpers';

/** Both transports ask who may call before they read the input: a refusal by role never depends on the input. */

const contexts: BackendContext[] = [];
after(() => {
  for (const c of contexts) if (c.db.open) c.db.close();
});

function established() {
  const ctx = createContext({ dbFile: join(tempDir(), 'election.sqlite'), actor: 'test' });
  contexts.push(ctx);
  createElection(ctx, sampleDefinition());
  const id = (name: string) => listPeople(ctx).find((p) => p.name === name)!.id;
  establishAuthority(ctx, id('郭志明'), [{ person: id('丁一') }]);
  return { ctx, desk: id('丁一') };
}

const reasonOf = (r: ApiResponse<unknown>) => (r.ok ? undefined : (r.error.details as { reason?: string } | undefined)?.reason);
// Input that fails the contract in every field: only a role refusal can answer it with 'role'.
const GARBAGE = { id: 7, title: [], seats: 'many', extra: true };

test('loopback HTTP: no session → sign in first; a desk session → refused by role before the input is read', async () => {
  const { ctx, desk } = established();
  const server = await startHttpServer({ ctx, port: 0 });
  try {
    const post = async (method: string, body: unknown) => {
      const res = await fetch(`${server.url}/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: server.token },
        body: JSON.stringify(body),
      });
      return (await res.json()) as ApiResponse<unknown>;
    };
    assert.equal(reasonOf(await post('addOffice', GARBAGE)), 'sign-in-required');
    const signed = await post('signIn', { person: desk, pin: TEST_PIN });
    assert.ok(signed.ok);
    const session = (signed.value as { token: string }).token;
    assert.equal(reasonOf(await post('addOffice', { ...GARBAGE, session })), 'role');
    const allowed = await post('listVoters', { session, query: 7 });
    assert.equal(allowed.ok ? 'ok' : allowed.error.code, 'invalid-input', 'a permitted method goes on to the input check');
    const badToken = await post('listPeople', { session: 'not a token' });
    assert.equal(badToken.ok ? 'ok' : badToken.error.path, 'session');
  } finally {
    await server.close();
  }
});

test('Electron bridge: the same check through IPC, before the input is read', async () => {
  const { ctx, desk } = established();
  const ipc = new FakeIpcMain();
  installBridge(ipc, {
    election: { contract, impl: () => buildApi(ctx), authorize: () => authorizerFor(ctx) },
    shell: { contract: shellContract, impl: () => ({}) as Implementation<ShellContract> },
  });
  const call = (method: string, input: unknown) => ipc.invoke(APP_START_URL, CALL_CHANNEL, method, input) as Promise<ApiResponse<unknown>>;
  assert.equal(reasonOf(await call('addOffice', GARBAGE)), 'sign-in-required');
  const signed = await call('signIn', { person: desk, pin: TEST_PIN });
  assert.ok(signed.ok);
  const session = (signed.value as { token: string }).token;
  assert.equal(reasonOf(await call('addOffice', { ...GARBAGE, session })), 'role');
  const who = await call('whoAmI', { session });
  assert.ok(who.ok);
  assert.deepEqual((who.value as { session: { roles: string[] } }).session.roles, ['desk']);
});
