import { createHash } from 'node:crypto';
import { ApiError, type HandlerMeta } from '../../../shared/api/envelope';
import type { CallMeta } from '../../../shared/api/resend';
import { canonicalJson } from '../audit/canonical';
import { bilingual } from '../context';
import { inTransaction, type Db } from '../db';
import { preparedOnce } from '../db/statements';

const FIND = 'SELECT input_hash, answer_json FROM request_receipt WHERE key = ?';
const KEEP = 'INSERT INTO request_receipt (key, method, input_hash, answer_json) VALUES (?, ?, ?, ?)';

export function requestKeyReused(key: string): ApiError {
  return new ApiError(
    'conflict',
    bilingual(`请求编号 ${key} 已用于另一项操作，未执行`, `request key ${key} was already used for another write; nothing was done`),
    { path: 'requestKey', details: { reason: 'request-key-reused' } },
  );
}

/**
 * PINs stay out of the stored hash (a sign-off's own, a committee approval's): a short PIN would be found again from
 * it by trying them all.
 */
function withoutPins(input: unknown): unknown {
  if (Array.isArray(input)) return input.map(withoutPins);
  if (input === null || typeof input !== 'object') return input;
  return Object.fromEntries(Object.entries(input).filter(([k]) => k !== 'pin').map(([k, v]) => [k, withoutPins(v)]));
}

const committingRefusals = new WeakSet<Db>();

/**
 * True while a resendable write runs inside its receipt's transaction, which commits even when the write is refused:
 * a wrong PIN counted there is kept (authority/pin-guard.ts).
 */
export function refusalsCommit(db: Db): boolean {
  return committingRefusals.has(db);
}

/**
 * Runs a resendable write once per request key: the write and its receipt (the answer) commit in one transaction,
 * and a re-send of the same key and input answers that receipt without writing again. Without a key the write just
 * runs. A refusal is not kept: the re-sent write is judged again (and refused again, unless the state changed).
 * The refusal's own audit event, committed inside the write, stays.
 */
export function answerOnce<T>(db: Db, method: string, key: string | undefined, input: unknown, write: () => T): T {
  if (key === undefined) return write();
  const inputHash = createHash('sha256').update(canonicalJson({ method, input: withoutPins(input) })).digest('hex');
  const outcome = inTransaction(db, (): { value: T } | { error: ApiError } => {
    const prior = preparedOnce(db, FIND).get(key) as { input_hash: string; answer_json: string } | undefined;
    if (prior) {
      if (prior.input_hash !== inputHash) return { error: requestKeyReused(key) };
      return { value: JSON.parse(prior.answer_json) as T };
    }
    committingRefusals.add(db);
    try {
      const value = write();
      if (value instanceof Promise) throw new Error(`${method}: a resendable write must answer synchronously`);
      preparedOnce(db, KEEP).run(key, method, inputHash, JSON.stringify(value));
      return { value };
    } catch (e) {
      if (e instanceof ApiError) return { error: e };
      throw e;
    } finally {
      committingRefusals.delete(db);
    }
  });
  if ('error' in outcome) throw outcome.error;
  return outcome.value;
}

const keepingTheirKey = new WeakSet<object>();

/**
 * Builds a method's function that keeps its request key itself instead of being answered by a receipt around the
 * whole call: a committee decision, whose approvals' PINs are checked before its receipt's transaction
 * (approved-write.ts), or a write that keeps the key in the row it writes. Only a function built here is handed the
 * key (the others' meta has none, shared/api/envelope.ts HandlerMeta), so the set of such methods is what the API
 * builders declare, never a list kept apart.
 */
export function withRequestKey<I, O>(fn: (input: I, requestKey: string | undefined, meta: HandlerMeta) => O): (input: I, meta?: HandlerMeta) => O {
  const handler = (input: I, meta: CallMeta = {}) => {
    const { requestKey, ...rest } = meta;
    return fn(input, requestKey, rest);
  };
  keepingTheirKey.add(handler);
  return handler;
}

/** True for a method's function built by withRequestKey: it answers a re-send itself. */
export function keepsItsRequestKey(handler: unknown): boolean {
  return typeof handler === 'function' && keepingTheirKey.has(handler);
}
