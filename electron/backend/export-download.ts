import { realpath } from 'node:fs/promises';
import { extname, join, sep } from 'node:path';
import { plainFileName } from '../../shared/api/shell';
import type { BackendContext } from './context';
import { FILE_LIMITS, InputFileError, readInputFile } from './files/input-file';
import { exportFolder } from './services/export-folder';

/**
 * Browser mode's download of an exported file: GET /exports/<name> (with the launch token) answers a file that lies
 * directly in the open election's export folder — a sealed file (.json) or a tally sheet (.pdf) — as an attachment.
 * Nothing else is served: no folder part, no other kind of file, no link leading out of the folder, nothing larger
 * than a sealed file may be.
 */
export const EXPORT_DOWNLOAD_PATH = '/exports/';
export const EXPORT_DOWNLOAD_MAX_BYTES = FILE_LIMITS.sealed;

const CONTENT_TYPES = new Map([
  ['.json', 'application/json; charset=utf-8'],
  ['.pdf', 'application/pdf'],
]);

export type ExportDownload =
  | { ok: true; name: string; contentType: string; data: Buffer }
  | { ok: false; status: 400 | 404 | 413; message: string };

const notFound = (name: string): ExportDownload => ({ ok: false, status: 404, message: `导出文件夹中没有此文件 / no such file in the export folder: ${name}` });

/** `encodedName` is the URL's last segment, still percent-encoded. */
export async function readExportDownload(ctx: BackendContext, encodedName: string): Promise<ExportDownload> {
  let name: string;
  try {
    name = decodeURIComponent(encodedName);
  } catch {
    return { ok: false, status: 400, message: '文件名不是有效的百分号编码 / the file name is not valid percent-encoding' };
  }
  const type = CONTENT_TYPES.get(extname(name).toLowerCase());
  if (!plainFileName.safeParse(name).success || type === undefined) {
    return { ok: false, status: 400, message: `只能下载导出文件夹中的 .json 或 .pdf 文件 / only a .json or .pdf file of the export folder can be downloaded: ${name}` };
  }
  const folder = exportFolder(ctx).folder;
  let real: string;
  let realFolder: string;
  try {
    [real, realFolder] = await Promise.all([realpath(join(folder, name)), realpath(folder)]);
  } catch {
    return notFound(name);
  }
  if (!real.startsWith(realFolder + sep) || real.slice(realFolder.length + 1).includes(sep)) return notFound(name);
  try {
    return { ok: true, name, contentType: type, data: await readInputFile(real, EXPORT_DOWNLOAD_MAX_BYTES) };
  } catch (e) {
    if (e instanceof InputFileError && e.problem === 'too-large') return { ok: false, status: 413, message: `文件过大 / the file is too large: ${name}` };
    if (e instanceof InputFileError) return notFound(name);
    throw e;
  }
}

/** `attachment` with the name in UTF-8 (RFC 6266/8187) and an ASCII stand-in for old clients. */
export function attachmentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}
