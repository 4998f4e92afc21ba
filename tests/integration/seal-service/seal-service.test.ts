import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { contract } from '../../../shared/api/contract';
import { dispatch } from '../../../shared/api/dispatch';
import { buildApi } from '../../../electron/backend/api';
import { auditHead, readAuditEvents } from '../../../electron/backend/audit';
import { createContext, type BackendContext } from '../../../electron/backend/context';
import { drillCredentials } from '../../../electron/backend/drill/credentials';
import { runDrill, type DrillSummary } from '../../../electron/backend/drill/run';
import { asPerson } from '../../helpers/authority';
import { boxBallots, correctBallot } from '../../../electron/backend/services/counting';
import { listPeople } from '../../../electron/backend/services/people';
import { createElection } from '../../../electron/backend/services/setup';
import { reopenCount } from '../../../electron/backend/services/signoff';
import { STATION_KEY_FILE } from '../../../electron/backend/seal';

const station = join(import.meta.dirname, '../../../bin/station.mjs');
const FIXTURE = join(import.meta.dirname, '..', '..', 'fixtures', 'election-residents.json');
const dirs: string[] = [];
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'station-seal-service-'));
  dirs.push(d);
  return d;
}
function cli(args: string[]) {
  const r = spawnSync(process.execPath, [station, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A counted and signed election, made once by a small drill; each test works on its own copy. */
let source: string;
let drilled: DrillSummary;
before(async () => {
  const d = tempDir();
  source = join(d, 'source.sqlite');
  drilled = await runDrill({ dbFile: source, voters: 300, seed: 'seal-service' });
});

function copyOfDrill(): { ctx: BackendContext; dir: string; dbFile: string } {
  const dir = tempDir();
  const dbFile = join(dir, 'election.sqlite');
  copyFileSync(source, dbFile);
  let t = Date.parse('2026-05-17T02:00:00Z');
  return { ctx: createContext({ dbFile, mustExist: true, now: () => new Date((t += 1000)), actor: 'test' }), dir, dbFile };
}

async function call(ctx: BackendContext, method: string, input: unknown) {
  return dispatch(contract, buildApi(ctx), method, input);
}

test('sealToFile writes a file that verifies, records the seal in the audit log, and the key stays beside the database', async () => {
  const { ctx, dir } = copyOfDrill();
  try {
    const before = auditHead(ctx.db);
    const path = join(dir, 'result.cer-sealed.json');
    const r = await call(ctx, 'sealToFile', { path });
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
    // The intent with the file's hash first, then the confirmation once the file is in place.
    assert.deepEqual(events.map((e) => e.type), ['seal.started', 'seal.written']);
    assert.equal(events[0]!.detail.fileHash, createHash('sha256').update(readFileSync(path)).digest('hex'));
    assert.equal(events[1]!.detail.file, 'result.cer-sealed.json');
    assert.equal(events[1]!.detail.payloadHash, written.payloadHash);

    const fp = await call(ctx, 'stationFingerprint', {});
    assert.ok(fp.ok);
    assert.equal((fp.value as { short: string }).short, written.fingerprint.short);

    const v = await call(ctx, 'verifySealedFile', { path, fingerprint: written.fingerprint.short });
    assert.ok(v.ok && (v.value as { ok: boolean }).ok, JSON.stringify(v));
  } finally {
    ctx.db.close();
  }
});

test('an existing file is not replaced unless overwriting is asked for', async () => {
  const { ctx, dir } = copyOfDrill();
  try {
    const path = join(dir, 'result.json');
    writeFileSync(path, 'something else');
    const r = await call(ctx, 'sealToFile', { path });
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'refused');
    assert.match(r.error.message, /already exists/);
    assert.equal(readFileSync(path, 'utf8'), 'something else');
    const last = readAuditEvents(ctx.db, { afterSeq: auditHead(ctx.db).count - 1 })[0]!;
    assert.equal(last.type, 'seal.refused');
    assert.equal(last.outcome, 'refused');
    const again = await call(ctx, 'sealToFile', { path, overwrite: true });
    assert.ok(again.ok);
    const v = await call(ctx, 'verifySealedFile', { path });
    assert.ok(v.ok && (v.value as { ok: boolean }).ok);
  } finally {
    ctx.db.close();
  }
});

test('sealing is refused while a round has no stored result, naming the round; nothing is written', async () => {
  const { ctx, dir, dbFile } = copyOfDrill();
  const last = drilled.rounds.length;
  try {
    const chair = listPeople(ctx).find((p) => p.committee?.position === 'chair')!;
    const approval = { person: chair.id, pin: drillCredentials(ctx).people.find((p) => p.id === chair.id)!.pin! };
    const first = boxBallots(ctx.db, { round: last, box: 'C1' })[0]!;
    const corrected = 'void' in first.content ? { marks: {} } : { void: 'other' as const };
    asPerson(ctx, chair.id, () => {
      reopenCount(ctx, { round: last, reason: '监票人发现第 1 张选票录入有误', approvals: [approval] });
      correctBallot(ctx, { round: last, box: 'C1', position: 1, ballot: corrected, reason: '更正录入', approval });
    });
    const path = join(dir, 'never.json');
    const r = await call(ctx, 'sealToFile', { path });
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'refused');
    assert.match(r.error.message, new RegExp(`round ${last} \\(.*\\) has no stored result`));
    assert.match(r.error.message, new RegExp(`第 ${last} 轮`));
    assert.ok(!existsSync(path));
    const event = readAuditEvents(ctx.db, { afterSeq: auditHead(ctx.db).count - 1 })[0]!;
    assert.equal(event.type, 'seal.refused');
  } finally {
    ctx.db.close();
  }
  const viaCli = cli(['seal', '--db', dbFile, '--out', join(dir, 'cli.json')]);
  assert.equal(viaCli.code, 1);
  assert.match(viaCli.stderr, /no stored result/);
  assert.ok(!existsSync(join(dir, 'cli.json')));
});

test('an election not yet counted cannot be sealed', async () => {
  const dir = tempDir();
  const ctx = createContext({ dbFile: join(dir, 'e.sqlite'), actor: 'test' });
  try {
    createElection(ctx, JSON.parse(readFileSync(FIXTURE, 'utf8')));
    const r = await call(ctx, 'sealToFile', { path: join(dir, 'x.json') });
    assert.ok(!r.ok);
    assert.match(r.error.message, /round 1 \(regular, status prepared\) has no stored result/);
  } finally {
    ctx.db.close();
  }
});

test('sealing is refused when the audit log was tampered with, and the broken log is not appended to', async () => {
  const { ctx, dir, dbFile } = copyOfDrill();
  ctx.db.close();
  const raw = new Database(dbFile);
  raw.exec('DROP TRIGGER audit_event_no_update');
  raw.prepare("UPDATE audit_event SET actor = 'someone else' WHERE seq = 5").run();
  raw.close();
  const again = createContext({ dbFile, mustExist: true, actor: 'test' });
  try {
    const count = auditHead(again.db).count;
    const r = await call(again, 'sealToFile', { path: join(dir, 'x.json') });
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'refused');
    assert.match(r.error.message, /audit log is broken at event 5/);
    assert.equal(auditHead(again.db).count, count);
    assert.ok(!existsSync(join(dir, 'x.json')));
  } finally {
    again.db.close();
  }
});

test('verifySealedFile reports the failures of a changed file, and a missing path as not found', async () => {
  const { ctx, dir } = copyOfDrill();
  try {
    const path = join(dir, 'good.json');
    assert.ok((await call(ctx, 'sealToFile', { path })).ok);
    const bytes = readFileSync(path);
    for (const at of [20, Math.floor(bytes.length / 3), bytes.length - 40, bytes.length - 1]) {
      const changed = Buffer.from(bytes);
      changed[at] = changed[at]! ^ 0x01;
      const bad = join(dir, `bad-${at}.json`);
      writeFileSync(bad, changed);
      const v = await call(ctx, 'verifySealedFile', { path: bad });
      assert.ok(v.ok);
      const outcome = v.value as { ok: boolean; failures?: string[] };
      assert.equal(outcome.ok, false, `byte ${at} changed must fail`);
      assert.ok((outcome.failures ?? []).length > 0);
    }
    const wrongFp = await call(ctx, 'verifySealedFile', { path, fingerprint: '0000 0000 0000 0000 0000 0000 0000 0000' });
    assert.ok(wrongFp.ok && !(wrongFp.value as { ok: boolean }).ok);
    const missing = await call(ctx, 'verifySealedFile', { path: join(dir, 'missing.json') });
    assert.ok(!missing.ok);
    assert.equal(missing.error.code, 'not-found');
  } finally {
    ctx.db.close();
  }
});

test('station seal and station verify: exit codes and output', () => {
  const { ctx, dir, dbFile } = copyOfDrill();
  ctx.db.close();
  const out = join(dir, 'cli.sealed.json');
  const sealed = cli(['seal', '--db', dbFile, '--out', out, '--json']);
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
