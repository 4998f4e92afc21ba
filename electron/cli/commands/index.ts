import type { Command } from '../command';
import { tallyCommand } from './tally';
import { initCommand } from './init';
import { auditVerifyCommand } from './audit-verify';
import { rollImportCommand } from './roll-import';
import { issueCommand } from './issue';
import { sealCommand } from './seal';
import { verifyCommand } from './verify';
import { drillCommand } from './drill';
import { resultsCommand } from './results';
import { exportRecordCommand } from './export-record';

/** Every `station` command, in the order `station --help` lists them. Add one line per command. */
export const commands: Command[] = [
  tallyCommand,
  initCommand,
  auditVerifyCommand,
  rollImportCommand,
  issueCommand,
  sealCommand,
  verifyCommand,
  drillCommand,
  resultsCommand,
  exportRecordCommand,
];
