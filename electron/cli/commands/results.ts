import type { BackendContext } from '../../backend/context';
import { schemaVersion } from '../../backend/db';
import { results } from '../../backend/services/results';
import { optionalInt, parseArgs, requireOption, UsageError } from '../args';
import { EXIT_BAD_INPUT, EXIT_OK, type CommandCode } from '../command';
import { withElectionDb } from './report';

/** Opens an existing election database for a round command, runs `fn`, prints its JSON as `station tally` does. */
export async function withRound(argv: string[], fn: (ctx: BackendContext, round: number) => unknown): Promise<number> {
  const args = parseArgs(argv);
  const dbFile = requireOption(args, 'db');
  const round = optionalInt(args, 'round');
  if (round === undefined || round < 1) throw new UsageError('--round must be a round number (1, 2, …)');
  return withElectionDb(dbFile, 'cli', (ctx) => {
    if (schemaVersion(ctx.db) === 0) {
      process.stderr.write(`${dbFile}: 不是选举数据库 / not an election database\n`);
      return EXIT_BAD_INPUT;
    }
    process.stdout.write(`${JSON.stringify(fn(ctx, round), null, 2)}\n`);
    return EXIT_OK;
  });
}

export const resultsCommand: CommandCode = {
  run: (argv) => withRound(argv, (ctx, round) => results(ctx, round).result),
};
