import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ApiError } from '../../../shared/api/envelope';
import { COPY_FLUSH_MODES, type CopyFlush } from '../../../shared/api/stations';
import { createContext } from '../../backend/context';
import { chooseSecondCopyFolder } from '../../backend/copy/choose-folder';
import { restoreFromCopy, type Restored } from '../../backend/copy/restore';
import { refuseExistingTarget } from '../../backend/seal/sealed-file';
import { readStationFile } from '../../backend/stations/read-file';
import { PACKAGE_MAX_BYTES, readStationPackage } from '../../backend/stations/station-package';
import { takeOverStation, type TakeoverDone } from '../../backend/stations/takeover';
import { actingOption, runActingAs } from '../acting';
import { parseArgs, requireOption, UsageError, type ParsedArgs } from '../args';
import type { CommandCode } from '../command';
import { slipOption, writeSlip } from '../slip-option';
import { print } from './station-files';
import { reportApiError, withElectionDb } from './report';

/** `station copy folder`, `station takeover` and `station restore` (docs/stations.md, "never lose the day"). */

const FLAGS = new Set(['json', 'help']);

const group = (hex: string) => hex.slice(0, 32).toUpperCase().replace(/(.{4})(?!$)/g, '$1 ');

/** What the takeover slip shows: the station, the old key and the new one (the central laptop types the new one). */
export function takeoverSlip(r: TakeoverDone): string[] {
  return [
    `投票站 / station: ${r.station.name} (${r.station.id}), 选举 / election: ${r.electionTitle}`,
    `副本中的写入 / writes from the copy: ${r.writes}${r.cutShort ? '（最后一次写入不完整，已略去 / the last write was cut short and left out）' : ''}`,
    `发出选票记录 / issuances: ${r.issuances}`,
    `日志末尾 / audit head: ${r.auditHead.count} ${r.auditHead.hash}`,
    `数据包哈希 / package hash: ${r.payloadHash}`,
    `原电脑密钥指纹 / old key fingerprint: ${group(r.oldKey)}`,
    `本机新密钥指纹（接替凭条） / this laptop's new key fingerprint (takeover slip): ${r.stationKey.short}`,
  ];
}

function restoredLines(r: Restored, out: string): string[] {
  return [
    `已由第二份副本恢复 / rebuilt from the second copy: ${out}`,
    `选举 / election: ${r.electionTitle}${r.station ? `, 投票站 / station: ${r.station}` : ''}`,
    `副本中的写入 / writes from the copy: ${r.writes}${r.cutShort ? '（最后一次写入不完整，已略去 / the last write was cut short and left out）' : ''}`,
    `发出选票记录 / issuances: ${r.issuances}`,
    `日志末尾（已核对） / audit head (checked): ${r.auditHead.count} ${r.auditHead.hash}`,
  ];
}

function removeDb(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) rmSync(f, { force: true });
}

export const takeoverCommand: CommandCode = {
  async run(argv) {
    const args = parseArgs(argv, FLAGS);
    const pkg = requireOption(args, 'package');
    const copy = resolve(requireOption(args, 'copy'));
    const fingerprint = requireOption(args, 'fingerprint');
    const dir = resolve(requireOption(args, 'data'));
    const slip = slipOption(args);
    const dbFile = join(dir, 'election.sqlite');
    if (existsSync(dbFile)) throw new UsageError(`${dbFile} exists: take over into a new, empty data folder`);
    let made = false;
    try {
      const bytes = await readStationFile(pkg, PACKAGE_MAX_BYTES);
      readStationPackage(bytes, fingerprint);
      mkdirSync(dir, { recursive: true });
      const ctx = createContext({ dbFile, actor: 'cli' });
      made = true;
      try {
        const r = await takeOverStation(ctx, { packageBytes: bytes, copyDir: copy, fingerprint });
        made = false;
        const slipLines = await writeSlip(ctx, slip, { kind: 'takeover' });
        return print(args.options.get('json') === true, r, [`已接替投票站 / station taken over in ${dir}`, ...takeoverSlip(r), ...slipLines]);
      } finally {
        ctx.db.close();
      }
    } catch (e) {
      if (made) removeDb(dbFile);
      if (e instanceof ApiError) return reportApiError(e, copy);
      throw e;
    }
  },
};

export const restoreCommand: CommandCode = {
  async run(argv) {
    const args = parseArgs(argv, FLAGS);
    const copy = resolve(requireOption(args, 'copy'));
    const out = resolve(requireOption(args, 'out'));
    let made = false;
    try {
      refuseExistingTarget(out, false);
      const ctx = createContext({ dbFile: out, actor: 'cli' });
      made = true;
      try {
        const r = await restoreFromCopy(ctx, copy);
        made = false;
        return print(args.options.get('json') === true, r, restoredLines(r, out));
      } finally {
        ctx.db.close();
      }
    } catch (e) {
      if (made) removeDb(out);
      if (e instanceof ApiError) return reportApiError(e, copy);
      throw e;
    }
  },
};

/** `--flush before-ack|right-after`: when each write reaches the stick (docs/stations.md); left out, as chosen before. */
function flushOption(args: ParsedArgs): CopyFlush | undefined {
  const v = args.options.get('flush');
  if (v === undefined) return undefined;
  const mode = COPY_FLUSH_MODES.find((m) => m === v);
  if (!mode) throw new UsageError(`--flush must be ${COPY_FLUSH_MODES.join(' or ')}`);
  return mode;
}

const FLUSH_SAID: Record<CopyFlush, string> = {
  'before-ack': '办理前刷入 U 盘 / flushed before acknowledging',
  'right-after': '办理后随即刷入（最多落后一次写入） / flushed right after (never more than one write behind)',
};

export const copyFolderCommand: CommandCode = {
  async run(argv) {
    const args = parseArgs(argv, FLAGS);
    const dbFile = requireOption(args, 'db');
    const folder = resolve(requireOption(args, 'folder'));
    const flush = flushOption(args);
    const who = actingOption(args);
    return withElectionDb(dbFile, 'cli', async (ctx) => {
      const r = await runActingAs(ctx, 'chooseSecondCopyFolder', who, () => chooseSecondCopyFolder(ctx, folder, flush));
      const lines = [`第二份副本 / second copy: ${r.dir} (${r.state})`, ...(r.flush ? [FLUSH_SAID[r.flush]] : []), ...(r.problem ? [r.problem] : [])];
      return print(args.options.get('json') === true, r, lines);
    });
  },
};
