import type { Db } from '../db';
import { byRepresentatives } from './representatives-store';

/**
 * Who is to vote in this election, as an SQL condition on a voter row: on the roll, not a probationary Party member
 * (no vote), not a Party member excused from the registered count, and in an election by residents' representatives
 * only the representatives. The roll itself lists everyone; every list and count of those expected at a desk (turnout
 * per place, who has not voted, the desk's printed lists, the mobile boxes' lists, the certificate batches) reads this.
 */
export function electorsOnly(db: Db, table = 'voter'): string {
  const parts = [
    `${table}.removed_at IS NULL`,
    `${table}.probationary = 0`,
    `${table}.id NOT IN (SELECT voter_id FROM party_excusal WHERE undone_at IS NULL)`,
  ];
  if (byRepresentatives(db)) parts.push(`${table}.id IN (SELECT voter_id FROM representative)`);
  return `(${parts.join(' AND ')})`;
}

