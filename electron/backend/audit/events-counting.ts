import type { AuditEventMeaning } from './catalogue';

/**
 * Audit events of counting, results, later rounds and sign-offs (electron/backend/services/{counting,doubtful,
 * double-entry,results,rounds,signoff}). Ballot events carry round, box, sheet, position and what was read:
 * never anything about a voter.
 */
export const COUNTING_AUDIT_EVENTS = {
  'counting.setting-changed': { zh: '变更计票设置(双人录入)', en: 'counting setting changed (double entry)' },
  'counting.box-opened': { zh: '开箱计票', en: 'box opened for counting' },
  'counting.found-recorded': { zh: '清点票箱内选票数', en: 'ballots found in the box counted' },
  'counting.ballot-entered': { zh: '录入一张选票', en: 'ballot entered' },
  'counting.ballot-corrected': { zh: '更正已录入的选票', en: 'entered ballot corrected' },
  'counting.doubtful-ruled': { zh: '选委会对有疑问的选票作出认定', en: 'committee ruling on a doubtful ballot' },
  'counting.disagreement-settled': { zh: '监票人裁定双人录入不一致', en: 'double-entry disagreement settled by scrutineers' },
  'counting.box-accepted': { zh: '票箱计票完成并确认', en: 'box count accepted' },
  'counting.box-not-accepted': { zh: '票箱计票未能确认', en: 'box count not accepted (differences listed)' },
  'result.computed': { zh: '计算本轮选举结果', en: 'round result computed' },
  'round.created-from-result': { zh: '根据结果创建再次投票或另行选举', en: 'later round created from a result' },
  'signoff.signed': { zh: '签署本轮结果', en: 'round result signed' },
  'signoff.refused': { zh: '拒绝签署', en: 'sign-off refused' },
  'signoff.reopened': { zh: '重新开放计票,撤销全部签名', en: 'count reopened; every signature of the round revoked' },
} as const satisfies Record<string, AuditEventMeaning>;
