import type { Implementation } from '../../../shared/api/envelope';
import type { EditsContract } from '../../../shared/api/edits';
import type { BackendContext } from '../context';
import { reinstateVoter } from './roll-life';
import { removeCommitteeMember, removeOfficial, updatePerson } from './setup-edit-people';
import { removeBox, removeDesk, removeVenue, updateBox, updateDesk, updateVenue } from './setup-edit-places';
import { readVoteTimeline } from './vote-timeline';
import { withRequestKey } from './request-receipts';

const OK = { ok: true } as const;

/** Corrections and removals before round 1, reinstatement, and the timeline (shared/api/edits.ts). */
export function editsApi(ctx: BackendContext): Implementation<EditsContract> {
  return {
    updateVenue: (input) => (updateVenue(ctx, input), OK),
    removeVenue: (input) => (removeVenue(ctx, input), OK),
    updateBox: (input) => (updateBox(ctx, input), OK),
    removeBox: (input) => (removeBox(ctx, input), OK),
    updateDesk: (input) => (updateDesk(ctx, input), OK),
    removeDesk: (input) => (removeDesk(ctx, input), OK),
    updatePerson: (input) => (updatePerson(ctx, input), OK),
    removeCommitteeMember: (input) => (removeCommitteeMember(ctx, input), OK),
    removeOfficial: (input) => (removeOfficial(ctx, input), OK),
    reinstateVoter: withRequestKey((input, key) => reinstateVoter(ctx, input, key)),
    voteTimeline: () => readVoteTimeline(ctx),
  };
}
