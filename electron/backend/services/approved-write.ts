import type { CommitteeApproval } from '../../../shared/domain/authority';
import type { BackendContext } from '../context';
import { committeeApprovers, type Approver } from '../authority/approvals';
import { answerOnce } from './request-receipts';

/**
 * A committee decision: the approvals' PINs are checked first (outside any transaction, so a wrong PIN is counted
 * even when the decision is refused), then the write runs in its own transaction with the approvers to record,
 * answered once per request key (a re-send is checked again, then answers the first answer; the receipt's input
 * hash leaves the PINs out). Its method's function is built withRequestKey (request-receipts.ts), so this is the
 * call's one receipt; a decision whose approvers depend on the state checks them itself the same way, then answerOnce.
 */
export function approvedWrite<T>(
  ctx: BackendContext,
  call: { method: string; input: Record<string, unknown>; requestKey: string | undefined },
  approvals: readonly CommitteeApproval[],
  opts: Parameters<typeof committeeApprovers>[2],
  write: (approvers: Approver[]) => T,
): T {
  const approvers = committeeApprovers(ctx, approvals, opts);
  return answerOnce(ctx.db, call.method, call.requestKey, call.input, () => write(approvers));
}
