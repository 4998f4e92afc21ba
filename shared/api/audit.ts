import { z } from 'zod';
import { answerText, text, TEXT_LIMITS } from '../domain/text';

/** What an audit subject can name (electron/backend/audit/subjects.ts reads the names). */
export const AUDIT_SUBJECT_KINDS = ['voter', 'box', 'office', 'candidate', 'person', 'venue', 'desk', 'round', 'file'] as const;
export type AuditSubjectKind = (typeof AUDIT_SUBJECT_KINDS)[number];

export const auditEventView = z.strictObject({
  seq: z.int(),
  at: answerText,
  type: answerText,
  meaning: z.strictObject({ zh: answerText, en: answerText }).nullable(),
  actor: answerText.nullable(),
  outcome: z.enum(['ok', 'refused']),
  subject: answerText.nullable(),
  /** The subject by the name a person knows it by (a voter's name, a box's name, an office's title); null: as logged. */
  about: z
    .strictObject({ kind: z.enum(AUDIT_SUBJECT_KINDS), name: answerText, ref: answerText })
    .nullable(),
  detail: z.record(answerText, z.unknown()),
  prevHash: answerText,
  hash: answerText,
});

/** Where and why the chain breaks; `reason` is the English sentence the CLI prints, `code` for the screens' tables. */
const chainBreak = z.strictObject({
  ok: z.literal(false),
  count: z.int(),
  badSeq: z.int(),
  position: z.int(),
  code: z.enum(['out-of-sequence', 'not-following', 'edited']),
  reason: answerText,
});

export const auditVerdictView = z.union([z.strictObject({ ok: z.literal(true), count: z.int(), head: answerText }), chainBreak]);


/** A moment as the log stores it: ISO 8601 in UTC (what Date.toISOString gives). */
const storedInstant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/, 'a time like 2026-11-24T14:03:00.000Z');

export const auditFilter = z.strictObject({
  /** An event type of the catalogue (audit/catalogue.ts). */
  type: text(80).optional(),
  /** An actor exactly as logged ("#3 王芳 [desk]"), from auditFacets. */
  actor: text(TEXT_LIMITS.title).optional(),
  /** From this moment (inclusive) … */
  from: storedInstant.optional(),
  /** … to this one (exclusive). */
  to: storedInstant.optional(),
});

export const auditContract = {
  /** The events matching a filter, a page at a time (for a list of tens of thousands), with how many match. */
  auditLog: {
    input: auditFilter.extend({ offset: z.int().nonnegative().default(0), limit: z.int().min(1).max(500).default(100) }),
    output: z.strictObject({ total: z.int(), events: z.array(auditEventView) }),
  },
  /** What there is to filter by: event types and actors with counts, and the time span of the log. */
  auditFacets: {
    input: z.strictObject({}),
    output: z.strictObject({
      types: z.array(z.strictObject({ type: answerText, meaning: auditEventView.shape.meaning, count: z.int() })),
      actors: z.array(z.strictObject({ actor: answerText, count: z.int() })),
      first: answerText.nullable(),
      last: answerText.nullable(),
    }),
  },
  /**
   * Checks the chain a stretch at a time from where the last stretch ended (afterSeq 0 and the genesis hash to
   * start), so the screen shows progress; `total` is the number of events when the stretch was checked.
   */
  verifyAuditStep: {
    input: z.strictObject({
      afterSeq: z.int().nonnegative(),
      prevHash: z.string().regex(/^[0-9a-f]{64}$/, '64 hex digits'),
      limit: z.int().min(1).max(20_000).default(5000),
    }),
    output: z.union([
      z.strictObject({ ok: z.literal(true), done: z.boolean(), count: z.int(), head: answerText, total: z.int() }),
      chainBreak,
    ]),
  },
  verifyAudit: { input: z.strictObject({}), output: auditVerdictView },
  auditEvents: {
    input: z.strictObject({ afterSeq: z.int().nonnegative().default(0), limit: z.int().min(1).max(1000).default(200) }),
    output: z.array(auditEventView),
  },
} as const;

export type AuditContract = typeof auditContract;
