import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { ApiError, type Implementation } from '../../../shared/api/envelope';
import { says } from '../../../shared/i18n/says';
import { installBridge } from '../../../electron/main/bridge';
import { APP_START_URL } from '../../../electron/main/app-origin';
import { CALL_CHANNEL, SHELL_CHANNEL } from '../../../electron/main/channels';
import { shellContract, type ShellContract } from '../../../shared/api/shell';
import { FakeIpcMain } from './fake-ipc-main';

// The bridge's own rules on a small contract of the test's own (refusals that the real backend may never produce, such
// as a broken output); backend-bridge.test.ts runs the same checks against the real contract and buildApi.
const demoContract = {
  'demo.issue': {
    input: z.object({ certificate: z.string().regex(/^\d{6}$/, 'a six-digit certificate number') }),
    output: z.object({ issued: z.literal(true), certificate: z.string() }),
  },
  'demo.broken': { input: z.object({}), output: z.object({ n: z.number() }) },
};
type Demo = typeof demoContract;

function setup() {
  const ipc = new FakeIpcMain();
  const calls: string[] = [];
  const issued = new Set<string>();
  const impl: Implementation<Demo> = {
    'demo.issue': ({ certificate }) => {
      calls.push(certificate);
      if (issued.has(certificate)) throw new ApiError('refused', `already issued: ${certificate}`);
      issued.add(certificate);
      return { issued: true, certificate };
    },
    'demo.broken': () => ({ n: 'not a number' }) as unknown as { n: number },
  };
  let language = 'zh-CN';
  const shellImpl = {
    'shell:setLanguage': ({ lang }: { lang: 'zh-CN' | 'en' }) => {
      language = lang;
      return { lang };
    },
  } as unknown as Implementation<ShellContract>;
  const internal: string[] = [];
  const remove = installBridge(ipc, {
    election: { contract: demoContract, impl: () => impl },
    shell: { contract: shellContract, impl: () => shellImpl },
    onInternal: (_err, method) => internal.push(method),
  });
  return { ipc, calls, internal, remove, language: () => language };
}

test('the bridge handles exactly the two station channels; any other channel is refused', async () => {
  const { ipc } = setup();
  assert.deepEqual([...ipc.handlers.keys()].sort(), [CALL_CHANNEL, SHELL_CHANNEL].sort());
  await assert.rejects(ipc.invoke(APP_START_URL, 'station:eval', 'demo.issue', {}), /No handler registered for 'station:eval'/);
});

test('a call from a frame that is not the app page is refused before anything runs', async () => {
  const { ipc, calls } = setup();
  for (const url of [null, 'file:///work/main/dist/renderer/index.html', 'https://example.com/', 'about:blank', 'app://evil/index.html', 'http://127.0.0.1:5173/']) {
    for (const channel of [CALL_CHANNEL, SHELL_CHANNEL]) {
      const r = await ipc.invoke(url, channel, channel === CALL_CHANNEL ? 'demo.issue' : 'shell:setLanguage', { certificate: '123456', lang: 'en' });
      assert.equal(r.ok, false, `${url} on ${channel}`);
      if (!r.ok) {
        assert.equal(r.error.code, 'refused');
        assert.match(r.error.message, /not the app's own page/);
      }
    }
  }
  assert.deepEqual(calls, []);
});

test('an unknown method is refused as not-found', async () => {
  const { ipc } = setup();
  for (const method of ['demo.nope', 'constructor', '__proto__', 42, undefined]) {
    const r = await ipc.invoke(APP_START_URL, CALL_CHANNEL, method, {});
    assert.equal(r.ok, false);
    if (!r.ok) assert.equal(r.error.code, 'not-found', String(method));
  }
  // the two contracts are separate: a shell method is unknown on the election channel and vice versa
  const crossed = await ipc.invoke(APP_START_URL, CALL_CHANNEL, 'shell:setLanguage', { lang: 'en' });
  assert.equal(crossed.ok === false && crossed.error.code, 'not-found');
  const crossed2 = await ipc.invoke(APP_START_URL, SHELL_CHANNEL, 'demo.issue', { certificate: '123456' });
  assert.equal(crossed2.ok === false && crossed2.error.code, 'not-found');
});

test("invalid input is refused with the contract's message and path, and the implementation is not called", async () => {
  const { ipc, calls } = setup();
  const r = await ipc.invoke(APP_START_URL, CALL_CHANNEL, 'demo.issue', { certificate: '12' });
  assert.deepEqual(r, { ok: false, error: { code: 'invalid-input', message: 'certificate: a six-digit certificate number', path: 'certificate', text: says('error.badInput') } });
  const s = await ipc.invoke(APP_START_URL, SHELL_CHANNEL, 'shell:setLanguage', { lang: 'fr' });
  assert.equal(s.ok, false);
  if (!s.ok) {
    assert.equal(s.error.code, 'invalid-input');
    assert.equal(s.error.path, 'lang');
  }
  assert.deepEqual(calls, []);
});

test('a valid call is answered; refusals and broken outputs come back as structured errors', async () => {
  const { ipc, internal, language } = setup();
  const first = await ipc.invoke(`${APP_START_URL}#/desk`, CALL_CHANNEL, 'demo.issue', { certificate: '000123' });
  assert.deepEqual(first, { ok: true, value: { issued: true, certificate: '000123' } });
  const again = await ipc.invoke(APP_START_URL, CALL_CHANNEL, 'demo.issue', { certificate: '000123' });
  assert.deepEqual(again, { ok: false, error: { code: 'refused', message: 'already issued: 000123' } });
  const broken = await ipc.invoke(APP_START_URL, CALL_CHANNEL, 'demo.broken', {});
  assert.equal(broken.ok === false && broken.error.code, 'internal');
  assert.deepEqual(internal, ['demo.broken']);
  const lang = await ipc.invoke(APP_START_URL, SHELL_CHANNEL, 'shell:setLanguage', { lang: 'en' });
  assert.deepEqual(lang, { ok: true, value: { lang: 'en' } });
  assert.equal(language(), 'en');
});

test('the returned function removes both handlers', async () => {
  const { ipc, remove } = setup();
  remove();
  assert.equal(ipc.handlers.size, 0);
  await assert.rejects(ipc.invoke(APP_START_URL, CALL_CHANNEL, 'demo.issue', { certificate: '123456' }), /No handler/);
});
