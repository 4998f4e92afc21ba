import { createHash } from 'node:crypto';
import type { Db } from '../db/connection';
import { preparedOnce } from '../db/statements';
import { canonicalJson } from './canonical';
import { describeAuditEvent } from './catalogue';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditInput {
  /** An id from the catalogue (audit/catalogue.ts). */
  type: string;
  /** When (from the context's clock). */
  at: Date | string;
  /** Who: a person's name and role, a role, or "cli". */
  actor?: string | null;
  outcome?: 'ok' | 'refused';
  /** What it is about: "box:B1", "candidate:c3", "round:2", … */
  subject?: string | null;
  /** Anything else worth keeping; must never hold what could join a voter with a ballot's content. */
  detail?: Record<string, unknown>;
}

export interface AuditEvent {
  seq: number;
  at: string;
  type: string;
  actor: string | null;
  outcome: 'ok' | 'refused';
  subject: string | null;
  detail: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

interface AuditRow {
  seq: number;
  at: string;
  type: string;
  actor: string | null;
  outcome: 'ok' | 'refused';
  subject: string | null;
  detail_json: string;
  prev_hash: string;
  hash: string;
}

/**
 * The hash covers every column but the hash itself, so editing, removing or moving an event breaks the chain.
 * `detailJson` is the canonical JSON of the detail, exactly as stored; the body is the canonical JSON of
 * {actor, at, detail, outcome, prev, seq, subject, type} (keys in sorted order), built around it.
 */
function hashAuditBody(e: Omit<AuditEvent, 'hash' | 'detail'>, detailJson: string): string {
  const body =
    `{"actor":${JSON.stringify(e.actor)},"at":${JSON.stringify(e.at)},"detail":${detailJson},` +
    `"outcome":${JSON.stringify(e.outcome)},"prev":${JSON.stringify(e.prevHash)},"seq":${JSON.stringify(e.seq)},` +
    `"subject":${JSON.stringify(e.subject)},"type":${JSON.stringify(e.type)}}`;
  return createHash('sha256').update(body, 'utf8').digest('hex');
}

export function hashAuditEvent(e: Omit<AuditEvent, 'hash'>): string {
  return hashAuditBody(e, canonicalJson(e.detail));
}

const LAST_EVENT = 'SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1';
const INSERT_EVENT = `INSERT INTO audit_event (seq, at, type, actor, outcome, subject, detail_json, prev_hash, hash)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/**
 * Appends one event. Call it INSIDE the caller's transaction (inTransaction), after the change it records,
 * so the change and its event commit or roll back together.
 */
export function appendAudit(db: Db, input: AuditInput): AuditEvent {
  if (!db.inTransaction) throw new Error('appendAudit must run inside the transaction of the change it records');
  if (!describeAuditEvent(input.type)) throw new Error(`audit event type "${input.type}" is not in the catalogue`);
  const last = preparedOnce(db, LAST_EVENT).get() as { seq: number; hash: string } | undefined;
  const partial = {
    seq: (last?.seq ?? 0) + 1,
    at: typeof input.at === 'string' ? input.at : input.at.toISOString(),
    type: input.type,
    actor: input.actor ?? null,
    outcome: input.outcome ?? 'ok',
    subject: input.subject ?? null,
    detail: input.detail ?? {},
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  const detailJson = canonicalJson(partial.detail);
  // Round-trip through JSON so the returned detail is the value that was stored and hashed.
  partial.detail = JSON.parse(detailJson) as Record<string, unknown>;
  const event: AuditEvent = { ...partial, hash: hashAuditBody(partial, detailJson) };
  preparedOnce(db, INSERT_EVENT).run(event.seq, event.at, event.type, event.actor, event.outcome, event.subject, detailJson, event.prevHash, event.hash);
  return event;
}

/** Records a refusal on its own (the refused change itself was rolled back, or never started). */
export function appendRefusal(db: Db, input: Omit<AuditInput, 'outcome'>): AuditEvent {
  return db.transaction(() => appendAudit(db, { ...input, outcome: 'refused' })).immediate();
}

export type AuditVerdict =
  | { ok: true; count: number; head: string }
  | { ok: false; count: number; badSeq: number; position: number; code: ChainBreakCode; reason: string };

/** Why the chain breaks at an event: one missing or added before it, it does not follow the one before, it was edited. */
export type ChainBreakCode = 'out-of-sequence' | 'not-following' | 'edited';

/** Where a walk along the chain stands: events checked so far and the hash of the last one. */
export interface ChainPosition {
  count: number;
  prev: string;
}

export type ChainStep =
  | { ok: true; done: boolean; at: ChainPosition }
  | Extract<AuditVerdict, { ok: false }>;

/**
 * Checks up to `limit` events after `from` (the genesis when from.count is 0), so a screen can show progress and a
 * caller can stop between steps. verifyAuditChain is these steps to the end.
 */
export function verifyAuditSteps(db: Db, from: ChainPosition, limit = Infinity): ChainStep {
  // LIMIT -1: no limit. One row more than the limit tells whether the chain goes on.
  const rows = db
    .prepare('SELECT * FROM audit_event WHERE seq > ? ORDER BY seq LIMIT ?')
    .iterate(from.count, Number.isFinite(limit) ? limit + 1 : -1) as IterableIterator<AuditRow>;
  let prev = from.prev;
  let count = from.count;
  let walked = 0;
  for (const row of rows) {
    if (walked === limit) return { ok: true, done: false, at: { count, prev } };
    walked += 1;
    count += 1;
    const fail = (code: ChainBreakCode, reason: string): ChainStep => ({ ok: false, count, badSeq: row.seq, position: count, code, reason });
    if (row.seq !== count) {
      return fail('out-of-sequence', `event ${row.seq} found where event ${count} was expected: an event was removed or inserted`);
    }
    if (row.prev_hash !== prev) {
      return fail('not-following', `event ${row.seq} does not follow the event before it: an earlier event was removed, moved or edited`);
    }
    // Hashing the stored text itself: any edit of the detail, even one keeping its meaning, breaks the hash.
    const expected = hashAuditBody(
      { seq: row.seq, at: row.at, type: row.type, actor: row.actor, outcome: row.outcome, subject: row.subject, prevHash: row.prev_hash },
      row.detail_json,
    );
    if (expected !== row.hash) return fail('edited', `event ${row.seq} does not match its hash: it was edited`);
    prev = row.hash;
  }
  return { ok: true, done: true, at: { count, prev } };
}

/** Walks the whole chain; reports the first event that was edited, removed, inserted or moved. */
export function verifyAuditChain(db: Db): AuditVerdict {
  const step = verifyAuditSteps(db, { count: 0, prev: GENESIS_HASH });
  return step.ok ? { ok: true, count: step.at.count, head: step.at.prev } : step;
}

export function auditHead(db: Db): { count: number; head: string } {
  const last = db.prepare('SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1').get() as
    | { seq: number; hash: string }
    | undefined;
  return { count: last?.seq ?? 0, head: last?.hash ?? GENESIS_HASH };
}

export function readAuditEvents(db: Db, opts: { afterSeq?: number; limit?: number } = {}): AuditEvent[] {
  return readAuditRows(
    db.prepare('SELECT * FROM audit_event WHERE seq > ? ORDER BY seq LIMIT ?').all(opts.afterSeq ?? 0, opts.limit ?? 1000),
  );
}

/** Rows of audit_event (SELECT *) as events. */
export function readAuditRows(rows: unknown[]): AuditEvent[] {
  return (rows as AuditRow[]).map((r) => ({
    seq: r.seq,
    at: r.at,
    type: r.type,
    actor: r.actor,
    outcome: r.outcome,
    subject: r.subject,
    detail: JSON.parse(r.detail_json) as Record<string, unknown>,
    prevHash: r.prev_hash,
    hash: r.hash,
  }));
}
