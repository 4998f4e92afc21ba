import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { z } from 'zod';
import { serviceHandlers } from '../../../electron/backend/api';
import { committeeApprovers } from '../../../electron/backend/authority/approvals';
import { inTransaction } from '../../../electron/backend/db';
import { answerOnce, keepsItsRequestKey } from '../../../electron/backend/services/request-receipts';
import { contract } from '../../../shared/api/contract';
import { RESENDABLE_WRITES } from '../../../shared/api/resend';
import { committeeApproval } from '../../../shared/domain/authority';
import { approvalBy, makeElection } from '../counting/helpers';

/**
 * A re-sent committee decision asks its approvals' PINs again before its receipt answers, so each re-sendable
 * method taking a committee approval must keep its request key itself (withRequestKey) rather than be answered by a
 * receipt around the whole call: there the PINs would be checked inside the receipt's transaction, and not at all on
 * a re-send. Which methods take an approval is read from the contract's schemas, so a new one is covered unasked.
 */

/** True when the schema takes a committee approval anywhere in its input (as a field, in a list, optional). */
function takesApproval(schema: z.ZodType, seen = new Set<unknown>()): boolean {
  if (schema === committeeApproval) return true;
  if (seen.has(schema)) return false;
  seen.add(schema);
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  const inner = ['innerType', 'element', 'in', 'out', 'left', 'right'].map((k) => def[k]);
  const shape = def['shape'] ? Object.values(def['shape'] as Record<string, unknown>) : [];
  const options = Array.isArray(def['options']) ? def['options'] : [];
  return [...inner, ...shape, ...options].some((s) => s !== undefined && takesApproval(s as z.ZodType, seen));
}

const approvedResendable = Object.entries(contract)
  .filter(([method, spec]) => RESENDABLE_WRITES.has(method) && takesApproval(spec.input))
  .map(([method]) => method);

test('every re-sendable method that takes a committee approval keeps its request key, so a re-send asks the PINs again', async () => {
  assert.ok(approvedResendable.length >= 25, `the schema walk found only ${approvedResendable.join(', ')}`);
  for (const known of ['setRules', 'decideFlaggedBox', 'recordPhonedTurnout', 'reopenCount', 'ruleDoubtful', 'excuseMember']) {
    assert.ok(approvedResendable.includes(known), known);
  }
  const { ctx } = await makeElection({ voters: 2 });
  const handlers = serviceHandlers(ctx) as Record<string, unknown>;
  const answeredByReceipt = approvedResendable.filter((method) => !keepsItsRequestKey(handlers[method]));
  assert.deepEqual(answeredByReceipt, [], 'build these with withRequestKey (services/request-receipts.ts) and check their PINs first');
  // A function built to keep a key that dispatch never hands one (not a re-sendable write) is a mistake too.
  const keyedButNotResendable = Object.keys(handlers).filter((m) => keepsItsRequestKey(handlers[m]) && !RESENDABLE_WRITES.has(m));
  assert.deepEqual(keyedButNotResendable, []);
});

test('a committee approval is never checked inside a transaction, a receipt\'s included', async () => {
  const { ctx, people } = await makeElection({ voters: 2 });
  const opts = { atLeast: 1, path: 'approval', what: { zh: '测试', en: 'a test decision' } };
  const approvals = [approvalBy(people['何玉兰'])];
  const inside = /a test decision: committee approvals are checked before the write's transaction/;
  // A receipt's transaction commits refusals (a sign-off's own PIN is checked there), but a committee approval is not.
  assert.throws(() => answerOnce(ctx.db, 'setRules', 'committee-resend-0001', {}, () => committeeApprovers(ctx, approvals, opts)), inside);
  assert.throws(() => inTransaction(ctx.db, () => committeeApprovers(ctx, approvals, opts)), inside);
  assert.equal((ctx.db.prepare('SELECT count(*) AS n FROM request_receipt').get() as { n: number }).n, 0, 'nothing kept');
  assert.deepEqual(committeeApprovers(ctx, approvals, opts), [{ id: people['何玉兰'], name: '何玉兰' }]);
});
