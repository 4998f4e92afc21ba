import { registeredUnits } from '../../../shared/domain/household';
import type { Db } from '../db';
import { householdCount } from './households';
import { ON_ROLL_COUNT, stmt } from './roll-store';
import { requireElection } from './setup-read';

/**
 * The registered count from the roll, in the units the election's method counts: households in a household
 * election (户代表), voters otherwise. Quorum, thresholds, turnout and the record all read it here.
 */
export function registeredOnRoll(db: Db): number {
  const voters = (stmt(db, `SELECT ${ON_ROLL_COUNT} AS n`).get() as { n: number }).n;
  const method = requireElection(db).method;
  return registeredUnits(method, { voters, households: method === 'household' ? householdCount(db) : 0 });
}
