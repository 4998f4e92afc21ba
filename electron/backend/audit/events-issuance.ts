import type { AuditEventMeaning } from './catalogue';

/** Audit events of the roll, proxies, desks, ballot stock and issuance (electron/backend/services/{roll,voters,proxies,issuance}). */
export const ISSUANCE_AUDIT_EVENTS = {
  'roll.imported': { zh: '导入选民名单', en: 'voter roll imported (all rows)' },
  'roll.import-rejected': { zh: '选民名单有误，未导入', en: 'voter roll rejected: it has errors, nothing was imported' },
  'voter.assigned': { zh: '按居民小组分配投票地点', en: 'voters of a residents\' group assigned to a venue' },
  'voter.reassigned': { zh: '选委会决定变更选民投票地点', en: 'voter reassigned by a committee decision' },
  'proxy.approved': { zh: '批准委托投票', en: 'proxy approved' },
  'proxy.refused': { zh: '拒绝委托投票', en: 'proxy refused' },
  'proxy.revoked': { zh: '撤销委托投票', en: 'proxy revoked' },
  'desk.added': { zh: '设立验证发票处', en: 'issuance desk set up' },
  'stock.received': { zh: '票箱领取空白选票', en: 'blank ballots received for a box' },
  'stock.returned': { zh: '交回未用选票', en: 'unused ballots returned' },
  'ballot.issued': { zh: '发放选票', en: 'ballot issued' },
  'ballot.refused': { zh: '拒绝发放选票', en: 'ballot refused at the desk' },
  'ballot.issue-undone': { zh: '撤销本台最后一次发票（选委会成员确认）', en: 'last issue at a desk undone (approved by a committee member)' },
  'ballot.assisted': { zh: '记录代写', en: 'assisted writing recorded' },
  /** Files made before exchanges were tallied per box (services/spoiled.ts) hold one such event per exchange. */
  'ballot.spoiled-exchanged': { zh: '废票调换', en: 'spoiled ballot exchanged' },
  'ballot.spoiled-tallied': { zh: '票箱废票调换数（投票结束时合计）', en: 'spoiled ballots exchanged at a box, counted when it closed' },
} as const satisfies Record<string, AuditEventMeaning>;
