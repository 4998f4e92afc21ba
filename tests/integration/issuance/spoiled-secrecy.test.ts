import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contract } from '../../../shared/api/contract';
import { dispatch } from '../../../shared/api/dispatch';
import { buildApi } from '../../../electron/backend/api';
import { readAuditEvents, verifyAuditChain } from '../../../electron/backend/audit';
import { recordCustodyStep } from '../../../electron/backend/services/custody';
import { boxStock, issueBallot, returnUnusedBallots } from '../../../electron/backend/services/issuance';
import { makeVoter } from '../../unit/roll/make-roll';
import { election, importGenerated, openVoting } from './helpers';
import { asPerson, establishAuthority, signedIn } from '../../helpers/authority';

/** Every row of every table, as text, to compare the whole file before and after. */
function dump(db: import('../../../electron/backend/db').Db, skip: readonly string[] = []): Map<string, string[]> {
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[])
    .map((t) => t.name)
    .filter((t) => !skip.includes(t));
  return new Map(tables.map((t) => [t, (db.prepare(`SELECT * FROM "${t}"`).all() as object[]).map((r) => JSON.stringify(r)).sort()]));
}

test('secret ballot: after an issuance and a spoiled exchange nothing in the file joins the exchange to that voter, the desk person or the moment', async () => {
  const e = election();
  const { ctx } = e;
  await importGenerated(ctx, 6);
  const desk = e.person('丁一');
  establishAuthority(ctx, e.person('郭志明'), [{ person: desk }]);
  openVoting(ctx, ['C1'], 20);
  let clock = Date.parse('2026-05-16T02:07:31.417Z');
  ctx.now = () => new Date(clock);

  const raw = (m: string, i: unknown) => dispatch(contract, buildApi(ctx), m, i);
  const asDesk = await signedIn(async (m, i) => {
    const r = await raw(m, i);
    return m === 'signIn' && r.ok ? r.value : r;
  }, desk);

  const voter = makeVoter(2);
  const issued = asPerson(ctx, desk, () => issueBallot(ctx, { certificate: voter.certificate, round: 1, desk: 'C1' }));
  clock += 40_123; // the voter spoils the ballot at the desk 40 s later
  const exchangedAt = new Date(clock).toISOString();
  const before = dump(ctx.db);
  const auditBefore = readAuditEvents(ctx.db, { limit: 10_000 }).length;
  const key = 'spoil-0000000000000001';
  const r = (await asDesk('exchangeSpoiled', { round: 1, desk: 'C1', requestKey: key })) as { ok: boolean; value: { spoiled: number } };
  assert.ok(r.ok, JSON.stringify(r));
  assert.equal(r.value.spoiled, 1);
  // Sent again after a lost answer: counted once.
  const again = (await asDesk('exchangeSpoiled', { round: 1, desk: 'C1', requestKey: key })) as { ok: boolean; value: { spoiled: number } };
  assert.ok(again.ok && again.value.spoiled === 1, JSON.stringify(again));

  // Nothing was added to the audit log, and every table but the bare count and the key set is as it was.
  assert.equal(readAuditEvents(ctx.db, { limit: 10_000 }).length, auditBefore, 'no audit event at the moment of the exchange');
  const after = dump(ctx.db);
  for (const [table, rows] of after) {
    if (table === 'spoiled_count' || table === 'spoiled_exchange_key') continue;
    assert.deepEqual(rows, before.get(table), `${table} unchanged by the exchange`);
  }
  assert.deepEqual(after.get('spoiled_count'), [JSON.stringify({ box_id: 'C1', round_number: 1, count: 1, audited: 0 })]);
  assert.deepEqual(after.get('spoiled_exchange_key'), [JSON.stringify({ key })]);

  // The box closes later: the log gets one tally for the box, at a quarter hour, and still nothing names the voter,
  // the desk person or the moment of the exchange.
  clock += 95_000;
  for (const i of [3, 4]) asPerson(ctx, desk, () => issueBallot(ctx, { certificate: makeVoter(i).certificate, round: 1, desk: 'C1' }));
  clock += 3 * 3600_000;
  asPerson(ctx, e.person('郭志明'), () => recordCustodyStep(ctx, { box: 'C1', round: 1, step: 'sealed-closed', seals: ['C1-2'] }));
  const events = readAuditEvents(ctx.db, { limit: 10_000 });
  assert.equal(events.filter((x) => x.type === 'ballot.spoiled-exchanged').length, 0);
  const tallies = events.filter((x) => x.type === 'ballot.spoiled-tallied');
  assert.equal(tallies.length, 1);
  assert.deepEqual(tallies[0]!.detail, { round: 1, count: 1, total: 1 });
  assert.match(tallies[0]!.at, /T\d\d:(00|15|30|45):00\.000Z$/);
  assert.doesNotMatch(tallies[0]!.actor ?? '', /丁一/);
  const next = events.find((x) => x.seq === tallies[0]!.seq + 1)!;
  assert.deepEqual([next.type, (next.detail as { step: string }).step], ['custody.step', 'sealed-closed'], 'the tally sits with the closing of the box');
  assert.ok(!events.some((x) => x.seq > tallies[0]!.seq - 3 && x.seq < tallies[0]!.seq && x.subject === `certificate:${voter.certificate}`));
  const everything = JSON.stringify([...dump(ctx.db)]);
  assert.ok(!everything.includes(exchangedAt), 'the moment of the exchange is stored nowhere');
  assert.ok(!everything.includes(exchangedAt.slice(0, 16)), 'not even to the minute');
  for (const [table, rows] of dump(ctx.db)) {
    if (table === 'issuance' || table === 'audit_event' || table === 'voter') continue;
    assert.ok(!rows.some((row) => row.includes(voter.certificate) || row.includes(issued.at)), `${table} holds nothing of the voter's issuance`);
  }
  // The stock still balances: 20 received = 3 issued + 1 spoiled + 16 returned.
  const returned = asPerson(ctx, desk, () => returnUnusedBallots(ctx, { box: 'C1', round: 1, count: 16 }));
  assert.deepEqual([returned.issued, returned.spoiled, returned.balanced], [3, 1, true]);
  assert.equal(boxStock(ctx.db, 'C1', 1).inHand, 0);
  assert.ok(verifyAuditChain(ctx.db).ok);
});

test('closing the poll tallies the exchanges of every box not yet in the log; a second close adds none', async () => {
  const e = election();
  const { ctx } = e;
  await importGenerated(ctx, 4);
  openVoting(ctx, ['C1', 'S1'], 10);
  const { exchangeSpoiled } = await import('../../../electron/backend/services/issuance');
  exchangeSpoiled(ctx, { round: 1, desk: 'C1' });
  exchangeSpoiled(ctx, { round: 1, desk: 'C1' });
  exchangeSpoiled(ctx, { round: 1, desk: 'S1' });
  returnUnusedBallots(ctx, { box: 'S1', round: 1, count: 9 });
  const { inTransaction } = await import('../../../electron/backend/db');
  const { setRoundStatusTx } = await import('../../../electron/backend/services/setup-rounds');
  inTransaction(ctx.db, () => setRoundStatusTx(ctx, { round: 1, status: 'closed' }));
  const tallies = readAuditEvents(ctx.db, { limit: 10_000 }).filter((x) => x.type === 'ballot.spoiled-tallied');
  assert.deepEqual(
    tallies.map((t) => [t.subject, (t.detail as { count: number }).count]),
    [['box:S1', 1], ['box:C1', 2]],
  );
  assert.equal(boxStock(ctx.db, 'C1', 1).spoiled, 2);
});
