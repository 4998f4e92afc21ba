import type { CommitteeApproval } from '../../../shared/domain/authority';
import { invalid, refused, type BackendContext } from '../context';
import { getPerson } from '../services/people';
import { isSittingCommitteeMember } from '../services/person-standing';
import { authorityEstablished } from './authorize';
import { pinIsRight } from './pin-guard';

export interface Approver {
  id: number;
  name: string;
}

/**
 * A decision that needs the committee: each approval is a sitting committee member's PIN typed at the moment (under
 * the lockout rule), from at least `atLeast` different members. Call it before the decision's transaction; record the
 * approvers (id and name) with the decision. While the election is still open (no committee PIN yet, see
 * authorize.ts) nobody can approve, and a decision without approvals goes ahead with none recorded.
 */
export function committeeApprovers(
  ctx: BackendContext,
  approvals: readonly CommitteeApproval[],
  opts: { atLeast: number; path: string; what: { zh: string; en: string } },
): Approver[] {
  // Inside a transaction a refusal could roll the wrong PIN's count back, and a re-sent decision's receipt would
  // answer without asking the PINs again: a re-sendable decision keeps its own key (services/approved-write.ts).
  if (ctx.db.inTransaction) throw new Error(`${opts.what.en}: committee approvals are checked before the write's transaction`);
  if (approvals.length === 0 && !authorityEstablished(ctx.db)) return [];
  const ids = new Set(approvals.map((a) => a.person));
  if (ids.size !== approvals.length) throw invalid(opts.path, '同一人只能确认一次', 'each committee member approves once');
  if (ids.size < opts.atLeast) {
    throw refused(
      `${opts.what.zh}须由 ${opts.atLeast} 名选举委员会成员输入个人密码确认`,
      `${opts.what.en} needs ${opts.atLeast} election committee member(s) to approve with their PIN`,
      { reason: 'approvals-needed', atLeast: opts.atLeast },
    );
  }
  return approvals.map((a) => {
    const person = getPerson(ctx.db, a.person);
    if (!isSittingCommitteeMember(ctx.db, person.id)) {
      throw refused(
        `${person.name} 不是在任的选举委员会成员，不能确认${opts.what.zh}`,
        `${person.name} is not a sitting election committee member and cannot approve ${opts.what.en}`,
        { reason: 'not-committee', person: person.id },
      );
    }
    if (!pinIsRight(ctx, person, a.pin)) {
      throw refused(`${person.name} 的个人密码不正确，未确认`, `wrong PIN for ${person.name}; not approved`, { reason: 'wrong-pin', person: person.id });
    }
    return { id: person.id, name: person.name };
  });
}
