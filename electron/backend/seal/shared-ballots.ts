import type { CanonicalScan, BallotSpans } from './canonical-scan';

const NO_BALLOTS = Buffer.from('[]', 'latin1');

/**
 * The value of a canonical payload (as scanned) with each round's ballots parsed once per distinct ballot: ballots
 * spelled with the same bytes are one object, listed as often as they were cast. A large round's ballots are mostly
 * repeats, and parsing each into objects of its own was most of the time and memory of verifying a file; the record
 * check and the tally read a repeated object once and count it as often as it stands.
 */
export function parseWithSharedBallots(bytes: Buffer, scan: CanonicalScan): unknown {
  const pieces: Buffer[] = [];
  let from = 0;
  // Rounds stand in index order in the bytes, so their ballots do too.
  for (const spans of scan.ballots) {
    if (spans === undefined) continue;
    pieces.push(bytes.subarray(from, spans.start), NO_BALLOTS);
    from = spans.end;
  }
  pieces.push(bytes.subarray(from));
  const value = JSON.parse(Buffer.concat(pieces).toString('utf8')) as { rounds: Array<{ record: { ballots: unknown[] } }> };
  scan.ballots.forEach((spans, i) => {
    if (spans !== undefined) value.rounds[i]!.record.ballots = sharedBallots(bytes, spans);
  });
  return value;
}

function sharedBallots(bytes: Buffer, spans: BallotSpans): unknown[] {
  const { items } = spans;
  const byText = new Map<string, unknown>();
  const ballots = new Array<unknown>(items.length / 2);
  for (let k = 0; k < items.length; k += 2) {
    const start = items[k]!;
    const end = items[k + 1]!;
    const text = bytes.toString('latin1', start, end);
    let ballot = byText.get(text);
    if (ballot === undefined) {
      ballot = JSON.parse(bytes.toString('utf8', start, end));
      byText.set(text, ballot);
    }
    ballots[k / 2] = ballot;
  }
  return ballots;
}
