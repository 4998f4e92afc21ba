import { basename } from 'node:path';
import type { CommitteeApproval } from '../../../shared/domain/authority';
import { appendAudit } from '../audit';
import { committeeApprovers, type Approver } from '../authority/approvals';
import { inTransaction } from '../db/transaction';
import { refused, says, type BackendContext } from '../context';
import { electionHead } from './drill-mark';

/** A round whose poll is open or whose count has begun: work that leaving the file would leave standing. */
export interface OpenWork {
  round: number;
  status: 'voting' | 'counting';
}

export interface LeaveConfirmation {
  approval: CommitteeApproval;
  /** The rounds the person was shown as open: the confirmation covers exactly these. */
  rounds: number[];
}

export function openWork(ctx: BackendContext): OpenWork[] {
  return ctx.db.prepare("SELECT number AS round, status FROM round WHERE status IN ('voting', 'counting') ORDER BY number").all() as OpenWork[];
}

const sameRounds = (open: readonly OpenWork[], confirmed: readonly number[]) =>
  open.length === confirmed.length && open.every((w, i) => w.round === [...confirmed].sort((a, b) => a - b)[i]);

/**
 * Leaving an election file while a round is open for voting or being counted needs a committee member's PIN and a
 * confirmation naming those rounds; refused otherwise, naming the first of them. Returns who approved (none when
 * nothing was open).
 */
export function checkLeave(ctx: BackendContext, confirm: LeaveConfirmation | undefined): { open: OpenWork[]; approver: Approver | null } {
  const open = openWork(ctx);
  if (open.length === 0) return { open, approver: null };
  if (confirm === undefined || !sameRounds(open, confirm.rounds)) {
    const first = open[0]!;
    const key = first.status === 'voting' ? 'error.files.leaveWhileVoting' : 'error.files.leaveWhileCounting';
    throw refused(says(key, { round: first.round }), { reason: 'work-open', open });
  }
  const [approver] = committeeApprovers(ctx, [confirm.approval], {
    atLeast: 1,
    path: 'leave.approval',
    what: { zh: '在投票或计票进行中切换选举文件', en: 'switching election files while voting or counting is under way' },
  });
  return { open, approver: approver ?? null };
}

const fileName = (file: string) => basename(file).replace(/\.sqlite$/, '');

/** The switch recorded in the file left (always) and in the file entered (when it holds an election: an empty file stays empty). */
export function auditSwitch(from: BackendContext, to: BackendContext, left: { open: OpenWork[]; approver: Approver | null }): void {
  const actor = from.actor;
  const fromName = fileName(from.db.name);
  const toName = fileName(to.db.name);
  inTransaction(from.db, () =>
    appendAudit(from.db, {
      type: 'election-file.left',
      at: from.now(),
      actor,
      subject: `file:${toName}`,
      detail: { to: toName, open: left.open.map((w) => ({ ...w })), approver: left.approver === null ? null : { ...left.approver } },
    }),
  );
  if (electionHead(to.db) === null) return;
  inTransaction(to.db, () =>
    appendAudit(to.db, { type: 'election-file.entered', at: to.now(), actor, subject: `file:${fromName}`, detail: { from: fromName } }),
  );
}
