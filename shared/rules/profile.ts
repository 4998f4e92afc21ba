import type { Body, Method, RuleProfileInput } from '../record';

/** The rule profile of one election (DOMAIN.md §9) with every key resolved. */
export interface RuleProfile {
  overvote: 'void-section' | 'void-ballot';
  samePersonInTwoOffices: 'void-ballot' | 'count-higher-office';
  /** Fewer distinct persons elected than this makes a supplementary election required. */
  minCommittee: number;
  tieRevoteThreshold: 'over-third-of-participants' | 'none';
  supplementaryThreshold: 'third-of-ballots-cast' | 'none';
  requireWoman: boolean;
  /** Most proxies one trustee may hold (0: proxy voting forbidden). Not part of cer/1. */
  proxyLimit: number;
}

/** cer/1's optional rules plus the app-only proxyLimit. */
export type RuleProfileOverrides = RuleProfileInput & { proxyLimit?: number };

export function defaultProxyLimit(body: Body): number {
  return body === 'party' ? 0 : 3;
}

/** Fills every key the election did not set with the default for its body and method. */
export function resolveProfile(
  election: { body: Body; method: Method },
  rules: RuleProfileOverrides | undefined,
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
    requireWoman: rules?.requireWoman ?? residents,
    proxyLimit: rules?.proxyLimit ?? defaultProxyLimit(election.body),
  };
}
