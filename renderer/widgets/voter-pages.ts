import { useCallback } from 'react';
import { usePagedList, type PagedList } from '../ui/paged-list';
import type { z } from 'zod';
import type { issuanceContract } from '../../shared/api/issuance';
import type { AppClient } from '../api';

export type VoterQuery = Omit<z.input<typeof issuanceContract.listVoters.input>, 'offset' | 'limit'>;
export type ListedVoter = z.infer<typeof issuanceContract.listVoters.output>['voters'][number];

/** Rows asked for at a time: a screenful and some, so scrolling asks rarely and each answer stays small. */
export const PAGE_SIZE = 100;

export type VoterPages = PagedList<ListedVoter>;

/**
 * The roll matching a query, fetched a page at a time as rows come into view. A new query starts afresh; an answer
 * for an older query (typing is faster than answers) is dropped.
 */
export function useVoterPages(api: AppClient, query: VoterQuery, reloadKey = 0): VoterPages {
  const key = `${JSON.stringify(query)}#${reloadKey}`;
  const load = useCallback(
    (offset: number, limit: number) => api.call('listVoters', { ...query, offset, limit }).then((a) => ({ total: a.total, rows: a.voters })),
    // The query is captured through `key`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, key],
  );
  return usePagedList(load, key, PAGE_SIZE);
}
