import { ApiError, type Implementation } from '../../../shared/api/envelope';
import { parseSheetQr } from '../../../shared/domain/sheet-qr';
import type { TownContract } from '../../../shared/api/town';
import type { BackendContext } from '../context';
import { bilingual } from '../bilingual';
import { FILE_LIMITS } from '../files/input-file';
import { importCommunities, importCommunityList, registerKey, townBoard } from '../town/office';
import { renderTownReport, type ReportFormat } from '../town/report';

const REPORT_MIME: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv;charset=utf-8',
};
import { receiveSealedFile } from '../town/receive';
import { townHolderFor } from '../town-mode/holder';
import { startImportJob } from '../town-mode/import-job';

/** At most this many keys are listed (a town has a few hundred communities at most). */
const KEYS_SHOWN = 5000;

function decodeUpload(contentBase64: string, max: number, name: string): Buffer {
  const bytes = Buffer.from(contentBase64, 'base64');
  if (bytes.length > max) {
    throw new ApiError('invalid-input', bilingual(`${name}：文件超过 ${max} 字节`, `${name}: the file is over ${max} bytes`), { path: 'contentBase64' });
  }
  return bytes;
}

/** The fingerprint as typed, or read from a scanned tally sheet QR text; exactly one of the two. */
function fingerprintGiven(input: { fingerprint?: string | undefined; qr?: string | undefined }): { text: string; via: 'typed' | 'qr' } {
  if ((input.fingerprint === undefined) === (input.qr === undefined)) {
    throw new ApiError('invalid-input', bilingual('请给出密钥指纹或扫描二维码（二者之一）', 'give either the fingerprint or the scanned QR text'), { path: 'fingerprint' });
  }
  if (input.qr === undefined) return { text: input.fingerprint!, via: 'typed' };
  const read = parseSheetQr(input.qr);
  if (!read.ok) {
    throw new ApiError('invalid-input', `qr: ${bilingual('不是计票结果报告单的二维码内容', 'not the QR text of a tally sheet')} (${read.problem})`, { path: 'qr' });
  }
  return { text: read.qr.fingerprint, via: 'qr' };
}

/** Town-office mode (shared/api/town.ts) over the town file open for this data folder (town-mode/holder.ts). */
export function townApi(ctx: BackendContext): Implementation<TownContract> {
  const holder = townHolderFor(ctx.dataDir);
  let jobs = 0;
  return {
    townFile: () => holder.view(),
    townOpenFile: ({ file }) => holder.open(file),
    townCreateFile: ({ file, name, followUpDays }) => holder.create(file, { name, followUpDays }),
    townCloseFile: () => holder.close(),
    townRegisterKey: (input) => {
      const given = fingerprintGiven(input);
      return { ...registerKey(holder.current(), input.community, given.text, given.via), via: given.via };
    },
    townKeys: () => {
      const rows = holder
        .current()
        .db.prepare('SELECT community, fingerprint, via, registered_at AS registeredAt FROM station_key ORDER BY id DESC LIMIT ?')
        .all(KEYS_SHOWN) as Array<{ community: string; fingerprint: string; via: 'typed' | 'qr' | 'file'; registeredAt: string }>;
      return { keys: rows };
    },
    townImportCommunities: (input) =>
      'path' in input
        ? importCommunities(holder.current(), input.path)
        : importCommunityList(holder.current(), decodeUpload(input.contentBase64, FILE_LIMITS.communities, input.name), input.name),
    townImportStart: ({ paths }) => {
      const town = holder.current();
      if (holder.job?.running) {
        throw new ApiError('conflict', bilingual('上一次导入还在进行，请等它结束', 'the previous import is still running; wait until it ends'));
      }
      holder.job = startImportJob(town, ++jobs, paths);
      return holder.job;
    },
    townImportProgress: ({ job }) => {
      if (holder.job === null || holder.job.job !== job) throw new ApiError('not-found', bilingual(`没有第 ${job} 次导入`, `no import number ${job}`), { path: 'job' });
      return holder.job;
    },
    townUploadSealed: ({ name, contentBase64 }) => receiveSealedFile(holder.current(), decodeUpload(contentBase64, FILE_LIMITS.sealed, name), name),
    townBoard: (filter) => {
      const town = holder.current();
      return { office: town.office.name, followUpDays: town.office.followUpDays, rows: townBoard(town, filter) };
    },
    townReport: async ({ format, structure }) => {
      const report = await renderTownReport(holder.current(), { format, structure });
      const name = structure ? '结构报表' : '备案情况一览';
      return { fileName: `${name}.${format}`, mime: REPORT_MIME[format], contentBase64: report.bytes.toString('base64'), sources: report.sources.length };
    },
  };
}
