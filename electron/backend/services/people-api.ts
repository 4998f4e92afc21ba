import type { Implementation } from '../../../shared/api/envelope';
import type { PeopleContract } from '../../../shared/api/people';
import type { BackendContext } from '../context';
import {
  addCommitteeMember,
  addOfficial,
  declareRelative,
  grantRole,
  leaveCommittee,
  listPeople,
  listRelatives,
  revokeRole,
  setPin,
  verifyPersonPin,
} from './people';

const OK = { ok: true } as const;

/** The committee, officials, roles, relatives and PIN methods of the contract (shared/api/people.ts). */
export function peopleApi(ctx: BackendContext): Implementation<PeopleContract> {
  return {
    listPeople: () => listPeople(ctx),
    addCommitteeMember: (m) => ({ id: addCommitteeMember(ctx, m).id }),
    leaveCommittee: (input) => (leaveCommittee(ctx, input), OK),
    addOfficial: (o) => ({ id: addOfficial(ctx, o).id }),
    grantRole: (input) => (grantRole(ctx, input), OK),
    revokeRole: (input) => (revokeRole(ctx, input), OK),
    declareRelative: (r) => (declareRelative(ctx, r), OK),
    listRelatives: () => listRelatives(ctx.db),
    setPin: (input) => (setPin(ctx, input), OK),
    checkPin: ({ person, pin }) => ({ ok: verifyPersonPin(ctx, person, pin) }),
  };
}
