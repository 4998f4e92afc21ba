import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import type { issuanceContract } from '../../shared/api/issuance';
import type { AppClient } from '../api';

export type VoterQuery = Omit<z.input<typeof issuanceContract.listVoters.input>, 'offset' | 'limit'>;
export type ListedVoter = z.infer<typeof issuanceContract.listVoters.output>['voters'][number];

/** Rows asked for at a time: a screenful and some, so scrolling asks rarely and each answer stays small. */
export const PAGE_SIZE = 100;

export interface VoterPages {
  /** How many voters match (null until the first answer for this query). */
  total: number | null;
  /** The voter at a position, or undefined while its page is being fetched. */
  at(index: number): ListedVoter | undefined;
  /** Fetches the pages holding these positions if they are not here yet. */
  ensure(first: number, last: number): void;
  error: unknown;
}

/**
 * The roll matching a query, fetched a page at a time as rows come into view. A new query starts afresh; an answer
 * for an older query (typing is faster than answers) is dropped.
 */
export function useVoterPages(api: AppClient, query: VoterQuery, reloadKey = 0): VoterPages {
  const key = `${JSON.stringify(query)}#${reloadKey}`;
  const current = useRef({ key: '', pages: new Map<number, ListedVoter[]>(), asked: new Set<number>() });
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [, setVersion] = useState(0);

  const fetchPage = useCallback(
    (page: number) => {
      const mine = current.current;
      if (mine.asked.has(page)) return;
      mine.asked.add(page);
      api.call('listVoters', { ...query, offset: page * PAGE_SIZE, limit: PAGE_SIZE }).then(
        (answer) => {
          if (current.current !== mine) return;
          mine.pages.set(page, answer.voters);
          setTotal(answer.total);
          setError(null);
          setVersion((n) => n + 1);
        },
        (err: unknown) => {
          if (current.current !== mine) return;
          mine.asked.delete(page);
          setError(err);
        },
      );
    },
    // The query is captured through `key`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, key],
  );

  // Before the paint, not after it: the request leaves a frame sooner after each keystroke.
  useLayoutEffect(() => {
    current.current = { key, pages: new Map(), asked: new Set() };
    fetchPage(0);
  }, [key, fetchPage]);

  const at = (index: number) => {
    if (current.current.key !== key) return undefined;
    return current.current.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
  };
  const ensure = useCallback(
    (first: number, last: number) => {
      if (current.current.key !== key) return;
      for (let p = Math.floor(first / PAGE_SIZE); p <= Math.floor(last / PAGE_SIZE); p++) fetchPage(p);
    },
    [key, fetchPage],
  );
  return { total, at, ensure, error };
}
