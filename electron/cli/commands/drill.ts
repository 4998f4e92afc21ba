import { ApiError } from '../../../shared/api/envelope';
import { isoDate } from '../../../shared/domain/election';
import { runDrill, type DrillSummary } from '../../backend/drill/run';
import type { DrillProgress } from '../../backend/drill/progress';
import { optionalInt, parseArgs, requireOption, UsageError } from '../args';
import { EXIT_OK, type CommandCode } from '../command';
import { reportApiError } from './report';

const PHASE_NAMES: Record<string, string> = {
  setup: '选举设置 setup',
  roll: '选民名单 roll',
  proxies: '委托投票 proxies',
  voting: '投票 voting',
  counting: '计票 counting',
  signoff: '签署 sign-off',
  seal: '封存 seal',
};

function formatSummary(s: DrillSummary): string {
  const lines = [
    `演练完成 / drill complete: ${s.election}`,
    `  seed ${s.seed}, ${s.date}, ${s.seconds.toFixed(1)} s`,
    `  数据库 / database:     ${s.db}`,
    `  封存文件 / sealed file: ${s.sealedFile}`,
    `  选民 / voters ${s.voters}; 流动票箱名单 / mobile list ${s.mobileList}; 委托 / proxies ${s.proxies} (${s.proxyBallots} ballots)`,
    `  代写 / assisted ${s.assisted}; 废票调换 / spoiled exchanged ${s.spoiled}; 有疑问选票 / doubtful ${s.doubtful}; 更正 / corrections ${s.corrections}`,
  ];
  for (const r of s.rounds) {
    const pct = r.registered > 0 ? ((r.participants * 100) / r.registered).toFixed(1) : '0';
    lines.push(
      `  第 ${r.number} 轮 / round ${r.number} (${r.kind}): 参加 participants ${r.participants}/${r.registered} (${pct}%), ` +
        `ballots ${r.ballots}, void ${r.voidBallots}, ${r.valid ? 'valid' : 'NOT valid'}, sign-offs ${r.signoffs}`,
    );
    for (const o of r.elected) lines.push(`    ${o.office}: ${o.names.join('、') || '—'}${o.vacant > 0 ? ` (vacant ${o.vacant})` : ''}`);
    for (const n of r.nextSteps) lines.push(`    → ${n.kind} ${n.office}: ${n.seats} seat(s), ${n.names.join('、')}${n.required ? ' (required)' : ''}`);
    lines.push(`    result hash ${r.resultHash}`);
  }
  lines.push(`  站点密钥指纹 / key fingerprint: ${s.fingerprint}`);
  lines.push(`  操作日志 / audit head: ${s.auditHead.count} events, ${s.auditHead.hash}`);
  return `${lines.join('\n')}\n`;
}

export const drillCommand: CommandCode = {
  async run(argv) {
    const args = parseArgs(argv, new Set(['json', 'help', 'quiet', 'replace']));
    const dbFile = requireOption(args, 'db');
    const voters = optionalInt(args, 'voters');
    if (voters === undefined) throw new UsageError('missing --voters');
    const seed = requireOption(args, 'seed');
    const out = args.options.get('out');
    const date = args.options.get('date');
    if (out === true || date === true) throw new UsageError('--out and --date need a value');
    if (date !== undefined && !isoDate.safeParse(date).success) throw new UsageError('--date must be YYYY-MM-DD');
    const json = args.options.get('json') === true;
    const quiet = args.options.get('quiet') === true;
    const progress = (p: DrillProgress): void => {
      if (quiet || (p.percent % 10 !== 0 && p.percent !== 100)) return;
      process.stderr.write(`[${PHASE_NAMES[p.phase] ?? p.phase}] ${String(p.percent).padStart(3)}%${p.detail ? ` ${p.detail}` : ''}\n`);
    };
    try {
      const summary = await runDrill(
        { dbFile, voters, seed, replace: args.options.get('replace') === true, ...(out !== undefined ? { out } : {}), ...(date !== undefined ? { date } : {}) },
        progress,
      );
      process.stdout.write(json ? `${JSON.stringify(summary, null, 2)}\n` : formatSummary(summary));
      return EXIT_OK;
    } catch (e) {
      if (e instanceof ApiError) return reportApiError(e, dbFile);
      throw e;
    }
  },
};
