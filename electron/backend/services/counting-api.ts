import type { countingContract } from '../../../shared/api/counting';
import type { Implementation } from '../../../shared/api/envelope';
import type { resultsContract } from '../../../shared/api/results';
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
import { ruleDoubtful } from './doubtful';
import { computeResults, exportRecord, storedResult } from './results';
import { createNextRound, electionStanding } from './rounds';
import { listSignoffs, reopenCount, signResult } from './signoff';
import { tallySheet } from './tally-sheet';

/** The counting part of the contract (shared/api/counting.ts). */
export function countingApi(ctx: BackendContext): Implementation<typeof countingContract> {
  return {
    countingSettings: () => countingSettings(ctx.db),
    setDoubleEntry: (input) => setDoubleEntry(ctx, input),
    openBox: (input) => openBox(ctx, input),
    recordBallotsFound: (input) => recordBallotsFound(ctx, input),
    enterBallot: (input, meta) => enterBallot(ctx, { ...input, entryKey: meta?.requestKey }),
    correctBallot: (input) => correctBallot(ctx, input),
    ruleDoubtful: (input) => ruleDoubtful(ctx, input),
    finishBox: (input) => finishBox(ctx, input),
    boxDisagreements: ({ round, box }) => boxDisagreements(ctx.db, round, box),
    settleDisagreement: (input) => settleDisagreement(ctx, input),
    boxBallots: (input) => boxBallots(ctx.db, input),
    ballotChanges: (input) => ballotChanges(ctx.db, input),
    countingOverview: ({ round }) => countingOverview(ctx.db, round),
  };
}

/** Results, later rounds, standing, sign-offs and the tally sheet (shared/api/results.ts). */
export function resultsApi(ctx: BackendContext): Implementation<typeof resultsContract> {
  return {
    computeResults: ({ round }) => computeResults(ctx, round),
    storedResult: ({ round }) => storedResult(ctx.db, round),
    exportRecord: ({ round }) => exportRecord(ctx, round),
    createNextRound: (input) => createNextRound(ctx, input),
    electionStanding: () => electionStanding(ctx.db),
    signResult: (input) => signResult(ctx, input),
    listSignoffs: ({ round }) => listSignoffs(ctx.db, round),
    reopenCount: (input) => reopenCount(ctx, input),
    tallySheet: ({ round }) => tallySheet(ctx, round),
  };
}
