import { existsSync, rmSync } from 'node:fs';
import { ApiError } from '../../../shared/api/envelope';
import { parseJsonText } from '../../../shared/record/parse';
import { RecordError } from '../../../shared/record/path';
import { createContext } from '../../backend/context';
import { decodeUtf8Text, FILE_LIMITS, InputFileError, readInputFileSync } from '../../backend/files/input-file';
import { createElection } from '../../backend/services/setup';
import { parseArgs, requireOption } from '../args';
import { EXIT_BAD_INPUT, EXIT_OK, type CommandCode } from '../command';
import { reportApiError } from './report';

export const initCommand: CommandCode = {
  async run(argv) {
    const args = parseArgs(argv);
    const dbFile = requireOption(args, 'db');
    const defFile = requireOption(args, 'election');
    const json = args.options.get('json') === true;
    let raw: unknown;
    try {
      raw = parseJsonText(decodeUtf8Text(readInputFileSync(defFile, FILE_LIMITS.definition), defFile));
    } catch (e) {
      if (e instanceof RecordError) process.stderr.write(`${defFile}: ${e.message}\n`);
      else if (e instanceof InputFileError) process.stderr.write(`${e.message}\n`);
      else throw e;
      return EXIT_BAD_INPUT;
    }
    const existed = existsSync(dbFile);
    try {
      const ctx = createContext({ dbFile, actor: 'cli' });
      let created = false;
      try {
        const result = createElection(ctx, raw);
        created = true;
        if (json) {
          process.stdout.write(`${JSON.stringify({ db: dbFile, ...result }, null, 2)}\n`);
        } else {
          process.stdout.write(`选举已创建 / election created: ${dbFile}\n`);
          for (const w of result.warnings) process.stdout.write(`警告 / warning: ${w.message}\n`);
        }
        return EXIT_OK;
      } finally {
        ctx.db.close();
        // A file this command created for an election it then refused is removed: nothing is left behind.
        if (!created && !existed) for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) rmSync(f, { force: true });
      }
    } catch (e) {
      if (e instanceof ApiError) return reportApiError(e, e.code === 'invalid-input' ? defFile : dbFile);
      throw e;
    }
  },
};
