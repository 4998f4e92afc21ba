import { z } from 'zod';
import type { Body, Method } from '../record/cer';

/** The per-election rule profile (DOMAIN.md §9). Every key is filled in once the election is created. */
export const ruleProfile = z.strictObject({
  overvote: z.enum(['void-section', 'void-ballot']),
  samePersonInTwoOffices: z.enum(['void-ballot', 'count-higher-office']),
  minCommittee: z.int().nonnegative(),
  tieRevoteThreshold: z.enum(['over-third-of-participants', 'none']),
  supplementaryThreshold: z.enum(['third-of-ballots-cast', 'none']),
  proxyLimit: z.int().nonnegative(),
  requireWoman: z.boolean(),
});
export type RuleProfile = z.infer<typeof ruleProfile>;

/** What an election definition may say: any subset of the profile; the rest comes from the defaults. */
export const ruleProfilePartial = ruleProfile.partial();
export type RuleProfilePartial = z.infer<typeof ruleProfilePartial>;

/**
 * Defaults of DOMAIN.md §9 for a body and method. minCommittee for Party and supervisory committees is "every
 * seat", so it needs the total seats.
 */
export function defaultRuleProfile(body: Body, method: Method, totalSeats: number): RuleProfile {
  return {
    overvote: 'void-section',
    samePersonInTwoOffices: 'void-ballot',
    minCommittee: body === 'residents' ? 5 : totalSeats,
    tieRevoteThreshold: body === 'residents' && method === 'direct' ? 'over-third-of-participants' : 'none',
    supplementaryThreshold: 'third-of-ballots-cast',
    proxyLimit: body === 'party' ? 0 : 3,
    requireWoman: body === 'residents',
  };
}

export function resolveRuleProfile(body: Body, method: Method, totalSeats: number, given: RuleProfilePartial = {}): RuleProfile {
  const base = defaultRuleProfile(body, method, totalSeats);
  const out: RuleProfile = { ...base };
  for (const key of Object.keys(given) as (keyof RuleProfile)[]) {
    const v = given[key];
    if (v !== undefined) (out as Record<string, unknown>)[key] = v;
  }
  return out;
}
