import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startHttpServer } from '../../../electron/backend/http';
import { createClient, httpTransport, isClientError } from '../../../renderer/api/client';
import type { Contract } from '../../../shared/api/contract';
import { sessionHolder } from '../../../renderer/api/session-token';
import { TEST_PIN } from '../../helpers/authority';
import { certificateOf, makeElection, openPoll } from '../counting/helpers';
import { addDeskOfficial } from './staff';

/** The renderer's client over the real HTTP transport, when an answer stays lost after every re-send. */
test('a write whose answer stayed lost is sent again by the person with the same key: done once, answered as done', async () => {
  const { ctx, people } = await makeElection({ voters: 4 });
  openPoll(ctx, 1);
  const desk = addDeskOfficial(ctx, people);
  const server = await startHttpServer({ ctx });
  try {
    const session = sessionHolder(null);
    const plain = createClient<Contract>(httpTransport({ baseUrl: server.url, token: server.token }));
    session.set((await plain.call('signIn', { person: desk, pin: TEST_PIN })).token);
    let dropAnswers = true;
    const keys: string[] = [];
    const lossy: typeof fetch = async (url, init) => {
      keys.push((JSON.parse(String(init?.body)) as { requestKey?: string }).requestKey ?? '');
      const res = await fetch(url, init);
      if (!dropAnswers) return res;
      await res.text();
      throw new TypeError('fetch failed');
    };
    const api = createClient<Contract>(httpTransport({ baseUrl: server.url, token: server.token, fetch: lossy }), { retryDelaysMs: [1], session });
    const input = { certificate: certificateOf(1), round: 1, desk: 'C1' };
    await assert.rejects(api.call('issueBallot', input), (e) => isClientError(e) && e.code === 'network');
    assert.equal(keys.length, 2, 'sent once and re-sent once');
    assert.equal(keys[0], keys[1]);
    dropAnswers = false;
    const out = await api.call('issueBallot', input);
    assert.equal(keys[2], keys[0], 'the person’s second scan goes with the lost write’s key');
    assert.equal(out.certificate, certificateOf(1));
    assert.equal((ctx.db.prepare('SELECT count(*) AS n FROM issuance').get() as { n: number }).n, 1);
    // Answered now, the key is forgotten: a new scan of the same card is a new write, refused as a second ballot.
    await assert.rejects(api.call('issueBallot', input), (e) => isClientError(e) && e.code === 'refused');
    assert.notEqual(keys[3], keys[0]);
  } finally {
    await server.close();
  }
});
