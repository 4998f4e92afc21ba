import { electorsOnly } from './electors';
import { registeredCount } from './results';
import { isPartyRoll, partyCounts } from '../party/counts';
import type { TurnoutView } from '../../../shared/api/issuance';
import { quorumMet } from '../../../shared/rules/validity';
import type { Body, Method } from '../../../shared/record/cer';
import { notFound, says } from '../context';
import type { Db } from '../db';
import { listDesks, stockStatus } from './issuance';
import { requireElection } from './setup-read';
import { provisionalTurnout } from '../stations/phoned-turnout';

/** The fewest participants that meet the quorum of DOMAIN.md §7.1 (quorumMet is monotonic in participants). */
export function participantsNeeded(body: Body, method: Method, registered: number): number {
  let lo = 0;
  let hi = registered + 1;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (quorumMet(body, method, registered, mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function quorumRule(body: Body, method: Method): { zh: string; en: string } {
  if (body === 'party') return { zh: '到会人数须超过应到会人数的五分之四', en: 'more than 4/5 of those who should attend must be present' };
  if (body === 'supervisory' && method === 'representative') {
    return { zh: '到会代表须达到五分之四以上', en: 'at least 4/5 of the representatives must take part' };
  }
  if (method === 'household') return { zh: '参加投票的户数须超过登记户数的半数', en: 'more than half of the registered households must take part' };
  return { zh: '参加投票的选民须超过登记选民的半数', en: 'more than half of the registered voters must take part' };
}

/** Live turnout of a round per venue, per mobile box, per desk and overall, with the quorum so far and the ballot stock. */
export function turnout(db: Db, round: number): TurnoutView {
  const election = requireElection(db);
  if (!db.prepare('SELECT 1 FROM round WHERE number = ?').get(round)) throw notFound(says('error.common.noRound', { round }));
  const registered = registeredCount(db);
  const totals = db
    .prepare(
      `SELECT count(*) AS n, count(trustee_id) AS proxy, count(helper_person_id) AS assisted FROM issuance WHERE round_number = ?`,
    )
    .get(round) as { n: number; proxy: number; assisted: number };

  const byVenue = (
    db
      .prepare(
        `SELECT v.id, v.name,
           (SELECT count(*) FROM voter WHERE venue_id = v.id AND ${electorsOnly(db)}) AS assigned,
           (SELECT count(*) FROM issuance i JOIN box b ON b.id = i.box_id WHERE i.round_number = ? AND b.venue_id = v.id AND b.kind <> 'mobile') AS issued
         FROM venue v ORDER BY v.kind, v.id`,
      )
      .all(round) as { id: string; name: string; assigned: number; issued: number }[]
  ).map((r) => ({ venue: r.id, name: r.name, assigned: r.assigned, issued: r.issued }));

  const byMobileBox = (
    db
      .prepare(
        `SELECT b.id, b.name,
           (SELECT count(*) FROM voter WHERE mobile_box_id = b.id AND ${electorsOnly(db)}) AS assigned,
           (SELECT count(*) FROM issuance WHERE round_number = ? AND box_id = b.id) AS issued
         FROM box b WHERE b.kind = 'mobile' ORDER BY b.id`,
      )
      .all(round) as { id: string; name: string; assigned: number; issued: number }[]
  ).map((r) => ({ box: r.id, name: r.name, assigned: r.assigned, issued: r.issued }));

  const issuedAtDesk = new Map(
    (db.prepare('SELECT desk, count(*) AS n FROM issuance WHERE round_number = ? GROUP BY desk').all(round) as { desk: string; n: number }[])
      .map((r) => [r.desk, r.n]),
  );
  const byDesk = listDesks(db).map((d) => ({ desk: d.id, name: d.name, box: d.box, issued: issuedAtDesk.get(d.id) ?? 0 }));

  const needed = participantsNeeded(election.body, election.method, registered);
  return {
    round,
    registered,
    participants: totals.n,
    proxyBallots: totals.proxy,
    assisted: totals.assisted,
    quorum: {
      met: quorumMet(election.body, election.method, registered, totals.n),
      needed,
      rule: quorumRule(election.body, election.method),
    },
    ...(isPartyRoll(election) ? { party: partyCounts(db) } : {}),
    provisional: provisionalTurnout(db, round, totals.n, registered),
    byVenue,
    byMobileBox,
    byDesk,
    boxes: stockStatus(db, round),
  };
}
