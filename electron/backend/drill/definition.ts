import type { ElectionDefinitionInput } from '../../../shared/domain/election';
import type { OfficialRole } from '../../../shared/domain/people';
import { distinctName, type Gender } from './names';
import type { Rng } from './prng';

export const DRILL_VENUES = [
  { id: 'central', name: '社区党群服务中心（中心会场）', kind: 'central' },
  { id: 'east', name: '第一投票站（东区活动室）', kind: 'station' },
  { id: 'west', name: '第二投票站（西区老年活动中心）', kind: 'station' },
] as const;

export const DRILL_BOXES = [
  { id: 'C1', name: '中心会场票箱', kind: 'central', venue: 'central' },
  { id: 'E1', name: '第一投票站票箱', kind: 'station', venue: 'east' },
  { id: 'W1', name: '第二投票站票箱', kind: 'station', venue: 'west' },
  { id: 'M1', name: '流动票箱', kind: 'mobile', venue: 'central' },
] as const;

/** Which residents' groups vote where (the rest at the central venue). */
export const DRILL_GROUP_VENUES: Record<string, string> = {
  第五居民小组: 'east',
  第六居民小组: 'east',
  第七居民小组: 'west',
  第八居民小组: 'west',
};

/** Officials who sign the result of every round (DOMAIN.md §8), besides the committee chair. */
export const SIGNING_ROLES = ['chief-scrutineer', 'scrutineer', 'caller', 'counter', 'chief-counter'] as const satisfies readonly OfficialRole[];

export interface DrillPeople {
  /** Officials by role, with the venue of desk staff and writing helpers. */
  officials: { name: string; roles: OfficialRole[]; venue?: string }[];
  committee: { name: string; position: 'chair' | 'vice-chair' | 'member' }[];
  mobileStaff: string[];
  carriers: Record<string, string[]>;
}

export interface DrillDefinition {
  definition: ElectionDefinitionInput;
  people: DrillPeople;
  /** Every name used so far (normalised), so write-ins and later names can avoid or reuse them on purpose. */
  taken: Set<string>;
}

/**
 * A residents' committee election (chair 1, vice-chair 1, members 3) flagged as a drill: candidates within the margin
 * rules (seats + 1 for chair and vice-chair, seats + 1 or + 2 for members, at least one woman), three venues, four
 * boxes (one mobile with a team of three), an election committee of five and the officials of the day.
 */
export function drillDefinition(rng: Rng, opts: { date: string; community: string }): DrillDefinition {
  const taken = new Set<string>();
  const name = (g: Gender): string => distinctName(rng, g, taken);
  const gender = (): Gender => (rng.chance(0.45) ? 'female' : 'male');
  const candidates: { name: string; gender: Gender; office: string }[] = [];
  const add = (office: string, n: number): void => {
    for (let i = 0; i < n; i++) {
      const g = gender();
      candidates.push({ name: name(g), gender: g, office });
    }
  };
  add('chair', 2);
  add('vice', 2);
  add('member', 3 + rng.int(1, 2));
  if (!candidates.some((c) => c.office === 'member' && c.gender === 'female')) {
    const g: Gender = 'female';
    candidates.push({ name: name(g), gender: g, office: 'member' });
    if (candidates.filter((c) => c.office === 'member').length > 5) {
      candidates.splice(candidates.findIndex((c) => c.office === 'member' && c.gender === 'male'), 1);
    }
  }
  const committee: DrillPeople['committee'] = [
    { name: name(gender()), position: 'chair' },
    { name: name(gender()), position: 'vice-chair' },
    { name: name(gender()), position: 'member' },
    { name: name(gender()), position: 'member' },
    { name: name(gender()), position: 'member' },
  ];
  const officials: DrillPeople['officials'] = [
    { name: name(gender()), roles: ['chief-scrutineer'] },
    { name: name(gender()), roles: ['scrutineer'] },
    { name: name(gender()), roles: ['scrutineer'] },
    { name: name(gender()), roles: ['caller'] },
    { name: name(gender()), roles: ['counter'] },
    { name: name(gender()), roles: ['counter'] },
    { name: name(gender()), roles: ['chief-counter'] },
  ];
  for (const v of DRILL_VENUES) {
    officials.push({ name: name(gender()), roles: ['desk'], venue: v.id });
    officials.push({ name: name(gender()), roles: ['writing-helper'], venue: v.id });
  }
  const mobileStaff = [name(gender()), name(gender()), name(gender())];
  const carriers: Record<string, string[]> = {
    E1: [name(gender()), name(gender())],
    W1: [name(gender()), name(gender())],
    M1: mobileStaff.slice(0, 2),
  };
  const year = opts.date.slice(0, 4);
  const definition: ElectionDefinitionInput = {
    title: `【演练】${opts.community}居民委员会换届选举（${year}年）`,
    community: opts.community,
    body: 'residents',
    method: 'direct',
    date: opts.date,
    drill: true,
    registered: { source: 'roll' },
    offices: [
      { id: 'chair', title: '主任', rank: 1, seats: 1 },
      { id: 'vice', title: '副主任', rank: 2, seats: 1 },
      { id: 'member', title: '委员', rank: 3, seats: 3 },
    ],
    candidates,
    venues: DRILL_VENUES.map((v) => ({ ...v })),
    boxes: DRILL_BOXES.map((b) => (b.kind === 'mobile' ? { ...b, staff: mobileStaff } : { ...b })),
    committee,
    officials,
  };
  return { definition, people: { officials, committee, mobileStaff, carriers }, taken };
}
