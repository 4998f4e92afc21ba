import { basename } from 'node:path';
import { ApiError } from '../../../shared/api/envelope';
import type { RollError } from '../../../shared/domain/roll';
import { createContext } from '../../backend/context';
import { FILE_LIMITS, InputFileError, readInputFileSync } from '../../backend/files/input-file';
import type { RollEncodingChoice } from '../../backend/roll/decode';
import { importRoll } from '../../backend/services/roll';
import { parseArgs, requireOption, UsageError } from '../args';
import { EXIT_BAD_INPUT, EXIT_OK, type CommandCode } from '../command';
import { actingOption, runActingAs } from '../acting';
import { reportApiError } from './report';

const ENCODINGS = new Map<string, RollEncodingChoice>([
  ['auto', 'auto'],
  ['utf8', 'utf8'],
  ['utf-8', 'utf8'],
  ['gbk', 'gbk'],
  ['gb18030', 'gbk'],
]);

export const rollImportCommand: CommandCode = {
  async run(argv) {
    const args = parseArgs(argv);
    const dbFile = requireOption(args, 'db');
    const json = args.options.get('json') === true;
    const who = actingOption(args);
    const file = args.positionals[0];
    if (file === undefined || args.positionals.length > 1) throw new UsageError('name exactly one roll file');
    const encodingText = String(args.options.get('encoding') ?? 'auto').toLowerCase();
    const encoding = ENCODINGS.get(encodingText);
    if (!encoding) throw new UsageError(`--encoding must be auto, utf8 or gbk (got "${encodingText}")`);
    const prefix = args.options.get('prefix');
    if (prefix !== undefined && (typeof prefix !== 'string' || !/^\d{0,3}$/.test(prefix))) {
      throw new UsageError('--prefix must be 0 to 3 digits');
    }
    let bytes: Uint8Array;
    try {
      bytes = readInputFileSync(file, FILE_LIMITS.roll);
    } catch (e) {
      if (!(e instanceof InputFileError)) throw e;
      process.stderr.write(`${e.message}\n`);
      return EXIT_BAD_INPUT;
    }
    try {
      const ctx = createContext({ dbFile, actor: 'cli', mustExist: true });
      try {
        const result = await runActingAs(ctx, 'importRoll', who, () => importRoll(ctx, { bytes, fileName: basename(file), encoding, certificatePrefix: prefix }));
        if (json) process.stdout.write(`${JSON.stringify({ ok: true, ...result }, null, 2)}\n`);
        else {
          process.stdout.write(
            `已导入 ${result.imported} 名选民（${result.format}${result.encoding ? `, ${result.encoding}` : ''}），生成选民证号 ${result.generatedCertificates} 个` +
              ` / imported ${result.imported} voters, ${result.generatedCertificates} certificate numbers generated\n`,
          );
          if (result.ignoredColumns.length > 0) process.stdout.write(`忽略的列 / ignored columns: ${result.ignoredColumns.join(', ')}\n`);
        }
        return EXIT_OK;
      } finally {
        ctx.db.close();
      }
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const errors = (e.details as { errors?: RollError[] } | undefined)?.errors;
      if (json) {
        process.stdout.write(`${JSON.stringify({ ok: false, error: e.toBody() }, null, 2)}\n`);
        return e.code === 'refused' || e.code === 'conflict' ? 1 : EXIT_BAD_INPUT;
      }
      if (errors) {
        process.stderr.write(`${file}: ${e.message}\n`);
        for (const err of errors) {
          process.stderr.write(`  第 ${err.line} 行${err.column ? ` [${err.column}]` : ''}: ${err.zh} / ${err.en}\n`);
        }
        return EXIT_BAD_INPUT;
      }
      return reportApiError(e, dbFile);
    }
  },
};
