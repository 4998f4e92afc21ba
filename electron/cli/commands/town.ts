import { existsSync, rmSync } from 'node:fs';
import { ApiError } from '../../../shared/api/envelope';
import { describeTextIssue, findTextIssue, TEXT_LIMITS } from '../../../shared/domain/text';
import { parseSheetQr } from '../../../shared/domain/sheet-qr';
import type { BoardRow } from '../../backend/town/board';
import { BODY_NAMES, owedText, SIGNOFF_NAMES } from '../../backend/town/labels';
import { createTownFile, openTownFile, type TownContext } from '../../backend/town/context';
import { importCommunities, importPaths, registerKey, townBoard } from '../../backend/town/office';
import type { FilingOutcome } from '../../backend/town/receive';
import { REPORT_FORMATS, writeTownReport, type ReportFormat } from '../../backend/town/report';
import { optionalInt, parseArgs, requireOption, UsageError } from '../args';
import { EXIT_BAD_INPUT, EXIT_OK, EXIT_REFUSED, type CommandCode } from '../command';
import { reportApiError } from './report';

/** Opens the town office file for one command and turns a refusal or bad input into its line and exit code. */
async function withTownDb(dbFile: string, fn: (ctx: TownContext) => number | Promise<number>): Promise<number> {
  try {
    const ctx = openTownFile(dbFile);
    try {
      return await fn(ctx);
    } finally {
      ctx.db.close();
    }
  } catch (e) {
    if (e instanceof ApiError) return reportApiError(e, dbFile);
    throw e;
  }
}

const print = (json: boolean, value: unknown, text: string): void => {
  process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : text.endsWith('\n') ? text : `${text}\n`);
};

export const townInitCommand: CommandCode = {
  async run(argv) {
    const args = parseArgs(argv);
    const dbFile = requireOption(args, 'db');
    const name = requireOption(args, 'name').trim();
    const issue = findTextIssue(name, TEXT_LIMITS.title);
    if (issue !== null) throw new UsageError(`--name: ${describeTextIssue(issue)}`);
    const followUpDays = optionalInt(args, 'follow-up-days') ?? 90;
    if (followUpDays > 3650) throw new UsageError('--follow-up-days: at most 3650');
    const existed = existsSync(dbFile);
    try {
      createTownFile(dbFile, { name, followUpDays }).db.close();
    } catch (e) {
      if (!existed) for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) rmSync(f, { force: true });
      if (e instanceof ApiError) return reportApiError(e, dbFile);
      throw e;
    }
    print(args.options.get('json') === true, { db: dbFile, name, followUpDays }, `街道（镇）备案文件已创建 / town office file created: ${dbFile} (${name})`);
    return EXIT_OK;
  },
};

export const townRegisterCommand: CommandCode = {
  async run(argv) {
    const args = parseArgs(argv);
    const dbFile = requireOption(args, 'db');
    const community = requireOption(args, 'community');
    const typed = args.options.get('fingerprint');
    const scanned = args.options.get('qr');
    if ((typed === undefined) === (scanned === undefined)) throw new UsageError('give either --fingerprint or --qr');
    let fingerprint: string;
    if (typeof scanned === 'string') {
      const read = parseSheetQr(scanned);
      if (!read.ok) {
        process.stderr.write(`--qr: 不是计票结果报告单的二维码内容 / ${read.problem}\n`);
        return EXIT_BAD_INPUT;
      }
      fingerprint = read.qr.fingerprint;
    } else {
      fingerprint = requireOption(args, 'fingerprint');
    }
    return withTownDb(dbFile, (ctx) => {
      const r = registerKey(ctx, community, fingerprint, scanned === undefined ? 'typed' : 'qr');
      print(args.options.get('json') === true, r, r.added
        ? `已登记 / registered: ${r.community} ${r.fingerprint}`
        : `已登记过，未改动 / already registered, nothing changed: ${r.community} ${r.fingerprint}`);
      return EXIT_OK;
    });
  },
};

export const townCommunitiesCommand: CommandCode = {
  async run(argv) {
    const args = parseArgs(argv);
    const dbFile = requireOption(args, 'db');
    const list = requireOption(args, 'import');
    return withTownDb(dbFile, async (ctx) => {
      const r = await importCommunities(ctx, list);
      print(args.options.get('json') === true, r, `社区名单已导入 / community list imported: ${r.added.length} added, ${r.known} already listed`);
      return EXIT_OK;
    });
  },
};

const OUTCOME_NAMES: Record<FilingOutcome, string> = {
  new: '新文件 new',
  same: '重复 same',
  superseding: '取代 superseding',
  superseded: '已被取代 superseded',
  refused: '拒收 REFUSED',
};

export const townImportCommand: CommandCode = {
  async run(argv) {
    const args = parseArgs(argv);
    const dbFile = requireOption(args, 'db');
    if (args.positionals.length === 0) throw new UsageError('name at least one file or folder to import');
    const missing = args.positionals.filter((p) => !existsSync(p));
    if (missing.length > 0) {
      process.stderr.write(`找不到 / not found: ${missing.join(', ')} (nothing imported)\n`);
      return EXIT_BAD_INPUT;
    }
    return withTownDb(dbFile, async (ctx) => {
      const r = await importPaths(ctx, args.positionals);
      const refused = r.files.filter((f) => f.outcome === 'refused').length + r.unreadable.length;
      if (args.options.get('json') === true) {
        process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
      } else {
        for (const f of r.files) {
          const what = f.community === null ? '' : ` [${f.community} ${f.body} #${f.sequence}]`;
          process.stdout.write(`${OUTCOME_NAMES[f.outcome]}: ${f.source}${what}: ${f.line}\n`);
        }
        for (const u of r.unreadable) process.stdout.write(`${OUTCOME_NAMES.refused}: ${u.path}: ${u.reason}\n`);
        const n = r.files.length + r.unreadable.length;
        const skipped = r.skipped > 0 ? `；跳过非 .json 文件 ${r.skipped} 个 / ${r.skipped} non-.json file(s) skipped` : '';
        process.stdout.write(`共 ${n} 个文件，拒收 ${refused} / ${n} files, ${refused} refused${skipped}\n`);
      }
      return refused > 0 ? EXIT_REFUSED : EXIT_OK;
    });
  },
};

function rowText(r: BoardRow): string {
  const head = `${r.community}  ${BODY_NAMES[r.body]}${r.drill ? ' 【演练 DRILL】' : ''}`;
  if (!r.received) return `${head}: 未收到 not yet received`;
  const rounds = r.rounds.map((x) => `${x.number}${x.valid ? '✓' : '✗'}`).join(' ');
  const acting = r.acting ? `; 代理 acting ${r.acting.name} (${r.acting.officeTitle})` : '';
  const lines = [
    `${head}: 第 ${r.sequence} 份 file #${r.sequence}; 轮次 rounds ${rounds}; ${r.valid ? '有效 valid' : '无效 INVALID'}; ` +
      `当选 elected ${r.elected}/${r.seats}; 暂缺 vacant ${r.vacancies}; 最低 minimum ${r.minCommittee}${r.belowMinimum ? ' (不足 below)' : ''}; ` +
      `女性 women ${r.women}${acting}; 签名 sign-offs ${SIGNOFF_NAMES[r.signoffs!]}` +
      (r.warnings.length > 0 ? `; 提示 warnings ${r.warnings.join(', ')}` : ''),
    ...r.owed.map((o) => `    → 待办 owed: ${owedText(o)}`),
  ];
  return lines.join('\n');
}

export const townBoardCommand: CommandCode = {
  async run(argv) {
    const args = parseArgs(argv, new Set(['json', 'help', 'owed', 'missing']));
    const dbFile = requireOption(args, 'db');
    const filter = { owed: args.options.get('owed') === true, missing: args.options.get('missing') === true };
    return withTownDb(dbFile, (ctx) => {
      const rows = townBoard(ctx, filter);
      if (args.options.get('json') === true) {
        process.stdout.write(`${JSON.stringify({ office: ctx.office.name, filter, rows }, null, 2)}\n`);
      } else {
        process.stdout.write(`${ctx.office.name} — 备案情况 / status board (${rows.length} rows)\n`);
        for (const r of rows) process.stdout.write(`${rowText(r)}\n`);
      }
      return EXIT_OK;
    });
  },
};

export const townReportCommand: CommandCode = {
  async run(argv) {
    const args = parseArgs(argv, new Set(['json', 'help', 'structure']));
    const dbFile = requireOption(args, 'db');
    const format = requireOption(args, 'format');
    if (!(REPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format: one of ${REPORT_FORMATS.join(', ')}`);
    const out = requireOption(args, 'out');
    return withTownDb(dbFile, async (ctx) => {
      const r = await writeTownReport(ctx, { format: format as ReportFormat, out, structure: args.options.get('structure') === true });
      const what = r.kind === 'structure' ? '结构报表 structure report' : '备案情况 status board';
      print(args.options.get('json') === true, r, `已写出 / written: ${r.path} (${what}, ${r.format}, ${r.bytes} bytes, ${r.sources.length} 个文件 files)`);
      return EXIT_OK;
    });
  },
};
