import type { Migration } from './types';

/**
 * Version 10 belongs to the desk's branch (issue 14); this empty step only keeps the numbering without gaps on the
 * takeover branch until that one is merged in its place.
 */
export const reservedDesk010: Migration = {
  version: 10,
  name: 'reserved-desk',
  up() {},
};
