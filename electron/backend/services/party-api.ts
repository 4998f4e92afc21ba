import type { Implementation } from '../../../shared/api/envelope';
import type { PartyContract } from '../../../shared/api/party';
import type { BackendContext } from '../context';
import { excuseMember, partyMeeting, undoExcusal } from '../party/excusals';

/** The Party members' meeting (spread into buildApi). */
export function partyApi(ctx: BackendContext): Implementation<PartyContract> {
  return {
    partyMeeting: () => partyMeeting(ctx),
    excuseMember: (input, meta) => excuseMember(ctx, input, meta?.requestKey),
    undoExcusal: (input, meta) => undoExcusal(ctx, input, meta?.requestKey),
  };
}
