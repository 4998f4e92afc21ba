import type { Implementation } from '../../../shared/api/envelope';
import type { NominationContract } from '../../../shared/api/nomination';
import type { BackendContext } from '../context';
import { recordNomination, setJointNominators, setPreliminaryList } from './nomination';
import { withdrawNomination } from './nomination-withdraw';
import { nominationOverview } from './nomination-read';
import { confirmFormalList, decideNominationTie, recordNominationVote } from './nomination-vote';
import { withRequestKey } from './request-receipts';

/** Nomination to formal candidates (spread into buildApi). */
export function nominationApi(ctx: BackendContext): Implementation<NominationContract> {
  return {
    nominationOverview: () => nominationOverview(ctx.db),
    setJointNominators: (input) => setJointNominators(ctx, input),
    recordNomination: (input) => recordNomination(ctx, input),
    setPreliminaryList: (input) => setPreliminaryList(ctx, input),
    withdrawNomination: (input) => withdrawNomination(ctx, input),
    recordNominationVote: (input) => recordNominationVote(ctx, input),
    decideNominationTie: withRequestKey((input, key) => decideNominationTie(ctx, input, key)),
    confirmFormalList: withRequestKey((input, key) => confirmFormalList(ctx, input, key)),
  };
}
