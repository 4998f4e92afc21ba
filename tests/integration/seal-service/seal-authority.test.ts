import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ApiResponse } from '../../../shared/api/envelope';
import { drillChairForCli } from '../../helpers/authority';
import type { SealWrittenView, VerifyOutcomeView } from '../../../shared/api/seal';
import { readAuditEvents } from '../../../electron/backend/audit';
import { loadOrCreateStationKey, signPayload, verifySealedFile } from '../../../electron/backend/seal';
import { FILE_LIMITS } from '../../../electron/backend/files/input-file';
import { exportPath } from '../../../electron/backend/services/export-folder';
import { gatherSealInput } from '../../../electron/backend/services/seal';
import { sealResults } from '../../../electron/backend/seal';
import { listRounds } from '../../../electron/backend/services/setup-rounds';
import { asPerson, TEST_PIN } from '../../helpers/authority';
import { cli, copyOfDrill, drillSource, tempDir, type DrillCopy } from './drill-copy';

/**
 * Sealing under authority: the sign-offs the tally sheet lists, the committee's override, sealed rounds frozen, the
 * numbering of sealed files, and the export folder as the one place the contract writes them.
 */

let source: string;
before(async () => {
  ({ source } = await drillSource('seal-authority', 200));
});

function refusal(r: ApiResponse<unknown>): { code: string; message: string; path?: string; details?: Record<string, unknown> } {
  assert.ok(!r.ok, `expected a refusal, got ${JSON.stringify(r).slice(0, 300)}`);
  return r.error as never;
}
const value = <T>(r: ApiResponse<unknown>): T => {
  assert.ok(r.ok, JSON.stringify(r));
  return r.value as T;
};
const withRole = (d: DrillCopy, role: string) => d.people.find((p) => p.roles.some((r) => r.role === role))!;

/** The drill's copy with one more caller appointed after the count: round 1 now lacks that caller's sign-off. */
async function withNewCaller(d: DrillCopy): Promise<{ id: number; name: string }> {
  const desk = withRole(d, 'desk');
  value(await d.asChair('grantRole', { person: desk.id, role: 'caller' }));
  return { id: desk.id, name: desk.name };
}

/** A second sitting committee member, given a PIN by the chair. */
async function secondMember(d: DrillCopy): Promise<{ id: number; name: string }> {
  const m = d.people.find((p) => p.committee !== null && p.committee !== 'chair')!;
  value(await d.asChair('setPin', { person: m.id, pin: TEST_PIN }));
  return { id: m.id, name: m.name };
}

test('sealing is refused while a sign-off the tally sheet lists is missing, naming who; nothing is written', async () => {
  const d = await copyOfDrill(source);
  try {
    const caller = await withNewCaller(d);
    const e = refusal(await d.asChair('sealToFile', { name: 'r.json' }));
    assert.equal(e.code, 'refused');
    assert.equal(e.details?.reason, 'signatures-missing');
    assert.deepEqual(e.details?.missing, [{ round: 1, role: 'caller', name: caller.name }]);
    assert.ok(e.message.includes(`${caller.name}（唱票人）`), e.message);
    assert.ok(e.message.includes(`round 1: ${caller.name} (caller)`), e.message);
    assert.deepEqual(readdirSync(d.exports), []);
    const last = readAuditEvents(d.ctx.db).at(-1)!;
    assert.equal(last.type, 'seal.refused');
  } finally {
    d.ctx.db.close();
  }
  const chair = drillChairForCli(d.dbFile);
  const viaCli = cli(['seal', '--db', d.dbFile, '--out', join(d.dir, 'cli.json'), ...chair.args], chair.env);
  assert.equal(viaCli.code, 1);
  assert.match(viaCli.stderr, /caller/);
  assert.ok(!existsSync(join(d.dir, 'cli.json')));
});

test('a kind of signer nobody holds is missing too', async () => {
  const d = await copyOfDrill(source);
  try {
    for (const p of d.people.filter((x) => x.roles.some((r) => r.role === 'caller'))) {
      value(await d.asChair('revokeRole', { person: p.id, role: 'caller', reason: '调离' }));
    }
    const e = refusal(await d.asChair('sealToFile', { name: 'r.json' }));
    assert.deepEqual(e.details?.missing, [{ round: 1, role: 'caller', name: null }]);
    assert.match(e.message, /没有人担任唱票人/);
    assert.match(e.message, /nobody holds the role caller/);
  } finally {
    d.ctx.db.close();
  }
});

test('two committee members may override missing sign-offs with a reason; the file and station verify say so', async () => {
  const d = await copyOfDrill(source);
  try {
    const caller = await withNewCaller(d);
    const member = await secondMember(d);
    const reason = '唱票人临时离场，无法签字';
    const chairOk = { person: d.chair.id, pin: d.chair.pin };
    const memberOk = { person: member.id, pin: TEST_PIN };
    const counter = withRole(d, 'counter');
    const attempts: Array<[unknown[], string, string]> = [
      [[chairOk], 'refused', 'approvals-needed'],
      [[chairOk, { ...chairOk }], 'invalid-input', ''],
      [[chairOk, { person: member.id, pin: '999999' }], 'refused', 'wrong-pin'],
      [[chairOk, { person: counter.id, pin: counter.pin }], 'refused', 'not-committee'],
    ];
    for (const [approvals, code, why] of attempts) {
      const e = refusal(await d.asChair('sealToFile', { name: 'r.json', override: { reason, approvals } }));
      assert.equal(e.code, code, e.message);
      if (why) assert.equal(e.details?.reason, why);
    }
    assert.deepEqual(readdirSync(d.exports), [], 'nothing written by a refused override');

    const w = value<SealWrittenView>(await d.asChair('sealToFile', { name: 'r.json', override: { reason, approvals: [chairOk, memberOk] } }));
    const override = { reason, approvers: [d.chair.name, member.name], missing: [{ round: 1, role: 'caller', name: caller.name }] };
    assert.deepEqual(w.override, override);
    const event = readAuditEvents(d.ctx.db).find((e) => e.type === 'seal.override')!;
    assert.deepEqual(event.detail.approvers, [{ id: d.chair.id, name: d.chair.name }, { id: member.id, name: member.name }]);
    assert.equal(event.detail.payloadHash, w.payloadHash);

    const v = value<VerifyOutcomeView>(await d.asChair('verifySealedFile', { path: w.path }));
    assert.ok(v.ok);
    assert.deepEqual(v.summary.override, override);

    const text = cli(['verify', w.path]);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /sign-offs were MISSING; the election committee decided to seal anyway/);
    assert.ok(text.stdout.includes(`${d.chair.name}、${member.name}`));
    assert.ok(text.stdout.includes(reason));
    assert.ok(text.stdout.includes(`${caller.name} (caller)`));
    const json = cli(['verify', w.path, '--json']);
    assert.deepEqual((JSON.parse(json.stdout) as { summary: { override: unknown } }).summary.override, override);
  } finally {
    d.ctx.db.close();
  }
});

test('an override is refused when nothing is missing', async () => {
  const d = await copyOfDrill(source);
  try {
    const member = await secondMember(d);
    const approvals = [{ person: d.chair.id, pin: d.chair.pin }, { person: member.id, pin: TEST_PIN }];
    const e = refusal(await d.asChair('sealToFile', { name: 'r.json', override: { reason: '无', approvals } }));
    assert.equal(e.code, 'invalid-input');
    assert.equal(e.path, 'override');
    assert.ok(!existsSync(join(d.exports, 'r.json')));
  } finally {
    d.ctx.db.close();
  }
});

test('a sealed round is frozen: no counting, no sign-off, and reopening it needs two committee members', async () => {
  const d = await copyOfDrill(source);
  try {
    // The drill sealed its file: its rounds are sealed.
    assert.deepEqual(listRounds(d.ctx.db).map((r) => r.status), ['sealed']);
    const caller = await withNewCaller(d);
    const asCaller = await (async () => {
      value(await d.asChair('setPin', { person: caller.id, pin: TEST_PIN }));
      const r = value<{ token: string }>(await d.anonymous('signIn', { person: caller.id, pin: TEST_PIN }));
      return (method: string, input: object) => d.anonymous(method, { ...input, session: r.token });
    })();
    const sign = refusal(await asCaller('signResult', { round: 1, role: 'caller', pin: TEST_PIN }));
    assert.equal(sign.code, 'refused');
    assert.match(sign.message, /is sealed/);
    const counter = withRole(d, 'counter');
    const asCounter = await d.as(counter.id);
    const found = refusal(await asCounter('recordBallotsFound', { round: 1, box: 'C1', found: 1 }));
    assert.equal(found.code, 'refused');
    assert.match(found.message, /frozen/);
    const reopen = refusal(await d.asChair('reopenCount', { round: 1, reason: '复核', approvals: [{ person: d.chair.id, pin: d.chair.pin }] }));
    assert.equal(reopen.details?.reason, 'approvals-needed');
    assert.equal(reopen.details?.atLeast, 2);
    assert.deepEqual(listRounds(d.ctx.db).map((r) => r.status), ['sealed']);
    const member = d.people.find((p) => p.committee !== null && p.id !== d.chair.id && p.pin !== null)!;
    const two = [{ person: d.chair.id, pin: d.chair.pin }, { person: member.id, pin: member.pin! }];
    value(await d.asChair('reopenCount', { round: 1, reason: '复核计票', approvals: two }));
    assert.deepEqual(listRounds(d.ctx.db).map((r) => r.status), ['counting'], 'two members reopen a sealed round');
  } finally {
    d.ctx.db.close();
  }
});

test('sealing again names the file it supersedes and its number; files sealed before numbering count as the first', async () => {
  const d = await copyOfDrill(source);
  try {
    const drillSeal = readAuditEvents(d.ctx.db).filter((e) => e.type === 'seal.written');
    assert.equal(drillSeal.length, 1, 'the drill sealed once');
    const second = value<SealWrittenView>(await d.asChair('sealToFile', { name: 'two.json' }));
    assert.equal(second.sequence, 2);
    assert.equal(second.supersedes, drillSeal[0]!.detail.payloadHash);
    const third = value<SealWrittenView>(await d.asChair('sealToFile', { name: 'three.json' }));
    assert.equal(third.sequence, 3);
    assert.equal(third.supersedes, second.payloadHash);

    const text = cli(['verify', third.path]);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /sealed file number: 3/);
    assert.ok(text.stdout.includes(`payload sha256 ${second.payloadHash}`));
    assert.match(text.stdout, /complete \(every sign-off/);
    const json = JSON.parse(cli(['verify', third.path, '--json']).stdout) as { summary: { sequence: number; supersedes: string } };
    assert.deepEqual([json.summary.sequence, json.summary.supersedes], [3, second.payloadHash]);

    // A file sealed before numbering existed has neither field: it verifies as the first.
    const key = loadOrCreateStationKey(d.ctx.dataDir);
    const input = asPerson(d.ctx, d.chair.id, () => gatherSealInput(d.ctx));
    const { sequence: _s, supersedes: _p, ...older } = input;
    const old = verifySealedFile(sealResults(older, key));
    assert.ok(old.ok);
    assert.deepEqual([old.summary.sequence, old.summary.supersedes, old.summary.override], [1, null, null]);

    // A number without the file it supersedes (or the other way round) does not verify.
    const payload = JSON.parse(Buffer.from((JSON.parse(readFileSync(third.path, 'utf8')) as { payload: string }).payload, 'base64').toString('utf8')) as Record<string, unknown>;
    const { supersedes: _x, ...unnamed } = payload;
    const bad = verifySealedFile(signPayload(unnamed, key));
    assert.ok(!bad.ok);
    assert.match(bad.failures.join('\n'), /does not name the file it supersedes/);
    const firstNaming = verifySealedFile(signPayload({ ...payload, sequence: 1 }, key));
    assert.ok(!firstNaming.ok);
    assert.match(firstNaming.failures.join('\n'), /cannot supersede/);
  } finally {
    d.ctx.db.close();
  }
});

test('the contract writes sealed files only by a plain name inside the export folder: ../, absolute paths, separators refused', async () => {
  const d = await copyOfDrill(source);
  const outside = join(tempDir(), 'abs.json');
  try {
    mkdirSync(d.exports);
    for (const name of ['../x.json', '..', outside, 'sub/x.json', 'sub\\x.json', 'C:x.json', '.x.json', ' x.json', 'x\u0000.json', 'election.sqlite', 'station-key.pem']) {
      const e = refusal(await d.asChair('sealToFile', { name, overwrite: true }));
      assert.equal(e.code, 'invalid-input', name);
      assert.equal(e.path, 'name', name);
    }
    // The service checks again, whoever calls it.
    for (const name of ['../x.json', outside, 'election.sqlite']) assert.throws(() => exportPath(d.ctx, name), (e: Error & { path?: string }) => e.path === 'name');
    assert.deepEqual(readdirSync(d.exports), []);
    assert.ok(!existsSync(join(d.dir, 'x.json')) && !existsSync(join(dirname(d.dir), 'x.json')) && !existsSync(outside));
    assert.deepEqual(readdirSync(d.dir).sort(), ['election.sqlite', 'election.sqlite-shm', 'election.sqlite-wal', 'exports', 'station-key.pem'].filter((f) => existsSync(join(d.dir, f))).sort());

    // A committee member chooses another folder: an existing folder by its absolute path.
    const other = tempDir();
    assert.equal(refusal(await d.asChair('setExportFolder', { folder: 'relative/folder' })).path, 'folder');
    assert.equal(refusal(await d.asChair('setExportFolder', { folder: join(other, 'missing') })).path, 'folder');
    const counter = await d.as(withRole(d, 'counter').id);
    assert.equal(refusal(await counter('setExportFolder', { folder: other })).details?.reason, 'role');
    assert.equal(refusal(await counter('sealToFile', { name: 'x.json' })).details?.reason, 'role');
    assert.deepEqual(value(await d.asChair('setExportFolder', { folder: other })), { folder: other, isDefault: false });
    assert.deepEqual(value(await counter('exportFolder', {})), { folder: other, isDefault: false });
    const w = value<SealWrittenView>(await d.asChair('sealToFile', { name: 'there.json' }));
    assert.equal(w.path, join(other, 'there.json'));
    assert.deepEqual(readdirSync(other), ['there.json']);
    assert.deepEqual(value(await d.asChair('setExportFolder', { folder: null })), { folder: d.exports, isDefault: true });
  } finally {
    d.ctx.db.close();
  }
});

test('verifySealedFile reads at most the sealed-file limit', async () => {
  const d = await copyOfDrill(source);
  try {
    const big = join(d.dir, 'big.json');
    writeFileSync(big, '');
    truncateSync(big, FILE_LIMITS.sealed + 1);
    const e = refusal(await d.asChair('verifySealedFile', { path: big }));
    assert.equal(e.code, 'invalid-input');
    assert.match(e.message, /larger than/);
  } finally {
    d.ctx.db.close();
  }
});
