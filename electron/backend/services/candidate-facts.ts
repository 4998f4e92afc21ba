import type { Candidate } from '../../../shared/record';

/** A candidate's optional record facts as stored: null where nothing was entered. */
export interface StoredFacts {
  birthYear: number | null;
  education: NonNullable<Candidate['education']> | null;
  politicalStatus: NonNullable<Candidate['politicalStatus']> | null;
}

/** A correction's facts: a value sets, null clears, absent keeps what is stored. */
export type FactCorrection = { [K in keyof StoredFacts]?: StoredFacts[K] | undefined };

export function correctedFacts(before: StoredFacts, change: FactCorrection): StoredFacts {
  return {
    birthYear: change.birthYear !== undefined ? change.birthYear : before.birthYear,
    education: change.education !== undefined ? change.education : before.education,
    politicalStatus: change.politicalStatus !== undefined ? change.politicalStatus : before.politicalStatus,
  };
}

/** The facts a correction changes (the audit log keeps their old and new values). */
export function changedFacts(before: StoredFacts, after: StoredFacts): Array<keyof StoredFacts> {
  return (Object.keys(before) as Array<keyof StoredFacts>).filter((k) => before[k] !== after[k]);
}

export function pick<T extends object, K extends keyof T>(o: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((k) => [k, o[k]])) as Pick<T, K>;
}

/** Whether a value entered before is replaced or cleared (a correction, which needs its reason), not only added. */
export function overwrites<T extends Record<string, unknown>>(before: T, after: T): boolean {
  return Object.keys(before).some((k) => before[k] !== null && before[k] !== after[k]);
}

/** The facts for the record: only those known. */
export function recordFacts(f: StoredFacts): Pick<Candidate, 'birthYear' | 'education' | 'politicalStatus'> {
  return {
    ...(f.birthYear !== null ? { birthYear: f.birthYear } : {}),
    ...(f.education !== null ? { education: f.education } : {}),
    ...(f.politicalStatus !== null ? { politicalStatus: f.politicalStatus } : {}),
  };
}
