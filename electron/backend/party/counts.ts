import { partyRegistered, type PartyCounts } from '../../../shared/domain/party';
import type { Db } from '../db';
import { stmt } from '../services/roll-store';
import type { ElectionRow } from '../services/setup-read';

/** A Party members' meeting whose registered count comes from its imported roll (not a number typed at set-up). */
export function isPartyRoll(e: Pick<ElectionRow, 'body' | 'registered'>): boolean {
  return e.body === 'party' && e.registered.source === 'roll';
}

/** The parts of a Party meeting's registered count, from the roll: members, probationary, excused (in force). */
export function partyCounts(db: Db): PartyCounts {
  const members = (stmt(db, 'SELECT count(*) AS n FROM voter WHERE removed_at IS NULL').get() as { n: number }).n;
  const probationary = (stmt(db, 'SELECT count(*) AS n FROM voter WHERE probationary = 1 AND removed_at IS NULL').get() as { n: number }).n;
  const excused = (
    stmt(
      db,
      `SELECT count(*) AS n FROM party_excusal x JOIN voter v ON v.id = x.voter_id
       WHERE x.undone_at IS NULL AND v.removed_at IS NULL AND v.probationary = 0`,
    ).get() as { n: number }
  ).n;
  return { members, probationary, excused };
}

/** A member excused from the registered count, the excusal in force (not undone). */
export function isExcused(db: Db, voterId: number): boolean {
  return stmt(db, 'SELECT 1 FROM party_excusal WHERE voter_id = ? AND undone_at IS NULL').get(voterId) !== undefined;
}

export function partyRegisteredOnRoll(db: Db): number {
  return partyRegistered(partyCounts(db));
}
