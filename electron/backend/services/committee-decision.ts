import type { CommitteeApproval } from '../../../shared/domain/authority';
import { committeeApprovers, type Approver } from '../authority/approvals';
import type { BackendContext } from '../context';
import { actingPerson } from './acting-person';
import { requireSittingCommitteeMember } from './person-standing';

/**
 * The committee members a decision is recorded with: those who approved it with their PIN (committeeApprovers, so
 * call it before the decision's transaction). While the election is still open nobody can approve, and the
 * signed-in committee member deciding is recorded instead; with nobody to record, the decision is refused.
 */
export function decidingMembers(
  ctx: BackendContext,
  approvals: readonly CommitteeApproval[],
  opts: { atLeast: number; path: string; what: { zh: string; en: string } },
): Approver[] {
  const approvers = committeeApprovers(ctx, approvals, opts);
  if (approvers.length > 0) return approvers;
  const caller = actingPerson(opts.what);
  return [{ id: caller.person, name: requireSittingCommitteeMember(ctx.db, caller.person) }];
}
