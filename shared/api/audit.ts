import { z } from 'zod';
import { answerText } from '../domain/text';

export const auditEventView = z.strictObject({
  seq: z.int(),
  at: answerText,
  type: answerText,
  meaning: z.strictObject({ zh: answerText, en: answerText }).nullable(),
  actor: answerText.nullable(),
  outcome: z.enum(['ok', 'refused']),
  subject: answerText.nullable(),
  detail: z.record(answerText, z.unknown()),
  prevHash: answerText,
  hash: answerText,
});

export const auditVerdictView = z.union([
  z.strictObject({ ok: z.literal(true), count: z.int(), head: answerText }),
  z.strictObject({ ok: z.literal(false), count: z.int(), badSeq: z.int(), position: z.int(), reason: answerText }),
]);

export const auditContract = {
  verifyAudit: { input: z.strictObject({}), output: auditVerdictView },
  auditEvents: {
    input: z.strictObject({ afterSeq: z.int().nonnegative().default(0), limit: z.int().min(1).max(1000).default(200) }),
    output: z.array(auditEventView),
  },
} as const;

export type AuditContract = typeof auditContract;
