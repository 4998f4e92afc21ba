import type { AuditContract } from '../../../shared/api/audit';
import type { Implementation } from '../../../shared/api/envelope';
import { describeAuditEvent, readAuditEvents, verifyAuditChain } from '../audit';
import type { BackendContext } from '../context';

/** The audit-log methods of the contract (shared/api/audit.ts). */
export function auditApi(ctx: BackendContext): Implementation<AuditContract> {
  return {
    verifyAudit: () => verifyAuditChain(ctx.db),
    auditEvents: ({ afterSeq, limit }) =>
      readAuditEvents(ctx.db, { afterSeq, limit }).map((e) => ({ ...e, meaning: describeAuditEvent(e.type) ?? null })),
  };
}
