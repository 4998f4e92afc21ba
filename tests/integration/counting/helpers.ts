import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { createContext, type BackendContext } from '../../../electron/backend/context';
import { inTransaction } from '../../../electron/backend/db';
import { recordCustodyStep } from '../../../electron/backend/services/custody';
import { enterBallot, finishBox, openBox, recordBallotsFound } from '../../../electron/backend/services/counting';
import { computeResults } from '../../../electron/backend/services/results';
import type { BallotContent } from '../../../shared/api/counting';
import { issueBallot, receiveBallots } from '../../../electron/backend/services/issuance';
import { listPeople } from '../../../electron/backend/services/people';
import { establishAuthority, TEST_PIN } from '../../helpers/authority';
import { importRoll } from '../../../electron/backend/services/roll';
import { createElection } from '../../../electron/backend/services/setup';
import { setRoundStatusTx } from '../../../electron/backend/services/setup-rounds';
import { makeRollCsv, makeVoter, utf8 } from '../../unit/roll/make-roll';

const dirs: string[] = [];
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

export function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'station-counting-'));
  dirs.push(d);
  return d;
}

export function steppingClock(start = Date.parse('2026-05-16T08:00:00Z')): () => Date {
  let t = start;
  return () => new Date((t += 1000));
}

export interface ElectionOptions {
  offices?: { id: string; title: string; rank: number; seats: number }[];
  candidates?: { id: string; name: string; gender?: 'female' | 'male'; office: string }[];
  rules?: Record<string, unknown>;
  voters?: number;
  withStation?: boolean;
  /** false: nobody gets a PIN, the election stays open (being set up). */
  authority?: boolean;
}

export const PIN = TEST_PIN;

/**
 * A residents' election built through the real setup, roll and people services: one central box C1 (and, if asked,
 * a polling station with box S1), a committee with its chair, two scrutineers, a caller, two counters and a desk clerk, all with PINs
 * (the chair's first, so the election's authority is established: calls through the contract need a session).
 */
export async function makeElection(opts: ElectionOptions = {}): Promise<{ ctx: BackendContext; dbFile: string; people: Record<string, number> }> {
  const dir = tempDir();
  const dbFile = join(dir, 'election.sqlite');
  const ctx = createContext({ dbFile, now: steppingClock(), actor: 'test' });
  createElection(ctx, {
    title: '测试社区居民委员会选举',
    community: '测试社区',
    body: 'residents',
    method: 'direct',
    date: '2026-05-16',
    registered: { source: 'roll' },
    rules: opts.rules ?? {},
    offices: opts.offices ?? [
      { id: 'chair', title: '主任', rank: 1, seats: 1 },
      { id: 'member', title: '委员', rank: 2, seats: 2 },
    ],
    candidates: opts.candidates ?? [
      { id: 'c1', name: '王芳', gender: 'female', office: 'chair' },
      { id: 'c2', name: '李强', gender: 'male', office: 'chair' },
      { id: 'm1', name: '张伟', gender: 'male', office: 'member' },
      { id: 'm2', name: '刘洋', gender: 'male', office: 'member' },
      { id: 'm3', name: '陈静', gender: 'female', office: 'member' },
    ],
    venues: [
      { id: 'central', name: '中心会场', kind: 'central' },
      ...(opts.withStation ? [{ id: 's1', name: '第一投票站', kind: 'station' as const }] : []),
    ],
    boxes: [
      { id: 'C1', name: '中心票箱', kind: 'central', venue: 'central' },
      ...(opts.withStation ? [{ id: 'S1', name: '投票站票箱', kind: 'station' as const, venue: 's1' }] : []),
    ],
    committee: [
      { name: '郭志明', position: 'chair' },
      { name: '何玉兰', position: 'member' },
    ],
    officials: [
      { name: '谢文', roles: ['chief-scrutineer'] },
      { name: '徐静', roles: ['scrutineer'] },
      { name: '胡斌', roles: ['caller'] },
      { name: '郑丽', roles: ['counter'] },
      { name: '马涛', roles: ['counter'] },
      { name: '孙丽', roles: ['desk'], venue: 'central' },
    ],
  });
  const voters = opts.voters ?? 20;
  await importRoll(ctx, { bytes: utf8(makeRollCsv(voters)), fileName: 'roll.csv' });
  const people: Record<string, number> = {};
  for (const p of listPeople(ctx)) people[p.name] = p.id;
  if (opts.authority === false) return { ctx, dbFile, people };
  const chair = people['郭志明']!;
  establishAuthority(
    ctx,
    chair,
    Object.values(people).filter((id) => id !== chair).map((person) => ({ person })),
    PIN,
  );
  return { ctx, dbFile, people };
}

export function certificateOf(i: number): string {
  return makeVoter(i).certificate;
}

/** Opens the poll of a round on the given boxes: round to voting, each box shown empty, sealed, voting, ballots received. */
export function openPoll(ctx: BackendContext, round: number, boxes: string[] = ['C1'], stock = 100): void {
  inTransaction(ctx.db, () => setRoundStatusTx(ctx, { round, status: 'voting' }));
  for (const box of boxes) {
    recordCustodyStep(ctx, { box, round, step: 'sealed-empty', seals: [`${box}-${round}-a`] });
    recordCustodyStep(ctx, { box, round, step: 'voting' });
    receiveBallots(ctx, { box, round, count: stock });
  }
}

/** Issues one ballot each to voters [from, from + n) at the box's desk. */
export function issue(ctx: BackendContext, round: number, from: number, n: number, desk = 'C1'): void {
  for (let i = from; i < from + n; i++) issueBallot(ctx, { certificate: certificateOf(i), round, desk });
}

/** Closes the poll: each box sealed closed, (carried and received if not central), its seals checked intact. */
export function closePoll(ctx: BackendContext, round: number, boxes: string[] = ['C1'], opts: { checkSeals?: boolean } = {}): void {
  for (const box of boxes) {
    recordCustodyStep(ctx, { box, round, step: 'sealed-closed', seals: [`${box}-${round}-b`] });
    if (box !== 'C1') {
      recordCustodyStep(ctx, { box, round, step: 'carried', carriers: ['孙丽', '朱红'] });
      recordCustodyStep(ctx, { box, round, step: 'received' });
    }
    if (opts.checkSeals !== false) {
      recordCustodyStep(ctx, { box, round, step: 'seal-checked', seals: [`${box}-${round}-a`, `${box}-${round}-b`], intact: true });
    }
  }
  inTransaction(ctx.db, () => setRoundStatusTx(ctx, { round, status: 'closed' }));
}

export function expectApiError(code: string, pattern?: RegExp): (err: unknown) => boolean {
  return (err: unknown) => {
    const e = err as { code?: string; message?: string };
    if (e.code !== code) throw err;
    if (pattern && !pattern.test(e.message ?? '')) throw err;
    return true;
  };
}

/** A committee member's approval of a decision, typed with the test PIN. */
export function approvalBy(person: number | undefined, pin = PIN): { person: number; pin: string } {
  if (person === undefined) throw new Error('approvalBy: no such person');
  return { person, pin };
}

/** Runs a whole round on box C1: poll, issuance to voters [0, n), count of the given ballots, result. */
export function runRound(ctx: BackendContext, round: number, ballots: BallotContent[], participants = ballots.length) {
  openPoll(ctx, round);
  issue(ctx, round, 0, participants);
  closePoll(ctx, round);
  openBox(ctx, { round, box: 'C1' });
  recordBallotsFound(ctx, { round, box: 'C1', found: ballots.length });
  for (const ballot of ballots) enterBallot(ctx, { round, box: 'C1', ballot });
  assert.equal(finishBox(ctx, { round, box: 'C1' }).accepted, true);
  return computeResults(ctx, round);
}

export function times<T>(n: number, v: T): T[] {
  return Array.from({ length: n }, () => v);
}
