import type { IssuanceContract } from '../../../shared/api/issuance';
import type { InputOf, OutputOf } from '../../../shared/api/envelope';
import { appendAudit } from '../audit';
import type { Approver } from '../authority/approvals';
import { refused, type BackendContext, says } from '../context';
import { inTransaction } from '../db';
import { approvedWrite } from './approved-write';
import { boxStock, lastCustodyStep, requireRound, resolveDesk } from './issuance';
import { stmt } from './roll-store';
import { certificateArg } from './voters';

type UndoInput = InputOf<IssuanceContract, 'undoLastIssue'>;
type UndoOutput = OutputOf<IssuanceContract, 'undoLastIssue'>;

interface LastIssue {
  id: number;
  certificate: string;
  name: string;
  group_name: string;
  request_key: string | null;
}

/**
 * Undoes the last ballot issued at a desk, approved by a committee member's PIN (checked before the write, so a
 * wrong PIN is counted even when the undo is refused) and answered once per request key. The issuance row goes
 * (the box's issued count follows by trigger), its request key is kept so a late re-send of it issues nothing,
 * and the audit log gets who approved and why. Nothing about a ballot's content exists to unlink.
 */
export function undoLastIssue(ctx: BackendContext, input: UndoInput, requestKey?: string): UndoOutput {
  const certificate = certificateArg(input.certificate);
  const what = { zh: '撤销本台最后一次发票', en: 'undoing the last issue at a desk' };
  const call = { method: 'undoLastIssue', input, requestKey };
  return approvedWrite(ctx, call, input.approval ? [input.approval] : [], { atLeast: 1, path: 'approval', what }, ([member]) =>
    undoInTx(ctx, input, certificate, member ?? null),
  );
}

function undoInTx(ctx: BackendContext, input: UndoInput, certificate: string, member: Approver | null): UndoOutput {
  return inTransaction(ctx.db, () => {
    const db = ctx.db;
    const round = requireRound(db, input.round);
    const here = resolveDesk(db, input.desk);
    if (round.status !== 'voting') {
      throw refused(says('error.desk.roundNoLongerOpen', { round: input.round }));
    }
    if (lastCustodyStep(db, here.box, input.round) !== 'voting') {
      throw refused(says('error.desk.undoBoxClosed', { boxName: here.boxName }));
    }
    const last = stmt(
      db,
      `SELECT i.id, v.certificate, v.name, v.group_name, i.request_key FROM issuance i JOIN voter v ON v.id = i.voter_id
       WHERE i.round_number = ? AND i.box_id = ? AND i.desk = ? ORDER BY i.id DESC LIMIT 1`,
    ).get(input.round, here.box, here.desk) as LastIssue | undefined;
    if (!last) {
      throw refused(says('error.desk.deskIssuedNoBallot', { desk: here.desk, round: input.round }));
    }
    if (last.certificate !== certificate) {
      throw refused(
        says('error.desk.onlyLastIssue', { certificate: last.certificate, name: last.name, certificate2: certificate }),
        { last: { certificate: last.certificate, name: last.name, group: last.group_name } },
      );
    }
    stmt(db, 'DELETE FROM issuance WHERE id = ?').run(last.id);
    if (last.request_key !== null) stmt(db, 'INSERT OR IGNORE INTO issuance_undone_key (request_key) VALUES (?)').run(last.request_key);
    appendAudit(db, {
      type: 'ballot.issue-undone',
      at: ctx.now(),
      actor: ctx.actor,
      subject: `certificate:${certificate}`,
      detail: { round: input.round, desk: here.desk, box: here.box, decidedBy: member, reason: input.reason },
    });
    return {
      voter: { name: last.name, group: last.group_name },
      certificate,
      round: input.round,
      box: here.box,
      desk: here.desk,
      stock: boxStock(db, here.box, input.round),
    };
  });
}
