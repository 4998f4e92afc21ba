import { z } from 'zod';
import { ROUND_KINDS } from '../record/cer';

export { ROUND_KINDS };
/**
 * States of a round, in order. Later steps (counting, sign-off, sealing) move a round forward; the database
 * column is checked here, not by a SQL CHECK, so new states can be added without rebuilding the table.
 */
export const ROUND_STATUSES = ['prepared', 'voting', 'closed', 'counting', 'counted', 'signed', 'sealed'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];
export const roundStatus = z.enum(ROUND_STATUSES);
