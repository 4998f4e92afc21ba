import type { Implementation } from '../../../shared/api/envelope';
import type { NominationContract } from '../../../shared/api/nomination';
import type { BackendContext } from '../context';
import { recordNomination, setJointNominators, setPreliminaryList } from './nomination';
import { withdrawNomination } from './nomination-withdraw';
import { nominationOverview } from './nomination-read';
import { confirmFormalList, decideNominationTie, recordNominationVote } from './nomination-vote';

/** Nomination to formal candidates (spread into buildApi). */
export function nominationApi(ctx: BackendContext): Implementation<NominationContract> {
  return {
    nominationOverview: () => nominationOverview(ctx.db),
    setJointNominators: (input) => setJointNominators(ctx, input),
    recordNomination: (input) => recordNomination(ctx, input),
    setPreliminaryList: (input) => setPreliminaryList(ctx, input),
    withdrawNomination: (input) => withdrawNomination(ctx, input),
    recordNominationVote: (input) => recordNominationVote(ctx, input),
    decideNominationTie: (input, meta) => decideNominationTie(ctx, input, meta?.requestKey),
    confirmFormalList: (input, meta) => confirmFormalList(ctx, input, meta?.requestKey),
  };
}
