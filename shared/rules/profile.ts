import { z } from 'zod';
import { ruleProfileInput, type Body, type Method } from '../record/cer';

/**
 * The rule profile of one election (DOMAIN.md §9) with every key resolved, as stored. cer/1 carries the optional
 * keys (ruleProfileInput); proxyLimit is the app's own (most proxies one trustee may hold, 0: proxy voting forbidden).
 * The key order is the stored order (rules_json, audit details).
 */
export const ruleProfile = z.strictObject({
  ...ruleProfileInput.required().omit({ requireWoman: true }).shape,
  proxyLimit: z.int().nonnegative(),
  requireWoman: z.boolean(),
});
export type RuleProfile = z.infer<typeof ruleProfile>;

/** What an election definition or a rule change may say: any subset of the profile; the rest comes from the defaults. */
export const ruleProfilePartial = ruleProfile.partial();
export type RuleProfilePartial = z.infer<typeof ruleProfilePartial>;

export function defaultProxyLimit(body: Body): number {
  return body === 'party' ? 0 : 3;
}

/** Fills every key the election did not set with the default for its body and method. */
export function resolveProfile(
  election: { body: Body; method: Method },
  rules: RuleProfilePartial | undefined,
  totalSeats: number,
): RuleProfile {
  const residents = election.body === 'residents';
  return {
    overvote: rules?.overvote ?? 'void-section',
    samePersonInTwoOffices: rules?.samePersonInTwoOffices ?? 'void-ballot',
    minCommittee: rules?.minCommittee ?? (residents ? 5 : totalSeats),
    tieRevoteThreshold:
      rules?.tieRevoteThreshold ?? (residents && election.method === 'direct' ? 'over-third-of-participants' : 'none'),
    supplementaryThreshold: rules?.supplementaryThreshold ?? 'third-of-ballots-cast',
    proxyLimit: rules?.proxyLimit ?? defaultProxyLimit(election.body),
    requireWoman: rules?.requireWoman ?? residents,
  };
}
