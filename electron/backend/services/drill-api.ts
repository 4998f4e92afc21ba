import type { DrillContract, DrillProgressView } from '../../../shared/api/drill';
import { ApiError, type Implementation } from '../../../shared/api/envelope';
import type { BackendContext } from '../context';
import type { Db } from '../db';
import { drillCredentials } from '../drill/credentials';
import { overallFraction } from '../drill/progress';
import { runDrillInContext } from '../drill/run';
import { discardInterruptedDrill, drillFileState } from '../drill/state';

/** The latest progress of the drill played into each open database (the drill yields, so drillProgress is answered meanwhile). */
const progressOf = new WeakMap<Db, DrillProgressView>();

const IDLE: DrillProgressView = { phase: null, round: null, fraction: 0, running: false };

/** Whether a drill is being played into this database right now (it yields between steps, so calls can arrive). */
export function drillRunning(db: Db): boolean {
  return progressOf.get(db)?.running === true;
}

/** The drill methods of the contract (spread into buildApi): a drill into the open, empty election file. */
export function drillApi(ctx: BackendContext): Implementation<DrillContract> {
  return {
    startDrill: async ({ voters, seed, stage }) => {
      if (drillRunning(ctx.db)) {
        throw new ApiError('conflict', '演练正在进行中 / a drill is already running', { details: { reason: 'running' } });
      }
      let latest: DrillProgressView = { phase: null, round: null, fraction: 0, running: true };
      progressOf.set(ctx.db, latest);
      try {
        return await runDrillInContext(ctx, { voters, seed, stage }, (p) => {
          latest = { phase: p.phase, round: p.round ?? null, fraction: Math.max(latest.fraction, overallFraction(stage, p)), running: true };
          progressOf.set(ctx.db, latest);
        });
      } finally {
        progressOf.set(ctx.db, { ...latest, running: false });
      }
    },
    drillProgress: () => progressOf.get(ctx.db) ?? IDLE,
    drillCredentials: () => drillCredentials(ctx),
    drillState: () => {
      if (drillRunning(ctx.db)) return { state: 'running', seed: null, voters: null, stage: null };
      const s = drillFileState(ctx.db);
      return 'seed' in s ? { state: s.state, seed: s.seed, voters: s.voters, stage: s.stage } : { state: s.state, seed: null, voters: null, stage: null };
    },
    discardInterruptedDrill: () => {
      if (drillRunning(ctx.db)) {
        throw new ApiError('conflict', '演练正在进行中 / a drill is already running', { details: { reason: 'running' } });
      }
      return discardInterruptedDrill(ctx);
    },
  };
}
