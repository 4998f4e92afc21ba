import type { AuditEventMeaning } from './catalogue';

/** Audit events of the Party members' meeting (electron/backend/party). */
export const PARTY_AUDIT_EVENTS = {
  'party.member-excused': {
    zh: '党员经镇党委同意、党员大会通过，不计入应到会人数（附原因）',
    en: "Party member excused from the registered count with the town Party committee's and the meeting's approval, with reason",
  },
  'party.excusal-undone': { zh: '撤销党员不计入应到会人数（附原因）', en: "a member's excusal from the registered count undone, with reason" },
} as const satisfies Record<string, AuditEventMeaning>;
