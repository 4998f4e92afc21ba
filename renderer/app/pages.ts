import type { MessageKey } from '../../shared/i18n';

/** The pages in tab order; Alt+<n> opens page n. The ids are the hash routes (#/desk). */
export const PAGES = [
  { id: 'start', label: 'nav.start' },
  { id: 'setup', label: 'nav.setup' },
  { id: 'desk', label: 'nav.desk' },
  { id: 'boxes', label: 'nav.boxes' },
  { id: 'counting', label: 'nav.counting' },
  { id: 'results', label: 'nav.results' },
  { id: 'signoff', label: 'nav.signoff' },
  { id: 'export', label: 'nav.export' },
  { id: 'drill', label: 'nav.drill' },
  // After the drill, so Alt+1…9 keep their pages; this one is reached by its tab.
  { id: 'stations', label: 'nav.stations' },
] as const satisfies readonly { id: string; label: MessageKey }[];

export type PageId = (typeof PAGES)[number]['id'];

/** The digit of a page's Alt shortcut: 1…9, then 0 for the tenth. */
export function pageKey(index: number): number {
  return (index + 1) % 10;
}

export function isPageId(value: string): value is PageId {
  return PAGES.some((p) => p.id === value);
}
