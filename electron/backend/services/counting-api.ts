import type { CountingContract } from '../../../shared/api/counting';
import type { Implementation } from '../../../shared/api/envelope';
import type { BackendContext } from '../context';
import {
  ballotChanges,
  boxBallots,
  correctBallot,
  countingOverview,
  countingSettings,
  enterBallot,
  finishBox,
  openBox,
  recordBallotsFound,
  setDoubleEntry,
} from './counting';
import { boxDisagreements, settleDisagreement } from './double-entry';
import { boxTally } from './box-tally';
import { ruleDoubtful } from './doubtful';
import { withRequestKey } from './request-receipts';

/** The counting part of the contract (shared/api/counting.ts). */
export function countingApi(ctx: BackendContext): Implementation<CountingContract> {
  return {
    countingSettings: () => countingSettings(ctx.db),
    setDoubleEntry: (input) => setDoubleEntry(ctx, input),
    openBox: (input) => openBox(ctx, input),
    recordBallotsFound: (input) => recordBallotsFound(ctx, input),
    enterBallot: withRequestKey((input, key) => enterBallot(ctx, { ...input, entryKey: key })),
    correctBallot: withRequestKey((input, key) => correctBallot(ctx, input, key)),
    ruleDoubtful: withRequestKey((input, key) => ruleDoubtful(ctx, input, key)),
    finishBox: (input) => finishBox(ctx, input),
    boxDisagreements: ({ round, box }) => boxDisagreements(ctx.db, round, box),
    settleDisagreement: (input) => settleDisagreement(ctx, input),
    boxBallots: (input) => boxBallots(ctx.db, input),
    boxTally: (input) => boxTally(ctx.db, input),
    ballotChanges: (input) => ballotChanges(ctx.db, input),
    countingOverview: ({ round }) => countingOverview(ctx.db, round),
  };
}
