import { dayProgress, NO_DAY_FACTS, type DayFacts, type DayProgress } from '../../../shared/domain/day';
import { ROUND_STATUSES } from '../../../shared/domain/round';
import type { BackendContext } from '../context';
import { inTransaction } from '../db';
import { boxCountRow, issuedToBox, q } from './counting-store';
import { custodyOverview } from './custody';
import { storedResultHash } from './results';
import { missingSignoffs } from './seal-signatures';
import { readElection } from './setup-read';
import { listRounds } from './setup-rounds';

/**
 * The guided day of the Start page: the facts of the latest round read in one transaction (so they agree with each
 * other), judged by the pure rule (shared/domain/day.ts). Only counts and states: no voter and no ballot is read.
 * A box never sealed empty does not hold the day up once the poll is closed (a spare box not used this round), nor
 * does a box that received no ballot.
 */
export function readDayProgress(ctx: BackendContext): DayProgress {
  return dayProgress(inTransaction(ctx.db, () => dayFacts(ctx)));
}

function count(ctx: BackendContext, sql: string): number {
  return (q(ctx.db, sql).get() as { n: number }).n;
}

function dayFacts(ctx: BackendContext): DayFacts {
  const db = ctx.db;
  const election = readElection(db) !== null;
  const boxes = count(ctx, 'SELECT count(*) AS n FROM box');
  const candidates = count(ctx, 'SELECT count(*) AS n FROM candidate');
  const voters = count(ctx, 'SELECT count(*) AS n FROM (SELECT 1 FROM voter LIMIT 1)');
  const last = listRounds(db).at(-1) ?? null;
  const facts: DayFacts = {
    ...NO_DAY_FACTS,
    election,
    boxes,
    candidates,
    voters,
    round: last ? { number: last.number, status: last.status } : null,
    sealed: last?.status === 'sealed',
  };
  if (!last) return facts;
  // Once the poll is closed, a box that never started its trail was not used this round: nothing to bring in.
  const pollOver = ROUND_STATUSES.indexOf(last.status) >= ROUND_STATUSES.indexOf('closed');
  for (const c of custodyOverview(db, last.number)) {
    const pos = c.position;
    const setAside = pos.state === 'set-aside';
    const stepsDone = c.events.filter((e) => e.step !== 'committee-decision').length;
    if (setAside || stepsDone >= 2) facts.boxesVoting += 1;
    const unused = pollOver && stepsDone === 0;
    if (unused || setAside || pos.state === 'done' || (pos.state === 'next' && pos.next === 'opened')) facts.boxesChecked += 1;
    const counted = boxCountRow(db, last.number, c.box);
    if (counted?.status === 'counting') facts.countingUnderway = true;
    const nothingToCount = pollOver && !counted && issuedToBox(db, last.number, c.box) === 0;
    if (setAside || counted?.status === 'accepted' || nothingToCount) facts.boxesCounted += 1;
  }
  const resultHash = storedResultHash(db, last.number);
  facts.resultStored = resultHash !== null;
  if (resultHash !== null) facts.signaturesMissing = missingSignoffs(ctx, [{ number: last.number, resultHash }]).length;
  return facts;
}
