import type { Station } from './identity';
import { stationScope } from './identity';

/**
 * What a station package carries, table by table, in the order a fresh file takes them (every row's references
 * come first). Each entry selects the rows the station needs (parameter @station): the election's setup and rounds
 * whole; its boxes, desks, stock, custody trail and issuances; its voters (with their proxies and, at a Party meeting, their excusals; in an election by representatives, which of them are); and the people who
 * may act there — the committee, officials of the whole election or of this venue, the box's staff, and anyone its
 * rows name — with their PIN hashes and salts (PINs are never stored anywhere).
 */
export function packageTables(kind: Station['kind']): ReadonlyArray<{ table: string; where: string }> {
  const scope = stationScope(kind);
  const boxes = `(SELECT id FROM box WHERE ${scope.boxes})`;
  const voters = `(SELECT id FROM voter WHERE ${scope.voters})`;
  const venue = kind === 'venue' ? '@station' : '(SELECT venue_id FROM box WHERE id = @station)';
  const people = `(SELECT person_id FROM committee_member
      UNION SELECT person_id FROM official_role WHERE revoked_at IS NULL AND (venue_id IS NULL OR venue_id = ${venue})
      UNION SELECT person_id FROM box_staff WHERE box_id IN ${boxes}
      UNION SELECT approved_by FROM proxy WHERE voter_id IN ${voters}
      UNION SELECT revoked_by FROM proxy WHERE voter_id IN ${voters}
      UNION SELECT by_person_id FROM custody_event WHERE box_id IN ${boxes}
      UNION SELECT helper_person_id FROM issuance WHERE box_id IN ${boxes})`;
  return [
    { table: 'election', where: '1' },
    { table: 'party_exclusion', where: '1' },
    { table: 'office', where: '1' },
    { table: 'candidate', where: '1' },
    { table: 'venue', where: '1' },
    { table: 'box', where: scope.boxes },
    { table: 'person', where: `id IN ${people}` },
    { table: 'committee_member', where: '1' },
    { table: 'official_role', where: `person_id IN ${people}` },
    { table: 'box_staff', where: `box_id IN ${boxes}` },
    { table: 'close_relative', where: '1' },
    { table: 'round', where: '1' },
    { table: 'round_office', where: '1' },
    { table: 'round_candidate', where: '1' },
    { table: 'custody_event', where: `box_id IN ${boxes}` },
    { table: 'roll_import', where: `id IN (SELECT import_id FROM voter WHERE ${scope.voters})` },
    { table: 'voter', where: scope.voters },
    { table: 'party_excusal', where: `voter_id IN ${voters}` },
    { table: 'representative', where: `voter_id IN ${voters}` },
    { table: 'proxy', where: `voter_id IN ${voters} AND trustee_id IN ${voters}` },
    { table: 'desk', where: `box_id IN ${boxes}` },
    { table: 'ballot_stock_movement', where: `box_id IN ${boxes}` },
    { table: 'issuance', where: `box_id IN ${boxes} AND voter_id IN ${voters} AND (trustee_id IS NULL OR trustee_id IN ${voters})` },
    { table: 'spoiled_count', where: `box_id IN ${boxes}` },
  ];
}

/** The table names a package may hold, in order (the same for both kinds of station). */
export const PACKAGE_TABLE_NAMES: readonly string[] = packageTables('venue').map((t) => t.table);
