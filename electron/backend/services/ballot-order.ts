import type { Ballot, SectionMarks } from '../../../shared/record';
import { canonicalJson } from '../audit';

/**
 * Secret ballot: the public record lists each box's ballots in an order fixed by their content alone — box, then the
 * canonical text of the ballot — never in the order they were entered, which follows the order they came out of the
 * box and could mirror the order the voters cast them. Within a section the marks are a set on paper, so their lists
 * are sorted too (a counter's clicking order tells nothing either). The same ballots always give the same bytes.
 */
export function inCanonicalOrder(ballots: readonly Ballot[]): Ballot[] {
  const keyed = ballots.map((b) => {
    const canonical = canonicalBallot(b);
    return { box: b.box, text: canonicalJson(canonical), ballot: canonical };
  });
  keyed.sort((a, b) => compare(a.box, b.box) || compare(a.text, b.text));
  return keyed.map((k) => k.ballot);
}

function canonicalBallot(b: Ballot): Ballot {
  if ('void' in b) return { box: b.box, void: b.void };
  return { box: b.box, marks: Object.fromEntries(Object.entries(b.marks).map(([office, s]) => [office, sortedSection(s)])) };
}

function sortedSection(s: SectionMarks): SectionMarks {
  return {
    ...(s.for !== undefined ? { for: [...s.for].sort(compare) } : {}),
    ...(s.against !== undefined ? { against: [...s.against].sort(compare) } : {}),
    ...(s.writeIns !== undefined ? { writeIns: [...s.writeIns].sort(compare) } : {}),
  };
}

/** Plain UTF-16 code unit order, the order canonicalJson sorts keys in: the same on every machine and locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
