import { z } from 'zod';
import type { Body, Method } from '../record/cer';
import { resolveProfile, type RuleProfile as RulesProfile } from '../rules/profile';

/** The per-election rule profile (DOMAIN.md §9) as stored: every key filled in. Defaults live in shared/rules/profile. */
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

export function resolveRuleProfile(body: Body, method: Method, totalSeats: number, given: RuleProfilePartial = {}): RuleProfile {
  const resolved: RulesProfile = resolveProfile({ body, method }, given, totalSeats);
  return ruleProfile.parse(resolved);
}
