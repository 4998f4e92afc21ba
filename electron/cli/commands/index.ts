import type { CommandInfo } from '../command';

/**
 * Every `station` command, in the order `station --help` lists them: what help prints is here, and each command's
 * code (with the backend, the rules, exceljs …) is loaded only when that command runs, so `station --help` starts at
 * once. Add one entry per command.
 */
export const commands: CommandInfo[] = [
  {
    name: 'tally',
    summary: 'count a cer/1 election record and print its cer-result/1 JSON',
    usage: 'station tally FILE   (FILE "-" reads standard input)',
    load: async () => (await import('./tally')).tallyCommand,
  },
  {
    name: 'init',
    summary: 'create an election database from its definition (JSON) / 由选举定义文件创建选举数据库',
    usage: 'station init --db FILE --election DEFINITION.json [--json]',
    load: async () => (await import('./init')).initCommand,
  },
  {
    name: 'audit verify',
    summary: 'check the hash chain of the audit log / 校验操作日志的哈希链',
    usage: 'station audit verify --db FILE [--json]',
    load: async () => (await import('./audit-verify')).auditVerifyCommand,
  },
  {
    name: 'roll import',
    summary: 'import the voter roll from CSV or XLSX, all or nothing / 导入选民名单(CSV 或 XLSX，全部成功才导入)',
    usage: 'station roll import --db FILE ROLL.csv|ROLL.xlsx [--encoding auto|utf8|gbk] [--prefix DIGITS] [--as PERSON] [--json]',
    load: async () => (await import('./roll-import')).rollImportCommand,
  },
  {
    name: 'issue',
    summary: 'issue one ballot against a certificate (drills, scripting) / 凭选民证发放一张选票',
    usage: 'station issue --db FILE --certificate N --round R --desk D [--trustee N] [--helper PERSON_ID] [--as PERSON] [--json]',
    load: async () => (await import('./issue')).issueCommand,
  },
  {
    name: 'seal',
    summary: 'seal every round\'s record, result and sign-offs into a signed file / 封存选举结果文件',
    usage: 'station seal --db FILE --out FILE [--overwrite] [--as PERSON] [--json]',
    load: async () => (await import('./seal')).sealCommand,
  },
  {
    name: 'verify',
    summary: 'check a sealed result file: signature, hashes, recount of every round, sign-offs / 校验封存结果文件',
    usage: 'station verify FILE [--fingerprint "XXXX XXXX …"] [--keys REGISTRY.json|.csv|.xlsx] [--json]',
    load: async () => (await import('./verify')).verifyCommand,
  },
  {
    name: 'drill',
    summary: 'rehearse a whole election day on a new drill database, deterministic for a seed / 全流程演练',
    usage: 'station drill --db FILE --voters N --seed S [--out FILE] [--date YYYY-MM-DD] [--replace] [--json] [--quiet]',
    load: async () => (await import('./drill')).drillCommand,
  },
  {
    name: 'results',
    summary: "print a round's stored cer-result/1 (computed first if not stored yet) / 输出某轮的计票结果",
    usage: 'station results --db FILE --round N [--as PERSON]   (--as: who computes a result not stored yet)',
    load: async () => (await import('./results')).resultsCommand,
  },
  {
    name: 'export-record',
    summary: "print the cer/1 election record a round's result was computed from / 输出某轮的选举记录(cer/1)",
    usage: 'station export-record --db FILE --round N [--as PERSON]',
    load: async () => (await import('./export-record')).exportRecordCommand,
  },
  {
    name: 'package export',
    summary: "write a polling station's signed package (setup, its voters, boxes, people) / 导出投票站数据包",
    usage: 'station package export --db FILE --station ID --out FILE [--slip SLIP.pdf] [--overwrite] [--as PERSON] [--json]',
    load: async () => (await import('./station-files')).packageExportCommand,
  },
  {
    name: 'package open',
    summary: 'open a station package into a new data folder, checked against the central fingerprint / 在投票站电脑上打开数据包',
    usage: 'station package open FILE --fingerprint "XXXX XXXX …" --data DIR [--json]',
    load: async () => (await import('./station-files')).packageOpenCommand,
  },
  {
    name: 'return write',
    summary: "write this station laptop's signed return (turnout so far, or --closing) / 投票站写出回执",
    usage: 'station return write --db FILE --out FILE [--slip SLIP.pdf] [--closing] [--overwrite] [--as PERSON] [--json]',
    load: async () => (await import('./station-files')).returnWriteCommand,
  },
  {
    name: 'return import',
    summary: "import a station's return at the central laptop (idempotent; anomalies flagged) / 导入投票站回执",
    usage: 'station return import --db FILE RETURN.json [--fingerprint "XXXX …" (first return)] [--as PERSON] [--json]',
    load: async () => (await import('./station-files')).returnImportCommand,
  },
  {
    name: 'copy folder',
    summary: "choose the folder (a USB stick's) for this file's second copy, written with every change / 选定第二份副本的文件夹",
    usage: 'station copy folder --db FILE --folder DIR [--flush before-ack|right-after] [--as PERSON] [--json]',
    load: async () => (await import('./takeover-files')).copyFolderCommand,
  },
  {
    name: 'takeover',
    summary: "a replacement laptop takes over a station from its package and the dead laptop's second copy / 替换电脑接替投票站",
    usage: 'station takeover --package FILE --copy DIR --fingerprint "XXXX XXXX …" --data DIR [--slip SLIP.pdf] [--json]',
    load: async () => (await import('./takeover-files')).takeoverCommand,
  },
  {
    name: 'restore',
    summary: 'rebuild an election file from its second copy, checked against the audit head / 由第二份副本恢复选举数据文件',
    usage: 'station restore --copy DIR --out FILE [--json]',
    load: async () => (await import('./takeover-files')).restoreCommand,
  },
  {
    name: 'town init',
    summary: 'create a street/town office file for receiving sealed results / 创建街道（镇）备案文件',
    usage: 'station town init --db FILE --name NAME [--follow-up-days N] [--json]',
    load: async () => (await import('./town')).townInitCommand,
  },
  {
    name: 'town register',
    summary: "register a community's station key fingerprint from its tally sheet / 登记社区站点密钥指纹",
    usage: 'station town register --db FILE --community NAME (--fingerprint "XXXX XXXX …" | --qr "CERSHEET1;FP=…") [--json]',
    load: async () => (await import('./town')).townRegisterCommand,
  },
  {
    name: 'town communities',
    summary: "import the town's community list (CSV or XLSX, column 社区) / 导入社区名单",
    usage: 'station town communities --db FILE --import LIST.csv|LIST.xlsx [--json]',
    load: async () => (await import('./town')).townCommunitiesCommand,
  },
  {
    name: 'town import',
    summary: 'verify and file sealed result files, folders or a USB stick / 校验并备案封存结果文件',
    usage: 'station town import --db FILE PATH... [--json]   (exit 1 when any file is refused)',
    load: async () => (await import('./town')).townImportCommand,
  },
  {
    name: 'town board',
    summary: 'the status board: one row per community and body / 备案情况一览',
    usage: 'station town board --db FILE [--owed] [--missing] [--json]',
    load: async () => (await import('./town')).townBoardCommand,
  },
  {
    name: 'town report',
    summary: 'the status board or the structure report as A4 PDF, XLSX or CSV / 导出备案情况或结构报表',
    usage: 'station town report --db FILE --format pdf|xlsx|csv --out FILE [--structure] [--json]',
    load: async () => (await import('./town')).townReportCommand,
  },
];
