import type { AuditContract } from '../../../shared/api/audit';
import type { Implementation } from '../../../shared/api/envelope';
import { auditFacets, auditHead, describeAuditEvent, listAuditEvents, readAuditEvents, verifyAuditChain, verifyAuditSteps, type AuditEvent } from '../audit';
import { subjectNamer } from '../audit/subjects';
import type { BackendContext } from '../context';

/** The audit-log methods of the contract (shared/api/audit.ts). */
export function auditApi(ctx: BackendContext): Implementation<AuditContract> {
  return {
    verifyAudit: () => verifyAuditChain(ctx.db),
    auditEvents: ({ afterSeq, limit }) => readAuditEvents(ctx.db, { afterSeq, limit }).map(readable(ctx)),
    auditLog: ({ offset, limit, ...filter }) => {
      const page = listAuditEvents(ctx.db, filter, { offset, limit });
      return { total: page.total, events: page.events.map(readable(ctx)) };
    },
    auditFacets: () => auditFacets(ctx.db),
    verifyAuditStep: ({ afterSeq, prevHash, limit }) => {
      const step = verifyAuditSteps(ctx.db, { count: afterSeq, prev: prevHash }, limit);
      if (!step.ok) return step;
      return { ok: true, done: step.done, count: step.at.count, head: step.at.prev, total: auditHead(ctx.db).count };
    },
  };
}

/** Each event with what its type means and the name its subject is known by. */
function readable(ctx: BackendContext) {
  const about = subjectNamer(ctx.db);
  return (e: AuditEvent) => ({ ...e, meaning: describeAuditEvent(e.type) ?? null, about: about(e.subject) });
}
