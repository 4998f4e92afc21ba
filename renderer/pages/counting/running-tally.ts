import type { BallotView } from '../../../shared/api/counting';
import type { Ballot, CerRecord } from '../../../shared/record';
import { readBallots } from '../../../shared/rules/read-ballots';
import type { BallotOfficeView } from './round-ballot';

/**
 * The running tally shown while ballots are called: the entered ballots read by the same shared rules the result
 * uses (overvoted sections, same person in two offices). Doubtful ballots count once the committee has ruled;
 * until then they are only counted as pending. The official result is computed by the backend, not here.
 */
export interface RunningTally {
  offices: { id: string; title: string; seats: number; persons: { name: string; listed: boolean; for: number; against: number }[]; voidSections: number }[];
  ballots: number;
  voidBallots: number;
  pendingDoubtful: number;
}

export interface TallyRules {
  overvote: 'void-section' | 'void-ballot';
  samePersonInTwoOffices: 'void-ballot' | 'count-higher-office';
}

export function runningTally(offices: readonly BallotOfficeView[], ballots: readonly BallotView[], rules: TallyRules): RunningTally {
  const read: Ballot[] = [];
  let pendingDoubtful = 0;
  for (const b of ballots) {
    const c = 'doubtful' in b.content ? b.ruling?.decision : b.content;
    if (c === undefined) {
      pendingDoubtful++;
      continue;
    }
    read.push('void' in c ? { box: b.box, void: c.void } : { box: b.box, marks: c.marks });
  }
  const record = {
    format: 'cer/1',
    election: { title: '', body: 'residents', method: 'direct', registered: 0 },
    round: 'regular',
    offices: offices.map((o) => ({ id: o.id, title: o.title, seats: o.seats, rank: o.rank })),
    candidates: offices.flatMap((o) => o.candidates.map((c) => ({ id: c.id, name: c.name, office: o.id }))),
    participants: 0,
    ballots: read,
  } as CerRecord;
  const reading = readBallots(record, rules);
  const byId = new Map(reading.offices.map((o) => [o.office.id, o]));
  return {
    offices: offices.map((o) => {
      const tally = byId.get(o.id);
      return {
        id: o.id,
        title: o.title,
        seats: o.seats,
        voidSections: tally?.voidSections ?? 0,
        persons: (tally?.persons ?? []).map((p) => ({ name: p.name, listed: p.candidate !== undefined, for: p.for, against: p.against })),
      };
    }),
    ballots: ballots.length,
    voidBallots: reading.voidBallots,
    pendingDoubtful,
  };
}
