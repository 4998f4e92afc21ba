import { useCallback, useEffect, useState } from 'react';
import { isPageId, type PageId } from './pages';

/**
 * A small hash router: `#/desk` or `#/counting/box-3` → page 'counting', rest ['box-3'].
 * Hash URLs work the same from app://station/ (Electron) and http:// (browser mode). Anything unknown is the Start page.
 */
export interface Route {
  page: PageId;
  rest: string[];
}

export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [first, ...rest] = parts;
  if (first !== undefined && isPageId(first)) return { page: first, rest };
  return { page: 'start', rest: [] };
}

export function hrefFor(page: PageId, ...rest: string[]): string {
  return `#/${[page, ...rest].map(encodeURIComponent).join('/')}`;
}

export function useHashRoute(): [Route, (page: PageId, ...rest: string[]) => void] {
  const [route, setRoute] = useState<Route>(() => parseHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const go = useCallback((page: PageId, ...rest: string[]) => {
    const href = hrefFor(page, ...rest);
    if (window.location.hash !== href) window.location.hash = href;
  }, []);
  return [route, go];
}
