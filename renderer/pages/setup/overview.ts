import type { z } from 'zod';
import type { setupContract } from '../../../shared/api/setup';

/** getElection's answer, handed to each Setup part. */
export type Overview = z.infer<typeof setupContract.getElection.output>;
export type OfficeView = Overview['offices'][number];
