import type { RulesRefusal, SetRulesInput, SetRulesOutput } from '../../../shared/api/setup';
import { ruleProfile, type RuleProfile } from '../../../shared/rules/profile';
import { appendAudit } from '../audit';
import { invalid, refused, type BackendContext, says } from '../context';
import { type Db, inTransaction } from '../db';
import { approvedWrite } from './approved-write';
import { refuseInTx, unwrap, type Refusal } from './roll-store';
import { setupWarnings } from './setup';
import { readOffices, requireElection } from './setup-read';

type RuleKey = keyof RuleProfile;

interface TrusteeOverLimit {
  name: string;
  group: string;
  certificate: string;
  holds: number;
}

/** Trustees holding more approved (unrevoked) proxies than `limit`, most first. */
function trusteesOver(db: Db, limit: number): TrusteeOverLimit[] {
  return db
    .prepare(
      `SELECT t.name, t.group_name AS "group", t.certificate, count(*) AS holds
       FROM proxy p JOIN voter t ON t.id = p.trustee_id
       WHERE p.revoked_at IS NULL
       GROUP BY p.trustee_id HAVING count(*) > ?
       ORDER BY holds DESC, t.id`,
    )
    .all(limit) as TrusteeOverLimit[];
}

/**
 * Changes keys of the rule profile (DOMAIN.md §9) after the election was created. Only before voting starts: round 1
 * must still be 'prepared' and no ballot issued, since the rules are part of what voters and candidates were told.
 * A lower proxyLimit is refused while approved proxies exceed it (the trustees are named; revoke some first).
 * A committee member approves the change with their PIN, checked before the write; they are named in the audit event.
 * One transaction: the new profile and an audit event with the old and new values; a refusal is audited alone.
 */
export function setRules(ctx: BackendContext, request: SetRulesInput, requestKey?: string): SetRulesOutput {
  const { approval, ...input } = request;
  const approvals = approval ? [approval] : [];
  const what = { zh: '更改计票规则', en: 'a rule change' };
  const call = { method: 'setRules', input: request, requestKey };
  return approvedWrite(ctx, call, approvals, { atLeast: 1, path: 'approval', what }, (approvers) => changeRules(ctx, input, approvers));
}

function changeRules(ctx: BackendContext, input: Omit<SetRulesInput, 'approval'>, approvers: { id: number; name: string }[]): SetRulesOutput {
  const result = inTransaction(ctx.db, (): Omit<SetRulesOutput, 'warnings'> | Refusal => {
    const db = ctx.db;
    const before = requireElection(db).rules;
    const no = (zh: string, en: string, details: RulesRefusal): Refusal =>
      refuseInTx(ctx, { type: 'election.rules-refused', subject: 'election', detail: { asked: { ...input }, reason: details.reason } }, refused(zh, en, details));

    const first = db.prepare('SELECT status FROM round WHERE number = 1').get() as { status: string } | undefined;
    const issued = (db.prepare('SELECT count(*) AS n FROM issuance').get() as { n: number }).n;
    if ((first && first.status !== 'prepared') || issued > 0) {
      const status = first?.status ?? 'prepared';
      return no(
        `投票已开始（第 1 轮状态：${status}），计票规则不能再更改`,
        `voting has started (round 1 is ${status}); the rule profile can no longer change`,
        { reason: 'voting-started', round: 1, status },
      );
    }

    if (input.minCommittee !== undefined) {
      const seats = readOffices(db).reduce((n, o) => n + o.seats, 0);
      if (seats > 0 && input.minCommittee > seats) {
        throw invalid('minCommittee', says('error.setup.smallestCommitteeMoreThan', { minCommittee: input.minCommittee, seats }));
      }
    }

    const after = ruleProfile.parse({ ...before, ...input });
    const changed = (Object.keys(after) as RuleKey[]).filter((k) => after[k] !== before[k]);
    if (changed.length === 0) return { rules: before, changed };

    if (after.proxyLimit < before.proxyLimit) {
      const over = trusteesOver(db, after.proxyLimit);
      if (over.length > 0) {
        const zhList = over.map((t) => `${t.name}（${t.group}，${t.holds} 人）`).join('、');
        const enList = over.map((t) => `${t.name} (${t.group}, ${t.holds})`).join(', ');
        const zhLimit = after.proxyLimit === 0 ? '不允许委托投票' : `每人最多接受委托 ${after.proxyLimit} 人`;
        const enLimit = after.proxyLimit === 0 ? 'no proxy voting' : `at most ${after.proxyLimit} ${after.proxyLimit === 1 ? 'proxy' : 'proxies'} per trustee`;
        return no(
          `改为${zhLimit}后，以下受委托人持有的经批准委托超过限额：${zhList}。请先撤销部分委托，再更改`,
          `with ${enLimit}, these trustees would hold more approved proxies than allowed: ${enList}. Revoke some of those proxies first, then change the limit`,
          { reason: 'proxies-over-limit', proxyLimit: after.proxyLimit, trustees: over },
        );
      }
    }

    db.prepare('UPDATE election SET rules_json = ? WHERE id = 1').run(JSON.stringify(after));
    const pick = (p: RuleProfile) => Object.fromEntries(changed.map((k) => [k, p[k]]));
    appendAudit(db, { type: 'election.rules-changed', at: ctx.now(), actor: ctx.actor, subject: 'election', detail: { from: pick(before), to: pick(after), ...(approvers.length > 0 ? { approvedBy: approvers } : {}) } });
    return { rules: after, changed };
  });
  const done = unwrap(result);
  return { ...done, warnings: setupWarnings(ctx.db) };
}
