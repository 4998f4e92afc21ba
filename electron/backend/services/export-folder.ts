import { mkdirSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { isSealedFileName, type ExportFolderView } from '../../../shared/api/seal';
import { appendAudit } from '../audit';
import { invalid, type BackendContext } from '../context';
import { inTransaction } from '../db';

/**
 * The export folder: the one place the contract writes sealed files, by a plain name. By default `exports` beside the
 * election file; a committee member may choose another (in Electron, the folder picked in the shell's dialog).
 */

export function exportFolder(ctx: BackendContext): ExportFolderView {
  const row = ctx.db.prepare('SELECT path FROM export_folder WHERE id = 1').get() as { path: string } | undefined;
  return row ? { folder: row.path, isDefault: false } : { folder: join(resolve(ctx.dataDir), 'exports'), isDefault: true };
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Chooses the folder (absolute, an existing folder), or the default again with null. */
export function setExportFolder(ctx: BackendContext, folder: string | null): ExportFolderView {
  if (folder !== null) {
    if (!isAbsolute(folder)) throw invalid('folder', '导出文件夹须是完整路径', 'the export folder must be an absolute path');
    if (!isDirectory(folder)) throw invalid('folder', `文件夹 ${folder} 不存在`, `${folder} is not an existing folder`);
  }
  return inTransaction(ctx.db, () => {
    if (folder === null) ctx.db.prepare('DELETE FROM export_folder').run();
    else ctx.db.prepare('INSERT INTO export_folder (id, path, set_at) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET path = excluded.path, set_at = excluded.set_at').run(resolve(folder), ctx.now().toISOString());
    const view = exportFolder(ctx);
    appendAudit(ctx.db, { type: 'export.folder-set', at: ctx.now(), actor: ctx.actor, subject: 'export', detail: { ...view } });
    return view;
  });
}

/**
 * The path of `name` inside the export folder; the default folder is created when missing. The name is checked again
 * here (the contract's schema checks it first), so no caller can reach outside the folder.
 */
export function exportPath(ctx: BackendContext, name: string): string {
  if (!isSealedFileName(name)) {
    throw invalid('name', '文件名须以 .json 结尾，且不能含文件夹、“..”或完整路径', 'a plain file name ending in .json inside the export folder (no folder, no "..", not an absolute path)');
  }
  const { folder, isDefault } = exportFolder(ctx);
  if (isDefault) mkdirSync(folder, { recursive: true });
  return join(folder, name);
}
