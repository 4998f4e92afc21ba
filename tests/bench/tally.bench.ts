/**
 * Tally benchmark (issue 13): the rules engine alone on records built in memory. Write-ins are free text, so the
 * count of persons is not bounded by the candidates list. Targets: 30,000 ballots each with a different write-in
 * < 0.5 s; 100,000 candidates × 100,000 ballots is printed (it was > 150 s while the tally was quadratic).
 */
import type { CerRecord } from '../../shared/record';
import { tally } from '../../shared/rules';

function timed(record: CerRecord): number {
  const started = performance.now();
  tally(record);
  return (performance.now() - started) / 1000;
}

/** One office with `candidates` listed candidates and `ballots` ballots; ballot i marks candidate i mod n. */
export function manyCandidates(candidates: number, ballots: number): CerRecord {
  return {
    format: 'cer/1',
    election: { title: 'bench', body: 'residents', method: 'direct', registered: ballots * 2 },
    round: 'regular',
    offices: [{ id: 'member', title: '委员', seats: 5, rank: 1 }],
    candidates: Array.from({ length: candidates }, (_, i) => ({ id: `c${i}`, name: `候选人${i}`, office: 'member' })),
    participants: ballots,
    ballots: Array.from({ length: ballots }, (_, i) => ({ box: 'b', marks: { member: { for: [`c${i % candidates}`] } } })),
  };
}

/** A few listed candidates and `ballots` ballots, each with a write-in nobody else wrote. */
export function distinctWriteIns(ballots: number): CerRecord {
  const record = manyCandidates(7, ballots);
  record.ballots = Array.from({ length: ballots }, (_, i) => ({
    box: 'b',
    marks: { member: { for: ['c1'], writeIns: [`王${i.toString(36)}`] } },
  }));
  return record;
}

export async function run(): Promise<Record<string, number | string>> {
  const writeIns = timed(distinctWriteIns(30_000));
  return {
    '30,000 ballots, distinct write-ins: s': writeIns,
    'target < 0.5 s': writeIns < 0.5 ? 'met' : 'MISSED',
    '10,000 candidates x 10,000 ballots: s': timed(manyCandidates(10_000, 10_000)),
    '100,000 candidates x 100,000 ballots: s': timed(manyCandidates(100_000, 100_000)),
  };
}
