import type { BoxTallyView, CountingContract } from '../../../shared/api/counting';
import type { InputOf } from '../../../shared/api/envelope';
import { runningTally, type EnteredBallotContent } from '../../../shared/rules/running-tally';
import type { Db } from '../db';
import { eachSheetBallot, requireOpenedBox } from './counting-store';
import { requireElection } from './setup-read';
import { roundBallot } from './setup-rounds';

/**
 * A sheet's running tally, read by the shared rules over every ballot on it (one pass, row by row), and the doubtful
 * ballots still waiting for a ruling. The counting screen reads it when it shows a box and after a correction or a
 * ruling; each ballot entered in between it adds itself from enterBallot's answer.
 */
export function boxTally(db: Db, input: InputOf<CountingContract, 'boxTally'>): BoxTallyView {
  requireOpenedBox(db, input.round, input.box);
  const sheet = input.sheet ?? 'A';
  const { overvote, samePersonInTwoOffices } = requireElection(db).rules;
  const unruled: number[] = [];
  function* ballots(): Generator<EnteredBallotContent> {
    for (const b of eachSheetBallot(db, input.round, input.box, sheet)) {
      if ('doubtful' in b.content && b.ruling === null) unruled.push(b.position);
      yield b;
    }
  }
  const rules = { overvote, samePersonInTwoOffices };
  const tally = runningTally(roundBallot(db, input.round), ballots(), rules);
  return { sheet, tally, unruled, rules };
}
