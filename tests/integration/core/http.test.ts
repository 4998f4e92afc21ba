import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startHttpServer, type HttpServerHandle } from '../../../electron/backend/http';
import { CONTENT_SECURITY_POLICY } from '../../../electron/backend/web-policy';
import { sampleDefinition, tempDir } from './helpers';

let server: HttpServerHandle;
const dir = tempDir();

before(async () => {
  const staticDir = join(dir, 'static');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>station</title>');
  server = await startHttpServer({ dataDir: dir, staticDir });
});
after(() => server.close());

function post(method: string, body: string, headers: Record<string, string> = {}): Promise<{ status: number; json: any; headers: Record<string, unknown> }> {
  return raw('POST', `/api/${method}`, body, { 'content-type': 'application/json', 'x-station-token': server.token, ...headers });
}

function raw(verb: string, path: string, body: string | null, headers: Record<string, string>): Promise<{ status: number; json: any; headers: Record<string, unknown>; text?: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, method: verb, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown = null;
        try {
          json = JSON.parse(text);
        } catch {
          /* static file */
        }
        resolve({ status: res.statusCode ?? 0, json, headers: res.headers, text });
      });
    });
    req.on('error', reject);
    if (body !== null) req.write(body);
    req.end();
  });
}

test('listens on 127.0.0.1 with a long random token', () => {
  assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  assert.ok(server.token.length >= 40);
});

test('a wrong or missing token gets 401 and runs nothing', async () => {
  const wrong = await post('createElection', JSON.stringify(sampleDefinition()), { 'x-station-token': `${server.token.slice(0, -1)}x` });
  assert.equal(wrong.status, 401);
  const missing = await raw('POST', '/api/getElection', '{}', { 'content-type': 'application/json' });
  assert.equal(missing.status, 401);
  const now = await post('getElection', '{}');
  assert.equal(now.json.value.election, null, 'the refused call created nothing');
});

test('a Host other than loopback is refused (DNS rebinding), and so is a foreign Origin', async () => {
  const evil = await post('getElection', '{}', { host: `evil.example:${server.port}` });
  assert.equal(evil.status, 403);
  const otherPort = await post('getElection', '{}', { host: `127.0.0.1:${server.port + 1}` });
  assert.equal(otherPort.status, 403);
  const origin = await post('getElection', '{}', { origin: 'http://evil.example' });
  assert.equal(origin.status, 403);
  const local = await post('getElection', '{}', { host: `localhost:${server.port}`, origin: `http://localhost:${server.port}` });
  assert.equal(local.status, 200);
});

test('invalid input gets the structured error naming the field', async () => {
  const def = sampleDefinition();
  (def.offices as { seats: unknown }[])[1]!.seats = 'two';
  const r = await post('createElection', JSON.stringify(def));
  assert.equal(r.status, 400);
  assert.equal(r.json.ok, false);
  assert.equal(r.json.error.code, 'invalid-input');
  assert.equal(r.json.error.path, 'offices[1].seats');
  const notJson = await post('getElection', '{nope');
  assert.equal(notJson.status, 400);
  assert.equal(notJson.json.error.code, 'invalid-input');
  const unknown = await post('noSuchMethod', '{}');
  assert.equal(unknown.json.error.code, 'not-found');
});

test('a valid call is answered; a refusal is an envelope too', async () => {
  const created = await post('createElection', JSON.stringify(sampleDefinition()));
  assert.equal(created.status, 200, JSON.stringify(created.json));
  assert.deepEqual(created.json.value.rounds.map((r: { number: number }) => r.number), [1]);
  const again = await post('createElection', JSON.stringify(sampleDefinition()));
  assert.equal(again.status, 422);
  assert.equal(again.json.error.code, 'refused');
  const step = await post('recordCustodyStep', JSON.stringify({ box: 'C1', round: 1, step: 'voting' }));
  assert.equal(step.json.error.code, 'refused');
  assert.deepEqual(step.json.error.details, { expected: 'sealed-empty' });
  const audit = await post('verifyAudit', '{}');
  assert.equal(audit.json.value.ok, true);
});

test('static files carry a strict CSP and cannot escape their folder', async () => {
  const page = await raw('GET', '/', null, {});
  assert.equal(page.status, 200);
  // The one policy (electron/backend/web-policy.ts), the same the Electron window's app:// handler sends.
  assert.equal(page.headers['content-security-policy'], CONTENT_SECURITY_POLICY);
  const escape = await raw('GET', '/../election.sqlite', null, {});
  assert.notEqual(escape.status, 200);
  const encoded = await raw('GET', '/%2e%2e/election.sqlite', null, {});
  assert.notEqual(encoded.status, 200);
  const get = await raw('GET', '/api/getElection', null, { 'x-station-token': server.token });
  assert.equal(get.status, 405);
});

test('a malformed percent-encoding in the URL: 401 without the token, 400 with it, never a 500', async () => {
  const noToken = await raw('POST', '/api/get%E0%A4%Election', '{}', { 'content-type': 'application/json' });
  assert.equal(noToken.status, 401);
  const withToken = await post('get%E0%A4%Election', '{}');
  assert.equal(withToken.status, 400);
  assert.equal(withToken.json.error.code, 'invalid-input');
  const lone = await post('%', '{}');
  assert.equal(lone.status, 400);
});

test('a body that is not UTF-8 is refused; a JSON error does not quote the body', async () => {
  const bad = await new Promise<number>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, method: 'POST', path: '/api/getElection', headers: { 'content-type': 'application/json', 'x-station-token': server.token } },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end(Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]));
  });
  assert.equal(bad, 400);
  const secret = await post('getElection', 'SECRET-1234 is not json');
  assert.equal(secret.status, 400);
  assert.doesNotMatch(JSON.stringify(secret.json), /SECRET/);
});

test('stored texts: a 1 MB desk name, 100,000 NULs, a lone surrogate and a bidi override are refused and store nothing', async () => {
  const cases: Array<[string, unknown, RegExp]> = [
    ['addDesk', { id: 'D9', name: '桌'.repeat(1024 * 1024), box: 'C1' }, /^name: at most 64 characters$/],
    ['addVenue', { id: 'v9', name: '\u0000'.repeat(100_000), kind: 'station' }, /^name: /],
    ['addVenue', { id: 'v9', name: '第九\ud800站', kind: 'station' }, /^name: not well-formed Unicode: a lone surrogate U\+D800 at character 3$/],
    ['addBox', { id: 'B9', name: '票箱\u202e9', kind: 'station', venue: 's1' }, /^name: bidirectional control character U\+202E/],
    ['addCandidate', { name: '王\u001b[31m芳', office: 'member' }, /^name: control character U\+001B/],
  ];
  for (const [method, input, message] of cases) {
    const r = await post(method, JSON.stringify(input));
    assert.equal(r.status, 400, `${method}: ${JSON.stringify(r.json).slice(0, 200)}`);
    assert.match(r.json.error.message, message);
  }
  const after = await post('getElection', '{}');
  assert.deepEqual(after.json.value.venues.map((v: { id: string }) => v.id).sort(), ['central', 's1']);
  assert.equal(after.json.value.boxes.length, 3);
});

test('a "__proto__" key anywhere in the input is refused with its path (zod would drop it silently)', async () => {
  const body = '{"contentBase64":"YQ==","assign":{"byGroup":{"__proto__":"s1"}},"dryRun":true}';
  const r = await post('importRoll', body);
  assert.equal(r.status, 400);
  assert.equal(r.json.error.path, 'assign.byGroup.__proto__');
});

test('verifySealedFile reads only regular files: a FIFO answers at once, /dev/zero is refused, no content is echoed', async () => {
  const fifo = join(dir, 'sealed.fifo');
  execFileSync('mkfifo', [fifo]);
  const started = Date.now();
  const r = await post('verifySealedFile', JSON.stringify({ path: fifo }));
  assert.equal(r.status, 400);
  assert.match(r.json.error.message, /not a regular file/);
  assert.ok(Date.now() - started < 5000);
  const zero = await post('verifySealedFile', JSON.stringify({ path: '/dev/zero' }));
  assert.equal(zero.status, 400);
  assert.match(zero.json.error.message, /not a regular file/);
  const secretFile = join(dir, 'secret.txt');
  writeFileSync(secretFile, 'SECRET-5678 private key material');
  const secret = await post('verifySealedFile', JSON.stringify({ path: secretFile }));
  assert.equal(secret.status, 200);
  assert.equal(secret.json.value.ok, false);
  assert.doesNotMatch(JSON.stringify(secret.json), /SECRET/);
});
