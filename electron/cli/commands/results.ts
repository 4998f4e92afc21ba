import type { RoundResultView } from '../../../shared/api/results';
import { schemaVersion } from '../../backend/db';
import { computeResults, storedResult } from '../../backend/services/results';
import { actingOption, runActingAs } from '../acting';
import { optionalInt, parseArgs, requireOption, UsageError } from '../args';
import { EXIT_BAD_INPUT, EXIT_OK, type CommandCode } from '../command';
import { withElectionDb } from './report';

/**
 * Opens an existing election database for a round command and prints the part `pick` takes of the round's stored
 * result, as JSON like `station tally`. Reading a stored result needs nobody; computing a missing one is a write,
 * done as the person of --as under the same rule as the app (computeResults).
 */
export async function withRound(argv: string[], pick: (view: RoundResultView) => unknown): Promise<number> {
  const args = parseArgs(argv);
  const dbFile = requireOption(args, 'db');
  const round = optionalInt(args, 'round');
  if (round === undefined || round < 1) throw new UsageError('--round must be a round number (1, 2, …)');
  const who = actingOption(args);
  return withElectionDb(dbFile, 'cli', async (ctx) => {
    if (schemaVersion(ctx.db) === 0) {
      process.stderr.write(`${dbFile}: 不是选举数据库 / not an election database\n`);
      return EXIT_BAD_INPUT;
    }
    const view = storedResult(ctx.db, round) ?? (await runActingAs(ctx, 'computeResults', who, () => computeResults(ctx, round)));
    process.stdout.write(`${JSON.stringify(pick(view), null, 2)}\n`);
    return EXIT_OK;
  });
}

export const resultsCommand: CommandCode = {
  run: (argv) => withRound(argv, (view) => view.result),
};
