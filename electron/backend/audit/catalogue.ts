/**
 * Every audit event type, with what it means. appendAudit refuses a type not listed here.
 * Other areas keep their own lists in audit/events-<area>.ts and add one spread line below.
 */
import { ISSUANCE_AUDIT_EVENTS } from './events-issuance';
import { SEAL_AUDIT_EVENTS } from './events-seal';
import { COUNTING_AUDIT_EVENTS } from './events-counting';
import { SETUP_AUDIT_EVENTS } from './events-setup';
import { STATION_AUDIT_EVENTS } from './events-stations';
import { CERTIFICATE_AUDIT_EVENTS } from './events-certificates';
import { ROLL_AUDIT_EVENTS } from './events-roll';
import { NOMINATION_AUDIT_EVENTS } from './events-nomination';
import { EDIT_AUDIT_EVENTS } from './events-edits';
import { REPRESENTATIVE_AUDIT_EVENTS } from './events-representatives';
import { PARTY_AUDIT_EVENTS } from './events-party';
import { CANDIDATE_FIELDS_AUDIT_EVENTS } from './events-candidate-fields';
import { FILE_AUDIT_EVENTS } from './events-files';

export interface AuditEventMeaning {
  zh: string;
  en: string;
}

export const CORE_AUDIT_EVENTS = {
  'election.created': { zh: '创建选举', en: 'election created from its definition' },
  'election.registered-set': { zh: '设定登记人数', en: 'registered count set (Party meeting, after exclusions)' },
  'party.exclusion-added': { zh: '登记应到会人数时排除党员(附原因)', en: 'member excluded from the registered count, with reason' },
  'office.added': { zh: '添加职位', en: 'office added' },
  'candidate.added': { zh: '添加候选人', en: 'candidate added' },
  'candidate.refused': { zh: '拒绝添加候选人', en: 'candidate refused' },
  'candidate.changed': { zh: '更正候选人(附原因,前后值)', en: 'candidate corrected, with reason and old/new values' },
  'candidate.removed': { zh: '删除候选人(附原因)', en: 'candidate removed, with reason' },
  'office.changed': { zh: '更正职位(附原因,前后值)', en: 'office corrected, with reason and old/new values' },
  'office.removed': { zh: '删除职位(附原因)', en: 'office removed, with reason' },
  'venue.added': { zh: '添加会场/投票站', en: 'venue added' },
  'box.added': { zh: '添加票箱', en: 'ballot box added' },
  'box.staff-set': { zh: '设定流动票箱工作人员', en: 'mobile box staff set' },
  'person.added': { zh: '登记工作人员', en: 'person registered' },
  'committee.member-added': { zh: '选委会成员加入', en: 'election committee member added' },
  'committee.member-left': { zh: '选委会成员退出', en: 'election committee member left' },
  'official.role-granted': { zh: '任命工作人员职务', en: 'official role granted' },
  'official.role-revoked': { zh: '撤销工作人员职务', en: 'official role revoked' },
  'official.role-refused': { zh: '拒绝任命(候选人或其近亲属)', en: 'official role refused (candidate or close relative)' },
  'relative.declared': { zh: '申报候选人近亲属', en: 'close relative of a candidate declared' },
  'pin.set': { zh: '设定个人密码', en: 'personal PIN set' },
  'pin.failed': { zh: '个人密码错误', en: 'wrong personal PIN' },
  'pin.reset': { zh: '选委会成员重设个人密码', en: 'personal PIN reset by a committee member' },
  'session.signed-in': { zh: '登录', en: 'signed in' },
  'session.signed-out': { zh: '登出', en: 'signed out' },
  'access.refused': { zh: '无权进行的操作被拒绝', en: 'action refused: not in the person\'s roles' },
  'round.created': { zh: '创建投票轮次', en: 'round created' },
  'round.status-changed': { zh: '轮次状态变更', en: 'round status changed' },
  'custody.step': { zh: '票箱保管环节', en: 'box custody step recorded' },
  'custody.flagged': { zh: '票箱封条异常,已标记', en: 'box flagged: seal broken or numbers differ' },
  'custody.decision': { zh: '选委会就异常票箱作出决定', en: 'committee decision on a flagged box' },
} as const satisfies Record<string, AuditEventMeaning>;

export const AUDIT_EVENTS: Readonly<Record<string, AuditEventMeaning>> = {
  ...CORE_AUDIT_EVENTS,
  ...ISSUANCE_AUDIT_EVENTS,
  ...SEAL_AUDIT_EVENTS,
  ...COUNTING_AUDIT_EVENTS,
  ...SETUP_AUDIT_EVENTS,
  ...STATION_AUDIT_EVENTS,
  ...CERTIFICATE_AUDIT_EVENTS,
  ...ROLL_AUDIT_EVENTS,
  ...NOMINATION_AUDIT_EVENTS,
  ...EDIT_AUDIT_EVENTS,
  ...REPRESENTATIVE_AUDIT_EVENTS,
  ...PARTY_AUDIT_EVENTS,
  ...CANDIDATE_FIELDS_AUDIT_EVENTS,
  ...FILE_AUDIT_EVENTS,
};

export type CoreAuditEventType = keyof typeof CORE_AUDIT_EVENTS;

export function describeAuditEvent(type: string): AuditEventMeaning | undefined {
  return Object.prototype.hasOwnProperty.call(AUDIT_EVENTS, type) ? AUDIT_EVENTS[type] : undefined;
}
