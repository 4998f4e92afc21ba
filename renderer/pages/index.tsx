import type { PageRenderers } from '../app/AppShell';

/**
 * The screens, by page id. Each screen is a component in this folder using `useApi()`, `useT()` and
 * `useElection()`; pages not listed here show a placeholder.
 */
export const screens: PageRenderers = {};
