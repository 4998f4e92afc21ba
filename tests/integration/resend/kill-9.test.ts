import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { test } from 'node:test';
import { verifyAuditChain } from '../../../electron/backend/audit';
import { createContext } from '../../../electron/backend/context';
import { createClient, httpTransport, isClientError } from '../../../renderer/api/client';
import type { Contract } from '../../../shared/api/contract';
import { sessionHolder } from '../../../renderer/api/session-token';
import { TEST_PIN } from '../../helpers/authority';
import { certificateOf, closePoll, makeElection, openPoll } from '../counting/helpers';
import { addDeskOfficial } from './staff';

/**
 * The renderer's own client against a real child process serving the HTTP transport. Every write's first answer is
 * lost (the client re-sends it with the same request key), and now and then the server is killed with SIGKILL while
 * a write is on its way — before or after its commit, as it happens — and started again on the same file. In the
 * end every voter has exactly one ballot issued and every called ballot is entered once, at its place.
 * A restart ends every session: each person signs in again and sends the write again, with the same key.
 */

const VOTERS = 24;
const KILL_EVERY = 8;
const TOKEN = 'kill-9-test-token-0123456789';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

function startServer(dbFile: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'serve-child.ts'), dbFile, String(port), TOKEN], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      if (out.includes('ready\n')) resolve(child);
    });
    child.once('exit', (code, signal) => reject(new Error(`server exited before it was ready (${code ?? signal})`)));
  });
}

function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

const ballotFor = (i: number) =>
  i % 5 === 4 ? { void: 'unreadable' as const } : { marks: { chair: { for: [i % 2 === 0 ? 'c1' : 'c2'] }, member: { for: ['m1'] } } };

test('every ballot and issuance re-sent after a lost answer, under kill -9 of the server: none doubled, none lost', { timeout: 600_000 }, async () => {
  const { ctx, dbFile, people } = await makeElection({ voters: VOTERS });
  openPoll(ctx, 1, ['C1'], VOTERS + 10);
  const deskOfficial = addDeskOfficial(ctx, people);
  ctx.db.close();

  const port = await freePort();
  let server = await startServer(dbFile, port);
  let writes = 0;
  let kills = 0;
  // Every write's first answer is lost; every KILL_EVERY-th write, the server is killed while the request is under way.
  const lossyFetch: typeof fetch = async (url, init) => {
    const body = JSON.parse(String(init?.body ?? '{}')) as { requestKey?: string };
    if (body.requestKey === undefined) return fetch(url, init);
    const seen = resent.has(body.requestKey);
    resent.add(body.requestKey);
    if (seen) return fetch(url, init);
    writes += 1;
    if (writes % KILL_EVERY === 0) {
      const pending = fetch(url, init).then(
        (r) => r.text(),
        () => null,
      );
      await new Promise((r) => setTimeout(r, writes % 4));
      await killHard(server);
      kills += 1;
      await pending;
      server = await startServer(dbFile, port);
      throw new TypeError('fetch failed: the server was killed');
    }
    await (await fetch(url, init)).text();
    throw new TypeError('fetch failed: the answer was lost');
  };
  const resent = new Set<string>();
  /** One person's window: their own session, signed in again whenever a restart has ended it. */
  const windowOf = (person: number) => {
    const session = sessionHolder(null);
    const api = createClient<Contract>(httpTransport({ baseUrl: `http://127.0.0.1:${port}`, token: TOKEN, fetch: lossyFetch }), {
      retryDelaysMs: [50, 200, 500, 1000, 2000, 4000, 8000],
      session,
    });
    const call: typeof api.call = async (method, input) => {
      for (let attempt = 0; ; attempt++) {
        if (session.get() === null) session.set((await api.call('signIn', { person, pin: TEST_PIN })).token);
        try {
          return await api.call(method, input);
        } catch (err) {
          const ended = isClientError(err) && (err.details as { reason?: string } | undefined)?.reason === 'session-ended';
          if (!ended || attempt >= 3) throw err;
          sessionEnds += 1;
        }
      }
    };
    return { call };
  };
  let sessionEnds = 0;
  const desk = windowOf(deskOfficial);
  const scrutineer = windowOf(people['谢文']!);
  const counter = windowOf(people['郑丽']!);

  try {
    for (let i = 0; i < VOTERS; i++) {
      const out = await desk.call('issueBallot', { certificate: certificateOf(i), round: 1, desk: 'C1' });
      assert.equal(out.certificate, certificateOf(i));
    }
    for (let i = 0; i < 3; i++) await desk.call('exchangeSpoiled', { round: 1, desk: 'C1' });
    await killHard(server);

    const setup = createContext({ dbFile, actor: 'test', mustExist: true });
    closePoll(setup, 1);
    setup.db.close();
    server = await startServer(dbFile, port);

    await scrutineer.call('openBox', { round: 1, box: 'C1' });
    await scrutineer.call('recordBallotsFound', { round: 1, box: 'C1', found: VOTERS });
    for (let i = 0; i < VOTERS; i++) {
      const r = await counter.call('enterBallot', { round: 1, box: 'C1', position: i + 1, ballot: ballotFor(i) });
      assert.equal(r.position, i + 1);
    }
    const finished = await scrutineer.call('finishBox', { round: 1, box: 'C1' });
    assert.equal(finished.accepted, true);
  } catch (err) {
    if (isClientError(err)) assert.fail(`${err.method}: ${err.code} ${err.message}`);
    throw err;
  } finally {
    await killHard(server);
  }

  const check = createContext({ dbFile, actor: 'test', mustExist: true });
  const n = (sql: string) => (check.db.prepare(sql).get() as { n: number }).n;
  assert.ok(kills >= 5, `the server was killed ${kills} times`);
  assert.ok(sessionEnds >= 1, 'a restart ended a session that was then signed in again');
  assert.equal(n('SELECT count(*) AS n FROM issuance'), VOTERS, 'one issuance per voter');
  assert.equal(n('SELECT count(DISTINCT voter_id) AS n FROM issuance'), VOTERS);
  assert.equal(n("SELECT count(*) AS n FROM audit_event WHERE type = 'ballot.issued'"), VOTERS);
  assert.equal(n("SELECT count(*) AS n FROM audit_event WHERE type = 'ballot.refused'"), 0, 'no re-send was refused as a second ballot');
  assert.equal(n('SELECT coalesce(sum(count), 0) AS n FROM spoiled_count'), 3);
  const ballots = check.db.prepare("SELECT position, content_json FROM ballot WHERE sheet = 'A' ORDER BY position").all() as { position: number; content_json: string }[];
  assert.deepEqual(
    ballots.map((b) => [b.position, JSON.parse(b.content_json)]),
    Array.from({ length: VOTERS }, (_, i) => [i + 1, ballotFor(i)]),
  );
  assert.equal(n("SELECT count(*) AS n FROM audit_event WHERE type = 'counting.ballot-entered'"), VOTERS);
  assert.equal(verifyAuditChain(check.db).ok, true);
  check.db.close();
});
