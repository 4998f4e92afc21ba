import { useCallback, useLayoutEffect, useRef, useState } from 'react';

export interface PagedList<T> {
  /** How many rows match (null until the first answer; then the last answer's, until the new key's arrives). */
  total: number | null;
  /** The row at a position, or undefined while its page is on its way. */
  at(index: number): T | undefined;
  /** Asks for the pages holding these positions if they are not here yet. */
  ensure(first: number, last: number): void;
  error: unknown;
}

export type PageLoader<T> = (offset: number, limit: number) => Promise<{ total: number; rows: T[] }>;

/**
 * A long list read from the backend a page at a time as its rows come into view (with useRowWindow). A new `key`
 * (the filter the loader was made for) starts afresh; an answer for an older key is dropped.
 */
export function usePagedList<T>(load: PageLoader<T>, key: string, pageSize: number): PagedList<T> {
  const current = useRef({ key: '', pages: new Map<number, T[]>(), asked: new Set<number>() });
  const loader = useRef(load);
  loader.current = load;
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [, setVersion] = useState(0);

  const fetchPage = useCallback(
    (page: number) => {
      const mine = current.current;
      if (mine.asked.has(page)) return;
      mine.asked.add(page);
      loader.current(page * pageSize, pageSize).then(
        (answer) => {
          if (current.current !== mine) return;
          mine.pages.set(page, answer.rows);
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
    [pageSize],
  );

  useLayoutEffect(() => {
    // The old total stays until the new key's first answer, so a count on screen does not flicker while typing.
    current.current = { key, pages: new Map(), asked: new Set() };
    fetchPage(0);
  }, [key, fetchPage]);

  const at = (index: number) =>
    current.current.key === key ? current.current.pages.get(Math.floor(index / pageSize))?.[index % pageSize] : undefined;
  const ensure = useCallback(
    (first: number, last: number) => {
      if (current.current.key !== key) return;
      for (let p = Math.floor(first / pageSize); p <= Math.floor(last / pageSize); p++) fetchPage(p);
    },
    [key, fetchPage, pageSize],
  );
  return { total, at, ensure, error };
}
