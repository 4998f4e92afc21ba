import type { CommitteeApproval } from '../../../shared/domain/authority';
import { invalid, refused, type BackendContext, says } from '../context';
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
  if (ids.size !== approvals.length) throw invalid(opts.path, says('error.authority.eachCommitteeMemberApproves'));
  if (ids.size < opts.atLeast) {
    throw refused(
      says('error.authority.needsElectionCommitteeMember', { what: opts.what, atLeast: opts.atLeast }),
      { reason: 'approvals-needed', atLeast: opts.atLeast },
    );
  }
  return approvals.map((a) => {
    const person = getPerson(ctx.db, a.person);
    if (!isSittingCommitteeMember(ctx.db, person.id)) {
      throw refused(
        says('error.authority.sittingElectionCommitteeMember', { what: opts.what, name: person.name }),
        { reason: 'not-committee', person: person.id },
      );
    }
    if (!pinIsRight(ctx, person, a.pin)) {
      throw refused(says('error.authority.wrongPinApproved', { name: person.name }), { reason: 'wrong-pin', person: person.id });
    }
    return { id: person.id, name: person.name };
  });
}
