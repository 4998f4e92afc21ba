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
] as const satisfies readonly { id: string; label: MessageKey }[];

export type PageId = (typeof PAGES)[number]['id'];

export function isPageId(value: string): value is PageId {
  return PAGES.some((p) => p.id === value);
}
