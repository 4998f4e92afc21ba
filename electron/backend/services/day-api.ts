import type { DayContract } from '../../../shared/api/day';
import type { Implementation } from '../../../shared/api/envelope';
import type { BackendContext } from '../context';
import { readDayProgress } from './day-progress';
import { openVoting } from './open-voting';

/** The guided day's methods of the contract (shared/api/day.ts). */
export function dayApi(ctx: BackendContext): Implementation<DayContract> {
  return {
    dayProgress: () => readDayProgress(ctx),
    openVoting: (input) => openVoting(ctx, input),
  };
}
