import type { Implementation } from '../../../shared/api/envelope';
import type { PartyContract } from '../../../shared/api/party';
import type { BackendContext } from '../context';
import { excuseMember, partyMeeting, undoExcusal } from '../party/excusals';
import { withRequestKey } from './request-receipts';

/** The Party members' meeting (spread into buildApi). */
export function partyApi(ctx: BackendContext): Implementation<PartyContract> {
  return {
    partyMeeting: () => partyMeeting(ctx),
    excuseMember: withRequestKey((input, key) => excuseMember(ctx, input, key)),
    undoExcusal: withRequestKey((input, key) => undoExcusal(ctx, input, key)),
  };
}
