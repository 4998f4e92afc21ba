import type { ApiError } from '../../../shared/api/envelope';
import { EXIT_BAD_INPUT, EXIT_REFUSED } from '../command';

/** Prints a backend error on one line and picks the exit code: 1 refused by a rule, 2 bad input. */
export function reportApiError(e: ApiError, where: string): number {
  process.stderr.write(`${where}: ${e.message}\n`);
  return e.code === 'refused' || e.code === 'conflict' ? EXIT_REFUSED : EXIT_BAD_INPUT;
}
