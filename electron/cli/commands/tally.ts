import { parseCerRecordText, RecordError } from '../../../shared/record';
import { tally } from '../../../shared/rules/tally';
import { decodeUtf8Text, FILE_LIMITS, InputFileError, readInputFileSync, readStdinSync } from '../../backend/files/input-file';
import { EXIT_BAD_INPUT, EXIT_OK, type CommandCode } from '../command';

export const tallyCommand: CommandCode = {
  async run(args, usage) {
    const file = args[0];
    if (file === undefined || args.length > 1) {
      process.stderr.write(`usage: ${usage}\n`);
      return EXIT_BAD_INPUT;
    }
    let text: string;
    try {
      const bytes = file === '-' ? readStdinSync(FILE_LIMITS.record) : readInputFileSync(file, FILE_LIMITS.record);
      text = decodeUtf8Text(bytes, file);
    } catch (e) {
      if (!(e instanceof InputFileError)) throw e;
      process.stderr.write(`${e.message}\n`);
      return EXIT_BAD_INPUT;
    }
    try {
      const result = tally(parseCerRecordText(text));
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      return EXIT_OK;
    } catch (e) {
      if (e instanceof RecordError) {
        process.stderr.write(`${file}: ${e.message}\n`);
        return EXIT_BAD_INPUT;
      }
      throw e;
    }
  },
};
