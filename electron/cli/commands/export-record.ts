import { exportRecord } from '../../backend/services/results';
import type { CommandCode } from '../command';
import { withRound } from './results';

export const exportRecordCommand: CommandCode = {
  run: (argv) => withRound(argv, (ctx, round) => exportRecord(ctx, round)),
};
