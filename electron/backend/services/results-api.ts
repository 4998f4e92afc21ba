import type { Implementation } from '../../../shared/api/envelope';
import type { ResultsContract } from '../../../shared/api/results';
import type { BackendContext } from '../context';
import { resultAnnouncement } from './announcement';
import { computeResults, exportRecord, storedResult, storedResultHash } from './results';
import { getRound } from './setup-rounds';
import { createNextRound, electionStanding } from './rounds';
import { roundCandidates, updateRoundCandidate } from './round-candidates';
import { listSignoffs, reopenCount, signResult } from './signoff';
import { withRequestKey } from './request-receipts';
import { tallySheet } from './tally-sheet';

/** Results, later rounds, standing, sign-offs and the tally sheet (shared/api/results.ts). */
export function resultsApi(ctx: BackendContext): Implementation<ResultsContract> {
  return {
    computeResults: ({ round }) => computeResults(ctx, round),
    storedResult: ({ round }) => storedResult(ctx.db, round),
    storedResultHash: ({ round }) => {
      getRound(ctx.db, round);
      return { resultHash: storedResultHash(ctx.db, round) };
    },
    exportRecord: ({ round }) => exportRecord(ctx, round),
    createNextRound: withRequestKey((input, key) => createNextRound(ctx, input, key)),
    roundCandidates: (input) => roundCandidates(ctx.db, input.round),
    updateRoundCandidate: (input) => updateRoundCandidate(ctx, input),
    electionStanding: () => electionStanding(ctx.db),
    signResult: (input) => signResult(ctx, input),
    listSignoffs: ({ round }) => listSignoffs(ctx.db, round),
    reopenCount: withRequestKey((input, key) => reopenCount(ctx, input, key)),
    tallySheet: ({ round }) => tallySheet(ctx, round),
    resultAnnouncement: () => resultAnnouncement(ctx.db),
  };
}
