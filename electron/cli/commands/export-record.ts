import { exportRecord } from '../../backend/services/results';
import type { Command } from '../command';
import { withRound } from './results';

export const exportRecordCommand: Command = {
  name: 'export-record',
  summary: "print the cer/1 election record a round's result was computed from / 输出某轮的选举记录(cer/1)",
  usage: 'station export-record --db FILE --round N',
  run: (argv) => withRound(argv, (ctx, round) => exportRecord(ctx, round)),
};
