import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contract } from '../../../shared/api/contract';
import { dispatch } from '../../../shared/api/dispatch';
import type { TurnoutView } from '../../../shared/api/issuance';
import { buildApi } from '../../../electron/backend/api';
import { addDesk, exchangeSpoiled, issueBallot } from '../../../electron/backend/services/issuance';
import { turnout } from '../../../electron/backend/services/turnout';
import { makeVoter } from '../../unit/roll/make-roll';
import { election, importGenerated, openVoting, rejects } from './helpers';

const cert = (i: number) => makeVoter(i).certificate;
const issuedAt = (t: TurnoutView) => Object.fromEntries(t.byDesk.map((d) => [d.desk, d.issued]));

test('turnout counts ballots per desk from the issuance records: two desks on one box, implicit desks, refusals and exchanges not counted', async () => {
  const { ctx } = election();
  await importGenerated(ctx, 12);
  addDesk(ctx, { id: 'C1-b', name: '中心会场二号发票处', box: 'C1' });
  assert.deepEqual(issuedAt(turnout(ctx.db, 1)), { 'C1-b': 0, C1: 0, M1: 0, S1: 0 });

  openVoting(ctx);
  for (const i of [0, 1, 2]) issueBallot(ctx, { certificate: cert(i), round: 1, desk: 'C1' });
  for (const i of [3, 4]) issueBallot(ctx, { certificate: cert(i), round: 1, desk: 'C1-b' });
  // A second try at the other desk is refused and counts nowhere; a spoiled exchange changes no issued count.
  assert.throws(() => issueBallot(ctx, { certificate: cert(0), round: 1, desk: 'C1-b' }), rejects('refused', 'already-issued'));
  exchangeSpoiled(ctx, { round: 1, desk: 'C1-b' });

  const t = turnout(ctx.db, 1);
  assert.deepEqual(t.byDesk, [
    { desk: 'C1-b', name: '中心会场二号发票处', box: 'C1', issued: 2 },
    { desk: 'C1', name: t.byDesk.find((d) => d.desk === 'C1')!.name, box: 'C1', issued: 3 },
    { desk: 'M1', name: '流动票箱一', box: 'M1', issued: 0 },
    { desk: 'S1', name: t.byDesk.find((d) => d.desk === 'S1')!.name, box: 'S1', issued: 0 },
  ]);
  // The desks of a box add up to the box's issued count.
  const c1 = t.boxes.find((b) => b.box === 'C1')!;
  assert.equal(c1.issued, 5);
  assert.equal(c1.spoiled, 1);
  assert.equal(t.byDesk.filter((d) => d.box === 'C1').reduce((n, d) => n + d.issued, 0), c1.issued);
});

test('per-desk counts come back through the contract (the answer is checked against turnoutView)', async () => {
  const { ctx } = election();
  await importGenerated(ctx, 6);
  addDesk(ctx, { id: 'C1-b', name: '中心会场二号发票处', box: 'C1' });
  openVoting(ctx);
  issueBallot(ctx, { certificate: cert(0), round: 1, desk: 'C1-b' });
  issueBallot(ctx, { certificate: cert(1), round: 1, desk: 'C1' });

  const api = buildApi(ctx);
  const call = async (round: number) => {
    const r = await dispatch(contract, api, 'turnout', { round }, (err) => assert.fail(`internal error: ${String(err)}`));
    assert.ok(r.ok, JSON.stringify(r));
    return r.value as TurnoutView;
  };
  assert.deepEqual(issuedAt(await call(1)), { 'C1-b': 1, C1: 1, M1: 0, S1: 0 });
  const missing = await dispatch(contract, api, 'turnout', { round: 2 });
  assert.equal(missing.ok ? 'ok' : missing.error.code, 'not-found');
});
