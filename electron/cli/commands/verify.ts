import { ApiError } from '../../../shared/api/envelope';
import { verifySealedPath } from '../../backend/services/seal-verify';
import { parseArgs } from '../args';
import { EXIT_BAD_INPUT, EXIT_OK, EXIT_REFUSED, type CommandCode } from '../command';
import { formatSealSummary } from './seal-summary';

export const verifyCommand: CommandCode = {
  async run(argv, usage) {
    const args = parseArgs(argv);
    const file = args.positionals[0];
    if (file === undefined || args.positionals.length > 1) {
      process.stderr.write(`usage: ${usage}\n`);
      return EXIT_BAD_INPUT;
    }
    const fp = args.options.get('fingerprint');
    if (fp === true) {
      process.stderr.write(`--fingerprint needs a value\nusage: ${usage}\n`);
      return EXIT_BAD_INPUT;
    }
    const json = args.options.get('json') === true;
    let outcome;
    try {
      outcome = await verifySealedPath(file, fp);
    } catch (e) {
      if (e instanceof ApiError) {
        process.stderr.write(`${e.message}\n`);
        return EXIT_BAD_INPUT;
      }
      throw e;
    }
    if (json) process.stdout.write(`${JSON.stringify(outcome, null, 2)}\n`);
    if (outcome.ok) {
      if (!json) {
        process.stdout.write(`封存文件校验通过 / sealed file verified: ${file}\n`);
        process.stdout.write(formatSealSummary(outcome.summary));
        if (fp === undefined) {
          process.stdout.write('请将上面的密钥指纹与签字的计票结果报告单核对（或用 --fingerprint 给出） / compare the fingerprint with the signed tally sheet (or pass --fingerprint)\n');
        }
      }
      return EXIT_OK;
    }
    if (!json) {
      process.stderr.write(`封存文件校验未通过 / the sealed file does NOT verify: ${file}\n`);
      for (const f of outcome.failures) process.stderr.write(`  - ${f}\n`);
    }
    return EXIT_REFUSED;
  },
};
