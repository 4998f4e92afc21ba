import type { MessageKey } from '../../shared/i18n';

/** The pages in tab order; Alt+<n> opens page n (Alt+0 the tenth). The ids are the hash routes (#/desk). */
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
  { id: 'voters', label: 'nav.voters' },
  // The eleventh page has no Alt digit left; it is reached by its tab.
  { id: 'stations', label: 'nav.stations' },
  { id: 'audit', label: 'nav.audit' },
] as const satisfies readonly { id: string; label: MessageKey }[];

export type PageId = (typeof PAGES)[number]['id'];

export function isPageId(value: string): value is PageId {
  return PAGES.some((p) => p.id === value);
}

/** The digit of page `index` (0-based) with Alt: 1…9, then 0 for the tenth; pages after the tenth have none. */
export function digitOfPage(index: number): number | null {
  return index < 10 ? (index + 1) % 10 : null;
}

export function pageIndexOfDigit(digit: number): number {
  return digit === 0 ? 9 : digit - 1;
}
