import type { Implementation } from '../../../shared/api/envelope';
import type { SetupContract } from '../../../shared/api/setup';
import type { BackendContext } from '../context';
import { inTransaction } from '../db';
import { addCandidate, addOffice, createElection, electionOverview } from './setup';
import { requireElection } from './setup-read';
import { removeCandidate, removeOffice, updateCandidate, updateOffice } from './setup-edit';
import { setRules } from './setup-rules';
import { setPersonKeySalt } from './person-key';
import { listRounds, roundBallot, setRoundStatusTx } from './setup-rounds';
import { addBox, addVenue, setBoxStaff } from './setup-venues';
import { withRequestKey } from './request-receipts';

const OK = { ok: true } as const;

/** The election set-up methods of the contract (shared/api/setup.ts). */
export function setupApi(ctx: BackendContext): Implementation<SetupContract> {
  return {
    getElection: () => electionOverview(ctx),
    createElection: (def) => createElection(ctx, def),
    setRules: withRequestKey((rules, key) => setRules(ctx, rules, key)),
    addOffice: (o) => (addOffice(ctx, o), OK),
    setPersonKeySalt: ({ salt }) => setPersonKeySalt(ctx, salt),
    addCandidate: (c) => addCandidate(ctx, c),
    updateCandidate: (input) => updateCandidate(ctx, input),
    removeCandidate: (input) => removeCandidate(ctx, input),
    updateOffice: (input) => updateOffice(ctx, input),
    removeOffice: (input) => removeOffice(ctx, input),
    addVenue: (v) => (requireElection(ctx.db), addVenue(ctx, v), OK),
    addBox: (b) => (requireElection(ctx.db), addBox(ctx, b), OK),
    setBoxStaff: (input) => (setBoxStaff(ctx, input), OK),
    listRounds: () => listRounds(ctx.db),
    roundBallot: ({ round }) => roundBallot(ctx.db, round),
    setVotingStatus: (input) => inTransaction(ctx.db, () => setRoundStatusTx(ctx, input)),
  };
}
