import { z } from 'zod';
import { text } from './text';

/**
 * The town's salt for the record's `personKey` (election-record.md: SHA-256 of the salt followed by the 18-character
 * ID number). The town office hands the same salt to all its communities, so one person standing in the Party and the
 * residents' elections gets the same key. It never leaves the station file: a published key with a known salt could
 * be tried against every plausible ID number.
 */
export const PERSON_KEY_SALT_LIMITS = { min: 8, max: 64 } as const;

export const personKeySalt = text(PERSON_KEY_SALT_LIMITS.max)
  .trim()
  .min(PERSON_KEY_SALT_LIMITS.min, `the town's salt has at least ${PERSON_KEY_SALT_LIMITS.min} characters`);
