import type { IssuanceContract } from '../../../shared/api/issuance';
import type { OutputOf } from '../../../shared/api/envelope';
import type { Db } from '../db';
import { requireRound } from './issuance';
import { electorsOnly } from './electors';
import { assignmentOf, stmt } from './roll-store';

type Summary = OutputOf<IssuanceContract, 'notVotedSummary'>;

interface Cell {
  group_name: string;
  venue_id: string | null;
  mobile_box_id: string | null;
  voters: number;
  not_voted: number;
}

function add<K>(totals: Map<K, { voters: number; notVoted: number }>, key: K, c: Cell): void {
  const t = totals.get(key) ?? { voters: 0, notVoted: 0 };
  t.voters += c.voters;
  t.notVoted += c.not_voted;
  totals.set(key, t);
}

/**
 * How many of those to vote (electors.ts: removed voters, probationary and excused Party members and, where only
 * representatives vote, everyone else left out) of each residents' group and each place have not been issued a ballot in the round: one grouped
 * pass over the roll joined to the round's issuances (through their voter-and-round key). Groups in roll order of
 * their first voter; places venues first, then mobile boxes, each by id.
 */
export function notVotedSummary(db: Db, round: number): Summary {
  requireRound(db, round);
  const cells = stmt(
    db,
    `SELECT v.group_name, v.venue_id, v.mobile_box_id, count(*) AS voters, sum(i.id IS NULL) AS not_voted, min(v.id) AS first
     FROM voter v LEFT JOIN issuance i ON i.voter_id = v.id AND i.round_number = ?
     WHERE ${electorsOnly(db, 'v')}
     GROUP BY v.group_name, v.venue_id, v.mobile_box_id ORDER BY first`,
  ).all(round) as Cell[];
  const groups = new Map<string, { voters: number; notVoted: number }>();
  const places = new Map<string, { voters: number; notVoted: number }>();
  const placeOf = new Map<string, Cell>();
  for (const c of cells) {
    add(groups, c.group_name, c);
    const key = c.mobile_box_id !== null ? `box:${c.mobile_box_id}` : `venue:${c.venue_id ?? ''}`;
    add(places, key, c);
    if (!placeOf.has(key)) placeOf.set(key, c);
  }
  // 'box:…' sorts before 'venue:…'; venues come first.
  const byPlace = [...places.entries()]
    .sort(([a], [b]) => (a.startsWith('venue:') === b.startsWith('venue:') ? a.localeCompare(b) : a.startsWith('venue:') ? -1 : 1))
    .map(([key, t]) => ({ assignment: assignmentOf(db, placeOf.get(key)!), ...t }));
  const byGroup = [...groups.entries()].map(([group, t]) => ({ group, ...t }));
  return {
    round,
    voters: byGroup.reduce((n, g) => n + g.voters, 0),
    notVoted: byGroup.reduce((n, g) => n + g.notVoted, 0),
    byGroup,
    byPlace,
  };
}
