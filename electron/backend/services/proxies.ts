import type { IssuanceContract } from '../../../shared/api/issuance';
import type { InputOf, OutputOf } from '../../../shared/api/envelope';
import { appendAudit } from '../audit';
import type { Approver } from '../authority/approvals';
import { refused, type BackendContext, says } from '../context';
import { type Db, inTransaction } from '../db';
import { candidatesNamed } from './people';
import { approvedWrite } from './approved-write';
import { refuseInTx, requireVoter, stmt, unwrap, type Refusal, type VoterRow } from './roll-store';
import { requireElection } from './setup-read';
import { certificateArg } from './voters';

type PersonRef = { name: string; group: string };
const ref = (v: VoterRow): PersonRef => ({ name: v.name, group: v.group_name });

function activeProxiesHeldBy(db: Db, trusteeId: number): number {
  return (stmt(db, 'SELECT count(*) AS n FROM proxy WHERE trustee_id = ? AND revoked_at IS NULL').get(trusteeId) as { n: number }).n;
}

function activeProxyOf(db: Db, voterId: number): { id: number; trustee_id: number } | undefined {
  return stmt(db, 'SELECT id, trustee_id FROM proxy WHERE voter_id = ? AND revoked_at IS NULL').get(voterId) as
    | { id: number; trustee_id: number }
    | undefined;
}

/**
 * Approves a proxy (委托投票), decided beforehand by the committee and published. The trustee must be a registered
 * voter, not a candidate, may hold at most `proxyLimit` proxies, and neither side may be part of another proxy
 * (a voter who gave a proxy surrendered the certificate; proxies are not passed on). None at all where the
 * profile's proxyLimit is 0 (Party elections). Every refusal is recorded in the audit log. A committee member
 * approves with their PIN (checked first) and is recorded with the proxy.
 */
export function approveProxy(
  ctx: BackendContext,
  input: InputOf<IssuanceContract, 'approveProxy'>,
  requestKey?: string,
): OutputOf<IssuanceContract, 'approveProxy'> {
  const voterCert = certificateArg(input.voter, 'voter');
  const trusteeCert = certificateArg(input.trustee, 'trustee');
  const limit = requireElection(ctx.db).rules.proxyLimit;
  const what = { zh: '批准委托投票', en: 'a proxy approval' };
  const call = { method: 'approveProxy', input, requestKey };
  return approvedWrite(ctx, call, input.approval ? [input.approval] : [], { atLeast: 1, path: 'approval', what }, ([member]) =>
    unwrap(recordProxy(ctx, voterCert, trusteeCert, limit, member ?? null)),
  );
}

function recordProxy(ctx: BackendContext, voterCert: string, trusteeCert: string, limit: number, member: Approver | null) {
  return inTransaction(ctx.db, () => {
    const db = ctx.db;
    const voter = requireVoter(db, voterCert);
    const trustee = requireVoter(db, trusteeCert);
    const no = (zh: string, en: string, reason: string): Refusal =>
      refuseInTx(
        ctx,
        { type: 'proxy.refused', subject: `certificate:${voter.certificate}`, detail: { voter: voter.name, trustee: trustee.name, trusteeCertificate: trustee.certificate, reason } },
        refused(zh, en, { reason }),
      );
    const removed = [voter, trustee].find((v) => v.removed_at !== null);
    if (removed) return no(`${removed.name} 已从选民名单除名`, `${removed.name} was removed from the roll`, 'removed-from-roll');
    if (limit === 0) return no('本次选举不允许委托投票', 'proxy voting is not allowed in this election', 'proxy-forbidden');
    if (voter.id === trustee.id) return no('选民不能委托自己', 'a voter cannot be their own trustee', 'self');
    if (activeProxyOf(db, voter.id)) {
      return no(`${voter.name} 已有经批准的委托`, `${voter.name} already has an approved proxy`, 'voter-already-gave-proxy');
    }
    if (activeProxiesHeldBy(db, voter.id) > 0) {
      return no(`${voter.name} 本人是受委托人，不能再委托他人`, `${voter.name} is a trustee and cannot give a proxy`, 'voter-is-trustee');
    }
    if (activeProxyOf(db, trustee.id)) {
      return no(`${trustee.name} 已委托他人投票，不能再接受委托`, `${trustee.name} gave a proxy and cannot be a trustee`, 'trustee-gave-proxy');
    }
    const asCandidate = candidatesNamed(db, trustee.name_key, trustee.id_number);
    if (asCandidate.length > 0) {
      return no(`${trustee.name} 是候选人（${asCandidate[0]!.office_title}），不能接受委托`,
        `${trustee.name} is a candidate (${asCandidate[0]!.office_title}) and cannot be a trustee`, 'trustee-is-candidate');
    }
    const holds = activeProxiesHeldBy(db, trustee.id);
    if (holds >= limit) {
      return no(`${trustee.name} 已接受 ${holds} 人委托，达到上限 ${limit} 人`,
        `${trustee.name} already holds ${holds} proxies, the limit is ${limit}`, 'trustee-at-limit');
    }
    if (stmt(db, 'SELECT 1 FROM issuance WHERE voter_id = ?').get(voter.id)) {
      return no(`${voter.name} 已领取过选票，不能再委托`, `${voter.name} has already received a ballot; no proxy now`, 'voter-already-voted');
    }
    const at = ctx.now().toISOString();
    db.prepare('INSERT INTO proxy (voter_id, trustee_id, approved_by, approved_at) VALUES (?, ?, ?, ?)').run(voter.id, trustee.id, member?.id ?? null, at);
    appendAudit(db, {
      type: 'proxy.approved',
      at,
      actor: ctx.actor,
      subject: `certificate:${voter.certificate}`,
      detail: { voter: voter.name, trustee: trustee.name, trusteeCertificate: trustee.certificate, approvedBy: member },
    });
    return { voter: ref(voter), trustee: ref(trustee), trusteeHolds: holds + 1, proxyLimit: limit };
  });
}

/** Withdraws an approved proxy (a committee decision with its reason); not once a ballot went out on it. */
export function revokeProxy(
  ctx: BackendContext,
  input: InputOf<IssuanceContract, 'revokeProxy'>,
  requestKey?: string,
): OutputOf<IssuanceContract, 'revokeProxy'> {
  const cert = certificateArg(input.voter, 'voter');
  const what = { zh: '撤销委托投票', en: 'revoking a proxy' };
  const call = { method: 'revokeProxy', input, requestKey };
  return approvedWrite(ctx, call, input.approval ? [input.approval] : [], { atLeast: 1, path: 'approval', what }, ([member]) =>
    withdrawProxy(ctx, cert, input.reason, member ?? null),
  );
}

function withdrawProxy(ctx: BackendContext, cert: string, reason: string, member: Approver | null): OutputOf<IssuanceContract, 'revokeProxy'> {
  return inTransaction(ctx.db, () => {
    const db = ctx.db;
    const voter = requireVoter(db, cert);
    const proxy = activeProxyOf(db, voter.id);
    if (!proxy) throw refused(says('error.desk.noApprovedProxy', { name: voter.name }));
    if (stmt(db, 'SELECT 1 FROM issuance WHERE voter_id = ?').get(voter.id)) {
      throw refused(says('error.desk.ballotAlreadyIssuedProxy'));
    }
    const at = ctx.now().toISOString();
    db.prepare('UPDATE proxy SET revoked_at = ?, revoked_reason = ?, revoked_by = ? WHERE id = ?').run(at, reason, member?.id ?? null, proxy.id);
    appendAudit(db, {
      type: 'proxy.revoked',
      at,
      actor: ctx.actor,
      subject: `certificate:${voter.certificate}`,
      detail: { voter: voter.name, decidedBy: member, reason },
    });
    return { revoked: true as const };
  });
}

/** The approved proxies, for publication: names and groups only. */
export function listProxies(db: Db): OutputOf<IssuanceContract, 'listProxies'> {
  const rows = db
    .prepare(
      `SELECT v.name AS vn, v.group_name AS vg, t.name AS tn, t.group_name AS tg, p.approved_at
       FROM proxy p JOIN voter v ON v.id = p.voter_id JOIN voter t ON t.id = p.trustee_id
       WHERE p.revoked_at IS NULL ORDER BY t.group_name, t.name_key, v.name_key`,
    )
    .all() as { vn: string; vg: string; tn: string; tg: string; approved_at: string }[];
  return rows.map((r) => ({ voter: { name: r.vn, group: r.vg }, trustee: { name: r.tn, group: r.tg }, approvedAt: r.approved_at }));
}
