import assert from 'node:assert/strict';
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
