import type { BackendContext } from '../context';
import { inTransaction } from '../db';
import { recordCustodyStep } from '../services/custody';
import { boxStock, exchangeSpoiled, issueBallot, receiveBallots, returnUnusedBallots } from '../services/issuance';
import { setRoundStatusTx } from '../services/setup-rounds';
import type { DrillClock } from './clock';
import { DRILL_BOXES } from './definition';
import type { DrillStaff, DrillVoter } from './phases-setup';
import { asStaff, staffCaller } from './staff';
import { runAsCaller } from '../authority/caller';
import type { Rng } from './prng';
import { phaseReporter, YIELD_EVERY, yieldToEventLoop, type ProgressListener } from './progress';

export interface VotingOutcome {
  round: number;
  turnout: number;
  issued: Map<string, number>;
  proxyBallots: number;
  assisted: number;
  spoiled: number;
}

const seals = (box: string, round: number, what: 'A' | 'B'): string[] => [`${box}-${round}${what}1`, `${box}-${round}${what}2`];

/** The desk for a voter: the box of their venue, or the mobile box for voters on its list. */
export function boxFor(v: DrillVoter): string {
  if (v.mobile) return 'M1';
  return DRILL_BOXES.find((b) => b.venue === v.votesAt && b.kind !== 'mobile')!.id;
}

/** Blank ballots handed to each desk: everyone who votes at its box, plus 3% and five spare. */
export function ballotsFor(expected: number): number {
  return expected + Math.ceil(expected * 0.03) + 5;
}

/**
 * Opens a round for voting at the start of the day: every box shown empty and sealed, the round set to voting,
 * each desk handed its blank ballots and its box opened for voting. Draws nothing from the drill's randomness, so
 * stopping here (a drill the officials go on with themselves) or going on gives the same database.
 */
export function openRoundForVoting(ctx: BackendContext, clock: DrillClock, opts: { round: number; voters: DrillVoter[]; opensAt: string; staff: DrillStaff }): void {
  const { round, staff } = opts;
  clock.set(opts.opensAt);
  for (const box of DRILL_BOXES) {
    asStaff(ctx, deskOf(staff, box), () => recordCustodyStep(ctx, { box: box.id, round, step: 'sealed-empty', seals: seals(box.id, round, 'A') }));
    clock.advance(60);
  }
  asStaff(ctx, staff.chairId, () => inTransaction(ctx.db, () => setRoundStatusTx(ctx, { round, status: 'voting' })));
  const expected = new Map<string, number>();
  for (const v of opts.voters) expected.set(boxFor(v), (expected.get(boxFor(v)) ?? 0) + 1);
  for (const box of DRILL_BOXES) {
    asStaff(ctx, deskOf(staff, box), () => {
      receiveBallots(ctx, { box: box.id, round, count: ballotsFor(expected.get(box.id) ?? 0) });
      recordCustodyStep(ctx, { box: box.id, round, step: 'voting' });
    });
  }
}

/**
 * Opens a round for voting and runs the day: empty boxes shown and sealed, blank ballots handed to each desk,
 * ballots issued to the voters who turn out (proxies through their trustees, some with a writing helper, some
 * spoiled ballots exchanged), then every box closed and sealed, unused ballots returned, and the boxes from the
 * stations and the mobile box carried to the central venue, received and their seals checked.
 */
export async function runVoting(
  ctx: BackendContext,
  rng: Rng,
  clock: DrillClock,
  opts: { round: number; voters: DrillVoter[]; turnout: number; staff: DrillStaff; carriers: Record<string, string[]>; hours: [string, string] },
  onProgress?: ProgressListener,
): Promise<VotingOutcome> {
  const { round } = opts;
  const r = rng.fork(`voting-${round}`);
  const { staff } = opts;
  openRoundForVoting(ctx, clock, { round, voters: opts.voters, opensAt: opts.hours[0], staff });
  const coming = opts.voters.filter((v) => r.chance(v.mobile ? Math.min(0.97, opts.turnout + 0.08) : opts.turnout));

  const report = phaseReporter(onProgress, 'voting', coming.length, round);
  const order = r.shuffle(coming);
  const start = clock.now().getTime();
  const span = Date.parse(`${clock.date}T00:00:00+08:00`) + minutes(opts.hours[1]) * 60_000 - start;
  const issued = new Map<string, number>();
  const byCertificate = new Map(opts.voters.map((v) => [v.certificate, v]));
  let proxyBallots = 0;
  let assisted = 0;
  let spoiled = 0;
  const deskCaller = new Map(DRILL_BOXES.map((b) => [b.id as string, staffCaller(ctx, deskOf(staff, b))]));
  for (const [i, v] of order.entries()) {
    if (i > 0 && i % YIELD_EVERY === 0) await yieldToEventLoop();
    clock.setMs(start + (span * i) / Math.max(1, order.length));
    const box = boxFor(v);
    const helperVenue = v.mobile ? 'central' : v.votesAt;
    const elderly = Number(v.birthDate.slice(0, 4)) <= Number(clock.date.slice(0, 4)) - 75;
    const needsHelp = r.chance(elderly ? 0.06 : 0.006);
    const helper = needsHelp ? staff.helpers.get(helperVenue) : undefined;
    // The desk staff of the box's venue issue (and exchange) the ballot.
    const out = runAsCaller(deskCaller.get(box)!, () => issueBallot(ctx, {
      certificate: v.certificate,
      round,
      desk: box,
      ...(v.proxyTo !== undefined && byCertificate.has(v.proxyTo) ? { trusteeCertificate: v.proxyTo } : {}),
      ...(helper !== undefined ? { helper } : {}),
    }));
    if (out.proxy) proxyBallots += 1;
    if (out.assisted) assisted += 1;
    issued.set(out.box, (issued.get(out.box) ?? 0) + 1);
    if (r.chance(0.004)) {
      runAsCaller(deskCaller.get(box)!, () => exchangeSpoiled(ctx, { round, desk: box }));
      spoiled += 1;
    }
    report(i + 1);
  }
  await yieldToEventLoop();

  clock.set(opts.hours[1]);
  for (const box of DRILL_BOXES) {
    asStaff(ctx, deskOf(staff, box), () => {
      recordCustodyStep(ctx, { box: box.id, round, step: 'sealed-closed', seals: seals(box.id, round, 'B') });
      // The desk counts the blank ballots still in hand and returns them, which balances the box's stock.
      const left = boxStock(ctx.db, box.id, round).inHand;
      if (left > 0) returnUnusedBallots(ctx, { box: box.id, round, count: left });
    });
    clock.advance(120);
  }
  asStaff(ctx, staff.chairId, () => inTransaction(ctx.db, () => setRoundStatusTx(ctx, { round, status: 'closed' })));
  // The desk hands its box to the carriers; at the central venue the chief scrutineer receives it and checks its seals.
  for (const box of DRILL_BOXES) {
    if (box.kind !== 'central') {
      asStaff(ctx, deskOf(staff, box), () => recordCustodyStep(ctx, { box: box.id, round, step: 'carried', carriers: opts.carriers[box.id] ?? ['工作人员甲', '工作人员乙'] }));
      clock.advance(900);
      asStaff(ctx, staff.chiefScrutineer, () => recordCustodyStep(ctx, { box: box.id, round, step: 'received' }));
    }
    clock.advance(60);
    asStaff(ctx, staff.chiefScrutineer, () => recordCustodyStep(ctx, {
      box: box.id,
      round,
      step: 'seal-checked',
      seals: [...seals(box.id, round, 'A'), ...seals(box.id, round, 'B')],
      intact: true,
    }));
  }
  return { round, turnout: coming.length, issued, proxyBallots, assisted, spoiled };
}

/** The desk staff who keep a box: those of its venue (the mobile box's team sets out from the central venue). */
function deskOf(staff: DrillStaff, box: { venue: string }): number {
  const desk = staff.desks.get(box.venue);
  if (desk === undefined) throw new Error(`drill: no desk staff at ${box.venue}`);
  return desk;
}

function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}
