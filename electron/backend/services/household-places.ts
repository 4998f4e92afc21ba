import { says } from '../../../shared/i18n/says';
import { refused } from '../context';
import type { Db } from '../db';
import { isHouseholdElection } from './households';
import { assignmentOf, ON_ROLL, stmt } from './roll-store';

/**
 * In a household election (户代表) a household votes at one place: its members on the roll are all assigned to the
 * same venue, or all to the same mobile box. One ballot per household per round is checked by the desk of one
 * laptop; members at two stations would each find their own laptop's desk willing. So an assignment that would
 * split a household is refused where it starts, naming the household and where its members would be.
 */

interface Member {
  name: string;
  certificate: string;
  venue_id: string | null;
  mobile_box_id: string | null;
}

const placeKey = (m: Member) => (m.mobile_box_id !== null ? `box:${m.mobile_box_id}` : `venue:${m.venue_id ?? ''}`);

/** Where a household's members on the roll are now, one entry per place ("中心会场: 张三, 李四"), in roll order. */
function householdPlaces(db: Db, household: string): string[] {
  const members = stmt(
    db,
    `SELECT name, certificate, venue_id, mobile_box_id FROM voter WHERE household = ? AND ${ON_ROLL}
     ORDER BY import_id IS NULL, import_id, line, id`,
  ).all(household) as Member[];
  const places = new Map<string, { name: string; members: string[] }>();
  for (const m of members) {
    const key = placeKey(m);
    const place = places.get(key) ?? { name: assignmentOf(db, m).name, members: [] };
    place.members.push(`${m.name} ${m.certificate}`);
    places.set(key, place);
  }
  return [...places.values()].map((p) => `${p.name}: ${p.members.join(', ')}`);
}

/**
 * Inside the assignment's write transaction, after its changes: refused (rolling it back) when any of these
 * households now has members at two places. Nothing to check outside a household election.
 */
export function requireHouseholdsTogether(db: Db, households: Iterable<string | null>): void {
  if (!isHouseholdElection(db)) return;
  for (const household of new Set(households)) {
    if (household === null) continue;
    const places = householdPlaces(db, household);
    if (places.length > 1) {
      throw refused(says('error.household.split', { household, where: places.join(' | ') }), { reason: 'household-split', household });
    }
  }
}

/** The same over the whole roll (after an import), in one pass: the first split household found is named. */
export function requireNoSplitHousehold(db: Db): void {
  if (!isHouseholdElection(db)) return;
  const split = stmt(
    db,
    `SELECT household FROM voter WHERE household IS NOT NULL AND ${ON_ROLL}
     GROUP BY household HAVING count(DISTINCT coalesce('box:' || mobile_box_id, 'venue:' || venue_id)) > 1 LIMIT 1`,
  ).get() as { household: string } | undefined;
  if (split) requireHouseholdsTogether(db, [split.household]);
}

/** The household numbers of a residents' group's voters on the roll. */
export function householdsOfGroup(db: Db, group: string): string[] {
  const rows = stmt(db, `SELECT DISTINCT household FROM voter WHERE group_name = ? AND household IS NOT NULL AND ${ON_ROLL}`).all(group) as { household: string }[];
  return rows.map((r) => r.household);
}
