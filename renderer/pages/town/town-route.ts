import { useEffect, useState } from 'react';

/** The town-mode pages, as hash routes under #/town (#/town/registry …); #/town alone is the board. */
export const TOWN_TABS = ['board', 'registry', 'communities', 'import', 'file'] as const;
export type TownTab = (typeof TOWN_TABS)[number];

export function isTownHash(hash: string): boolean {
  return /^#\/town(\/|$)/.test(hash);
}

/** The tab of a town hash; "new" (the Start page's "create a town file") is the file tab. */
export function townTabOf(hash: string): TownTab {
  const part = hash.replace(/^#\/town\/?/, '').split('/')[0] ?? '';
  if (part === 'new') return 'file';
  return (TOWN_TABS as readonly string[]).includes(part) ? (part as TownTab) : 'board';
}

export function townHref(tab: TownTab): string {
  return `#/town/${tab}`;
}

/** The window's hash, following every change. */
export function useHash(): string {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const onChange = () => setHash(window.location.hash);
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return hash;
}
