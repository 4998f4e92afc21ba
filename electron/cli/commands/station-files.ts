import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ApiError } from '../../../shared/api/envelope';
import { createContext } from '../../backend/context';
import { readStationFile } from '../../backend/stations/read-file';
import { importStationReturn, type ReturnImported } from '../../backend/stations/return-import';
import { RETURN_MAX_BYTES } from '../../backend/stations/return-payload';
import { writeStationReturn, type ReturnWritten } from '../../backend/stations/return-write';
import { exportStationPackage, openStationPackage, PACKAGE_MAX_BYTES, readStationPackage, type PackageSummary } from '../../backend/stations/station-package';
import { parseArgs, requireOption, UsageError, type ParsedArgs } from '../args';
import { EXIT_OK, type CommandCode } from '../command';
import { actingOption, runActingAs } from '../acting';
import { slipOption, writeSlip } from '../slip-option';
import { reportApiError, withElectionDb } from './report';

/** `station package …` and `station return …` (docs/stations.md): what each prints is what its paper slip shows. */

const FLAGS = new Set(['json', 'help', 'overwrite', 'closing']);

function onePositional(args: ParsedArgs, what: string): string {
  const [file, ...rest] = args.positionals;
  if (file === undefined || rest.length > 0) throw new UsageError(`give exactly one ${what}`);
  return file;
}

function fingerprintOption(args: ParsedArgs): string | undefined {
  const fp = args.options.get('fingerprint');
  if (fp === true || fp === '') throw new UsageError('--fingerprint needs the fingerprint from the paper slip');
  return fp;
}

/** The command's answer: its JSON with --json, else the lines its paper slip shows. */
export function print(json: boolean, value: object, lines: string[]): number {
  process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${lines.join('\n')}\n`);
  return EXIT_OK;
}

function packageSlip(s: PackageSummary): string[] {
  return [
    `选举 / election: ${s.electionTitle}`,
    `投票站 / station: ${s.station.name} (${s.station.id}), 票箱 / boxes: ${s.station.boxes.join(', ')}`,
    `选民 / voters: ${s.voters}, 工作人员 / people: ${s.people}`,
    `数据包哈希 / package hash: ${s.payloadHash}`,
    `中心电脑密钥指纹 / central key fingerprint: ${s.central.short}`,
  ];
}

export const packageExportCommand: CommandCode = {
  async run(argv) {
    const args = parseArgs(argv, FLAGS);
    const dbFile = requireOption(args, 'db');
    const station = requireOption(args, 'station');
    const out = resolve(requireOption(args, 'out'));
    const slip = slipOption(args);
    const who = actingOption(args);
    return withElectionDb(dbFile, 'cli', async (ctx) => {
      const r = await runActingAs(ctx, 'exportStationPackage', who, () =>
        exportStationPackage(ctx, { station, path: out, overwrite: args.options.get('overwrite') === true }),
      );
      const slipLines = await writeSlip(ctx, slip, { kind: 'package', station: r.station.id });
      return print(args.options.get('json') === true, r, [`已写出投票站数据包 / station package written: ${r.path} (${r.bytes} bytes)`, ...packageSlip(r), ...slipLines]);
    });
  },
};

export const packageOpenCommand: CommandCode = {
  async run(argv) {
    const args = parseArgs(argv, FLAGS);
    const file = onePositional(args, 'package file');
    const fingerprint = fingerprintOption(args);
    if (fingerprint === undefined) throw new UsageError('missing --fingerprint (the central key fingerprint printed on the package slip)');
    const dir = resolve(requireOption(args, 'data'));
    try {
      const bytes = await readStationFile(file, PACKAGE_MAX_BYTES);
      // A package that is not the one on the slip leaves the folder as it was: checked before any file is made.
      readStationPackage(bytes, fingerprint);
      mkdirSync(dir, { recursive: true });
      const ctx = createContext({ dbFile: join(dir, 'election.sqlite'), actor: 'cli' });
      try {
        const r = openStationPackage(ctx, bytes, fingerprint);
        return print(args.options.get('json') === true, r, [
          r.alreadyOpen ? `此数据包已在 ${dir} 打开，未做改动 / already opened in ${dir}; nothing changed` : `已打开投票站数据包 / station package opened in ${dir}`,
          ...packageSlip(r),
          `本机密钥指纹（回执凭条） / this laptop's key fingerprint (for its return slips): ${r.stationKey.short}`,
        ]);
      } finally {
        ctx.db.close();
      }
    } catch (e) {
      if (e instanceof ApiError) return reportApiError(e, file);
      throw e;
    }
  },
};

function returnSlip(r: ReturnWritten): string[] {
  return [
    `投票站 / station: ${r.station}, 回执 / return ${r.sequence}${r.closing ? '（结束时 / at the close）' : ''}`,
    `发出选票记录 / issuances: ${r.issuances}`,
    `日志末尾 / audit head: ${r.auditHead.count} ${r.auditHead.hash}`,
    `回执哈希 / return hash: ${r.payloadHash}`,
    `本站密钥指纹 / station key fingerprint: ${r.fingerprint.short}`,
  ];
}

export const returnWriteCommand: CommandCode = {
  async run(argv) {
    const args = parseArgs(argv, FLAGS);
    const dbFile = requireOption(args, 'db');
    const out = resolve(requireOption(args, 'out'));
    const slip = slipOption(args);
    const who = actingOption(args);
    return withElectionDb(dbFile, 'cli', async (ctx) => {
      const r = await runActingAs(ctx, 'writeStationReturn', who, () =>
        writeStationReturn(ctx, { path: out, closing: args.options.get('closing') === true, overwrite: args.options.get('overwrite') === true }),
      );
      const slipLines = await writeSlip(ctx, slip, { kind: 'return' });
      return print(args.options.get('json') === true, r, [`已写出回执 / return written: ${r.path} (${r.bytes} bytes)`, ...returnSlip(r), ...slipLines]);
    });
  },
};

function importLines(r: ReturnImported): string[] {
  if (r.alreadyImported) return [`回执 ${r.sequence}（投票站 ${r.station}）已导入过，未做改动 / return ${r.sequence} of station ${r.station} was imported before; nothing changed`];
  return [
    `已导入投票站 ${r.station} 的回执 ${r.sequence} / imported return ${r.sequence} of station ${r.station}: ${r.added} new of ${r.issuances} issuances`,
    ...(r.keyRegistered ? [`已登记本站密钥 / station key registered: ${r.fingerprint.short}`] : []),
    ...r.anomalies.map((a) => `异常（已标记，未合并） / anomaly (flagged, not merged): ${a.kind} ${a.subject} round ${a.round}`),
  ];
}

export const returnImportCommand: CommandCode = {
  async run(argv) {
    const args = parseArgs(argv, FLAGS);
    const dbFile = requireOption(args, 'db');
    const file = onePositional(args, 'return file');
    const fingerprint = fingerprintOption(args);
    const who = actingOption(args);
    return withElectionDb(dbFile, 'cli', async (ctx) => {
      const bytes = await readStationFile(file, RETURN_MAX_BYTES);
      const r = await runActingAs(ctx, 'importStationReturn', who, () => importStationReturn(ctx, bytes, { fingerprint }));
      return print(args.options.get('json') === true, r, importLines(r));
    });
  },
};
