import { sealElection } from '../../backend/services/seal';
import { parseArgs, requireOption } from '../args';
import { EXIT_OK, type CommandCode } from '../command';
import { actingOption, runActingAs } from '../acting';
import { withElectionDb } from './report';
import { formatSealSummary } from './seal-summary';

export const sealCommand: CommandCode = {
  async run(argv) {
    const args = parseArgs(argv, new Set(['json', 'help', 'overwrite']));
    const dbFile = requireOption(args, 'db');
    const out = requireOption(args, 'out');
    const json = args.options.get('json') === true;
    const who = actingOption(args);
    return withElectionDb(dbFile, 'cli', async (ctx) => {
      const written = await runActingAs(ctx, 'sealToFile', who, () => sealElection(ctx, { path: out, overwrite: args.options.get('overwrite') === true }));
      if (json) {
        process.stdout.write(`${JSON.stringify(written, null, 2)}\n`);
      } else {
        process.stdout.write(`已封存 / sealed: ${written.path} (${written.bytes} bytes, payload sha256 ${written.payloadHash})\n`);
        process.stdout.write(formatSealSummary(written));
      }
      return EXIT_OK;
    });
  },
};
