import type { TimelineView } from '../../../shared/api/edits';
import { voteTimeline } from '../../../shared/domain/vote-timeline';
import type { BackendContext } from '../context';
import { localDay, publishedOn } from './roll-life';
import { readCandidates, readOffices, requireElection } from './setup-read';
import { setupWarnings } from './setup';

/** What is done before the vote, read from the file, laid on the legal dates (shared/domain/vote-timeline.ts). */
export function readVoteTimeline(ctx: BackendContext): TimelineView {
  const db = ctx.db;
  const election = requireElection(db);
  const today = localDay(ctx.now());
  const published = publishedOn(db);
  const objections = db.prepare('SELECT count(*) AS filed, count(*) - count(decision) AS open FROM objection').get() as { filed: number; open: number };
  const offices = readOffices(db);
  const candidates = readCandidates(db);
  const candidatesSet =
    offices.length > 0 &&
    offices.every((o) => candidates.some((c) => c.office === o.id)) &&
    !setupWarnings(db).some((w) => w.code === 'insufficient-candidate-margin');
  return {
    electionDate: election.date,
    today,
    publishedOn: published,
    objections,
    steps: voteTimeline({ electionDate: election.date, today, publishedOn: published, objections, candidatesSet }),
  };
}
