import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BackendContext } from '../backend/context';
import { writeFileDurably } from '../backend/files/durable-write';
import { stationSlip, type SlipKind } from '../backend/stations/slips';
import { UsageError, type ParsedArgs } from './args';

/**
 * `--slip FILE.pdf` on `station package export`, `return write` and `takeover`: the A4 slip written beside the
 * command's usual output. Checked before the command acts (bad input, exit 2), so a slip that cannot be written
 * never follows a package, return or takeover made for nothing.
 */
export function slipOption(args: ParsedArgs): string | null {
  const v = args.options.get('slip');
  if (v === undefined) return null;
  if (v === true || v === '' || !v.toLowerCase().endsWith('.pdf')) throw new UsageError('--slip needs a file name ending in .pdf');
  const path = resolve(v);
  if (existsSync(path) && args.options.get('overwrite') !== true) throw new UsageError(`${path} exists: choose another name for the slip (or --overwrite)`);
  return path;
}

/** Writes the slip when --slip was given; the line saying so, or none. */
export async function writeSlip(ctx: BackendContext, path: string | null, input: { kind: SlipKind; station?: string }): Promise<string[]> {
  if (path === null) return [];
  const slip = await stationSlip(ctx, input);
  writeFileDurably(path, slip.pdf);
  return [`已写出凭条 / slip written: ${path}`];
}
