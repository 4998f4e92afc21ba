import { z } from 'zod';

export const auditEventView = z.strictObject({
  seq: z.int(),
  at: z.string(),
  type: z.string(),
  meaning: z.strictObject({ zh: z.string(), en: z.string() }).nullable(),
  actor: z.string().nullable(),
  outcome: z.enum(['ok', 'refused']),
  subject: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
  prevHash: z.string(),
  hash: z.string(),
});

export const auditVerdictView = z.union([
  z.strictObject({ ok: z.literal(true), count: z.int(), head: z.string() }),
  z.strictObject({ ok: z.literal(false), count: z.int(), badSeq: z.int(), position: z.int(), reason: z.string() }),
]);

export const auditContract = {
  verifyAudit: { input: z.strictObject({}), output: auditVerdictView },
  auditEvents: {
    input: z.strictObject({ afterSeq: z.int().nonnegative().default(0), limit: z.int().min(1).max(1000).default(200) }),
    output: z.array(auditEventView),
  },
} as const;

export type AuditContract = typeof auditContract;
