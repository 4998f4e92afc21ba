import type { AnnouncementView } from '../../../shared/api/announcement';
import type { Db } from '../db';
import { storedResult } from './results';
import { electionStanding } from './rounds';
import { requireElection } from './setup-read';

/**
 * The results announcement and the certificates of election, from the stored results only: the standing across rounds
 * (who holds which office, vacancies, acting chair) with each elected person's votes from the round that elected them.
 */
export function resultAnnouncement(db: Db): AnnouncementView {
  const e = requireElection(db);
  // The standing reads each round's stored result; the votes below come from the same reads.
  const stored = new Map<number, ReturnType<typeof storedResult>>();
  const standing = electionStanding(db, (round) => {
    const s = storedResult(db, round);
    stored.set(round, s);
    return s;
  });
  const votesOf = (round: number, office: string, name: string): number => {
    const result = stored.get(round)?.result.offices.find((o) => o.office === office);
    return result?.results.find((p) => p.name === name)?.for ?? 0;
  };
  const rounds: AnnouncementView['rounds'] = [];
  for (const r of standing.rounds) {
    const s = stored.get(r.number);
    if (!s) continue;
    rounds.push({
      number: r.number,
      kind: r.kind,
      registered: s.result.counts.registered,
      participants: s.result.counts.participants,
      valid: s.result.valid,
      resultHash: s.resultHash,
    });
  }
  const unresolvedRounds = standing.rounds.filter((r) => !stored.get(r.number)).length;
  return {
    election: { title: e.title, community: e.community, date: e.date, body: e.body, method: e.method, drill: e.drill },
    rounds,
    offices: standing.offices.map((o) => ({
      office: o.office,
      title: o.title,
      seats: o.seats,
      vacant: o.vacant,
      elected: o.elected.map((p) => ({ name: p.name, round: p.round, votes: votesOf(p.round, o.office, p.name) })),
    })),
    electedTotal: standing.electedTotal,
    acting: standing.acting,
    outstanding: Math.max(standing.outstanding, unresolvedRounds),
  };
}
