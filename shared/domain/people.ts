import { z } from 'zod';
import { text, TEXT_LIMITS } from './text';

export const OFFICIAL_ROLES = [
  'chief-scrutineer',
  'scrutineer',
  'caller',
  'counter',
  'chief-counter',
  'desk',
  'writing-helper',
] as const;
export type OfficialRole = (typeof OFFICIAL_ROLES)[number];

export const OFFICIAL_ROLE_NAMES: Record<OfficialRole, { zh: string; en: string }> = {
  'chief-scrutineer': { zh: '总监票人', en: 'chief scrutineer' },
  scrutineer: { zh: '监票人', en: 'scrutineer' },
  caller: { zh: '唱票人', en: 'caller' },
  counter: { zh: '计票人', en: 'counter' },
  'chief-counter': { zh: '总计票人', en: 'chief counter' },
  desk: { zh: '验证发票员', en: 'desk staff' },
  'writing-helper': { zh: '代书人', en: 'writing helper' },
};

/** Close relatives of DOMAIN.md §8, as "<relative> is the <kind> of <candidate>". */
export const RELATION_KINDS = ['spouse', 'parent', 'child', 'sibling', 'grandparent', 'grandchild'] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];

export const RELATION_NAMES: Record<RelationKind, { zh: string; en: string }> = {
  spouse: { zh: '配偶', en: 'spouse' },
  parent: { zh: '父母', en: 'parent' },
  child: { zh: '子女', en: 'child' },
  sibling: { zh: '兄弟姐妹', en: 'sibling' },
  grandparent: { zh: '祖父母/外祖父母', en: 'grandparent' },
  grandchild: { zh: '孙子女/外孙子女', en: 'grandchild' },
};

export const COMMITTEE_POSITIONS = ['chair', 'vice-chair', 'member'] as const;
export type CommitteePosition = (typeof COMMITTEE_POSITIONS)[number];

const personName = text(TEXT_LIMITS.name).trim().min(1, 'name must not be empty');
/** Mainland resident ID: 17 digits and a digit or X (checked loosely; the roll import checks it fully). */
export const idNumber = z.string().regex(/^\d{17}[\dXx]$/, 'ID number must be 18 characters: 17 digits and a digit or X');

export const committeeMemberInput = z.strictObject({
  name: personName,
  position: z.enum(COMMITTEE_POSITIONS).default('member'),
  idNumber: idNumber.optional(),
});

export const officialInput = z.strictObject({
  name: personName,
  roles: z.array(z.enum(OFFICIAL_ROLES)).min(1, 'at least one role'),
  venue: text(TEXT_LIMITS.name).min(1).optional(),
  idNumber: idNumber.optional(),
});

export const relativeInput = z.strictObject({
  name: personName,
  candidate: personName,
  kind: z.enum(RELATION_KINDS),
});

export { personName };
