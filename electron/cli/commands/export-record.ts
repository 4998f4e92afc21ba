import type { CommandCode } from '../command';
import { withRound } from './results';

export const exportRecordCommand: CommandCode = {
  run: (argv) => withRound(argv, (view) => view.record),
};
