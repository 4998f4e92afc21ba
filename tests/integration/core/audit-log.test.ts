import assert from 'node:assert/strict';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { appendAudit, auditFacets, GENESIS_HASH, listAuditEvents, verifyAuditChain, verifyAuditSteps } from '../../../electron/backend/audit';
import { inTransaction } from '../../../electron/backend/db';
import { auditApi } from '../../../electron/backend/services/audit-api';
import { auditContract } from '../../../shared/api/audit';
import { sampleElection } from './helpers';

/** The sample election (48 events by "test", one a second from 08:00:01Z) and two pin events by someone else. */
function election() {
  const ctx = sampleElection();
  for (const at of ['2026-05-16T09:00:00.000Z', '2026-05-16T09:30:00.000Z']) {
    inTransaction(ctx.db, () => appendAudit(ctx.db, { type: 'pin.failed', at, actor: '#3 王芳 [desk]', outcome: 'refused' }));
  }
  return ctx;
}

test('the audit log lists events in order a page at a time, filtered by type, actor and time', () => {
  const ctx = election();
  const all = listAuditEvents(ctx.db, {}, { offset: 0, limit: 500 });
  assert.equal(all.total, 50);
  assert.deepEqual(all.events.map((e) => e.seq), Array.from({ length: 50 }, (_, i) => i + 1));

  const page = listAuditEvents(ctx.db, {}, { offset: 20, limit: 10 });
  assert.equal(page.total, 50);
  assert.deepEqual(page.events.map((e) => e.seq), [21, 22, 23, 24, 25, 26, 27, 28, 29, 30]);

  const candidates = listAuditEvents(ctx.db, { type: 'candidate.added' }, { offset: 0, limit: 100 });
  assert.equal(candidates.total, 10);
  assert.ok(candidates.events.every((e) => e.type === 'candidate.added'));

  const hers = listAuditEvents(ctx.db, { actor: '#3 王芳 [desk]' }, { offset: 0, limit: 100 });
  assert.deepEqual(hers.events.map((e) => e.seq), [49, 50]);
  assert.equal(hers.events[0]!.outcome, 'refused');

  // From inclusive, to exclusive.
  const window = listAuditEvents(ctx.db, { from: '2026-05-16T08:00:10.000Z', to: '2026-05-16T09:00:00.000Z' }, { offset: 0, limit: 100 });
  assert.deepEqual([window.events[0]!.seq, window.events.at(-1)!.seq, window.total], [10, 48, 39]);
  const both = listAuditEvents(ctx.db, { actor: '#3 王芳 [desk]', from: '2026-05-16T09:10:00.000Z' }, { offset: 0, limit: 100 });
  assert.deepEqual(both.events.map((e) => e.seq), [50]);
  assert.equal(listAuditEvents(ctx.db, { type: 'no.such-type' }, { offset: 0, limit: 10 }).total, 0);
});

test('the facets name every event type in words and every actor, with counts and the time span', () => {
  const ctx = election();
  const f = auditFacets(ctx.db);
  assert.deepEqual(f.actors, [{ actor: '#3 王芳 [desk]', count: 2 }, { actor: 'test', count: 48 }]);
  const pin = f.types.find((t) => t.type === 'pin.failed');
  assert.deepEqual(pin, { type: 'pin.failed', count: 2, meaning: { zh: '个人密码错误', en: 'wrong personal PIN' } });
  assert.equal(f.types.reduce((n, t) => n + t.count, 0), 50);
  assert.deepEqual([f.first, f.last], ['2026-05-16T08:00:01.000Z', '2026-05-16T09:30:00.000Z']);
});

test('the chain checked a stretch at a time ends at the same head as the whole walk', () => {
  const ctx = election();
  const whole = verifyAuditChain(ctx.db);
  assert.ok(whole.ok);
  const api = auditApi(ctx);
  let at = { afterSeq: 0, prevHash: GENESIS_HASH };
  const seen: number[] = [];
  for (;;) {
    const step = api.verifyAuditStep({ ...at, limit: 7 }) as { ok: true; done: boolean; count: number; head: string; total: number };
    assert.equal(step.ok, true);
    assert.equal(step.total, 50);
    seen.push(step.count);
    at = { afterSeq: step.count, prevHash: step.head };
    if (step.done) break;
  }
  assert.deepEqual(seen, [7, 14, 21, 28, 35, 42, 49, 50]);
  assert.deepEqual(at, { afterSeq: whole.count, prevHash: whole.head });
});

test('a stretch finds an edited event and a head that does not follow', () => {
  const ctx = election();
  const file = ctx.db.name;
  const first = verifyAuditSteps(ctx.db, { count: 0, prev: GENESIS_HASH }, 20);
  assert.ok(first.ok && !first.done);
  ctx.db.close();
  const raw = new Database(file);
  raw.exec('DROP TRIGGER audit_event_no_update');
  raw.exec(`UPDATE audit_event SET actor = 'someone else' WHERE seq = 33`);
  const broken = verifyAuditSteps(raw, first.at, 20);
  assert.equal(broken.ok, false);
  if (!broken.ok) {
    assert.equal(broken.badSeq, 33);
    assert.match(broken.reason, /edited/);
  }
  assert.deepEqual(verifyAuditChain(raw), broken);
  // A stretch started from a wrong hash says the event does not follow.
  const wrong = verifyAuditSteps(raw, { count: 20, prev: GENESIS_HASH }, 5);
  assert.ok(!wrong.ok && wrong.badSeq === 21 && /does not follow/.test(wrong.reason));
  raw.close();
});

test('the contract refuses unknown keys, a time not in the stored form and a malformed hash', () => {
  const log = auditContract.auditLog.input;
  assert.equal(log.safeParse({ from: '2026-05-16 08:00' }).success, false);
  assert.equal(log.safeParse({ actor: 'x', who: 'y' }).success, false);
  assert.equal(log.safeParse({ actor: 'a\u202eb' }).success, false);
  assert.equal(log.safeParse({ limit: 501 }).success, false);
  assert.equal(log.safeParse({ from: '2026-05-16T08:00:00.000Z', type: 'pin.set' }).success, true);
  const step = auditContract.verifyAuditStep.input;
  assert.equal(step.safeParse({ afterSeq: 0, prevHash: 'abc' }).success, false);
  assert.equal(step.safeParse({ afterSeq: -1, prevHash: GENESIS_HASH }).success, false);
});

test('with an event removed, the unfiltered pages still list what is there by position', () => {
  const ctx = election();
  const file = ctx.db.name;
  ctx.db.close();
  const raw = new Database(file);
  raw.exec('DROP TRIGGER audit_event_no_delete');
  raw.exec('DELETE FROM audit_event WHERE seq = 10');
  const page = listAuditEvents(raw, {}, { offset: 8, limit: 3 });
  assert.equal(page.total, 49);
  assert.deepEqual(page.events.map((e) => e.seq), [9, 11, 12]);
  assert.deepEqual(listAuditEvents(raw, {}, { offset: 48, limit: 3 }).events.map((e) => e.seq), [50]);
  raw.close();
});
