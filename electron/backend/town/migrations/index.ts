import type { Migration } from '../../db/migrations/types';
import { town001 } from './001-town';

/** The town office file's own schema steps (not the election's), versions 1, 2, 3, … without gaps. */
export const TOWN_MIGRATIONS: readonly Migration[] = [town001];

TOWN_MIGRATIONS.forEach((m, i) => {
  if (m.version !== i + 1) throw new Error(`town migration list out of order: position ${i} holds version ${m.version}`);
});
