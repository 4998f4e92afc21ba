import { ApiError } from '../../../shared/api/envelope';
import { createContext, type BackendContext } from '../../backend/context';
import { EXIT_BAD_INPUT, EXIT_REFUSED } from '../command';

/** Prints a backend error on one line and picks the exit code: 1 refused by a rule, 2 bad input. */
export function reportApiError(e: ApiError, where: string): number {
  process.stderr.write(`${where}: ${e.message}\n`);
  return e.code === 'refused' || e.code === 'conflict' ? EXIT_REFUSED : EXIT_BAD_INPUT;
}

/**
 * Opens an existing election database for one command, runs `fn`, closes it, and turns a backend refusal or bad
 * input into its one-line message and exit code (`onError`, by default reportApiError).
 */
export async function withElectionDb(
  dbFile: string,
  actor: string,
  fn: (ctx: BackendContext) => number | Promise<number>,
  onError: (e: ApiError) => number = (e) => reportApiError(e, dbFile),
): Promise<number> {
  try {
    const ctx = createContext({ dbFile, actor, mustExist: true });
    try {
      return await fn(ctx);
    } finally {
      ctx.db.close();
    }
  } catch (e) {
    if (e instanceof ApiError) return onError(e);
    throw e;
  }
}
