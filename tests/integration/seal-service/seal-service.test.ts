import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { contract } from '../../../shared/api/contract';
import { SESSION_FIELD } from '../../../shared/api/resend';
import { dispatch } from '../../../shared/api/dispatch';
import { buildApi } from '../../../electron/backend/api';
import { auditHead, readAuditEvents } from '../../../electron/backend/audit';
import { createContext } from '../../../electron/backend/context';
import { runDrillInContext, type DrillSummary } from '../../../electron/backend/drill/run';
import { createElection } from '../../../electron/backend/services/setup';
import { drillChairForCli } from '../../helpers/authority';
import { STATION_KEY_FILE } from '../../../electron/backend/seal';
import { cli, copyOfDrill as copyOf, drillSource, tempDir } from './drill-copy';

const FIXTURE = join(import.meta.dirname, '..', '..', 'fixtures', 'election-residents.json');

/** A counted and signed election, made once by a small drill; each test works on its own copy. */
let source: string;
let drilled: DrillSummary;
before(async () => {
  ({ source, drilled } = await drillSource('seal-service'));
});
const copyOfDrill = () => copyOf(source);

test('sealToFile writes a file that verifies, records the seal in the audit log, and the key stays beside the database', async () => {
  const { ctx, dir, exports, asChair: call } = await copyOfDrill();
  try {
    const before = auditHead(ctx.db);
    const path = join(exports, 'result.cer-sealed.json');
    const r = await call('sealToFile', { name: 'result.cer-sealed.json' });
    assert.ok(r.ok, JSON.stringify(r));
    const written = r.value as { path: string; payloadHash: string; bytes: number; auditHead: { count: number; hash: string }; rounds: { resultHash: string; signoffs: number }[]; fingerprint: { short: string } };
    assert.equal(written.path, path);
    assert.deepEqual(written.auditHead, { count: before.count, hash: before.head });
    assert.deepEqual(written.rounds.map((x) => x.resultHash), drilled.rounds.map((x) => x.resultHash));
    assert.ok(written.rounds.every((x) => x.signoffs === 8));
    assert.ok(existsSync(join(dir, STATION_KEY_FILE)), 'the station key is created beside the database');

    const bytes = readFileSync(path);
    assert.equal(bytes.length, written.bytes);
    const payload = Buffer.from((JSON.parse(bytes.toString('utf8')) as { payload: string }).payload, 'base64');
    assert.equal(createHash('sha256').update(payload).digest('hex'), written.payloadHash);
    const body = JSON.parse(payload.toString('utf8')) as { election: { drill: boolean; candidates: unknown[] }; sealedAt: string };
    assert.equal(body.election.drill, true);
    assert.ok(body.election.candidates.length >= 7);
    assert.match(body.sealedAt, /\+08:00$/);
    assert.ok(!payload.toString('utf8').includes('"idNumber"'), 'no ID numbers in the sealed file');

    const events = readAuditEvents(ctx.db, { afterSeq: before.count });
    // The intent with the file's hash first, then the confirmation once the file is in place, and the rounds sealed.
    // (The drill sealed its rounds already: this file is the election's second and changes no round's status.)
    assert.deepEqual(events.map((e) => e.type), ['seal.started', 'seal.written']);
    assert.equal(events[0]!.detail.fileHash, createHash('sha256').update(readFileSync(path)).digest('hex'));
    assert.equal(events[1]!.detail.file, 'result.cer-sealed.json');
    assert.equal(events[1]!.detail.payloadHash, written.payloadHash);

    assert.match(events[0]!.actor ?? '', /^#\d+ /, 'the signed-in committee member is the actor');

    const fp = await call('stationFingerprint', {});
    assert.ok(fp.ok);
    assert.equal((fp.value as { short: string }).short, written.fingerprint.short);

    const v = await call('verifySealedFile', { path, fingerprint: written.fingerprint.short });
    assert.ok(v.ok && (v.value as { ok: boolean }).ok, JSON.stringify(v));
  } finally {
    ctx.db.close();
  }
});

test('an existing file is not replaced unless overwriting is asked for', async () => {
  const { ctx, exports, asChair: call } = await copyOfDrill();
  try {
    assert.ok((await call('exportFolder', {})).ok);
    const path = join(exports, 'result.json');
    assert.ok((await call('sealToFile', { name: 'first.json' })).ok, 'the default folder is made on first use');
    writeFileSync(path, 'something else');
    const r = await call('sealToFile', { name: 'result.json' });
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'refused');
    assert.match(r.error.message, /already exists/);
    assert.equal(readFileSync(path, 'utf8'), 'something else');
    const last = readAuditEvents(ctx.db, { afterSeq: auditHead(ctx.db).count - 1 })[0]!;
    assert.equal(last.type, 'seal.refused');
    assert.equal(last.outcome, 'refused');
    const again = await call('sealToFile', { name: 'result.json', overwrite: true });
    assert.ok(again.ok);
    const v = await call('verifySealedFile', { path });
    assert.ok(v.ok && (v.value as { ok: boolean }).ok);
  } finally {
    ctx.db.close();
  }
});

test('sealing is refused while a round has no stored result, naming the round; nothing is written', async () => {
  // A drill stopped while round 1 is open for voting: PINs set, no result yet.
  const voting = join(tempDir(), 'voting.sqlite');
  const made = createContext({ dbFile: voting, actor: 'test' });
  await runDrillInContext(made, { voters: 40, seed: 'seal-voting', stage: 'ready-to-vote', date: '2026-05-16' });
  made.db.close();
  const { ctx, dir, dbFile, exports, asChair: call } = await copyOf(voting);
  try {
    const path = join(exports, 'never.json');
    const r = await call('sealToFile', { name: 'never.json' });
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'refused');
    assert.match(r.error.message, /round 1 \(voting open\) has no stored result/);
    assert.match(r.error.message, /第 1 轮/);
    assert.ok(!existsSync(path));
    const event = readAuditEvents(ctx.db, { afterSeq: auditHead(ctx.db).count - 1 })[0]!;
    assert.equal(event.type, 'seal.refused');
  } finally {
    ctx.db.close();
  }
  const chair = drillChairForCli(dbFile);
  const viaCli = cli(['seal', '--db', dbFile, '--out', join(dir, 'cli.json'), ...chair.args], chair.env);
  assert.equal(viaCli.code, 1);
  assert.match(viaCli.stderr, /no stored result/);
  assert.ok(!existsSync(join(dir, 'cli.json')));
});

test('an election not yet counted cannot be sealed', async () => {
  const dir = tempDir();
  const ctx = createContext({ dbFile: join(dir, 'e.sqlite'), actor: 'test' });
  try {
    createElection(ctx, JSON.parse(readFileSync(FIXTURE, 'utf8')));
    // Nobody has a PIN yet: the file is still being set up and every method is open.
    const r = await dispatch(contract, buildApi(ctx), 'sealToFile', { name: 'x.json' });
    assert.ok(!r.ok);
    assert.match(r.error.message, /round 1 \(prepared \(voting not open\)\) has no stored result/);
    assert.ok(!existsSync(join(dir, 'exports', 'x.json')));
  } finally {
    ctx.db.close();
  }
});

test('sealing is refused when the audit log was tampered with, and the broken log is not appended to', async () => {
  const { ctx, dbFile, exports, chair } = await copyOfDrill();
  ctx.db.close();
  const raw = new Database(dbFile);
  raw.exec('DROP TRIGGER audit_event_no_update');
  raw.prepare("UPDATE audit_event SET actor = 'someone else' WHERE seq = 5").run();
  raw.close();
  const again = createContext({ dbFile, mustExist: true, actor: 'test' });
  try {
    const call = (method: string, input: object) => dispatch(contract, buildApi(again), method, input);
    const signIn = await call('signIn', { person: chair.id, pin: chair.pin });
    assert.ok(signIn.ok);
    const count = auditHead(again.db).count;
    const r = await call('sealToFile', { name: 'x.json', [SESSION_FIELD]: (signIn.value as { token: string }).token });
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'refused');
    assert.match(r.error.message, /audit log is broken at event 5/);
    assert.equal(auditHead(again.db).count, count);
    assert.ok(!existsSync(join(exports, 'x.json')));
  } finally {
    again.db.close();
  }
});

test('verifySealedFile reports the failures of a changed file, and a missing path as not found', async () => {
  const { ctx, dir, exports, asChair: call } = await copyOfDrill();
  try {
    const path = join(exports, 'good.json');
    assert.ok((await call('sealToFile', { name: 'good.json' })).ok);
    const bytes = readFileSync(path);
    for (const at of [20, Math.floor(bytes.length / 3), bytes.length - 40, bytes.length - 1]) {
      const changed = Buffer.from(bytes);
      changed[at] = changed[at]! ^ 0x01;
      const bad = join(dir, `bad-${at}.json`);
      writeFileSync(bad, changed);
      const v = await call('verifySealedFile', { path: bad });
      assert.ok(v.ok);
      const outcome = v.value as { ok: boolean; failures?: string[] };
      assert.equal(outcome.ok, false, `byte ${at} changed must fail`);
      assert.ok((outcome.failures ?? []).length > 0);
    }
    const wrongFp = await call('verifySealedFile', { path, fingerprint: '0000 0000 0000 0000 0000 0000 0000 0000' });
    assert.ok(wrongFp.ok && !(wrongFp.value as { ok: boolean }).ok);
    const missing = await call('verifySealedFile', { path: join(dir, 'missing.json') });
    assert.ok(!missing.ok);
    assert.equal(missing.error.code, 'not-found');
  } finally {
    ctx.db.close();
  }
});

test('station seal and station verify: exit codes and output', async () => {
  const { ctx, dir, dbFile } = await copyOfDrill();
  ctx.db.close();
  const out = join(dir, 'cli.sealed.json');
  const chair = drillChairForCli(dbFile);
  const sealed = cli(['seal', '--db', dbFile, '--out', out, '--json', ...chair.args], chair.env);
  assert.equal(sealed.code, 0, sealed.stderr);
  const written = JSON.parse(sealed.stdout) as { fingerprint: { short: string; full: string }; auditHead: { count: number } };
  const verified = cli(['verify', out, '--fingerprint', written.fingerprint.full.toLowerCase()]);
  assert.equal(verified.code, 0, verified.stderr);
  assert.ok(verified.stdout.includes(written.fingerprint.short));
  assert.ok(verified.stdout.includes(`${written.auditHead.count} events`));
  assert.ok(verified.stdout.includes(drilled.election));
  const wrong = cli(['verify', out, '--fingerprint', 'AAAA BBBB CCCC DDDD EEEE FFFF 0000 1111']);
  assert.equal(wrong.code, 1);
  assert.match(wrong.stderr, /not the one on the tally sheet/);
  assert.equal(cli(['seal', '--db', dbFile, '--out', out]).code, 1, 'an existing file is refused');
  assert.equal(cli(['seal', '--db', join(dir, 'nope.sqlite'), '--out', join(dir, 'n.json')]).code, 2);
  assert.equal(cli(['seal', '--db', dbFile]).code, 2, 'missing --out');
  assert.equal(cli(['verify']).code, 2);
  writeFileSync(join(dir, 'not-json.json'), 'hello');
  const notJson = cli(['verify', join(dir, 'not-json.json')]);
  assert.equal(notJson.code, 1);
  assert.match(notJson.stderr, /not valid JSON/);
});
